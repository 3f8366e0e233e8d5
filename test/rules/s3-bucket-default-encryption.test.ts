import rule from '../../rules/encryption-at-rest/s3-bucket-default-encryption';
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

const bucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patients' } };
const sse = (algorithm: unknown, unknown?: Record<string, unknown>, refs = true) => ({
  address: 'aws_s3_bucket_server_side_encryption_configuration.patients',
  values: { bucket: 'patients', rule: [{ apply_server_side_encryption_by_default: [algorithm === undefined ? {} : { sse_algorithm: algorithm }] }] },
  unknown,
  refs: refs ? { bucket: ['aws_s3_bucket.patients.id', 'aws_s3_bucket.patients'] } : undefined,
});
const inline = (algorithm: string) => ({
  address: 'aws_s3_bucket.patients',
  values: { bucket: 'patients', server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: algorithm }] }] }] },
});

testRule(rule, {
  valid: [
    { name: 'Terraform: split configuration joined by the bucket name alone (a plan without configuration)', plan: plan(bucket, sse('aws:kms', undefined, false)) },
    { name: 'Terraform: the second rule of the split configuration encrypts', plan: plan(bucket, { ...sse('DES'), values: { bucket: 'patients', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'DES' }] }, { apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }] } }) },
    { name: 'SSE-S3 (AES256)', yaml: template(encryption('AES256')) },
    { name: 'SSE-KMS', yaml: template(encryption('aws:kms')) },
    { name: 'dual-layer SSE-KMS', yaml: template(encryption('aws:kms:dsse')) },
    { name: 'SAM template: SSE-KMS', sam: template(encryption('aws:kms')).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31') },
    { name: 'Terraform: split configuration joined on bucket', plan: plan(bucket, sse('aws:kms')) },
    { name: 'Terraform: split configuration with AES256', plan: plan(bucket, sse('AES256')) },
    { name: 'Terraform: legacy inline block', plan: plan(inline('aws:kms')) },
    {
      name: 'Terraform: split configuration whose bucket id is known only after apply, joined by configuration reference',
      plan: plan({ ...bucket, unknown: { id: true } }, { ...sse('aws:kms', { bucket: true }), values: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] } }),
    },
  ],
  invalid: [
    {
      name: 'no BucketEncryption',
      yaml: template('    Properties:\n      BucketName: patients\n'),
      errors: [{ messageId: 'missing', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties', line: 8 }],
    },
    {
      name: 'no Properties at all',
      yaml: template(''),
      errors: [{ messageId: 'missing', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties', line: 6 }],
    },
    {
      name: 'empty rule list',
      yaml: template('    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration: []\n'),
      errors: [{ messageId: 'missing', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration', line: 10 }],
    },
    {
      name: 'unsupported algorithm',
      yaml: template(encryption('DES')),
      errors: [{ messageId: 'badAlgorithm', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm', line: 12 }],
    },
    {
      name: 'SAM template: no BucketEncryption',
      sam: template('').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'missing', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties', line: 6 }],
    },
    {
      name: 'algorithm from a parameter without default is unknown',
      yaml: template(encryption('!Ref Algorithm')),
      errors: [{ messageId: 'unknown', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm', line: 12, status: 'unknown' }],
    },
    {
      name: 'Terraform: bucket without any encryption configuration',
      plan: plan(bucket),
      errors: [{ messageId: 'missing', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0.values', line: 11 }],
    },
    {
      name: 'Terraform: the split configuration belongs to another bucket',
      plan: plan(bucket, sse('aws:kms'), { address: 'aws_s3_bucket.audit', values: { bucket: 'audit' } }),
      errors: [{ messageId: 'missing', resource: 'aws_s3_bucket.audit', path: 'planned_values.root_module.resources.2.values', line: 38 }],
    },
    {
      name: 'Terraform: split configuration with an unsupported algorithm',
      plan: plan(bucket, sse('DES')),
      errors: [{ messageId: 'badAlgorithm', resource: 'aws_s3_bucket_server_side_encryption_configuration.patients', path: 'planned_values.root_module.resources.1.values.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm', line: 26 }],
    },
    {
      name: 'Terraform: split configuration algorithm known only after apply',
      plan: plan(bucket, sse(undefined, { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: true }] }] })),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket_server_side_encryption_configuration.patients', path: 'planned_values.root_module.resources.1.values.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm', line: 25, status: 'unknown' }],
    },
    {
      name: 'Terraform: legacy inline block with an unsupported algorithm',
      plan: plan(inline('DES')),
      errors: [{ messageId: 'badAlgorithm', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0.values.server_side_encryption_configuration.0.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm', line: 19 }],
    },
    {
      name: 'Terraform: inline block known only after apply',
      plan: plan({ ...bucket, unknown: { server_side_encryption_configuration: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0.values.server_side_encryption_configuration', line: 11, status: 'unknown' }],
    },
  ],
});
