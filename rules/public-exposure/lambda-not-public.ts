import { defineRule, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, oneOf, possible, referrersOf, setFix, targetsOf, text, unknownAt } from '../kit';

const FUNCTIONS = { cloudformation: ['AWS::Lambda::Function', 'AWS::Serverless::Function'], terraform: ['aws_lambda_function'] };
const CFN = { permission: 'AWS::Lambda::Permission', url: 'AWS::Lambda::Url', fnProp: 'FunctionName', urlFnProp: 'TargetFunctionArn', principal: 'Principal', limits: ['SourceArn', 'SourceAccount', 'PrincipalOrgID'], auth: 'AuthType' };
const TF = { permission: 'aws_lambda_permission', url: 'aws_lambda_function_url', fnProp: 'function_name', urlFnProp: 'function_name', principal: 'principal', limits: ['source_arn', 'source_account', 'principal_org_id'], auth: 'authorization_type' };

export default defineRule({
  id: 'lambda-not-public',
  title: 'Lambda function that may handle PHI can be invoked by anyone',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['lambda-not-public'],
  appliesTo: {
    cloudformation: ['AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::Lambda::Permission', 'AWS::Lambda::Url'],
    terraform: ['aws_lambda_function', 'aws_lambda_permission', 'aws_lambda_function_url'],
  },
  responsibility: {
    aws: 'Lambda runs only the invocations its resource policy and function URL settings allow.',
    customer: 'Grant invoke permissions to specific services with SourceArn or SourceAccount (or to named accounts), and use AWS_IAM authentication on function URLs that reach PHI.',
  },
  messages: {
    publicPermission: '{resource} can be invoked by anyone: {permission} grants Principal "*" without SourceArn, SourceAccount or PrincipalOrgID.',
    publicUrl: '{resource} has a function URL with AuthType NONE ({url}): anyone who knows the URL can call it.',
    unknown: 'Whether {resource} can be invoked by anyone cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    publicPermission: '{resource} can be invoked by anyone: {permission} grants principal "*" without source_arn, source_account or principal_org_id.',
    publicUrl: '{resource} has a function URL with authorization_type NONE ({url}): anyone who knows the URL can call it.',
  },
  limits: 'Permissions added outside the template (other stacks, the console) cannot be seen; a NONE function URL that checks callers in its own code is still reported.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    const k = tf ? TF : CFN;
    const fnTypes = tf ? FUNCTIONS.terraform : FUNCTIONS.cloudformation;
    if (resource.type === k.permission || resource.type === k.url) {
      // Judged from the function when it is in the file, so the function's PHI grades the finding.
      const prop = resource.type === k.permission ? k.fnProp : k.urlFnProp;
      if (targetsOf(ctx, resource, prop, fnTypes, ['FunctionName']).length) return [];
      return resource.type === k.permission ? permission(ctx, resource, k, true) : url(ctx, resource, k, true);
    }
    const results: RuleResult[] = [];
    if (resource.type === 'AWS::Serverless::Function') {
      const auth = ctx.get(resource, ['FunctionUrlConfig', 'AuthType']);
      const p = possible(auth.resolved);
      if (p.values.some((v) => oneOf(v, 'NONE'))) {
        results.push({ status: 'fail', path: auth.path, messageId: 'publicUrl', data: { url: 'FunctionUrlConfig' }, fixes: setFix(resource, ['FunctionUrlConfig', 'AuthType'], 'AWS_IAM', 'Require IAM authentication on the function URL', { safe: false, consequence: 'callers must sign requests with AWS credentials' }) });
      } else if (p.unknown) results.push(unknownAt(auth.path, p.unknown));
    }
    for (const perm of referrersOf(ctx, resource, [k.permission], k.fnProp, ['FunctionName'])) results.push(...permission(ctx, perm, k, false));
    for (const u of referrersOf(ctx, resource, [k.url], k.urlFnProp, ['FunctionName'])) results.push(...url(ctx, u, k, false));
    return results;
  },
});

function permission(ctx: RuleContext, perm: Resource, k: typeof CFN, self: boolean): RuleResult[] {
  const resourceId = self ? undefined : perm.id;
  const principal = ctx.get(perm, k.principal);
  const p = possible(principal.resolved);
  const everyone = p.values.some((v) => text(v) === '*');
  if (!everyone && !p.unknown) return [];
  for (const limit of k.limits) {
    const l = possible(ctx.get(perm, limit).resolved);
    if (l.unknown || l.values.some((v) => v !== null && v !== '')) return [];
  }
  if (!everyone) return [{ ...unknownAt(principal.path, p.unknown!), resourceId }];
  return [{ status: 'fail', path: principal.path, messageId: 'publicPermission', data: { permission: perm.id }, resourceId }];
}

function url(ctx: RuleContext, u: Resource, k: typeof CFN, self: boolean): RuleResult[] {
  const resourceId = self ? undefined : u.id;
  const auth = ctx.get(u, k.auth);
  const p = possible(auth.resolved);
  if (p.values.some((v) => oneOf(v, 'NONE'))) {
    return [{ status: 'fail', path: auth.path, messageId: 'publicUrl', data: { url: u.id }, resourceId, fixes: setFix(u, k.auth, 'AWS_IAM', 'Require IAM authentication on the function URL', { safe: false, consequence: 'callers must sign requests with AWS credentials' }) }];
  }
  if (p.unknown) return [{ ...unknownAt(auth.path, p.unknown), resourceId }];
  return [];
}
