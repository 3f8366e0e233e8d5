import { defineRule, isTerraform, possible, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { expectKey, keyFix } from './key-support';

export default defineRule({
  id: 'lambda-environment-kms',
  title: 'Lambda function with environment variables does not encrypt them with a customer managed KMS key',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['lambda-environment-kms'],
  appliesTo: { cloudformation: ['AWS::Lambda::Function', 'AWS::Serverless::Function'], terraform: ['aws_lambda_function'] },
  responsibility: {
    aws: 'Lambda encrypts environment variables at rest with the AWS managed aws/lambda key, or with a customer managed key named on the function.',
    customer: 'Name a customer managed key for functions that have environment variables, and keep PHI and secrets out of those variables (read secrets from Secrets Manager at run time).',
  },
  messages: {
    noKey: 'Function {resource} has environment variables encrypted only with the AWS managed aws/lambda key (KmsKeyArn is not set); anyone allowed to read the function configuration sees them in clear text.',
    unknown: 'The environment encryption key of function {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noKey: 'Function {resource} has environment variables encrypted only with the AWS managed aws/lambda key (kms_key_arn is not set); anyone allowed to read the function configuration sees them in clear text.',
  },
  limits: 'The rule cannot tell whether the variables themselves hold PHI or secrets; keeping them out of configuration is still the customer’s job.',
  check(fn: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(fn);
    const variables = possible(ctx.get(fn, tf ? ['environment', 0, 'variables'] : ['Environment', 'Variables']).resolved);
    if (!variables.unknown && !variables.values.some(nonEmptyMap)) return [];
    const attribute = tf ? 'kms_key_arn' : 'KmsKeyArn';
    const fixes = keyFix(ctx, fn, attribute, 'Encrypt the environment variables with a customer managed key', { safe: false, consequence: 'the key policy must let the deploying principal create grants for Lambda' });
    return expectKey(ctx, fn, attribute, { messageId: 'noKey', fixes });
  },
});

function nonEmptyMap(v: JsonValue): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0;
}
