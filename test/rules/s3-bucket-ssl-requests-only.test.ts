import rule from '../../rules/encryption-in-transit/s3-bucket-ssl-requests-only';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Open, prod]
Resources:
  PatientBucket:
    Type: AWS::S3::Bucket
${resources}`;

const policy = (statements: string, bucket = '!Ref PatientBucket') => `  PatientBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: ${bucket}
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${statements}`;

const deny = (condition = `Bool:\n                aws:SecureTransport: 'false'`, principal = "'*'", action = "'s3:*'") => `          - Effect: Deny
            Principal: ${principal}
            Action: ${action}
            Resource:
              - !GetAtt PatientBucket.Arn
              - !Sub '\${PatientBucket.Arn}/*'
            Condition:
              ${condition}
`;

const allowRead = `          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::111122223333:role/reader
            Action: s3:GetObject
            Resource: !Sub '\${PatientBucket.Arn}/*'
`;

const denyJson = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::patients', 'arn:aws:s3:::patients/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
});
const allowJson = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::patients/*' }] });

const bucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patients' } };
const tfPolicy = (policyJson: unknown, unknown?: Record<string, unknown>) => ({
  address: 'aws_s3_bucket_policy.patients',
  values: { bucket: 'patients', ...(policyJson === undefined ? {} : { policy: policyJson }) },
  unknown,
  refs: { bucket: ['aws_s3_bucket.patients.id', 'aws_s3_bucket.patients'] },
});

testRule(rule, {
  valid: [
    { name: 'Deny for aws:SecureTransport false', yaml: template(policy(deny())) },
    {
      name: 'equivalent shape: AWS principal, Get/PutObject, BoolIfExists with a boolean, key in another case',
      yaml: template(policy(deny(`BoolIfExists:\n                AWS:SecureTransport: false`, "\n              AWS: '*'", '\n              - s3:GetObject\n              - s3:PutObject'))),
    },
    { name: 'NumericLessThanIfExists on the TLS version also refuses HTTP', yaml: template(policy(deny(`NumericLessThanIfExists:\n                s3:TlsVersion: 1.2`))) },
    { name: 'policy names the bucket with Fn::Sub', yaml: template(policy(deny(), "!Sub '${PatientBucket}'")) },
    {
      name: 'policy names the bucket by its literal BucketName',
      yaml: template(policy(deny(), 'patient-data')).replace('    Type: AWS::S3::Bucket\n', '    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: patient-data\n'),
    },
    { name: 'the deny statement is one of several', yaml: template(policy(allowRead + deny())) },
    { name: 'Terraform: aws_s3_bucket_policy with the deny statement', plan: plan(bucket, tfPolicy(denyJson)) },
    { name: 'Terraform: joined by bucket name when the plan has no configuration', plan: { ...(plan(bucket, tfPolicy(denyJson)) as Record<string, unknown>), configuration: undefined } },
  ],
  invalid: [
    {
      name: 'no bucket policy',
      yaml: template(''),
      errors: [{ messageId: 'noPolicy', resource: 'PatientBucket', path: 'Resources.PatientBucket', line: 8 }],
    },
    {
      name: 'SAM template: bucket without policy',
      sam: template('').replace("AWSTemplateFormatVersion: '2010-09-09'", "Transform: AWS::Serverless-2016-10-31"),
      errors: [{ messageId: 'noPolicy', resource: 'PatientBucket', path: 'Resources.PatientBucket', line: 8 }],
    },
    {
      name: 'policy only allows reads',
      yaml: template(policy(allowRead)),
      errors: [{ messageId: 'noDenyStatement', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument.Statement', line: 16 }],
    },
    {
      name: 'deny applies to one principal only',
      yaml: template(policy(deny(undefined, '\n              AWS: arn:aws:iam::111122223333:root'))),
      errors: [{ messageId: 'noDenyStatement', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument.Statement', line: 16 }],
    },
    {
      name: 'deny covers only deletes',
      yaml: template(policy(deny(undefined, "'*'", 's3:DeleteObject'))),
      errors: [{ messageId: 'noDenyStatement', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument.Statement', line: 16 }],
    },
    {
      name: 'NumericLessThan on the TLS version lets plain HTTP through',
      yaml: template(policy(deny(`NumericLessThan:\n                s3:TlsVersion: 1.2`))),
      errors: [{ messageId: 'tlsVersionOnly', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument.Statement', line: 16 }],
    },
    {
      name: 'Fn::If: one branch has no deny statement',
      yaml: template(`  PatientBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref PatientBucket
      PolicyDocument: !If
        - IsProd
        - Statement:
${deny().replace(/^ {10}/gm, '              ').replace(/^ {12}(?=\S)/gm, '                ')}        - Statement: []
`),
      errors: [{ messageId: 'noDenyStatement', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument', line: 14 }],
    },
    {
      name: 'policy document from a parameter without default is unknown',
      yaml: template(`  PatientBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref PatientBucket
      PolicyDocument: !Ref Open
`),
      errors: [{ messageId: 'unknown', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument', line: 14, status: 'unknown' }],
    },
    {
      name: 'condition value from a parameter is unknown',
      yaml: template(policy(deny(`Bool:\n                aws:SecureTransport: !Ref Open`))),
      errors: [{ messageId: 'unknown', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument.Statement', line: 16, status: 'unknown' }],
    },
    {
      name: 'a second bucket has no policy',
      yaml: template(policy(deny()) + '  AuditBucket:\n    Type: AWS::S3::Bucket\n'),
      errors: [{ messageId: 'noPolicy', resource: 'AuditBucket', path: 'Resources.AuditBucket', line: 26 }],
    },
    {
      name: 'Terraform: no aws_s3_bucket_policy',
      plan: plan(bucket),
      errors: [{ messageId: 'noPolicy', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: policy without the deny statement',
      plan: plan(bucket, tfPolicy(allowJson)),
      errors: [{ messageId: 'noDenyStatement', resource: 'aws_s3_bucket_policy.patients', path: 'planned_values.root_module.resources.1.values.policy', line: 22 }],
    },
    {
      name: 'Terraform: policy known only after apply',
      plan: plan(bucket, tfPolicy(undefined, { policy: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket_policy.patients', path: 'planned_values.root_module.resources.1.values.policy', line: 20, status: 'unknown' }],
    },
    {
      name: 'Terraform: policy that is not JSON is unknown',
      plan: plan(bucket, tfPolicy('{not json')),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket_policy.patients', path: 'planned_values.root_module.resources.1.values.policy', line: 22, status: 'unknown' }],
    },
  ],
});
