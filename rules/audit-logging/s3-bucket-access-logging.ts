import { defineRule, isTerraform, possible, referrersOf, targetsOf, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isGiven, pointAt, pointersTo, pointsAt, unknownResult } from './logging-support';

const CFN_BUCKET = 'AWS::S3::Bucket';
const TF_BUCKET = 'aws_s3_bucket';
const TF_LOGGING = 'aws_s3_bucket_logging';
const DEST = ['LoggingConfiguration', 'DestinationBucketName'];

export default defineRule({
  id: 's3-bucket-access-logging',
  title: 'S3 bucket that may hold PHI keeps no server access log',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  controls: ['s3-bucket-access-logging'],
  appliesTo: { cloudformation: [CFN_BUCKET], terraform: [TF_BUCKET] },
  responsibility: {
    aws: 'S3 writes server access log records (requester, operation, object key, result) on a best-effort basis once logging is configured for a bucket.',
    customer: 'Turn on access logging for every bucket that holds PHI, send it to a separate, private, encrypted log bucket, and review it.',
  },
  messages: {
    noLogging: 'Bucket {resource} has no server access logging: reads and writes of its objects leave no record of who made them.',
    selfTarget: 'Bucket {resource} delivers its access logs into itself; use a separate log bucket so the log does not log its own writes and PHI readers cannot edit the record.',
    unknown: 'Server access logging of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noLogging: 'Bucket {resource} has no server access logging (no aws_s3_bucket_logging resource gives it a target_bucket): reads and writes of its objects leave no record of who made them.',
  },
  limits: 'Object-level CloudTrail data events recorded by a trail outside the template also satisfy the audit need; they are checked by cloudtrail-s3-data-events, not here. Buckets that receive other buckets\' access logs are not asked to log themselves.',
  check(bucket: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(bucket) ? checkTerraform(bucket, ctx) : checkCloudFormation(bucket, ctx);
  },
});

function checkCloudFormation(bucket: Resource, ctx: RuleContext): RuleResult[] {
  if (pointersTo(ctx, [CFN_BUCKET], DEST, bucket, ['BucketName']).some((b) => b !== bucket)) return [];
  const config = ctx.get(bucket, 'LoggingConfiguration');
  const values = possible(config.resolved);
  if (values.absent) return [{ status: 'fail', path: pointAt(bucket, config, 'LoggingConfiguration'), messageId: 'noLogging', fixes: fix(bucket) }];
  if (values.unknown !== undefined) return [unknownResult(config.path, values.unknown)];
  const dest = ctx.get(bucket, 'LoggingConfiguration.DestinationBucketName');
  const given = isGiven(ctx, bucket, 'LoggingConfiguration.DestinationBucketName');
  if (given.outcome === 'unknown') return [unknownResult(pointAt(bucket, given.lookup, 'LoggingConfiguration.DestinationBucketName'), given.reason)];
  // Without a destination, S3 delivers the log into the bucket itself.
  if (given.outcome === 'fail' || pointsAt(ctx, bucket, DEST, bucket, ['BucketName'])) {
    return [{ status: 'fail', path: pointAt(bucket, dest, 'LoggingConfiguration.DestinationBucketName'), messageId: 'selfTarget', fixes: fix(bucket, true) }];
  }
  return [];
}

function checkTerraform(bucket: Resource, ctx: RuleContext): RuleResult[] {
  if (referrersOf(ctx, bucket, [TF_LOGGING], 'target_bucket').some((l) => !referrersOf(ctx, bucket, [TF_LOGGING], 'bucket').includes(l))) return [];
  const loggings = referrersOf(ctx, bucket, [TF_LOGGING], 'bucket');
  let undecided: RuleResult | undefined;
  for (const logging of loggings) {
    const target = isGiven(ctx, logging, 'target_bucket');
    if (target.outcome === 'pass') return [];
    if (target.outcome === 'unknown') undecided ??= { ...unknownResult(pointAt(logging, target.lookup, 'target_bucket'), target.reason), resourceId: logging.id };
  }
  // Provider versions before v4 configure logging inline on the bucket.
  if (isGiven(ctx, bucket, ['logging', 0, 'target_bucket']).outcome === 'pass') return [];
  if (undecided) return [undecided];
  // A logging resource whose bucket cannot be joined to any bucket might be this one's (the same first one for every bucket).
  const unjoined = ctx.memo('s3-bucket-access-logging:unjoined', () =>
    ctx.ofType(TF_LOGGING).find((logging) => !targetsOf(ctx, logging, 'bucket', [TF_BUCKET]).length && possible(ctx.get(logging, 'bucket').resolved).unknown !== undefined),
  );
  if (unjoined) return [{ ...unknownResult(ctx.get(unjoined, 'bucket').path, `${unjoined.id}.bucket is known only after apply and names no bucket of the plan`), resourceId: unjoined.id }];
  return [{ status: 'fail', path: bucket.path, messageId: 'noLogging' }];
}

function fix(bucket: Resource, onlyDestination = false): FixIntent[] {
  if (isTerraform(bucket)) return [];
  const base = [...bucket.propertiesPath, 'LoggingConfiguration'];
  const edits: FixIntent['edits'] = [
    {
      op: 'set',
      path: [...base, 'DestinationBucketName'],
      value: { newParameter: { name: 'AccessLogsBucketName', type: 'String', description: 'Name of a private, encrypted bucket that receives S3 server access logs' } },
    },
  ];
  if (!onlyDestination) edits.push({ op: 'set', path: [...base, 'LogFilePrefix'], value: `${bucket.id}/` });
  return [{ title: 'Send server access logs to a separate log bucket (log delivery adds storage cost)', safe: false, consequence: 'log delivery adds storage cost', edits }];
}
