import { defineRule, evaluate, isTrue, oneOfValues, type FixIntent, type JsonValue, type Path, type Resource, type RuleContext, type RuleResult, referrersOf } from '../kit';
import { isIntrinsic, isTerraform, possible, unknownAt } from '../kit';

const NONCURRENT_DAYS = 2192;
const CFN_NONCURRENT = ['NoncurrentVersionExpiration', 'NoncurrentVersionExpirationInDays', 'NoncurrentVersionTransition', 'NoncurrentVersionTransitions'];
const TF_NONCURRENT = ['noncurrent_version_expiration', 'noncurrent_version_transition'];

type Obj = { [key: string]: JsonValue };
type Tri = { result: 'yes' | 'no' } | { result: 'unknown'; reason: string };

export default defineRule({
  id: 's3-lifecycle-and-notifications',
  title: 'Versioned S3 bucket that may hold PHI has no noncurrent-version lifecycle or no change notifications',
  category: 'backup-recovery',
  severity: 'info',
  hipaa: ['164.312(b)'],
  controls: ['s3-lifecycle-and-notifications'],
  appliesTo: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  responsibility: {
    aws: 'S3 expires or transitions object versions by the lifecycle rules it is given, and publishes object events to EventBridge, SNS, SQS or Lambda when configured.',
    customer: 'Keep noncurrent versions of PHI for as long as the retention schedule says and no longer, and route object change events to monitoring.',
  },
  messages: {
    noNoncurrentLifecycle: 'Versioned bucket {resource} has no enabled lifecycle rule for noncurrent versions; overwritten and deleted PHI piles up indefinitely, outside any retention schedule.',
    noNotifications: 'Versioned bucket {resource} sends no event notifications (NotificationConfiguration or EventBridge); deletions and overwrites of PHI objects go unnoticed.',
    unknown: 'The lifecycle or notification setup of bucket {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noNoncurrentLifecycle: 'Versioned bucket {resource} has no enabled lifecycle rule for noncurrent versions (an aws_s3_bucket_lifecycle_configuration rule with noncurrent_version_expiration or noncurrent_version_transition); overwritten and deleted PHI piles up indefinitely, outside any retention schedule.',
    noNotifications: 'Versioned bucket {resource} sends no event notifications (no aws_s3_bucket_notification with eventbridge, lambda_function, queue or topic); deletions and overwrites of PHI objects go unnoticed.',
  },
  limits: 'Only versioned buckets are checked. Whether the expiry period matches the organisation retention schedule, and whether anyone consumes the events, cannot be seen in a template.',
  check(bucket: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(bucket) ? checkTerraform(bucket, ctx) : checkCloudFormation(bucket, ctx);
  },
});

function isObject(v: JsonValue | undefined): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
function nonEmpty(v: JsonValue | undefined): boolean {
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && !(isObject(v) && Object.keys(v).length === 0);
}

/** Every value the setting may take must satisfy `ok`; a nested intrinsic or unresolved value is unknown. */
function judge(resolved: ReturnType<RuleContext['resolve']>, ok: (v: JsonValue) => boolean | 'unknown'): Tri {
  const values = possible(resolved);
  if (values.unknown) return { result: 'unknown', reason: values.unknown };
  if (values.absent || values.values.length === 0) return { result: 'no' };
  let unknown = false;
  for (const v of values.values) {
    const r = ok(v);
    if (r === false) return { result: 'no' };
    if (r === 'unknown') unknown = true;
  }
  return unknown ? { result: 'unknown', reason: 'a value inside the setting is resolved only at deploy time' } : { result: 'yes' };
}

function someRule(rules: JsonValue, statusKey: string, enabled: (s: JsonValue) => boolean, keys: string[]): boolean | 'unknown' {
  if (!Array.isArray(rules)) return false;
  let unknown = false;
  for (const r of rules) {
    if (!isObject(r)) continue;
    const status = r[statusKey];
    if (isIntrinsic(status)) unknown = true;
    else if (enabled(status) && keys.some((k) => nonEmpty(r[k]))) return true;
  }
  return unknown ? 'unknown' : false;
}

