import rule from '../../rules/access-control/s3-bucket-acls-disabled';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (properties: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Ownership:
    Type: String
Resources:
  PatientBucket:
    Type: AWS::S3::Bucket
    Properties:
${properties}`;

const ownership = (value: string) => `      OwnershipControls:
        Rules:
          - ObjectOwnership: ${value}
`;

const bucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patients' } };
const controls = (value: unknown, unknown?: Record<string, unknown>) => ({
  address: 'aws_s3_bucket_ownership_controls.patients',
  values: { bucket: 'patients', rule: [value === undefined ? {} : { object_ownership: value }] },
  unknown,
  refs: { bucket: ['aws_s3_bucket.patients.id', 'aws_s3_bucket.patients'] },
});

testRule(rule, {
  valid: [
    { name: 'BucketOwnerEnforced', yaml: template(ownership('BucketOwnerEnforced')) },
    { name: 'no ownership controls: the AWS default disables ACLs', yaml: template('      BucketName: patients\n') },
    { name: 'private canned ACL without ownership controls', yaml: template('      AccessControl: Private\n') },
    { name: 'SAM template with BucketOwnerEnforced', sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  PatientBucket:\n    Type: AWS::S3::Bucket\n    Properties:\n${ownership('BucketOwnerEnforced')}` },
    { name: 'Terraform: ownership controls enforced', plan: plan(bucket, controls('BucketOwnerEnforced')) },
    { name: 'Terraform: no ownership controls resource', plan: plan(bucket) },
  ],
  invalid: [
    {
      name: 'ObjectWriter keeps ACLs',
      yaml: template(ownership('ObjectWriter')),
      errors: [{ messageId: 'aclsEnabled', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.OwnershipControls.Rules.0.ObjectOwnership', line: 11 }],
    },
    {
      name: 'log delivery canned ACL',
      yaml: template('      AccessControl: LogDeliveryWrite\n'),
      errors: [{ messageId: 'aclInUse', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.AccessControl', line: 9 }],
    },
    {
      name: 'SAM template with BucketOwnerPreferred',
      sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  PatientBucket:\n    Type: AWS::S3::Bucket\n    Properties:\n${ownership('BucketOwnerPreferred')}`,
      errors: [{ messageId: 'aclsEnabled', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.OwnershipControls.Rules.0.ObjectOwnership', line: 8 }],
    },
    {
      name: 'ownership from a parameter without default is unknown',
      yaml: template(ownership('!Ref Ownership')),
      errors: [{ messageId: 'unknown', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.OwnershipControls.Rules.0.ObjectOwnership', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: ObjectWriter on the split resource',
      plan: plan(bucket, controls('ObjectWriter')),
      errors: [{ messageId: 'aclsEnabled', resource: 'aws_s3_bucket_ownership_controls.patients', path: 'planned_values.root_module.resources.1.values.rule.0.object_ownership', line: 24 }],
    },
    {
      name: 'Terraform: ownership known only after apply',
      plan: plan(bucket, controls(undefined, { rule: [{ object_ownership: true }] })),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket_ownership_controls.patients', path: 'planned_values.root_module.resources.1.values.rule.0.object_ownership', line: 23, status: 'unknown' }],
    },
  ],
});
