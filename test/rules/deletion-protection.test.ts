import rule from '../../rules/backup-recovery/deletion-protection';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (type: string, props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Protect:
    Type: String
Resources:
  PatientStore:
    Type: ${type}
    Properties:
      Tags: []
${props}`;

const lb = (attributes: string) => template('AWS::ElasticLoadBalancingV2::LoadBalancer', `      Scheme: internal\n${attributes}`);

const tf = (type: string, values: Record<string, unknown>, unknown?: Record<string, unknown>) => plan({ address: `${type}.patients`, values, unknown });

testRule(rule, {
  valid: [
    { name: 'RDS instance protected', yaml: template('AWS::RDS::DBInstance', '      DeletionProtection: true\n') },
    { name: 'Aurora member uses its cluster', yaml: template('AWS::RDS::DBInstance', '      DBClusterIdentifier: !Ref Protect\n') },
    { name: 'DynamoDB table protected', yaml: template('AWS::DynamoDB::Table', '      DeletionProtectionEnabled: true\n') },
    { name: 'global table replicas protected', yaml: template('AWS::DynamoDB::GlobalTable', '      Replicas:\n        - Region: us-east-1\n          DeletionProtectionEnabled: true\n') },
    { name: 'load balancer attribute true', yaml: lb("      LoadBalancerAttributes:\n        - Key: idle_timeout.timeout_seconds\n          Value: '60'\n        - Key: deletion_protection.enabled\n          Value: 'true'\n") },
    { name: 'Terraform: aws_rds_cluster protected', plan: tf('aws_rds_cluster', { deletion_protection: true }) },
    { name: 'Terraform: aws_lb protected', plan: tf('aws_lb', { enable_deletion_protection: true }) },
  ],
  invalid: [
    {
      name: 'RDS cluster without deletion protection',
      yaml: template('AWS::RDS::DBCluster', '      Engine: aurora-postgresql\n'),
      errors: [{ messageId: 'unprotected', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.DeletionProtection', line: 8 }],
    },
    {
      name: 'DocumentDB cluster with deletion protection off',
      yaml: template('AWS::DocDB::DBCluster', '      DeletionProtection: false\n'),
      errors: [{ messageId: 'unprotected', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.DeletionProtection', line: 10 }],
    },
    {
      name: 'DynamoDB table without deletion protection',
      yaml: template('AWS::DynamoDB::Table', '      BillingMode: PAY_PER_REQUEST\n'),
      errors: [{ messageId: 'unprotected', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.DeletionProtectionEnabled', line: 8 }],
    },
    {
      name: 'global table replica unprotected',
      yaml: template('AWS::DynamoDB::GlobalTable', '      Replicas:\n        - Region: us-east-1\n'),
      errors: [{ messageId: 'replicaUnprotected', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.Replicas.0.DeletionProtectionEnabled', line: 11 }],
    },
    {
      name: 'flag from a parameter without default is unknown',
      yaml: template('AWS::Neptune::DBCluster', '      DeletionProtection: !Ref Protect\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.DeletionProtection', line: 10, status: 'unknown' }],
    },
    {
      name: 'load balancer without attributes',
      yaml: lb(''),
      errors: [{ messageId: 'lbUnprotected', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.LoadBalancerAttributes', line: 8 }],
    },
    {
      name: 'load balancer attributes without deletion protection',
      yaml: lb("      LoadBalancerAttributes:\n        - Key: idle_timeout.timeout_seconds\n          Value: '60'\n"),
      errors: [{ messageId: 'lbUnprotected', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.LoadBalancerAttributes', line: 11 }],
    },
    {
      name: 'load balancer attribute false',
      yaml: lb("      LoadBalancerAttributes:\n        - Key: deletion_protection.enabled\n          Value: 'false'\n"),
      errors: [{ messageId: 'lbUnprotected', resource: 'PatientStore', path: 'Resources.PatientStore.Properties.LoadBalancerAttributes.0.Value', line: 13 }],
    },
    {
      name: 'Terraform: aws_db_instance unprotected',
      plan: tf('aws_db_instance', { deletion_protection: false }),
      errors: [{ messageId: 'unprotected', resource: 'aws_db_instance.patients', path: 'planned_values.root_module.resources.0.values.deletion_protection', line: 12 }],
    },
    {
      name: 'Terraform: aws_lb unprotected',
      plan: tf('aws_lb', { enable_deletion_protection: false }),
      errors: [{ messageId: 'lbUnprotected', resource: 'aws_lb.patients', path: 'planned_values.root_module.resources.0.values.enable_deletion_protection', line: 12 }],
    },
    {
      name: 'Terraform: known only after apply',
      plan: tf('aws_dynamodb_table', {}, { deletion_protection_enabled: true }),
      errors: [{ messageId: 'unknown', resource: 'aws_dynamodb_table.patients', path: 'planned_values.root_module.resources.0.values.deletion_protection_enabled', line: 11, status: 'unknown' }],
    },
  ],
});
