import rule from '../../rules/encryption-at-rest/docdb-neptune-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const cluster = (type: string, props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypt:
    Type: String
Resources:
  RecordsCluster:
    Type: ${type}
    Properties:
      DBSubnetGroupName: private
${props}`;

const docdb = (props: string) => cluster('AWS::DocDB::DBCluster', props);
const neptune = (props: string) => cluster('AWS::Neptune::DBCluster', props);

testRule(rule, {
  valid: [
    { name: 'DocumentDB encrypted', yaml: docdb('      StorageEncrypted: true\n      MasterUsername: app\n') },
    { name: 'Neptune encrypted with a key', yaml: neptune('      StorageEncrypted: true\n      KmsKeyId: !Ref GraphKey\n') + '  GraphKey:\n    Type: AWS::KMS::Key\n' },
    { name: 'Terraform: DocumentDB storage_encrypted true', plan: plan({ address: 'aws_docdb_cluster.records', values: { cluster_identifier: 'records', storage_encrypted: true } }) },
    { name: 'Terraform: Neptune storage_encrypted true', plan: plan({ address: 'aws_neptune_cluster.graph', values: { cluster_identifier: 'graph', storage_encrypted: true } }) },
  ],
  invalid: [
    {
      name: 'DocumentDB without StorageEncrypted',
      yaml: docdb('      MasterUsername: app\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'RecordsCluster', path: 'Resources.RecordsCluster.Properties.StorageEncrypted', line: 8 }],
    },
    {
      name: 'Neptune with StorageEncrypted false',
      yaml: neptune('      StorageEncrypted: false\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'RecordsCluster', path: 'Resources.RecordsCluster.Properties.StorageEncrypted', line: 10 }],
    },
    {
      name: 'parameter without default is unknown',
      yaml: docdb('      StorageEncrypted: !Ref Encrypt\n'),
      errors: [{ messageId: 'unknown', resource: 'RecordsCluster', path: 'Resources.RecordsCluster.Properties.StorageEncrypted', line: 10, status: 'unknown' }],
    },
    {
      name: 'restored from a snapshot without the flag is unknown',
      yaml: neptune('      SnapshotIdentifier: graph-2026-01-01\n'),
      errors: [{ messageId: 'fromSnapshot', resource: 'RecordsCluster', path: 'Resources.RecordsCluster.Properties.StorageEncrypted', line: 8, status: 'unknown' }],
    },
    {
      name: 'Terraform: DocumentDB storage_encrypted false',
      plan: plan({ address: 'aws_docdb_cluster.records', values: { cluster_identifier: 'records', storage_encrypted: false, snapshot_identifier: null } }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_docdb_cluster.records', path: 'planned_values.root_module.resources.0.values.storage_encrypted', line: 13 }],
    },
    {
      name: 'Terraform: Neptune unknown after apply',
      plan: plan({ address: 'aws_neptune_cluster.graph', values: { cluster_identifier: 'graph' }, unknown: { storage_encrypted: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_neptune_cluster.graph', path: 'planned_values.root_module.resources.0.values.storage_encrypted', line: 11, status: 'unknown' }],
    },
  ],
});
