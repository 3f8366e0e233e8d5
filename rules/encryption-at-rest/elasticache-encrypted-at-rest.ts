import { asUnknown, defineRule, expect, isTerraform, isTrue, possible, setFix, text, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';
import { hasValue } from './key-support';

export default defineRule({
  id: 'elasticache-encrypted-at-rest',
  title: 'ElastiCache cache that may hold PHI does not encrypt its data at rest',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['elasticache-encrypted-at-rest'],
  appliesTo: {
    cloudformation: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
    terraform: ['aws_elasticache_replication_group', 'aws_elasticache_cluster'],
  },
  responsibility: {
    aws: 'ElastiCache encrypts node disks, swap and backups of a replication group when at-rest encryption is turned on at creation; serverless caches are always encrypted.',
    customer: 'Create PHI caches as replication groups (or serverless caches) with at-rest encryption on, and choose the KMS key.',
  },
  messages: {
    notEncrypted: 'Replication group {resource} does not encrypt data at rest (AtRestEncryptionEnabled is not true); cached PHI, swap and snapshots are stored in clear text.',
    standaloneCluster: 'Cache cluster {resource} is a stand-alone node group, which cannot encrypt data at rest; use a replication group with AtRestEncryptionEnabled or a serverless cache.',
    unknown: 'At-rest encryption of cache {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEncrypted: 'Replication group {resource} does not encrypt data at rest (at_rest_encryption_enabled is not true); cached PHI, swap and snapshots are stored in clear text.',
    standaloneCluster: 'Cache cluster {resource} is a stand-alone node group (no replication_group_id), which cannot encrypt data at rest; use an aws_elasticache_replication_group with at_rest_encryption_enabled or a serverless cache.',
  },
  limits: 'AWS::ElastiCache::ServerlessCache is always encrypted and is not checked.',
  check(cache: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(cache);
    if (cache.type === 'AWS::ElastiCache::CacheCluster' || cache.type === 'aws_elasticache_cluster') {
      // A Terraform cluster that joins a replication group is judged on the group.
      if (tf) {
        const group = ctx.get(cache, 'replication_group_id');
        const values = possible(group.resolved);
        if (values.unknown && !(cache.terraform?.references.replication_group_id ?? []).length) return [unknownAt(group.path, values.unknown)];
        if (values.unknown || values.values.some((v) => text(v))) return [];
      }
      const engine = ctx.get(cache, tf ? 'engine' : 'Engine');
      return [{ status: 'fail', path: engine.present ? engine.path : cache.propertiesPath, messageId: 'standaloneCluster' }];
    }
    // A secondary member of a global datastore takes its encryption from the primary group.
    if (hasValue(ctx, cache, tf ? 'global_replication_group_id' : 'GlobalReplicationGroupId')) return [];
    const path = tf ? 'at_rest_encryption_enabled' : 'AtRestEncryptionEnabled';
    const fixes = setFix(cache, path, true, 'Encrypt the cache at rest', { safe: false, consequence: 'replaces the replication group; cached data is lost' });
    return expect(ctx, cache, path, isTrue, { messageId: 'notEncrypted', fixes }).map(asUnknown);
  },
});
