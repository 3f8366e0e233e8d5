import rule from '../../rules/encryption-in-transit/redshift-require-tls';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const cluster = (groupName: string, group = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  ClaimsWarehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: claims
      MasterUsername: admin
      ManageMasterPassword: true
${groupName}${group}`;

const group = (params: string) => `  TlsParameters:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      Description: TLS only
      ParameterGroupFamily: redshift-1.0
      Parameters:
${params}`;

const tfPlan = (parameters: { name: string; value: string }[]) =>
  plan(
    { address: 'aws_redshift_parameter_group.tls', values: { name: 'tls', family: 'redshift-1.0', parameter: parameters } },
    { address: 'aws_redshift_cluster.claims', values: { cluster_identifier: 'claims', node_type: 'ra3.xlplus', cluster_parameter_group_name: 'tls' }, refs: { cluster_parameter_group_name: ['aws_redshift_parameter_group.tls.name', 'aws_redshift_parameter_group.tls'] } },
  );

testRule(rule, {
  valid: [
    { name: 'parameter group requires SSL', yaml: cluster('      ClusterParameterGroupName: !Ref TlsParameters\n', group('        - ParameterName: require_ssl\n          ParameterValue: "true"\n')) },
    { name: 'Terraform: require_ssl true', plan: tfPlan([{ name: 'require_ssl', value: 'true' }]) },
  ],
  invalid: [
    {
      name: 'default parameter group cannot be verified',
      yaml: cluster(''),
      errors: [{ messageId: 'defaultGroup', resource: 'ClaimsWarehouse', path: 'Resources.ClaimsWarehouse.Properties.ClusterParameterGroupName', line: 8, status: 'unknown' }],
    },
    {
      name: 'parameter group without require_ssl',
      yaml: cluster('      ClusterParameterGroupName: !Ref TlsParameters\n', group('        - ParameterName: enable_user_activity_logging\n          ParameterValue: "true"\n')),
      errors: [{ messageId: 'notRequired', resource: 'TlsParameters', path: 'Resources.TlsParameters.Properties.Parameters', line: 20 }],
    },
    {
      name: 'require_ssl false',
      yaml: cluster('      ClusterParameterGroupName: !Ref TlsParameters\n', group('        - ParameterName: require_ssl\n          ParameterValue: "false"\n')),
      errors: [{ messageId: 'notRequired', resource: 'TlsParameters', path: 'Resources.TlsParameters.Properties.Parameters.0.ParameterValue', line: 22 }],
    },
    {
      name: 'require_ssl from a parameter without default is unknown',
      yaml: cluster('      ClusterParameterGroupName: !Ref TlsParameters\n', group('        - ParameterName: require_ssl\n          ParameterValue: !Ref Open\n')),
      errors: [{ messageId: 'unknown', resource: 'TlsParameters', path: 'Resources.TlsParameters.Properties.Parameters.0.ParameterValue', line: 22, status: 'unknown' }],
    },
    {
      name: 'Terraform: require_ssl false',
      plan: tfPlan([{ name: 'require_ssl', value: 'false' }]),
      errors: [{ messageId: 'notRequired', resource: 'aws_redshift_parameter_group.tls', path: 'planned_values.root_module.resources.0.values.parameter.0.value', line: 17 }],
    },
  ],
});
