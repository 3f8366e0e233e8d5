import rule from '../../rules/encryption-at-rest/s3-bucket-default-encryption-kms';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Algorithm:
    Type: String
Resources:
  PatientBucket:
    Type: AWS::S3::Bucket
${props}`;

const encryption = (algorithm: string) => `    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: ${algorithm}
`;
const sam = (props: string) => template(props).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');

const bucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patients' } };
const sse = (algorithm: unknown, unknown?: Record<string, unknown>) => ({
  address: 'aws_s3_bucket_server_side_encryption_configuration.patients',
  values: { bucket: 'patients', rule: [{ apply_server_side_encryption_by_default: [algorithm === undefined ? {} : { sse_algorithm: algorithm }] }] },
  unknown,
  refs: { bucket: ['aws_s3_bucket.patients.id', 'aws_s3_bucket.patients'] },
});

testRule(rule, {
  valid: [
    { name: 'SSE-KMS', yaml: template(encryption('aws:kms')) },
    { name: 'dual-layer SSE-KMS', yaml: template(encryption('aws:kms:dsse')) },
    { name: 'SAM template: SSE-KMS', sam: sam(encryption('aws:kms')) },
    { name: 'directory bucket with SSE-KMS', yaml: template(encryption('aws:kms')).replace('AWS::S3::Bucket', 'AWS::S3Express::DirectoryBucket') },
    { name: 'Terraform: split configuration with aws:kms', plan: plan(bucket, sse('aws:kms')) },
    {
      name: 'Terraform: split configuration joined by configuration reference while the bucket id is unknown',
      plan: plan({ ...bucket, unknown: { id: true } }, { ...sse('aws:kms', { bucket: true }), values: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] } }),
    },
    { name: 'Terraform: split configuration joined on the literal bucket name', plan: plan(bucket, { ...sse('aws:kms:dsse'), refs: undefined }) },
    { name: 'Terraform: legacy inline block', plan: plan({ address: 'aws_s3_bucket.patients', values: { bucket: 'patients', server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] }] } }) },
  ],
  invalid: [
    {
      name: 'SSE-S3 only',
      yaml: template(encryption('AES256')),
      errors: [{ messageId: 'notKms', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm', line: 12 }],
    },
    {
      name: 'no BucketEncryption (S3 falls back to SSE-S3)',
      yaml: template('    Properties:\n      BucketName: patients\n'),
      errors: [{ messageId: 'notKms', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties', line: 8 }],
    },
    {
      name: 'SAM template: no Properties',
      sam: sam(''),
      errors: [{ messageId: 'notKms', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties', line: 6 }],
    },
    {
      name: 'algorithm from a parameter without default is unknown',
      yaml: template(encryption('!Ref Algorithm')),
      errors: [{ messageId: 'unknown', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm', line: 12, status: 'unknown' }],
    },
    {
      name: 'Terraform: split configuration with AES256',
      plan: plan(bucket, sse('AES256')),
      errors: [{ messageId: 'notKms', resource: 'aws_s3_bucket_server_side_encryption_configuration.patients', path: 'planned_values.root_module.resources.1.values.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm', line: 26 }],
    },
    {
      name: 'Terraform: bucket without any encryption configuration',
      plan: plan(bucket),
      errors: [{ messageId: 'notKms', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0.values', line: 11 }],
    },
    {
      name: 'Terraform: algorithm known only after apply',
      plan: plan(bucket, sse(undefined, { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: true }] }] })),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket_server_side_encryption_configuration.patients', path: 'planned_values.root_module.resources.1.values.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm', line: 25, status: 'unknown' }],
    },
  ],
});
