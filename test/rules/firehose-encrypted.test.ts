import rule from '../../rules/encryption-at-rest/firehose-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const delivery = (props: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  KeyType:
    Type: String
Resources:
${extra}  Export:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      S3DestinationConfiguration:
        BucketARN: arn:aws:s3:::exports
        RoleARN: arn:aws:iam::111122223333:role/firehose
${props}`;
const source = (encrypted: boolean) => `  Vitals:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
${encrypted ? '      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/aws/kinesis\n' : ''}`;
const fromStream = '      DeliveryStreamType: KinesisStreamAsSource\n      KinesisStreamSourceConfiguration:\n        KinesisStreamARN: !GetAtt Vitals.Arn\n        RoleARN: arn:aws:iam::111122223333:role/firehose\n';
const sam = (props: string) => delivery(props).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');

const tfStream = (encryption: string) => ({ address: 'aws_kinesis_stream.vitals', values: { name: 'vitals', encryption_type: encryption } });
const tfDelivery = (values: Record<string, unknown>, refs?: Record<string, string[]>, unknown?: Record<string, unknown>) => ({ address: 'aws_kinesis_firehose_delivery_stream.export', values: { name: 'export', destination: 'extended_s3', ...values }, refs, unknown });

testRule(rule, {
  valid: [
    { name: 'AWS owned key', yaml: delivery('      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: AWS_OWNED_CMK\n') },
    { name: 'customer managed key', yaml: delivery('      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: CUSTOMER_MANAGED_CMK\n        KeyARN: arn:aws:kms:us-east-1:111122223333:key/1234\n') },
    { name: 'encrypted source stream', yaml: delivery(fromStream, source(true)) },
    { name: 'SAM template: encrypted', sam: sam('      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: AWS_OWNED_CMK\n') },
    { name: 'Terraform: server-side encryption on', plan: plan(tfDelivery({ server_side_encryption: [{ enabled: true, key_type: 'AWS_OWNED_CMK' }] })) },
    {
      name: 'Terraform: encrypted source stream',
      plan: plan(tfStream('KMS'), tfDelivery({ kinesis_source_configuration: [{}] }, { kinesis_source_configuration: ['aws_kinesis_stream.vitals.arn', 'aws_kinesis_stream.vitals'] }, { kinesis_source_configuration: [{ kinesis_stream_arn: true }] })),
    },
  ],
  invalid: [
    {
      name: 'direct put without encryption',
      yaml: delivery(''),
      errors: [{ messageId: 'notEncrypted', resource: 'Export', path: 'Resources.Export.Properties.DeliveryStreamEncryptionConfigurationInput.KeyType', line: 8 }],
    },
    {
      name: 'key type from a parameter without default is unknown',
      yaml: delivery('      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: !Ref KeyType\n'),
      errors: [{ messageId: 'unknown', resource: 'Export', path: 'Resources.Export.Properties.DeliveryStreamEncryptionConfigurationInput.KeyType', line: 13, status: 'unknown' }],
    },
    {
      name: 'unencrypted source stream',
      yaml: delivery(fromStream, source(false)),
      errors: [{ messageId: 'sourceNotEncrypted', resource: 'Export', path: 'Resources.Export.Properties.KinesisStreamSourceConfiguration.KinesisStreamARN', line: 18 }],
    },
    {
      name: 'source stream outside the template is unknown',
      yaml: delivery('      DeliveryStreamType: KinesisStreamAsSource\n      KinesisStreamSourceConfiguration:\n        KinesisStreamARN: arn:aws:kinesis:us-east-1:111122223333:stream/vitals\n        RoleARN: arn:aws:iam::111122223333:role/firehose\n'),
      errors: [{ messageId: 'unknown', resource: 'Export', path: 'Resources.Export.Properties.KinesisStreamSourceConfiguration.KinesisStreamARN', line: 14, status: 'unknown' }],
    },
    {
      name: 'SAM template: no encryption',
      sam: sam(''),
      errors: [{ messageId: 'notEncrypted', resource: 'Export', path: 'Resources.Export.Properties.DeliveryStreamEncryptionConfigurationInput.KeyType', line: 8 }],
    },
    {
      name: 'Terraform: server-side encryption off',
      plan: plan(tfDelivery({ server_side_encryption: [{ enabled: false }] })),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_kinesis_firehose_delivery_stream.export', path: 'planned_values.root_module.resources.0.values.server_side_encryption.0.enabled', line: 16 }],
    },
    {
      name: 'Terraform: unencrypted source stream',
      plan: plan(tfStream('NONE'), tfDelivery({ kinesis_source_configuration: [{}] }, { kinesis_source_configuration: ['aws_kinesis_stream.vitals.arn', 'aws_kinesis_stream.vitals'] }, { kinesis_source_configuration: [{ kinesis_stream_arn: true }] })),
      errors: [{ messageId: 'sourceNotEncrypted', resource: 'aws_kinesis_firehose_delivery_stream.export', path: 'planned_values.root_module.resources.1.values.kinesis_source_configuration.0.kinesis_stream_arn', line: 25 }],
    },
  ],
});
