import rule from '../../rules/encryption-in-transit/dax-docdb-in-transit';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const dax = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  LookupCache:
    Type: AWS::DAX::Cluster
    Properties:
      NodeType: dax.r5.large
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
${props}`;

const docdb = (groupProp: string, group = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  RecordsDocs:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      StorageEncrypted: true
${groupProp}${group}`;

const group = (tls: string) => `  DocsParameters:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Family: docdb5.0
      Description: settings
      Parameters:
        tls: ${tls}
`;

const tfDocdb = (tls: string) =>
  plan(
    { address: 'aws_docdb_cluster_parameter_group.docs', values: { name: 'docs', family: 'docdb5.0', parameter: [{ name: 'tls', value: tls }] } },
    { address: 'aws_docdb_cluster.records', values: { cluster_identifier: 'records', db_cluster_parameter_group_name: 'docs' }, refs: { db_cluster_parameter_group_name: ['aws_docdb_cluster_parameter_group.docs.name', 'aws_docdb_cluster_parameter_group.docs'] } },
  );

testRule(rule, {
  valid: [
    { name: 'DAX with TLS', yaml: dax('      ClusterEndpointEncryptionType: TLS\n') },
    { name: 'DocumentDB on the default group keeps TLS', yaml: docdb('') },
    { name: 'DocumentDB group with tls enabled', yaml: docdb('      DBClusterParameterGroupName: !Ref DocsParameters\n', group('enabled')) },
    { name: 'Terraform: DocumentDB tls enabled', plan: tfDocdb('enabled') },
    { name: 'Terraform: DAX with TLS', plan: plan({ address: 'aws_dax_cluster.lookup', values: { cluster_name: 'lookup', cluster_endpoint_encryption_type: 'TLS' } }) },
  ],
  invalid: [
    {
      name: 'DAX without endpoint encryption',
      yaml: dax(''),
      errors: [{ messageId: 'daxNoTls', resource: 'LookupCache', path: 'Resources.LookupCache.Properties.ClusterEndpointEncryptionType', line: 8 }],
    },
    {
      name: 'DAX encryption type from a parameter without default is unknown',
      yaml: dax('      ClusterEndpointEncryptionType: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'LookupCache', path: 'Resources.LookupCache.Properties.ClusterEndpointEncryptionType', line: 12, status: 'unknown' }],
    },
    {
      name: 'DocumentDB group switches tls off',
      yaml: docdb('      DBClusterParameterGroupName: !Ref DocsParameters\n', group('disabled')),
      errors: [{ messageId: 'tlsDisabled', resource: 'DocsParameters', path: 'Resources.DocsParameters.Properties.Parameters.tls', line: 18 }],
    },
    {
      name: 'DocumentDB group outside the template is unknown',
      yaml: docdb('      DBClusterParameterGroupName: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'RecordsDocs', path: 'Resources.RecordsDocs.Properties.DBClusterParameterGroupName', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: DocumentDB tls disabled',
      plan: tfDocdb('disabled'),
      errors: [{ messageId: 'tlsDisabled', resource: 'aws_docdb_cluster_parameter_group.docs', path: 'planned_values.root_module.resources.0.values.parameter.0.value', line: 17 }],
    },
    {
      name: 'Terraform: DAX without TLS',
      plan: plan({ address: 'aws_dax_cluster.lookup', values: { cluster_name: 'lookup', cluster_endpoint_encryption_type: 'NONE' } }),
      errors: [{ messageId: 'daxNoTls', resource: 'aws_dax_cluster.lookup', path: 'planned_values.root_module.resources.0.values.cluster_endpoint_encryption_type', line: 13 }],
    },
  ],
});