function checkCloudFormation(bucket: Resource, ctx: RuleContext): RuleResult[] {
  const versioning = ctx.get(bucket, 'VersioningConfiguration.Status').resolved;
  const versioned = evaluate(versioning, oneOfValues('Enabled')).outcome === 'pass' || evaluate(ctx.get(bucket, 'ObjectLockEnabled').resolved, isTrue).outcome === 'pass';
  if (!versioned) return [];
  const results: RuleResult[] = [];
  const lifecycle = ctx.get(bucket, 'LifecycleConfiguration.Rules');
  const lifecycleVerdict = judge(lifecycle.resolved, (rules) => someRule(rules, 'Status', (s) => s === 'Enabled', CFN_NONCURRENT));
  const rule = { Id: 'expire-noncurrent-versions', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: NONCURRENT_DAYS } };
  const lifecycleFix: FixIntent[] =
    lifecycle.present && lifecycle.node?.kind !== 'seq'
      ? []
      : [
          {
            title: `Expire noncurrent versions after ${NONCURRENT_DAYS} days`,
            safe: false,
            consequence: `permanently deletes noncurrent versions older than ${NONCURRENT_DAYS} days; match your retention schedule`,
            edits: [lifecycle.present ? { op: 'append', path: lifecycle.path, value: rule } : { op: 'set', path: [...bucket.propertiesPath, 'LifecycleConfiguration'], value: { Rules: [rule] } }],
          },
        ];
  results.push(...outcome(lifecycleVerdict, lifecycle.present ? lifecycle.path : [...bucket.propertiesPath, 'LifecycleConfiguration'], 'noNoncurrentLifecycle', lifecycleFix));

  const notifications = ctx.get(bucket, 'NotificationConfiguration');
  const notificationVerdict = judge(notifications.resolved, (n) => {
    if (!isObject(n)) return false;
    const eventBridge = isObject(n.EventBridgeConfiguration) ? n.EventBridgeConfiguration.EventBridgeEnabled : undefined;
    if (isIntrinsic(eventBridge)) return 'unknown';
    return (eventBridge !== undefined && isTrue(eventBridge)) || ['LambdaConfigurations', 'QueueConfigurations', 'TopicConfigurations'].some((k) => nonEmpty(n[k]));
  });
  const notificationFix: FixIntent[] = [
    { title: 'Send object events to Amazon EventBridge', safe: true, edits: [{ op: 'set', path: [...bucket.propertiesPath, 'NotificationConfiguration', 'EventBridgeConfiguration', 'EventBridgeEnabled'], value: true }] },
  ];
  results.push(...outcome(notificationVerdict, notifications.present ? notifications.path : [...bucket.propertiesPath, 'NotificationConfiguration'], 'noNotifications', notifications.present && notifications.node?.kind !== 'map' ? [] : notificationFix));
  return results;
}

function outcome(verdict: Tri, path: Path, messageId: string, fixes: FixIntent[], resourceId?: string): RuleResult[] {
  if (verdict.result === 'yes') return [];
  if (verdict.result === 'unknown') return [{ ...unknownAt(path, verdict.reason), resourceId }];
  return [{ status: 'fail', path, messageId, fixes, resourceId }];
}

function checkTerraform(bucket: Resource, ctx: RuleContext): RuleResult[] {
  const enabled = (r: Resource, p: Path) => evaluate(ctx.get(r, p).resolved, oneOfValues('Enabled')).outcome === 'pass';
  const versioned =
    referrersOf(ctx, bucket, ['aws_s3_bucket_versioning'], 'bucket').some((v) => enabled(v, ['versioning_configuration', 0, 'status'])) ||
    evaluate(ctx.get(bucket, ['versioning', 0, 'enabled']).resolved, isTrue).outcome === 'pass' ||
    evaluate(ctx.get(bucket, 'object_lock_enabled').resolved, isTrue).outcome === 'pass';
  if (!versioned) return [];
  return [
    ...firstPassing(
      [
        ...referrersOf(ctx, bucket, ['aws_s3_bucket_lifecycle_configuration'], 'bucket').map((c) => ({ owner: c, path: ['rule'], ok: (v: JsonValue) => someRule(v, 'status', (s) => s === 'Enabled', TF_NONCURRENT) })),
        { owner: bucket, path: ['lifecycle_rule'], ok: (v: JsonValue) => someRule(v, 'enabled', (s) => s === true, ['noncurrent_version_expiration', 'noncurrent_version_transition']) },
      ],
      ctx,
      bucket,
      'noNoncurrentLifecycle',
    ),
    ...firstPassing(
      referrersOf(ctx, bucket, ['aws_s3_bucket_notification'], 'bucket').map((n) => ({
        owner: n,
        path: [],
        ok: (v: JsonValue) => isObject(v) && (v.eventbridge === true || ['lambda_function', 'queue', 'topic'].some((k) => nonEmpty(v[k]))),
      })),
      ctx,
      bucket,
      'noNotifications',
    ),
  ];
}

/** Any candidate passing passes; else the first undecidable one is unknown; else the bucket fails. */
function firstPassing(candidates: { owner: Resource; path: Path; ok: (v: JsonValue) => boolean | 'unknown' }[], ctx: RuleContext, bucket: Resource, messageId: string): RuleResult[] {
  let undecided: RuleResult[] | undefined;
  for (const c of candidates) {
    const lookup = c.path.length ? ctx.get(c.owner, c.path) : { resolved: { kind: 'known' as const, value: plainValues(ctx, c.owner) }, path: c.owner.propertiesPath };
    const verdict = judge(lookup.resolved, c.ok);
    if (verdict.result === 'yes') return [];
    if (verdict.result === 'unknown') undecided ??= outcome(verdict, lookup.path, messageId, [], c.owner === bucket ? undefined : c.owner.id);
  }
  return undecided ?? [{ status: 'fail', path: bucket.path, messageId }];
}

/** A Terraform resource's top-level attributes as plain values (unknown ones are left out). */
function plainValues(ctx: RuleContext, r: Resource): Obj {
  const out: Obj = {};
  for (const e of r.properties?.entries ?? []) {
    const v = ctx.get(r, [e.key]).resolved;
    if (v.kind === 'known') out[e.key] = v.value;
  }
  return out;
}
