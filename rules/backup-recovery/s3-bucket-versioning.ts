import { defineRule, evaluate, expect, isTrue, oneOfValues, setFix, type Resource, type RuleContext, type RuleResult, referrersOf } from '../kit';
import { asUnknown, isTerraform } from '../kit';

const ENABLED = oneOfValues('Enabled');

export default defineRule({
  id: 's3-bucket-versioning',
  title: 'S3 bucket that may hold PHI does not keep object versions',
  category: 'backup-recovery',
  severity: 'warning',
  hipaa: ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.312(c)(1)', '164.312(c)(2)'],
  controls: ['s3-bucket-versioning'],
  appliesTo: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  responsibility: {
    aws: 'S3 stores objects redundantly across devices and facilities, and keeps every prior version of an object once versioning is on.',
    customer: 'Turn versioning on for buckets that store PHI, so an overwrite or delete can be undone, and manage the noncurrent versions with lifecycle rules.',
  },
  messages: {
    notEnabled: 'Bucket {resource} does not keep object versions (VersioningConfiguration.Status is not Enabled); an overwritten or deleted object cannot be recovered.',
    noVersioning: 'Bucket {resource} has no aws_s3_bucket_versioning resource with status "Enabled"; an overwritten or deleted object cannot be recovered.',
    suspended: 'The versioning resource of bucket {resource} does not set status "Enabled" (versioning is suspended or off).',
    unknown: 'Versioning of bucket {resource} cannot be verified statically: {reason}.',
  },
  check(bucket: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(bucket) ? checkTerraform(bucket, ctx) : checkCloudFormation(bucket, ctx);
  },
});

function checkCloudFormation(bucket: Resource, ctx: RuleContext): RuleResult[] {
  // Object Lock turns versioning on by itself and it cannot be suspended afterwards.
  if (evaluate(ctx.get(bucket, 'ObjectLockEnabled').resolved, isTrue).outcome === 'pass') return [];
  const fixes = setFix(bucket, 'VersioningConfiguration.Status', 'Enabled', 'Turn on bucket versioning', {
    safe: false,
    consequence: 'keeps every overwritten object as a billed noncurrent version; versioning can afterwards only be suspended',
  });
  return expect(ctx, bucket, 'VersioningConfiguration.Status', ENABLED, { messageId: 'notEnabled', fixes }).map(asUnknown);
}

function checkTerraform(bucket: Resource, ctx: RuleContext): RuleResult[] {
  if (evaluate(ctx.get(bucket, 'object_lock_enabled').resolved, isTrue).outcome === 'pass') return [];
  const judged = referrersOf(ctx, bucket, ['aws_s3_bucket_versioning'], 'bucket').map((v) => {
    const results = expect(ctx, v, ['versioning_configuration', 0, 'status'], ENABLED, { messageId: 'suspended' }).map(asUnknown);
    return { resource: v, results: results.map((r) => ({ ...r, resourceId: v.id })) };
  });
  if (judged.some((j) => j.results.length === 0)) return [];
  const undecided = judged.find((j) => j.results[0].status === 'unknown');
  if (undecided) return undecided.results;
  if (judged.length) return judged[0].results;
  // Provider versions before v4 (and v4/v5 as deprecated) also accept the inline `versioning` block.
  if (evaluate(ctx.get(bucket, ['versioning', 0, 'enabled']).resolved, isTrue).outcome === 'pass') return [];
  return [{ status: 'fail', path: bucket.path, messageId: 'noVersioning' }];
}
