import { defineRule, expect, isNonEmpty, oneOfValues, referencedBy, referrersOf, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';

const ALGORITHMS = oneOfValues('AES256', 'aws:kms', 'aws:kms:dsse');

export default defineRule({
  id: 's3-bucket-default-encryption',
  title: 'S3 bucket that may hold PHI has no default server-side encryption declared',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(c)(2)', '164.312(e)(2)(ii)'],
  controls: ['s3-bucket-default-encryption'],
  appliesTo: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  responsibility: {
    aws: 'Since January 2023 S3 encrypts every new object with S3-managed keys by default, and AWS protects the storage media and the keys it manages.',
    customer: 'Declare the bucket’s encryption (algorithm and key) in the template so it is deliberate, reviewable evidence for an auditor, and choose who may use the key.',
  },
  messages: {
    missing: 'Bucket {resource} declares no default encryption (BucketEncryption); declare SSE-KMS or SSE-S3 so encryption of PHI at rest is explicit.',
    badAlgorithm: 'Bucket {resource} sets SSEAlgorithm to a value that is not AES256, aws:kms or aws:kms:dsse.',
    unknown: 'Encryption of bucket {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    missing: 'Bucket {resource} declares no default encryption (no aws_s3_bucket_server_side_encryption_configuration for it, nor an inline server_side_encryption_configuration); declare SSE-KMS or SSE-S3 so encryption of PHI at rest is explicit.',
    badAlgorithm: 'Bucket {resource} sets rule.apply_server_side_encryption_by_default.sse_algorithm to a value that is not AES256, aws:kms or aws:kms:dsse.',
  },
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    return resource.family === 'terraform-plan' ? checkTerraform(resource, ctx) : checkCloudFormation(resource, ctx);
  },
});

function checkCloudFormation(resource: Resource, ctx: RuleContext): RuleResult[] {
  const rules = ctx.get(resource, 'BucketEncryption.ServerSideEncryptionConfiguration');
  const fixes = setFix(resource, 'BucketEncryption', { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] }, 'Declare default encryption (SSE-S3)');
  if (rules.resolved.kind === 'absent') return [{ status: 'fail', path: rules.path, messageId: 'missing', fixes }];
  if (rules.resolved.kind === 'unknown') return [{ status: 'unknown', path: rules.path, messageId: 'unknown', reason: rules.resolved.reason, data: { reason: rules.resolved.reason } }];
  const count = rules.node?.kind === 'seq' ? rules.node.items.length : 0;
  if (count === 0) return [{ status: 'fail', path: rules.path, messageId: 'missing', fixes }];
  const results: RuleResult[] = [];
  for (let i = 0; i < count; i++) {
    results.push(...expect(ctx, resource, ['BucketEncryption', 'ServerSideEncryptionConfiguration', i, 'ServerSideEncryptionByDefault', 'SSEAlgorithm'], ALGORITHMS, { messageId: 'badAlgorithm' }));
  }
  return results.map((r) => (r.status === 'unknown' ? { ...r, messageId: 'unknown' } : r));
}

function checkTerraform(resource: Resource, ctx: RuleContext): RuleResult[] {
  // Provider v4+ declares encryption in a separate resource joined on the bucket.
  // Joined by configuration reference, or by the bucket's literal name when the plan has no configuration.
  const split = 'aws_s3_bucket_server_side_encryption_configuration';
  const configs = [...new Set([...referencedBy(ctx, resource.id, [split]), ...referrersOf(ctx, resource, [split], 'bucket')])];
  const results: RuleResult[] = [];
  for (const config of configs) {
    // Any rule with an accepted algorithm encrypts by default.
    for (let i = 0; ; i++) {
      const algorithm = ctx.get(config, ['rule', i, 'apply_server_side_encryption_by_default', 0, 'sse_algorithm']);
      if (!ctx.get(config, ['rule', i]).present && i > 0) break;
      if (algorithm.resolved.kind === 'known' && ALGORITHMS(algorithm.resolved.value)) return [];
      if (algorithm.resolved.kind === 'unknown') results.push({ status: 'unknown', path: algorithm.path, messageId: 'unknown', data: { reason: algorithm.resolved.reason }, reason: algorithm.resolved.reason, resourceId: config.id });
      else if (i === 0) results.push({ status: 'fail', path: algorithm.path, messageId: 'badAlgorithm', resourceId: config.id });
      if (!ctx.get(config, ['rule', i]).present) break;
    }
  }
  if (results.length) return results.slice(0, 1);
  const inline = ctx.get(resource, 'server_side_encryption_configuration.0.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm');
  if (inline.resolved.kind === 'known' && isNonEmpty(inline.resolved.value)) {
    return ALGORITHMS(inline.resolved.value) ? [] : [{ status: 'fail', path: inline.path, messageId: 'badAlgorithm' }];
  }
  if (inline.resolved.kind === 'unknown') return [{ status: 'unknown', path: inline.path, messageId: 'unknown', data: { reason: inline.resolved.reason }, reason: inline.resolved.reason }];
  return [{ status: 'fail', path: resource.propertiesPath, messageId: 'missing' }];
}
