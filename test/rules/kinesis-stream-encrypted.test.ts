import rule from '../../rules/encryption-at-rest/kinesis-stream-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const stream = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Type:
    Type: String
Resources:
  Vitals:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
${props}`;
const sam = (props: string) => stream(props).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');
const tf = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => plan({ address: 'aws_kinesis_stream.vitals', values: { name: 'vitals', ...values }, unknown, refs });

testRule(rule, {
  valid: [
    { name: 'AWS managed key', yaml: stream('      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/aws/kinesis\n') },
    { name: 'key declared in the template', yaml: stream('      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: !GetAtt StreamKey.Arn\n').replace('Resources:\n', 'Resources:\n  StreamKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n') },
    { name: 'SAM template: encrypted', sam: sam('      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/phi\n') },
    { name: 'Terraform: KMS with a key', plan: tf({ encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' }) },
    { name: 'Terraform: KMS with a key from the plan', plan: tf({ encryption_type: 'KMS' }, { kms_key_id: true }, { kms_key_id: ['aws_kms_key.phi.arn', 'aws_kms_key.phi'] }) },
  ],
  invalid: [
    {
      name: 'no StreamEncryption',
      yaml: stream(''),
      errors: [{ messageId: 'notEncrypted', resource: 'Vitals', path: 'Resources.Vitals.Properties.StreamEncryption.EncryptionType', line: 8 }],
    },
    {
      name: 'EncryptionType NONE',
      yaml: stream('      StreamEncryption:\n        EncryptionType: NONE\n        KeyId: alias/aws/kinesis\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'Vitals', path: 'Resources.Vitals.Properties.StreamEncryption.EncryptionType', line: 11 }],
    },
    {
      name: 'EncryptionType from a parameter without default is unknown',
      yaml: stream('      StreamEncryption:\n        EncryptionType: !Ref Type\n        KeyId: alias/aws/kinesis\n'),
      errors: [{ messageId: 'unknown', resource: 'Vitals', path: 'Resources.Vitals.Properties.StreamEncryption.EncryptionType', line: 11, status: 'unknown' }],
    },
    {
      name: 'SAM template: no StreamEncryption',
      sam: sam(''),
      errors: [{ messageId: 'notEncrypted', resource: 'Vitals', path: 'Resources.Vitals.Properties.StreamEncryption.EncryptionType', line: 8 }],
    },
    {
      name: 'Terraform: encryption_type NONE',
      plan: tf({ encryption_type: 'NONE', kms_key_id: null }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_kinesis_stream.vitals', path: 'planned_values.root_module.resources.0.values.encryption_type', line: 13 }],
    },
    {
      name: 'Terraform: KMS without a key',
      plan: tf({ encryption_type: 'KMS', kms_key_id: null }),
      errors: [{ messageId: 'noKey', resource: 'aws_kinesis_stream.vitals', path: 'planned_values.root_module.resources.0.values.kms_key_id', line: 14 }],
    },
  ],
});
