import rule from '../../rules/encryption-in-transit/elasticache-in-transit';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const group = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  SessionCache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: patient sessions
      Engine: redis
      CacheNodeType: cache.t3.micro
${props}`;

const other = (type: string, props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  SessionCache:
    Type: ${type}
    Properties:
${props}`;

testRule(rule, {
  valid: [
    { name: 'transit encryption required', yaml: group('      TransitEncryptionEnabled: true\n      TransitEncryptionMode: required\n') },
    { name: 'transit encryption on, mode defaults to required', yaml: group('      TransitEncryptionEnabled: true\n') },
    { name: 'MemoryDB defaults to TLS', yaml: other('AWS::MemoryDB::Cluster', '      NodeType: db.t4g.small\n      ACLName: open-access\n') },
    { name: 'Memcached cluster with TLS', yaml: other('AWS::ElastiCache::CacheCluster', '      Engine: memcached\n      CacheNodeType: cache.t3.micro\n      NumCacheNodes: 1\n      TransitEncryptionEnabled: true\n') },
    { name: 'Terraform: transit encryption required', plan: plan({ address: 'aws_elasticache_replication_group.sessions', values: { description: 'sessions', transit_encryption_enabled: true, transit_encryption_mode: 'required' } }) },
    { name: 'Terraform: cluster member of a replication group', plan: plan({ address: 'aws_elasticache_cluster.replica', values: { cluster_id: 'replica', replication_group_id: 'sessions' } }) },
  ],
  invalid: [
    {
      name: 'no transit encryption',
      yaml: group(''),
      errors: [{ messageId: 'transitOff', resource: 'SessionCache', path: 'Resources.SessionCache.Properties.TransitEncryptionEnabled', line: 8 }],
    },
    {
      name: 'preferred mode still accepts clear text',
      yaml: group('      TransitEncryptionEnabled: true\n      TransitEncryptionMode: preferred\n'),
      errors: [{ messageId: 'preferredMode', resource: 'SessionCache', path: 'Resources.SessionCache.Properties.TransitEncryptionMode', line: 13 }],
    },
    {
      name: 'transit encryption from a parameter without default is unknown',
      yaml: group('      TransitEncryptionEnabled: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'SessionCache', path: 'Resources.SessionCache.Properties.TransitEncryptionEnabled', line: 12, status: 'unknown' }],
    },
    {
      name: 'MemoryDB with TLS off',
      yaml: other('AWS::MemoryDB::Cluster', '      NodeType: db.t4g.small\n      ACLName: open-access\n      TLSEnabled: false\n'),
      errors: [{ messageId: 'tlsDisabled', resource: 'SessionCache', path: 'Resources.SessionCache.Properties.TLSEnabled', line: 8 }],
    },
    {
      name: 'standalone Redis cache cluster',
      yaml: other('AWS::ElastiCache::CacheCluster', '      Engine: redis\n      CacheNodeType: cache.t3.micro\n      NumCacheNodes: 1\n'),
      errors: [{ messageId: 'standaloneRedis', resource: 'SessionCache', path: 'Resources.SessionCache.Properties.Engine', line: 6 }],
    },
    {
      name: 'Terraform: transit encryption off',
      plan: plan({ address: 'aws_elasticache_replication_group.sessions', values: { description: 'sessions', transit_encryption_enabled: false } }),
      errors: [{ messageId: 'transitOff', resource: 'aws_elasticache_replication_group.sessions', path: 'planned_values.root_module.resources.0.values.transit_encryption_enabled', line: 13 }],
    },
    {
      name: 'Terraform: MemoryDB TLS off',
      plan: plan({ address: 'aws_memorydb_cluster.sessions', values: { name: 'sessions', tls_enabled: false } }),
      errors: [{ messageId: 'tlsDisabled', resource: 'aws_memorydb_cluster.sessions', path: 'planned_values.root_module.resources.0.values.tls_enabled', line: 13 }],
    },
  ],
});
