import rule from '../../rules/backup-recovery/s3-bucket-versioning';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Versioning:
    Type: String
Resources:
  PatientBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: patient-records
${props}${extra}`;

const bucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patient-records' } };
const versioning = (status: string | undefined, opts: { refs?: boolean; bucket?: string; unknown?: Record<string, unknown> } = {}) => ({
  address: 'aws_s3_bucket_versioning.patients',
  values: { bucket: opts.bucket ?? 'patient-records', versioning_configuration: status === undefined ? [{}] : [{ status }] },
  unknown: opts.unknown,
  refs: opts.refs === false ? undefined : { bucket: ['aws_s3_bucket.patients.id', 'aws_s3_bucket.patients'] },
});

testRule(rule, {
  valid: [
    { name: 'versioning Enabled', yaml: template('      VersioningConfiguration:\n        Status: Enabled\n') },
    { name: 'Object Lock turns versioning on', yaml: template('      ObjectLockEnabled: true\n') },
    { name: 'Terraform: aws_s3_bucket_versioning joined by configuration reference', plan: plan(bucket, versioning('Enabled', { bucket: 'unknown-until-apply-not-matching' })) },
    { name: 'Terraform: joined by literal bucket name (no configuration)', plan: plan(bucket, versioning('Enabled', { refs: false })) },
    { name: 'Terraform: legacy inline versioning block', plan: plan({ ...bucket, values: { ...bucket.values, versioning: [{ enabled: true, mfa_delete: false }] } }) },
  ],
  invalid: [
    {
      name: 'no VersioningConfiguration',
      yaml: template('      Tags: []\n'),
      errors: [{ messageId: 'notEnabled', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.VersioningConfiguration.Status', line: 8 }],
    },
    {
      name: 'versioning Suspended',
      yaml: template('      VersioningConfiguration:\n        Status: Suspended\n'),
      errors: [{ messageId: 'notEnabled', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.VersioningConfiguration.Status', line: 11 }],
    },
    {
      name: 'status from a parameter without default is unknown',
      yaml: template('      VersioningConfiguration:\n        Status: !Ref Versioning\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.VersioningConfiguration.Status', line: 11, status: 'unknown' }],
    },
    {
      name: 'SAM template: bucket without versioning',
      sam: template('      Tags: []\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'notEnabled', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.VersioningConfiguration.Status', line: 8 }],
    },
    {
      name: 'Terraform: no versioning resource',
      plan: plan(bucket),
      errors: [{ messageId: 'noVersioning', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: versioning resource for another bucket',
      plan: plan(bucket, versioning('Enabled', { refs: false, bucket: 'other-bucket' })),
      errors: [{ messageId: 'noVersioning', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: versioning Suspended',
      plan: plan(bucket, versioning('Suspended')),
      errors: [{ messageId: 'suspended', resource: 'aws_s3_bucket_versioning.patients', path: 'planned_values.root_module.resources.1.values.versioning_configuration.0.status', line: 24 }],
    },
    {
      name: 'Terraform: status known only after apply',
      plan: plan(bucket, versioning(undefined, { unknown: { versioning_configuration: [{ status: true }] } })),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket_versioning.patients', path: 'planned_values.root_module.resources.1.values.versioning_configuration.0.status', line: 23, status: 'unknown' }],
    },
  ],
});
