import rule from '../../rules/backup-recovery/dynamodb-pitr';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const table = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Pitr:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Pitr, prod]
Resources:
  PatientTable:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
${props}`;

const globalTable = (replicas: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PatientGlobal:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      BillingMode: PAY_PER_REQUEST
      Replicas:
${replicas}`;

const replica = (region: string, pitr?: boolean) =>
  `        - Region: ${region}\n` + (pitr === undefined ? '' : `          PointInTimeRecoverySpecification:\n            PointInTimeRecoveryEnabled: ${pitr}\n`);

const sam = (props: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Visits:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey:
        Name: id
        Type: String
${props}`;

const tfTable = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => plan({ address: 'aws_dynamodb_table.patients', values: { name: 'patients', ...values }, unknown });

testRule(rule, {
  valid: [
    { name: 'PITR on', yaml: table('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n') },
    { name: 'PITR on as a string', yaml: table("      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: 'true'\n") },
    { name: 'global table: every replica has PITR', yaml: globalTable(replica('us-east-1', true) + replica('us-west-2', true)) },
    { name: 'SAM SimpleTable with PITR', sam: sam('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n') },
    { name: 'Terraform: point_in_time_recovery enabled', plan: tfTable({ point_in_time_recovery: [{ enabled: true }] }) },
    { name: 'Terraform: replica with PITR', plan: tfTable({ point_in_time_recovery: [{ enabled: true }], replica: [{ region_name: 'us-west-2', point_in_time_recovery: true }] }) },
  ],
  invalid: [
    {
      name: 'no PointInTimeRecoverySpecification',
      yaml: table(''),
      errors: [{ messageId: 'pitrOff', resource: 'PatientTable', path: 'Resources.PatientTable.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', line: 10 }],
    },
    {
      name: 'PITR false',
      yaml: table('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: false\n'),
      errors: [{ messageId: 'pitrOff', resource: 'PatientTable', path: 'Resources.PatientTable.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', line: 13 }],
    },
    {
      name: 'Fn::If with one branch off',
      yaml: table('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: !If [IsProd, true, false]\n'),
      errors: [{ messageId: 'pitrOff', resource: 'PatientTable', path: 'Resources.PatientTable.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', line: 13 }],
    },
    {
      name: 'parameter without default is unknown',
      yaml: table('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: !Ref Pitr\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientTable', path: 'Resources.PatientTable.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', line: 13, status: 'unknown' }],
    },
    {
      name: 'global table: one replica without PITR',
      yaml: globalTable(replica('us-east-1', true) + replica('us-west-2')),
      errors: [{ messageId: 'replicaPitrOff', resource: 'PatientGlobal', path: 'Resources.PatientGlobal.Properties.Replicas.1.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', line: 11 }],
    },
    {
      name: 'SAM SimpleTable without PITR',
      sam: sam(''),
      errors: [{ messageId: 'pitrOff', resource: 'Visits', path: 'Resources.Visits.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', line: 5 }],
    },
    {
      name: 'Terraform: PITR block disabled',
      plan: tfTable({ point_in_time_recovery: [{ enabled: false }] }),
      errors: [{ messageId: 'pitrOff', resource: 'aws_dynamodb_table.patients', path: 'planned_values.root_module.resources.0.values.point_in_time_recovery.0.enabled', line: 15 }],
    },
    {
      name: 'Terraform: replica without PITR',
      plan: tfTable({ point_in_time_recovery: [{ enabled: true }], replica: [{ region_name: 'us-west-2', point_in_time_recovery: false }] }),
      errors: [{ messageId: 'replicaPitrOff', resource: 'aws_dynamodb_table.patients', path: 'planned_values.root_module.resources.0.values.replica.0.point_in_time_recovery', line: 21 }],
    },
    {
      name: 'Terraform: known only after apply',
      plan: tfTable({}, { point_in_time_recovery: true }),
      errors: [{ messageId: 'unknown', resource: 'aws_dynamodb_table.patients', path: 'planned_values.root_module.resources.0.values.point_in_time_recovery', line: 11, status: 'unknown' }],
    },
  ],
});
