import { defineRule, expect, isFalse, isTrue, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';
import { asUnknown, isTerraform, oneOf, possible, text, unknownAt } from '../kit';

const CLIENTS = { safe: false, consequence: 'clients that do not use TLS can no longer connect' };

export default defineRule({
  id: 'elasticache-in-transit',
  title: 'ElastiCache or MemoryDB cluster that may cache PHI does not require TLS',
  category: 'encryption-in-transit',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['elasticache-in-transit'],
  appliesTo: {
    cloudformation: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster', 'AWS::MemoryDB::Cluster'],
    terraform: ['aws_elasticache_replication_group', 'aws_elasticache_cluster', 'aws_memorydb_cluster'],
  },
  responsibility: {
    aws: 'ElastiCache and MemoryDB provide TLS endpoints for their engines once transit encryption is enabled (MemoryDB enables it by default; serverless caches always use it).',
    customer: 'Enable transit encryption in required mode and move clients to TLS connections; cached PHI is as sensitive as the database it came from.',
  },
  messages: {
    transitOff: 'Cache {resource} does not encrypt traffic in transit (TransitEncryptionEnabled is not true); cached PHI crosses the network in clear text.',
    preferredMode: 'Cache {resource} still accepts unencrypted connections (TransitEncryptionMode is preferred); switch to required once clients use TLS.',
    standaloneRedis: 'Cache cluster {resource} runs {engine} outside a replication group, which cannot encrypt traffic in transit; use a replication group with TransitEncryptionEnabled.',
    tlsDisabled: 'MemoryDB cluster {resource} has TLS switched off (TLSEnabled false).',
    unknown: 'Transit encryption of cache {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    transitOff: 'Cache {resource} does not encrypt traffic in transit (transit_encryption_enabled is not true); cached PHI crosses the network in clear text.',
    preferredMode: 'Cache {resource} still accepts unencrypted connections (transit_encryption_mode is preferred); switch to required once clients use TLS.',
    standaloneRedis: 'Cache cluster {resource} runs {engine} outside a replication group, which cannot encrypt traffic in transit; use an aws_elasticache_replication_group with transit_encryption_enabled.',
    tlsDisabled: 'MemoryDB cluster {resource} has TLS switched off (tls_enabled false).',
  },
  check(cache: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(cache);
    switch (cache.type) {
      case 'AWS::MemoryDB::Cluster':
      case 'aws_memorydb_cluster': {
        const path = tf ? 'tls_enabled' : 'TLSEnabled';
        return expect(ctx, cache, path, (v) => !isFalse(v), { messageId: 'tlsDisabled', absentPasses: true, fixes: setFix(cache, path, true, 'Enable TLS', { safe: false, consequence: 'replaces the MemoryDB cluster' }) }).map(asUnknown);
      }
      case 'AWS::ElastiCache::CacheCluster':
      case 'aws_elasticache_cluster':
        return checkCacheCluster(cache, ctx);
      default:
        return checkReplicationGroup(cache, ctx);
    }
  },
});

function checkReplicationGroup(group: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(group);
  const enabledPath = tf ? 'transit_encryption_enabled' : 'TransitEncryptionEnabled';
  const modePath = tf ? 'transit_encryption_mode' : 'TransitEncryptionMode';
  const enabled = expect(ctx, group, enabledPath, isTrue, { messageId: 'transitOff', fixes: setFix(group, enabledPath, true, 'Encrypt traffic in transit', CLIENTS) }).map(asUnknown);
  if (enabled.length) return enabled;
  return expect(ctx, group, modePath, (v) => oneOf(v, 'required'), { messageId: 'preferredMode', absentPasses: true, fixes: setFix(group, modePath, 'required', 'Require TLS', CLIENTS) }).map(asUnknown);
}

function checkCacheCluster(cluster: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(cluster);
  // A Terraform cluster that joins a replication group is judged on the group.
  if (tf && text(possible(ctx.get(cluster, 'replication_group_id').resolved).values[0])) return [];
  const engineLookup = ctx.get(cluster, tf ? 'engine' : 'Engine');
  const engines = possible(engineLookup.resolved);
  if (engines.unknown) return [unknownAt(engineLookup.path, engines.unknown)];
  const engine = text(engines.values[0]) ?? '';
  if (oneOf(engine, 'redis', 'valkey')) return [{ status: 'fail', path: engineLookup.path, messageId: 'standaloneRedis', data: { engine } }];
  const path = tf ? 'transit_encryption_enabled' : 'TransitEncryptionEnabled';
  return expect(ctx, cluster, path, isTrue, { messageId: 'transitOff', fixes: setFix(cluster, path, true, 'Encrypt traffic in transit', { safe: false, consequence: 'replaces the cache cluster' }) }).map(asUnknown);
}
