import { asUnknown, defineRule, expect, itemCount, oneOfValues, referencedBy, referrersOf, setFix, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';
import { keyValue } from './key-support';

const KMS = oneOfValues('aws:kms', 'aws:kms:dsse');
const SPLIT = 'aws_s3_bucket_server_side_encryption_configuration';

export default defineRule({
  id: 's3-bucket-default-encryption-kms',
  title: 'S3 bucket that may hold PHI does not encrypt new objects with a KMS key by default',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['s3-bucket-default-encryption-kms'],
  appliesTo: { cloudformation: ['AWS::S3::Bucket', 'AWS::S3Express::DirectoryBucket'], terraform: ['aws_s3_bucket'] },
  responsibility: {
    aws: 'S3 and KMS perform the encryption and record every use of a KMS key in CloudTrail.',
    customer: 'Choose SSE-KMS as the bucket default, preferably with a customer managed key, write its key policy and keep the CloudTrail records of decrypts.',
  },
  messages: {
    notKms: 'Bucket {resource} does not default to SSE-KMS (aws:kms or aws:kms:dsse), so reads of its objects leave no KMS key-usage trail.',
    unknown: 'Default encryption algorithm of bucket {resource} cannot be verified statically: {reason}.',
  },
  limits: 'Objects uploaded with their own encryption headers, objects written before the default changed, and who the key policy lets decrypt are not visible in a template.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    return resource.family === 'terraform-plan' ? checkTerraform(resource, ctx) : checkCloudFormation(resource, ctx);
  },
});

function checkCloudFormation(resource: Resource, ctx: RuleContext): RuleResult[] {
  const rule: Record<string, unknown> = { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyValue(ctx, 'Arn', { name: 'PhiBucketKmsKeyArn', description: 'ARN of the customer managed KMS key for the bucket default encryption' }) } };
  if (resource.type === 'AWS::S3::Bucket') rule.BucketKeyEnabled = true;
  const fixes = setFix(resource, 'BucketEncryption', { ServerSideEncryptionConfiguration: [rule] } as never, 'Default to SSE-KMS', {
    safe: false,
    consequence: 'adds KMS request cost and every writer and reader needs permission to use the key',
  });
  const rules = ctx.get(resource, 'BucketEncryption.ServerSideEncryptionConfiguration');
  if (rules.resolved.kind === 'unknown') return [unknownAt(rules.path, rules.resolved.reason)];
  const count = itemCount(ctx, resource, ['BucketEncryption', 'ServerSideEncryptionConfiguration']);
  if (count === 0) return [{ status: 'fail', path: rules.present ? rules.path : resource.propertiesPath, messageId: 'notKms', fixes }];
  const results: RuleResult[] = [];
  for (let i = 0; i < count; i++) {
    results.push(...expect(ctx, resource, ['BucketEncryption', 'ServerSideEncryptionConfiguration', i, 'ServerSideEncryptionByDefault', 'SSEAlgorithm'], KMS, { messageId: 'notKms', fixes }).map(asUnknown));
  }
  return results;
}

function checkTerraform(resource: Resource, ctx: RuleContext): RuleResult[] {
  // Provider v4+: the split resource joined on `bucket` (reference edge or literal bucket name); else the legacy inline block.
  // Findings about the split resource are reported on it, as in s3-bucket-default-encryption.
  const configs = [...referencedBy(ctx, resource.id, [SPLIT]), ...referrersOf(ctx, resource, [SPLIT], 'bucket')].filter((c, i, all) => all.indexOf(c) === i);
  if (configs.length > 0) {
    const results: RuleResult[] = [];
    for (const config of configs) {
      const found = expect(ctx, config, 'rule.0.apply_server_side_encryption_by_default.0.sse_algorithm', KMS, { messageId: 'notKms' }).map(asUnknown);
      if (found.length === 0) return [];
      results.push(...found.map((r) => ({ ...r, resourceId: config.id })));
    }
    return results;
  }
  const inline = 'server_side_encryption_configuration.0.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm';
  const lookup = ctx.get(resource, 'server_side_encryption_configuration');
  if (lookup.resolved.kind === 'unknown') return [unknownAt(lookup.path, lookup.resolved.reason)];
  if (itemCount(ctx, resource, ['server_side_encryption_configuration']) === 0) return [{ status: 'fail', path: resource.propertiesPath, messageId: 'notKms' }];
  return expect(ctx, resource, inline, KMS, { messageId: 'notKms' }).map(asUnknown);
}
