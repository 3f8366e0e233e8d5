import rule from '../../rules/encryption-at-rest/elasticache-encrypted-at-rest';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const group = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypt:
    Type: String
Resources:
  SessionCache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: patient sessions
      Engine: valkey
      CacheNodeType: cache.t4g.small
${props}`;

const cluster = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  SessionNode:
    Type: AWS::ElastiCache::CacheCluster
    Properties:
      Engine: redis
      CacheNodeType: cache.t4g.small
      NumCacheNodes: 1
`;

const tfGroup = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({ address: 'aws_elasticache_replication_group.sessions', values: { replication_group_id: 'sessions', engine: 'valkey', global_replication_group_id: null, ...values }, unknown });

testRule(rule, {
  valid: [
    { name: 'at-rest encryption on', yaml: group('      AtRestEncryptionEnabled: true\n      KmsKeyId: !Ref CacheKey\n') + '  CacheKey:\n    Type: AWS::KMS::Key\n' },
    { name: 'secondary member of a global datastore', yaml: group('      GlobalReplicationGroupId: global-sessions\n') },
    { name: 'Terraform: at_rest_encryption_enabled "true" (provider v6 string)', plan: plan(tfGroup({ at_rest_encryption_enabled: 'true' })) },
    {
      name: 'Terraform: cluster that joins a replication group',
      plan: plan(tfGroup({ at_rest_encryption_enabled: true }), { address: 'aws_elasticache_cluster.replica', values: { cluster_id: 'replica', replication_group_id: 'sessions' } }),
    },
  ],
  invalid: [
    {
      name: 'AtRestEncryptionEnabled missing',
      yaml: group(''),
      errors: [{ messageId: 'notEncrypted', resource: 'SessionCache', path: 'Resources.SessionCache.Properties.AtRestEncryptionEnabled', line: 8 }],
    },
    {
      name: 'AtRestEncryptionEnabled false from a parameter default',
      yaml: group('      AtRestEncryptionEnabled: !Ref Encrypt\n').replace('    Type: String\n', "    Type: String\n    Default: 'false'\n"),
      errors: [{ messageId: 'notEncrypted', resource: 'SessionCache', path: 'Resources.SessionCache.Properties.AtRestEncryptionEnabled', line: 13 }],
    },
    {
      name: 'parameter without default is unknown',
      yaml: group('      AtRestEncryptionEnabled: !Ref Encrypt\n'),
      errors: [{ messageId: 'unknown', resource: 'SessionCache', path: 'Resources.SessionCache.Properties.AtRestEncryptionEnabled', line: 12, status: 'unknown' }],
    },
    {
      name: 'stand-alone cache cluster',
      yaml: cluster,
      errors: [{ messageId: 'standaloneCluster', resource: 'SessionNode', path: 'Resources.SessionNode.Properties.Engine', line: 6 }],
    },
    {
      name: 'Terraform: at_rest_encryption_enabled "false"',
      plan: plan(tfGroup({ at_rest_encryption_enabled: 'false' })),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_elasticache_replication_group.sessions', path: 'planned_values.root_module.resources.0.values.at_rest_encryption_enabled', line: 15 }],
    },
    {
      name: 'Terraform: unknown after apply',
      plan: plan(tfGroup({}, { at_rest_encryption_enabled: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_elasticache_replication_group.sessions', path: 'planned_values.root_module.resources.0.values.at_rest_encryption_enabled', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: stand-alone cluster',
      plan: plan({ address: 'aws_elasticache_cluster.sessions', values: { cluster_id: 'sessions', engine: 'memcached', replication_group_id: null } }),
      errors: [{ messageId: 'standaloneCluster', resource: 'aws_elasticache_cluster.sessions', path: 'planned_values.root_module.resources.0.values.engine', line: 13 }],
    },
  ],
});
