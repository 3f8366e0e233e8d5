import rule from '../../rules/audit-logging/database-log-exports';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const db = (props: string, type = 'AWS::RDS::DBInstance') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  EngineName:
    Type: String
Resources:
  PatientDb:
    Type: ${type}
    Properties:
${props}`;
const sam = (s: string) => s.replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');
const tfDb = (address: string, values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({ address, values, unknown });

testRule(rule, {
  valid: [
    { name: 'postgres exports postgresql and upgrade', yaml: db('      Engine: postgres\n      EnableCloudwatchLogsExports: [postgresql, upgrade]\n') },
    { name: 'MySQL exports audit and error logs', yaml: db('      Engine: mysql\n      EnableCloudwatchLogsExports: [audit, error, general, slowquery]\n') },
    { name: 'Aurora member is judged on its cluster', yaml: db('      Engine: aurora-mysql\n      DBClusterIdentifier: patients-cluster\n') },
    { name: 'Aurora PostgreSQL cluster', yaml: db('      Engine: aurora-postgresql\n      EnableCloudwatchLogsExports: [postgresql]\n', 'AWS::RDS::DBCluster') },
    { name: 'SAM template: DocumentDB with audit export', sam: sam(db('      EnableCloudwatchLogsExports: [audit, profiler]\n', 'AWS::DocDB::DBCluster')) },
    { name: 'Terraform: postgres instance with exports', plan: plan(tfDb('aws_db_instance.patients', { engine: 'postgres', enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'] })) },
    { name: 'Terraform: Neptune with audit export', plan: plan(tfDb('aws_neptune_cluster.graph', { engine: 'neptune', enable_cloudwatch_logs_exports: ['audit'] })) },
  ],
  invalid: [
    {
      name: 'postgres without exports',
      yaml: db('      Engine: postgres\n      DBInstanceClass: db.t3.medium\n'),
      errors: [{ messageId: 'missingExports', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.EnableCloudwatchLogsExports', line: 8 }],
    },
    {
      name: 'MySQL exports only slow queries',
      yaml: db('      Engine: mysql\n      EnableCloudwatchLogsExports: [slowquery]\n'),
      errors: [{ messageId: 'missingExports', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.EnableCloudwatchLogsExports', line: 10 }],
    },
    {
      name: 'SAM template: Neptune without the audit export',
      sam: sam(db('      DBClusterIdentifier: graph\n', 'AWS::Neptune::DBCluster')),
      errors: [{ messageId: 'missingExports', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.EnableCloudwatchLogsExports', line: 8 }],
    },
    {
      name: 'engine from a parameter without default',
      yaml: db('      Engine: !Ref EngineName\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.Engine', line: 9, status: 'unknown' }],
    },
    {
      name: 'Terraform: Aurora MySQL cluster without exports',
      plan: plan(tfDb('aws_rds_cluster.patients', { engine: 'aurora-mysql', enabled_cloudwatch_logs_exports: null })),
      errors: [{ messageId: 'missingExports', resource: 'aws_rds_cluster.patients', path: 'planned_values.root_module.resources.0.values.enabled_cloudwatch_logs_exports', line: 13 }],
    },
    {
      name: 'Terraform: exports known only after apply',
      plan: plan(tfDb('aws_docdb_cluster.docs', { engine: 'docdb' }, { enabled_cloudwatch_logs_exports: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_docdb_cluster.docs', path: 'planned_values.root_module.resources.0.values.enabled_cloudwatch_logs_exports', line: 11, status: 'unknown' }],
    },
  ],
});
