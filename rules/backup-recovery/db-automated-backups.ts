import { defineRule, evaluate, resultFor, setFix, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, oneOf, possible, text } from '../kit';

interface Target {
  /** Retention property (CloudFormation) or attribute (Terraform). */
  prop: string;
  /** Days at or above which the setting passes. */
  minimum: number;
  /** The service default when the property is absent. */
  defaultDays: number;
  /** What the fix sets. */
  fixDays: number;
  unsafe?: string;
}

const RDS_INSTANCE: Target = { prop: 'BackupRetentionPeriod', minimum: 1, defaultDays: 1, fixDays: 7, unsafe: 'an instance moving from 0 to automated backups is briefly taken offline, and backup storage is billed' };
const CLUSTER: Target = { prop: 'BackupRetentionPeriod', minimum: 1, defaultDays: 1, fixDays: 7 };
const CACHE: Target = { prop: 'SnapshotRetentionLimit', minimum: 15, defaultDays: 0, fixDays: 15, unsafe: 'adds snapshot storage cost and a daily snapshot load on the nodes' };

const CFN: Record<string, Target> = {
  'AWS::RDS::DBInstance': RDS_INSTANCE,
  'AWS::RDS::DBCluster': CLUSTER,
  'AWS::DocDB::DBCluster': CLUSTER,
  'AWS::Neptune::DBCluster': CLUSTER,
  'AWS::Redshift::Cluster': { prop: 'AutomatedSnapshotRetentionPeriod', minimum: 1, defaultDays: 1, fixDays: 7 },
  'AWS::ElastiCache::ReplicationGroup': CACHE,
  'AWS::ElastiCache::CacheCluster': CACHE,
  'AWS::MemoryDB::Cluster': { ...CACHE, minimum: 1, fixDays: 7 },
};

const TF: Record<string, Target> = {
  aws_db_instance: { ...RDS_INSTANCE, prop: 'backup_retention_period' },
  aws_rds_cluster: { ...CLUSTER, prop: 'backup_retention_period' },
  aws_docdb_cluster: { ...CLUSTER, prop: 'backup_retention_period' },
  aws_neptune_cluster: { ...CLUSTER, prop: 'backup_retention_period' },
  aws_redshift_cluster: { ...CFN['AWS::Redshift::Cluster'], prop: 'automated_snapshot_retention_period' },
  aws_elasticache_replication_group: { ...CACHE, prop: 'snapshot_retention_limit' },
  aws_elasticache_cluster: { ...CACHE, prop: 'snapshot_retention_limit' },
  aws_memorydb_cluster: { ...CFN['AWS::MemoryDB::Cluster'], prop: 'snapshot_retention_limit' },
};

export default defineRule({
  id: 'db-automated-backups',
  title: 'Database or cache that may hold PHI keeps no automated backups',
  category: 'backup-recovery',
  severity: 'warning',
  hipaa: ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  controls: ['db-automated-backups'],
  appliesTo: { cloudformation: Object.keys(CFN), terraform: Object.keys(TF) },
  responsibility: {
    aws: 'RDS, Aurora, DocumentDB, Neptune, Redshift, ElastiCache and MemoryDB take automated backups or snapshots and restore from them, for as many days as the customer asks.',
    customer: 'Keep the retention above zero on every PHI database and cache (long enough to notice corruption before the last good copy expires) and test restores.',
  },
  messages: {
    disabled: '{resource} keeps no automated backups ({property}: {value}); after corruption or deletion its data cannot be restored to a recent point.',
    tooShort: '{resource} keeps automated backups for only {value} day(s) ({property}); keep them at least {minimum} days.',
    unknown: 'The automated backup retention of {resource} cannot be verified statically: {reason}.',
  },
  limits: 'Manual snapshots, AWS Backup plans and cross-Region copies made outside the template are not visible; the 15-day minimum for ElastiCache follows the AWS Config rule default and may be lowered by configuration.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    const target = (tf ? TF : CFN)[resource.type];
    if (!target || inheritsBackups(resource, ctx)) return [];
    const lookup = ctx.get(resource, target.prop);
    const evaluation = evaluate(lookup.resolved, (v) => Number(v) >= target.minimum, target.defaultDays >= target.minimum);
    if (evaluation.outcome === 'pass') return [];
    const values = possible(lookup.resolved);
    const days = values.values.map(Number).find((n) => !(n >= target.minimum));
    const value = days === undefined ? (values.absent ? `not set, default ${target.defaultDays}` : 'not a number') : String(days);
    const messageId = evaluation.outcome === 'unknown' ? 'unknown' : days !== undefined && days > 0 ? 'tooShort' : 'disabled';
    const fixes = setFix(resource, target.prop, target.fixDays, `Keep automated backups for ${target.fixDays} days`, target.unsafe ? { safe: false, consequence: target.unsafe } : { safe: true });
    return resultFor(lookup, evaluation, { messageId, data: { property: target.prop, value, minimum: String(target.minimum) }, fixes: messageId === 'unknown' ? undefined : fixes }, resource, target.prop);
  },
});

/** Cluster members, read replicas and Memcached nodes take no backups of their own. */
function inheritsBackups(resource: Resource, ctx: RuleContext): boolean {
  const set = (prop: string) => {
    const l = ctx.get(resource, prop);
    return l.present && !(l.resolved.kind === 'known' && (l.resolved.value === null || l.resolved.value === ''));
  };
  const engineIs = (prop: string, ...engines: string[]) => possible(ctx.get(resource, prop).resolved).values.some((v: JsonValue) => oneOf(text(v), ...engines));
  switch (resource.type) {
    case 'AWS::RDS::DBInstance':
      return set('DBClusterIdentifier') || set('SourceDBInstanceIdentifier');
    case 'aws_db_instance':
      return set('cluster_identifier') || set('replicate_source_db');
    case 'AWS::ElastiCache::CacheCluster':
      return engineIs('Engine', 'memcached');
    case 'aws_elasticache_cluster':
      return engineIs('engine', 'memcached') || set('replication_group_id');
    default:
      return false;
  }
}
