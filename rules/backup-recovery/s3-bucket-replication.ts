import { defineRule, type Path, type Resource, type RuleContext, type RuleResult, referrersOf } from '../kit';
import { isTerraform, possible, text, unknownAt } from '../kit';

export default defineRule({
  id: 's3-bucket-replication',
  title: 'S3 bucket that may hold PHI is not replicated to a second location',
  category: 'backup-recovery',
  severity: 'info',
  hipaa: ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  controls: ['s3-bucket-replication'],
  appliesTo: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  responsibility: {
    aws: 'S3 stores objects redundantly across Availability Zones of one Region and replicates them to another bucket when a replication rule says so.',
    customer: 'Decide whether PHI buckets need a copy in another Region or account for disaster recovery, configure the rule, and hold the replica to the same protections as the source.',
  },
  messages: {
    noReplication: 'Bucket {resource} has no enabled replication rule; a Regional outage or an account compromise leaves no second copy of its objects.',
    unknown: 'Replication of bucket {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noReplication: 'Bucket {resource} has no enabled replication rule (aws_s3_bucket_replication_configuration); a Regional outage or an account compromise leaves no second copy of its objects.',
  },
  limits: 'The template cannot show whether the replica lives in another Region or account, nor that it is encrypted; replicas defined in this template are checked by the other S3 rules.',
  check(bucket: Resource, ctx: RuleContext): RuleResult[] {
    if (replicaIds(ctx).has(bucket.id)) return [];
    const tf = isTerraform(bucket);
    const sources: { owner: Resource; rules: Path; status: string }[] = tf
      ? [
          ...referrersOf(ctx, bucket, ['aws_s3_bucket_replication_configuration'], 'bucket').map((r) => ({ owner: r, rules: ['rule'], status: 'status' })),
          { owner: bucket, rules: ['replication_configuration', 0, 'rules'], status: 'status' },
        ]
      : [{ owner: bucket, rules: ['ReplicationConfiguration', 'Rules'], status: 'Status' }];
    let undecided: { owner: Resource; path: Path; reason: string } | undefined;
    for (const s of sources) {
      const verdict = enabledRule(ctx, s.owner, s.rules, s.status);
      if (verdict.result === 'yes') return [];
      if (verdict.result === 'unknown') undecided ??= { owner: s.owner, path: verdict.path, reason: verdict.reason };
    }
    if (undecided) return [{ ...unknownAt(undecided.path, undecided.reason), resourceId: undecided.owner === bucket ? undefined : undecided.owner.id }];
    const rules = ctx.get(bucket, 'ReplicationConfiguration');
    return [{ status: 'fail', path: tf ? bucket.path : rules.present ? rules.path : [...bucket.propertiesPath, 'ReplicationConfiguration'], messageId: 'noReplication' }];
  },
});

/** Some rule of the list has Status Enabled: yes, no, or undecidable. */
function enabledRule(ctx: RuleContext, owner: Resource, rules: Path, status: string): { result: 'yes' | 'no' } | { result: 'unknown'; path: Path; reason: string } {
  const list = ctx.get(owner, rules);
  if (!list.present) return { result: 'no' };
  if (list.node?.kind !== 'seq') {
    const values = possible(list.resolved);
    if (values.unknown) return { result: 'unknown', path: list.path, reason: values.unknown };
    const every = values.values.every((v) => Array.isArray(v) && v.some((r) => r && typeof r === 'object' && !Array.isArray(r) && text(r[status])?.toLowerCase() === 'enabled'));
    return { result: values.values.length && every && !values.absent ? 'yes' : 'no' };
  }
  let unknown: { result: 'unknown'; path: Path; reason: string } | undefined;
  for (let i = 0; i < list.node.items.length; i++) {
    const lookup = ctx.get(owner, [...rules, i, status]);
    const values = possible(lookup.resolved);
    if (values.unknown) unknown ??= { result: 'unknown', path: lookup.path, reason: values.unknown };
    else if (values.values.length && !values.absent && values.values.every((v) => text(v)?.toLowerCase() === 'enabled')) return { result: 'yes' };
  }
  return unknown ?? { result: 'no' };
}

/** Buckets that are the destination of another bucket's replication rule: they are the second copy. */
function replicaIds(ctx: RuleContext): Set<string> {
  return ctx.memo('s3-bucket-replication:replicas', () => {
    const ids = new Set<string>();
    const buckets = new Set(ctx.ofType('AWS::S3::Bucket', 'aws_s3_bucket').map((b) => b.id));
    for (const source of ctx.ofType('AWS::S3::Bucket')) {
      const base = [...source.propertiesPath, 'ReplicationConfiguration', 'Rules'];
      for (const e of ctx.edgesFrom(source.id)) if (buckets.has(e.to) && e.to !== source.id && base.every((seg, i) => e.path[i] === seg)) ids.add(e.to);
    }
    for (const config of ctx.ofType('aws_s3_bucket_replication_configuration')) {
      const base = [...config.propertiesPath, 'rule'];
      for (const e of ctx.edgesFrom(config.id)) if (buckets.has(e.to) && base.every((seg, i) => e.path[i] === seg)) ids.add(e.to);
    }
    return ids;
  });
}
