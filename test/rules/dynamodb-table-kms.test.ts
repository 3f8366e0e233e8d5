import rule from '../../rules/encryption-at-rest/dynamodb-table-kms';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const table = (props: string, type = 'AWS::DynamoDB::Table') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Sse:
    Type: String
Resources:
  PatientTable:
    Type: ${type}
    Properties:
      BillingMode: PAY_PER_REQUEST
${props}`;
const sam = (props: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  PatientTable:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey:
        Name: id
        Type: String
${props}`;

testRule(rule, {
  valid: [
    { name: 'AWS managed key', yaml: table('      SSESpecification:\n        SSEEnabled: true\n') },
    { name: 'customer managed key', yaml: table('      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n        KMSMasterKeyId: alias/phi\n') },
    { name: 'global table with KMS', yaml: table('      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n', 'AWS::DynamoDB::GlobalTable') },
    { name: 'SAM SimpleTable with SSE enabled', sam: sam('      SSESpecification:\n        SSEEnabled: true\n') },
    { name: 'Terraform: server_side_encryption enabled', plan: plan({ address: 'aws_dynamodb_table.patients', values: { name: 'patients', server_side_encryption: [{ enabled: true, kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/1234' }] } }) },
    { name: 'Terraform: replica with a key from the plan', plan: plan({ address: 'aws_dynamodb_table_replica.west', values: { global_table_arn: 'arn:x' }, unknown: { kms_key_arn: true }, refs: { kms_key_arn: ['aws_kms_key.west.arn', 'aws_kms_key.west'] } }) },
  ],
  invalid: [
    {
      name: 'no SSESpecification (AWS owned key)',
      yaml: table(''),
      errors: [{ messageId: 'ownedKey', resource: 'PatientTable', path: 'Resources.PatientTable.Properties.SSESpecification.SSEEnabled', line: 8 }],
    },
    {
      name: 'SSEEnabled false',
      yaml: table('      SSESpecification:\n        SSEEnabled: false\n'),
      errors: [{ messageId: 'ownedKey', resource: 'PatientTable', path: 'Resources.PatientTable.Properties.SSESpecification.SSEEnabled', line: 11 }],
    },
    {
      name: 'SSEEnabled from a parameter without default is unknown',
      yaml: table('      SSESpecification:\n        SSEEnabled: !Ref Sse\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientTable', path: 'Resources.PatientTable.Properties.SSESpecification.SSEEnabled', line: 11, status: 'unknown' }],
    },
    {
      name: 'global table without SSE',
      yaml: table('', 'AWS::DynamoDB::GlobalTable'),
      errors: [{ messageId: 'ownedKey', resource: 'PatientTable', path: 'Resources.PatientTable.Properties.SSESpecification.SSEEnabled', line: 8 }],
    },
    {
      name: 'SAM SimpleTable without SSE',
      sam: sam(''),
      errors: [{ messageId: 'ownedKey', resource: 'PatientTable', path: 'Resources.PatientTable.Properties.SSESpecification.SSEEnabled', line: 5 }],
    },
    {
      name: 'Terraform: server_side_encryption disabled',
      plan: plan({ address: 'aws_dynamodb_table.patients', values: { name: 'patients', server_side_encryption: [{ enabled: false }] } }),
      errors: [{ messageId: 'ownedKey', resource: 'aws_dynamodb_table.patients', path: 'planned_values.root_module.resources.0.values.server_side_encryption.0.enabled', line: 15 }],
    },
    {
      name: 'Terraform: no server_side_encryption block',
      plan: plan({ address: 'aws_dynamodb_table.patients', values: { name: 'patients', server_side_encryption: [] } }),
      errors: [{ messageId: 'ownedKey', resource: 'aws_dynamodb_table.patients', path: 'planned_values.root_module.resources.0.values.server_side_encryption.0.enabled', line: 13 }],
    },
    {
      name: 'Terraform: replica without a key',
      plan: plan({ address: 'aws_dynamodb_table_replica.west', values: { global_table_arn: 'arn:x', kms_key_arn: null } }),
      errors: [{ messageId: 'replicaNoKey', resource: 'aws_dynamodb_table_replica.west', path: 'planned_values.root_module.resources.0.values.kms_key_arn', line: 13 }],
    },
  ],
});
