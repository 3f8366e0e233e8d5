import { asUnknown, defineRule, expect, isNonEmpty, isTrue, oneOfValues, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';
import { hasValue } from './key-support';

export default defineRule({
  id: 'dynamodb-table-kms',
  title: 'DynamoDB table that may hold PHI is encrypted with the AWS owned key, whose use the customer cannot audit',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['dynamodb-table-kms'],
  appliesTo: { cloudformation: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable'], terraform: ['aws_dynamodb_table', 'aws_dynamodb_table_replica'] },
  responsibility: {
    aws: 'DynamoDB encrypts every table, index, stream and backup at rest; with a KMS key it also logs each key use in CloudTrail.',
    customer: 'Select a KMS key (AWS managed aws/dynamodb or, better, customer managed) for tables that hold PHI and govern the key policy.',
  },
  messages: {
    ownedKey: 'Table {resource} uses the AWS owned key (SSESpecification.SSEEnabled is not true): key use is invisible to you and cannot be restricted.',
    notKmsType: 'Table {resource} enables SSE but SSEType is not KMS.',
    replicaNoKey: 'Replica {resource} names no KMS key (kms_key_arn), so it uses the AWS owned key.',
    unknown: 'Encryption key of table {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    ownedKey: 'Table {resource} uses the AWS owned key (server_side_encryption.enabled is not true): key use is invisible to you and cannot be restricted.',
  },
  limits: 'The key policy, grants and who reads the CloudTrail records of key use are not visible in a template.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.type === 'aws_dynamodb_table') return expect(ctx, resource, 'server_side_encryption.0.enabled', isTrue, { messageId: 'ownedKey' }).map(asUnknown);
    if (resource.type === 'aws_dynamodb_table_replica') {
      if (hasValue(ctx, resource, 'kms_key_arn')) return [];
      return expect(ctx, resource, 'kms_key_arn', isNonEmpty, { messageId: 'replicaNoKey' }).map(asUnknown);
    }
    // Switching from the AWS owned key to a KMS key is an in-place update, but KMS requests are billed.
    const fixes = setFix(resource, 'SSESpecification.SSEEnabled', true, 'Encrypt with the AWS managed KMS key (aws/dynamodb)', { safe: false, consequence: 'adds KMS request cost' });
    const enabled = expect(ctx, resource, 'SSESpecification.SSEEnabled', isTrue, { messageId: 'ownedKey', fixes }).map(asUnknown);
    if (enabled.length > 0) return enabled;
    // SSEType defaults to KMS when SSE is enabled; only an explicit other value fails.
    return expect(ctx, resource, 'SSESpecification.SSEType', oneOfValues('KMS'), { messageId: 'notKmsType', absentPasses: true }).map(asUnknown);
  },
});
