import rule from '../../rules/encryption-in-transit/rds-require-tls';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const db = (engine: string, props: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  PatientDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: ${engine}
      DBInstanceClass: db.t3.micro
${props}${extra}`;

const group = (params: string) => `  TlsParameters:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: mysql8.0
      Description: TLS only
      Parameters:
${params}`;

const cluster = (engine: string, params: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  RecordsCluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: ${engine}
      DBClusterParameterGroupName: !Ref ClusterParameters
  ClusterParameters:
    Type: AWS::RDS::DBClusterParameterGroup
    Properties:
      Family: aurora-postgresql15
      Description: cluster settings
      Parameters:
${params}`;

const tfPlan = (engine: string, parameters: { name: string; value: string }[]) =>
  plan(
    { address: 'aws_db_parameter_group.tls', values: { name: 'tls', family: 'mysql8.0', parameter: parameters } },
    { address: 'aws_db_instance.patients', values: { engine, instance_class: 'db.t3.micro', parameter_group_name: 'tls' }, refs: { parameter_group_name: ['aws_db_parameter_group.tls.name', 'aws_db_parameter_group.tls'] } },
  );

testRule(rule, {
  valid: [
    { name: 'MySQL with require_secure_transport ON', yaml: db('mysql', '      DBParameterGroupName: !Ref TlsParameters\n', group('        require_secure_transport: "ON"\n')) },
    { name: 'PostgreSQL 16 default parameter group forces TLS', yaml: db('postgres', '      EngineVersion: "16.3"\n') },
    { name: 'PostgreSQL 14 with rds.force_ssl 1', yaml: db('postgres', '      EngineVersion: "14.10"\n      DBParameterGroupName: !Ref TlsParameters\n', group('        rds.force_ssl: 1\n')) },
    { name: 'Aurora member is judged on its cluster', yaml: db('aurora-mysql', '      DBClusterIdentifier: !Ref Open\n') },
    { name: 'engine without a TLS parameter (Db2)', yaml: db('db2-se', '') },
    { name: 'Aurora PostgreSQL cluster with rds.force_ssl', yaml: cluster('aurora-postgresql', '        rds.force_ssl: "1"\n') },
    { name: 'Terraform: require_secure_transport ON', plan: tfPlan('mysql', [{ name: 'require_secure_transport', value: 'ON' }]) },
  ],
  invalid: [
    {
      name: 'MySQL on the default parameter group',
      yaml: db('mysql', ''),
      errors: [{ messageId: 'defaultGroup', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.DBParameterGroupName', line: 8 }],
    },
    {
      name: 'PostgreSQL 14 on a named default group',
      yaml: db('postgres', '      EngineVersion: "14.10"\n      DBParameterGroupName: default.postgres14\n'),
      errors: [{ messageId: 'defaultGroup', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.DBParameterGroupName', line: 12 }],
    },
    {
      name: 'parameter group without the TLS parameter',
      yaml: db('mariadb', '      DBParameterGroupName: !Ref TlsParameters\n', group('        max_connections: "100"\n')),
      errors: [{ messageId: 'notForced', resource: 'TlsParameters', path: 'Resources.TlsParameters.Properties.Parameters', line: 17 }],
    },
    {
      name: 'require_secure_transport OFF',
      yaml: db('mysql', '      DBParameterGroupName: !Ref TlsParameters\n', group('        require_secure_transport: "OFF"\n')),
      errors: [{ messageId: 'notForced', resource: 'TlsParameters', path: 'Resources.TlsParameters.Properties.Parameters.require_secure_transport', line: 18 }],
    },
    {
      name: 'parameter group not declared in the template is unknown',
      yaml: db('mysql', '      DBParameterGroupName: shared-mysql-params\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.DBParameterGroupName', line: 11, status: 'unknown' }],
    },
    {
      name: 'engine from a parameter without default is unknown',
      yaml: db('!Ref Open', ''),
      errors: [{ messageId: 'unknown', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.Engine', line: 9, status: 'unknown' }],
    },
    {
      name: 'Aurora PostgreSQL cluster group with rds.force_ssl 0',
      yaml: cluster('aurora-postgresql', '        rds.force_ssl: "0"\n'),
      errors: [{ messageId: 'notForced', resource: 'ClusterParameters', path: 'Resources.ClusterParameters.Properties.Parameters.rds.force_ssl', line: 14 }],
    },
    {
      name: 'Oracle without an SSL option',
      yaml: db('oracle-ee', ''),
      errors: [{ messageId: 'noSslOption', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.OptionGroupName', line: 8 }],
    },
    {
      name: 'Terraform: parameter group without the TLS parameter',
      plan: tfPlan('mysql', [{ name: 'log_connections', value: '1' }]),
      errors: [{ messageId: 'notForced', resource: 'aws_db_parameter_group.tls', path: 'planned_values.root_module.resources.0.values.parameter', line: 14 }],
    },
    {
      name: 'Terraform: require_secure_transport OFF',
      plan: tfPlan('mysql', [{ name: 'require_secure_transport', value: 'OFF' }]),
      errors: [{ messageId: 'notForced', resource: 'aws_db_parameter_group.tls', path: 'planned_values.root_module.resources.0.values.parameter.0.value', line: 17 }],
    },
  ],
});
