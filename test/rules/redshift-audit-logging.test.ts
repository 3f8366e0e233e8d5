import rule from '../../rules/audit-logging/redshift-audit-logging';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const cluster = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  LogBucket:
    Type: String
Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: claims
      MasterUsername: admin
      ManageMasterPassword: true
${props}`;
const sam = (s: string) => s.replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');
const tfCluster = { address: 'aws_redshift_cluster.warehouse', values: { cluster_identifier: 'claims', node_type: 'ra3.xlplus' } };
const tfLogging = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_redshift_logging.warehouse', values, unknown, refs });

testRule(rule, {
  valid: [
    { name: 'audit logs to S3', yaml: cluster('      LoggingProperties:\n        BucketName: redshift-audit\n        S3KeyPrefix: claims/\n') },
    { name: 'audit logs to CloudWatch', yaml: cluster('      LoggingProperties:\n        LogDestinationType: cloudwatch\n        LogExports: [connectionlog, userlog, useractivitylog]\n') },
    { name: 'SAM template: audit logs to S3', sam: sam(cluster('      LoggingProperties:\n        BucketName: redshift-audit\n')) },
    { name: 'Terraform v6: aws_redshift_logging joined by cluster identifier', plan: plan(tfCluster, tfLogging({ cluster_identifier: 'claims', log_destination_type: 'cloudwatch', log_exports: ['connectionlog', 'userlog'] })) },
    {
      name: 'Terraform v6: joined through configuration references',
      plan: plan({ ...tfCluster, unknown: { id: true } }, tfLogging({ log_destination_type: 's3' }, { cluster_identifier: true, bucket_name: true }, { cluster_identifier: ['aws_redshift_cluster.warehouse.id', 'aws_redshift_cluster.warehouse'], bucket_name: ['aws_s3_bucket.audit.id', 'aws_s3_bucket.audit'] })),
    },
  ],
  invalid: [
    {
      name: 'no LoggingProperties',
      yaml: cluster(''),
      errors: [{ messageId: 'noLogging', resource: 'Warehouse', path: 'Resources.Warehouse.Properties.LoggingProperties', line: 8 }],
    },
    {
      name: 'SAM template: CloudWatch destination without log types',
      sam: sam(cluster('      LoggingProperties:\n        LogDestinationType: cloudwatch\n')),
      errors: [{ messageId: 'noDestination', resource: 'Warehouse', path: 'Resources.Warehouse.Properties.LoggingProperties', line: 14 }],
    },
    {
      name: 'bucket from a parameter without default',
      yaml: cluster('      LoggingProperties:\n        BucketName: !Ref LogBucket\n'),
      errors: [{ messageId: 'unknown', resource: 'Warehouse', path: 'Resources.Warehouse.Properties.LoggingProperties.BucketName', line: 15, status: 'unknown' }],
    },
    {
      name: 'Terraform: no aws_redshift_logging',
      plan: plan(tfCluster),
      errors: [{ messageId: 'noLogging', resource: 'aws_redshift_cluster.warehouse', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: logging of another cluster',
      plan: plan(tfCluster, tfLogging({ cluster_identifier: 'other', log_destination_type: 's3', bucket_name: 'audit' })),
      errors: [{ messageId: 'noLogging', resource: 'aws_redshift_cluster.warehouse', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: S3 destination without a bucket',
      plan: plan(tfCluster, tfLogging({ cluster_identifier: 'claims', log_destination_type: 's3', bucket_name: null })),
      errors: [{ messageId: 'noDestination', resource: 'aws_redshift_logging.warehouse', path: 'planned_values.root_module.resources.1.values.bucket_name', line: 24 }],
    },
  ],
});
