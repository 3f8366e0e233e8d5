import { asUnknown, evaluate, expect, defineRule, isTrue, targetsOf, text, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';
import { hasValue } from './key-support';

/** Snapshot type → its own computed encryption attribute, the attribute naming its source, and the source types. */
const SNAPSHOTS: Record<string, { own: string; source: string; types: string[] }> = {
  aws_db_snapshot: { own: 'encrypted', source: 'db_instance_identifier', types: ['aws_db_instance'] },
  aws_db_cluster_snapshot: { own: 'storage_encrypted', source: 'db_cluster_identifier', types: ['aws_rds_cluster'] },
};

export default defineRule({
  id: 'rds-snapshot-encrypted',
  title: 'RDS snapshot or snapshot copy that may hold PHI is not encrypted',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['rds-snapshot-encrypted'],
  appliesTo: { terraform: ['aws_db_snapshot', 'aws_db_cluster_snapshot', 'aws_db_snapshot_copy'] },
  responsibility: {
    aws: 'RDS keeps a snapshot encrypted with the key of its source database, and encrypts a copy with the key it is given.',
    customer: 'Encrypt the source database, and name a KMS key on every snapshot copy (required to encrypt a copy of an unencrypted snapshot, and for copies to another Region).',
  },
  messages: {
    sourceNotEncrypted: 'Snapshot {resource} is taken from {source}, whose storage is not encrypted, so the snapshot is unencrypted too.',
    notEncrypted: 'Snapshot {resource} is not encrypted.',
    copyNoKey: 'Snapshot copy {resource} names no KMS key (kms_key_id) and its source {source} is not encrypted.',
    unknown: 'Encryption of snapshot {resource} cannot be verified statically: {reason}.',
  },
  limits: 'CloudFormation has no DB snapshot resource (there the control is covered by rds-storage-encrypted on the source). Snapshots taken by automation or by hand outside the plan, and sources not in the plan, are not visible.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.type === 'aws_db_snapshot_copy') return checkCopy(resource, ctx);
    const spec = SNAPSHOTS[resource.type];
    const own = ctx.get(resource, spec.own);
    if (own.resolved.kind === 'known' && own.resolved.value !== null) return expect(ctx, resource, spec.own, isTrue, { messageId: 'notEncrypted' }).map(asUnknown);
    return fromSource(ctx, resource, spec.source, spec.types, 'sourceNotEncrypted');
  },
});

/** The snapshot inherits the encryption of the database (or snapshot) `prop` points at. */
function fromSource(ctx: RuleContext, resource: Resource, prop: string, types: string[], messageId: string): RuleResult[] {
  const lookup = ctx.get(resource, prop);
  const sources = targetsOf(ctx, resource, prop, types);
  const name = text(lookup.resolved.kind === 'known' ? lookup.resolved.value : undefined) ?? 'its source';
  if (sources.length === 0) {
    return [unknownAt(lookup.path, `the snapshot inherits the encryption of ${name}, which is not in the plan`, 'unknown', { source: name })];
  }
  const results: RuleResult[] = [];
  for (const source of sources) {
    if (source.type === 'aws_db_snapshot') {
      results.push(...snapshotOf(ctx, source).map((r) => ({ ...r, path: lookup.path, resourceId: undefined, messageId: r.messageId === 'unknown' ? 'unknown' : messageId, data: { ...r.data, source: source.id } })));
      continue;
    }
    const encrypted = ctx.get(source, 'storage_encrypted');
    const outcome = evaluate(encrypted.resolved, isTrue);
    if (outcome.outcome === 'fail') results.push({ status: 'fail', path: lookup.path, messageId, data: { source: source.id } });
    else if (outcome.outcome === 'unknown') results.push(unknownAt(lookup.path, `storage encryption of ${source.id} is ${outcome.reason ?? 'not known'}`, 'unknown', { source: source.id }));
  }
  return results;
}

function snapshotOf(ctx: RuleContext, snapshot: Resource): RuleResult[] {
  const own = ctx.get(snapshot, 'encrypted');
  if (own.resolved.kind === 'known' && own.resolved.value !== null) return isTrue(own.resolved.value) ? [] : [{ status: 'fail', path: own.path, messageId: 'notEncrypted', data: {} }];
  return fromSource(ctx, snapshot, 'db_instance_identifier', ['aws_db_instance'], 'sourceNotEncrypted');
}

function checkCopy(resource: Resource, ctx: RuleContext): RuleResult[] {
  // A named key (literal or a reference to a key in the plan) encrypts the copy whatever the source.
  if (hasValue(ctx, resource, 'kms_key_id')) return [];
  const key = ctx.get(resource, 'kms_key_id');
  if (key.resolved.kind === 'unknown') return [unknownAt(key.path, key.resolved.reason, 'unknown', { source: '' })];
  return fromSource(ctx, resource, 'source_db_snapshot_identifier', ['aws_db_snapshot'], 'copyNoKey');
}
