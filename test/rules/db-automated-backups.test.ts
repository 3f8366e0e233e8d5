import rule from '../../rules/backup-recovery/db-automated-backups';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (type: string, props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Days:
    Type: Number
Resources:
  PatientStore:
    Type: ${type}
    Properties:
      Engine: ${type.startsWith('AWS::ElastiCache') ? 'redis' : 'postgres'}
${props}`;

const tf = (type: string, values: Record<string, unknown>, unknown?: Record<string, unknown>) => plan({ address: `${type}.patients`, values, unknown });

testRule(rule, {
  valid: [
    { name: 'RDS instance: default retention (1 day)', yaml: template('AWS::RDS::DBInstance', '      DBInstanceClass: db.t3.micro\n') },
    { name: 'RDS instance: 7 days', yaml: template('AWS::RDS::DBInstance', '      BackupRetentionPeriod: 7\n') },
    { name: 'RDS instance in an Aurora cluster uses the cluster setting', yaml: template('AWS::RDS::DBInstance', '      DBClusterIdentifier: patients\n      BackupRetentionPeriod: 0\n') },
    { name: 'read replica', yaml: template('AWS::RDS::DBInstance', '      SourceDBInstanceIdentifier: patients\n      BackupRetentionPeriod: 0\n') },
    { name: 'Redshift: default retention', yaml: template('AWS::Redshift::Cluster', '      NodeType: ra3.xlplus\n') },
    { name: 'ElastiCache replication group: 15 days', yaml: template('AWS::ElastiCache::ReplicationGroup', '      SnapshotRetentionLimit: 15\n') },
    { name: 'Memcached cluster takes no snapshots', yaml: template('AWS::ElastiCache::CacheCluster', '      SnapshotRetentionLimit: 0\n').replace('Engine: redis', 'Engine: memcached') },
    { name: 'Terraform: aws_db_instance with 7 days', plan: tf('aws_db_instance', { backup_retention_period: 7 }) },
    { name: 'Terraform: Aurora member', plan: tf('aws_db_instance', { backup_retention_period: 0, cluster_identifier: 'patients' }) },
    { name: 'Terraform: Redis replication group with 15 days', plan: tf('aws_elasticache_replication_group', { snapshot_retention_limit: 15 }) },
  ],
  invalid: [
    {
      name: 'RDS instance: retention 0',
      yaml: template('AWS::RDS::DBInstance', '      BackupRetentionPeriod: 0\n'),
      errors: [{ messageId: 'disabled', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.BackupRetentionPeriod', line: 10 }],
    },
    {
      name: 'DocumentDB cluster: retention 0',
      yaml: template('AWS::DocDB::DBCluster', "      BackupRetentionPeriod: '0'\n"),
      errors: [{ messageId: 'disabled', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.BackupRetentionPeriod', line: 10 }],
    },
    {
      name: 'Redshift: snapshots off',
      yaml: template('AWS::Redshift::Cluster', '      AutomatedSnapshotRetentionPeriod: 0\n'),
      errors: [{ messageId: 'disabled', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.AutomatedSnapshotRetentionPeriod', line: 10 }],
    },
    {
      name: 'ElastiCache replication group: retention absent (default 0)',
      yaml: template('AWS::ElastiCache::ReplicationGroup', '      ReplicationGroupDescription: patients\n'),
      errors: [{ messageId: 'disabled', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.SnapshotRetentionLimit', line: 8 }],
    },
    {
      name: 'ElastiCache cache cluster: retention below 15 days',
      yaml: template('AWS::ElastiCache::CacheCluster', '      SnapshotRetentionLimit: 5\n'),
      errors: [{ messageId: 'tooShort', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.SnapshotRetentionLimit', line: 10 }],
    },
    {
      name: 'MemoryDB cluster without snapshots',
      yaml: template('AWS::MemoryDB::Cluster', '      NodeType: db.r6g.large\n').replace('      Engine: postgres\n', ''),
      errors: [{ messageId: 'disabled', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.SnapshotRetentionLimit', line: 8 }],
    },
    {
      name: 'retention from a parameter without default is unknown',
      yaml: template('AWS::RDS::DBCluster', '      BackupRetentionPeriod: !Ref Days\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.BackupRetentionPeriod', line: 10, status: 'unknown' }],
    },
    {
      name: 'Terraform: aws_db_instance with backups off',
      plan: tf('aws_db_instance', { backup_retention_period: 0 }),
      errors: [{ messageId: 'disabled', resource: 'aws_db_instance.patients', path: 'planned_values.root_module.resources.0.values.backup_retention_period', line: 12 }],
    },
    {
      name: 'Terraform: Redis cluster with 1 day',
      plan: tf('aws_elasticache_cluster', { engine: 'redis', snapshot_retention_limit: 1 }),
      errors: [{ messageId: 'tooShort', resource: 'aws_elasticache_cluster.patients', path: 'planned_values.root_module.resources.0.values.snapshot_retention_limit', line: 13 }],
    },
    {
      name: 'Terraform: retention known only after apply',
      plan: tf('aws_rds_cluster', {}, { backup_retention_period: true }),
      errors: [{ messageId: 'unknown', resource: 'aws_rds_cluster.patients', path: 'planned_values.root_module.resources.0.values.backup_retention_period', line: 11, status: 'unknown' }],
    },
  ],
});
