import rule from '../../rules/backup-recovery/phi-store-retain-on-delete';
import { testRule } from '../harness/rule-tester';

const template = (type: string, attributes: string, props = '      Tags: []\n') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PatientStore:
    Type: ${type}
${attributes}    Properties:
${props}`;

testRule(rule, {
  valid: [
    { name: 'bucket retained on delete and replacement', yaml: template('AWS::S3::Bucket', '    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n') },
    { name: 'RDS cluster snapshotted', yaml: template('AWS::RDS::DBCluster', '    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n') },
    { name: 'stand-alone RDS instance: default DeletionPolicy is Snapshot', yaml: template('AWS::RDS::DBInstance', '    UpdateReplacePolicy: Snapshot\n') },
    { name: 'Aurora member keeps no data of its own', yaml: template('AWS::RDS::DBInstance', '', '      DBClusterIdentifier: patients\n') },
    { name: 'RetainExceptOnCreate on delete', yaml: template('AWS::DynamoDB::Table', '    DeletionPolicy: RetainExceptOnCreate\n    UpdateReplacePolicy: Retain\n') },
    { name: 'SAM SimpleTable retained', sam: template('AWS::Serverless::SimpleTable', '    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31') },
  ],
  invalid: [
    {
      name: 'bucket without either policy',
      yaml: template('AWS::S3::Bucket', ''),
      errors: [{ messageId: 'noPolicies', resource: 'PatientStore', path: 'Resources.PatientStore', line: 3 }],
    },
    {
      name: 'table with DeletionPolicy Delete',
      yaml: template('AWS::DynamoDB::Table', '    DeletionPolicy: Delete\n    UpdateReplacePolicy: Retain\n'),
      errors: [{ messageId: 'deletionPolicy', resource: 'PatientStore', path: 'Resources.PatientStore.DeletionPolicy', line: 5 }],
    },
    {
      name: 'Snapshot is not available for S3 buckets',
      yaml: template('AWS::S3::Bucket', '    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Retain\n'),
      errors: [{ messageId: 'deletionPolicy', resource: 'PatientStore', path: 'Resources.PatientStore.DeletionPolicy', line: 5 }],
    },
    {
      name: 'Retain on delete but no UpdateReplacePolicy',
      yaml: template('AWS::EFS::FileSystem', '    DeletionPolicy: Retain\n'),
      errors: [{ messageId: 'replacePolicy', resource: 'PatientStore', path: 'Resources.PatientStore', line: 3 }],
    },
    {
      name: 'stand-alone RDS instance without UpdateReplacePolicy',
      yaml: template('AWS::RDS::DBInstance', ''),
      errors: [{ messageId: 'replacePolicy', resource: 'PatientStore', path: 'Resources.PatientStore', line: 3 }],
    },
    {
      name: 'both policies Delete',
      yaml: template('AWS::KMS::Key', '    DeletionPolicy: Delete\n    UpdateReplacePolicy: Delete\n'),
      errors: [
        { messageId: 'deletionPolicy', resource: 'PatientStore', path: 'Resources.PatientStore.DeletionPolicy', line: 5 },
        { messageId: 'replacePolicy', resource: 'PatientStore', path: 'Resources.PatientStore.UpdateReplacePolicy', line: 6 },
      ],
    },
    {
      name: 'SAM SimpleTable without policies',
      sam: template('AWS::Serverless::SimpleTable', '').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'noPolicies', resource: 'PatientStore', path: 'Resources.PatientStore', line: 3 }],
    },
  ],
});
