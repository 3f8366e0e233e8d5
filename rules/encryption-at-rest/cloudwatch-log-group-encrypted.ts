import { defineRule, isTerraform, text, type FixIntent, type Resource, type RuleContext, type RuleResult, type ValueNode } from '../kit';
import { expectKey, hasValue, keyValue } from './key-support';

const KEY_POLICY = { safe: false, consequence: 'the key policy must allow the CloudWatch Logs service principal to use the key' };

export default defineRule({
  id: 'cloudwatch-log-group-encrypted',
  title: 'CloudWatch log group that may receive PHI is not encrypted with a KMS key',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['cloudwatch-log-group-encrypted'],
  appliesTo: {
    cloudformation: ['AWS::Logs::LogGroup', 'AWS::Lambda::Function'],
    terraform: ['aws_cloudwatch_log_group', 'aws_lambda_function'],
  },
  responsibility: {
    aws: 'CloudWatch Logs encrypts every log group at rest with a key the service owns, and uses a customer KMS key when one is associated.',
    customer: 'Associate a customer managed KMS key with every log group that may receive PHI (including the groups Lambda would create on its own), and allow the CloudWatch Logs service in the key policy.',
  },
  messages: {
    noKey: 'Log group {resource} has no KMS key (KmsKeyId); log lines that carry PHI are readable by anyone with log read access, without a key grant.',
    implicitGroup: 'Function {resource} logs to a group the template does not declare; Lambda creates it at run time without a KMS key. Declare the log group with KmsKeyId (or point LoggingConfig.LogGroup at an encrypted one).',
    unknown: 'The KMS key of log group {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noKey: 'Log group {resource} has no KMS key (kms_key_id); log lines that carry PHI are readable by anyone with log read access, without a key grant.',
    implicitGroup: 'Function {resource} logs to a group the plan does not declare; Lambda creates it at run time without a KMS key. Declare an aws_cloudwatch_log_group named /aws/lambda/<function_name> with kms_key_id (or point logging_config.log_group at an encrypted one).',
  },
  limits: 'Log groups created at run time by services other than Lambda (API Gateway execution logs, ECS awslogs groups named in task definitions) are not followed.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.type === 'AWS::Logs::LogGroup' && resource.implicitFrom) return checkImplicit(resource, ctx);
    if (resource.type === 'AWS::Lambda::Function' || resource.type === 'aws_lambda_function') return checkFunction(resource, ctx);
    const attribute = isTerraform(resource) ? 'kms_key_id' : 'KmsKeyId';
    const fixes = isTerraform(resource) ? [] : keyFixFor(ctx, resource);
    return expectKey(ctx, resource, attribute, { messageId: 'noKey', fixes });
  },
});

function keyFixFor(ctx: RuleContext, group: Resource): FixIntent[] {
  const value = keyValue(ctx, 'Arn', { name: 'LogsKmsKeyArn', description: 'ARN of the KMS key that encrypts the log groups' });
  return [{ title: `Encrypt the log group with a KMS key (${KEY_POLICY.consequence})`, safe: false, consequence: KEY_POLICY.consequence, edits: [{ op: 'set', path: [...group.propertiesPath, 'KmsKeyId'], value }] }];
}

/** A SAM function's log group, created by Lambda on first invocation: unencrypted unless the function logs elsewhere. */
function checkImplicit(group: Resource, ctx: RuleContext): RuleResult[] {
  const fn = ctx.byId(group.implicitFrom!);
  if (!fn || hasValue(ctx, fn, 'LoggingConfig.LogGroup') || hasDeclaredGroup(ctx, fn)) return [];
  return [{ status: 'fail', path: fn.path, messageId: 'implicitGroup', resourceId: fn.id, data: { resource: fn.id }, fixes: declareGroupFix(ctx, fn) }];
}

/** Plain CloudFormation and Terraform functions: a declared log group must receive their logs. */
function checkFunction(fn: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(fn);
  if (hasValue(ctx, fn, tf ? 'logging_config.0.log_group' : 'LoggingConfig.LogGroup') && !(tf && defaultGroupName(ctx, fn))) return [];
  if (hasDeclaredGroup(ctx, fn)) return [];
  return [{ status: 'fail', path: fn.path, messageId: 'implicitGroup', fixes: tf ? [] : declareGroupFix(ctx, fn) }];
}

/** A log group declared in the template under the function's default name `/aws/lambda/<name>`. */
function hasDeclaredGroup(ctx: RuleContext, fn: Resource): boolean {
  const tf = isTerraform(fn);
  const index = declaredGroups(ctx, tf);
  const own = ctx.get(fn, tf ? 'function_name' : 'FunctionName').resolved;
  const name = own.kind === 'known' ? text(own.value) : undefined;
  return index.referenced.has(fn.id) || (!!name && index.names.has(`/aws/lambda/${name}`));
}

/** Every declared group's literal name and the functions its name refers to, computed once per template. */
function declaredGroups(ctx: RuleContext, tf: boolean): { names: Set<string>; referenced: Set<string> } {
  return ctx.memo(`cloudwatch-log-group-encrypted:groups:${tf}`, () => {
    const names = new Set<string>();
    const referenced = new Set<string>();
    for (const g of ctx.ofType(tf ? 'aws_cloudwatch_log_group' : 'AWS::Logs::LogGroup')) {
      if (g.implicitFrom) continue;
      const prop = tf ? 'name' : 'LogGroupName';
      const lookup = ctx.get(g, prop);
      if (lookup.resolved.kind === 'known' && typeof lookup.resolved.value === 'string') names.add(lookup.resolved.value);
      if (scalars(lookup.node).some((v) => v.includes('/aws/lambda/'))) {
        for (const e of ctx.edgesFrom(g.id)) if (e.path[g.propertiesPath.length] === prop) referenced.add(e.to);
      }
      // Terraform: the group's name built from the function's name is a configuration reference.
      for (const r of tf ? (g.terraform?.references.name ?? []) : []) {
        const parts = r.split('.');
        for (let k = 1; k <= parts.length; k++) referenced.add(parts.slice(0, k).join('.'));
      }
    }
    return { names, referenced };
  });
}

function scalars(node: ValueNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'scalar') return typeof node.value === 'string' ? [node.value] : [];
  if (node.kind === 'seq') return node.items.flatMap(scalars);
  return node.entries.flatMap((e) => scalars(e.value));
}

/** Terraform fills logging_config.log_group with the default /aws/lambda/<name> when it is not configured. */
function defaultGroupName(ctx: RuleContext, fn: Resource): boolean {
  const group = ctx.get(fn, 'logging_config.0.log_group').resolved;
  const name = ctx.get(fn, 'function_name').resolved;
  return group.kind === 'known' && name.kind === 'known' && group.value === `/aws/lambda/${text(name.value)}`;
}

function declareGroupFix(ctx: RuleContext, fn: Resource): FixIntent[] {
  const value = keyValue(ctx, 'Arn', { name: 'LogsKmsKeyArn', description: 'ARN of the KMS key that encrypts the log groups' });
  const consequence = 'fails if Lambda already created the group: delete or import it first; the key policy must allow CloudWatch Logs';
  return [
    {
      title: `Declare the function's log group with a KMS key (${consequence})`,
      safe: false,
      consequence,
      edits: [{ op: 'addResource', logicalId: `${fn.id}LogGroup`, type: 'AWS::Logs::LogGroup', properties: { LogGroupName: { 'Fn::Sub': `/aws/lambda/\${${fn.id}}` }, KmsKeyId: value } }],
    },
  ];
}
