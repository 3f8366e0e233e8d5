import rule from '../../rules/public-exposure/s3-bucket-no-public-read-write';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (bucketProps: string, more = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  PatientBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: patient-records
${bucketProps}${more}`;

const policy = (statement: string) => `  PatientBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref PatientBucket
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${statement}`;

const allowAll = (condition = '', principal = "'*'") => `          - Effect: Allow
            Principal: ${principal}
            Action: s3:GetObject
            Resource: !Sub '\${PatientBucket.Arn}/*'
${condition}`;

const restrictPolicy = '      PublicAccessBlockConfiguration:\n        BlockPublicPolicy: true\n        RestrictPublicBuckets: true\n';

const tfBucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patients' } };
const ref = { bucket: ['aws_s3_bucket.patients.id', 'aws_s3_bucket.patients'] };
const tfPolicy = (doc: unknown) => ({ address: 'aws_s3_bucket_policy.patients', values: { policy: JSON.stringify(doc) }, unknown: { bucket: true }, refs: ref });
const publicDoc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::patients/*' } };
const vpceDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::patients/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1234' } } }] };

testRule(rule, {
  valid: [
    { name: 'private bucket, no policy', yaml: template('      AccessControl: Private\n') },
    { name: 'policy for a named role', yaml: template('', policy(allowAll('', '\n              AWS: arn:aws:iam::111122223333:role/reader'))) },
    { name: 'everyone, but only through a VPC endpoint', yaml: template('', policy(allowAll("            Condition:\n              StringEquals:\n                aws:SourceVpce: vpce-1234\n"))) },
    { name: 'everyone within the organisation', yaml: template('', policy(allowAll('            Condition:\n              StringEquals:\n                aws:PrincipalOrgID: !Ref Open\n'))) },
    { name: 'public policy made ineffective by Block Public Access', yaml: template(restrictPolicy, policy(allowAll())) },
    { name: 'public ACL ignored by Block Public Access', yaml: template('      AccessControl: PublicRead\n      PublicAccessBlockConfiguration:\n        IgnorePublicAcls: true\n') },
    { name: 'Terraform: policy limited to a VPC endpoint', plan: plan(tfBucket, tfPolicy(vpceDoc)) },
    { name: 'Terraform: private ACL', plan: plan(tfBucket, { address: 'aws_s3_bucket_acl.patients', values: { acl: 'private' }, unknown: { bucket: true }, refs: ref }) },
    {
      name: 'Terraform: public policy blocked by the bucket public access block',
      plan: plan(tfBucket, tfPolicy(publicDoc), { address: 'aws_s3_bucket_public_access_block.patients', values: { restrict_public_buckets: true }, unknown: { bucket: true }, refs: ref }),
    },
  ],
  invalid: [
    {
      name: 'canned ACL PublicRead',
      yaml: template('      AccessControl: PublicRead\n'),
      errors: [{ messageId: 'publicAcl', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.AccessControl', line: 10 }],
    },
    {
      name: 'bucket policy allows everyone',
      yaml: template('', policy(allowAll())),
      errors: [{ messageId: 'publicPolicy', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument.Statement.0', line: 17 }],
    },
    {
      name: 'AWS "*" principal with an IfExists condition still allows everyone',
      yaml: template('', policy(allowAll("            Condition:\n              StringEqualsIfExists:\n                aws:SourceVpce: vpce-1234\n", "\n              AWS: '*'"))),
      errors: [{ messageId: 'publicPolicy', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument.Statement.0', line: 17 }],
    },
    {
      name: 'a negative condition (StringNotEquals) does not restrict an Allow',
      yaml: template('', policy(allowAll("            Condition:\n              StringNotEquals:\n                aws:SourceVpce: vpce-1234\n"))),
      errors: [{ messageId: 'publicPolicy', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument.Statement.0', line: 17 }],
    },
    {
      name: 'a single statement object (not a list) allowing everyone',
      yaml: template('', `  PatientBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref PatientBucket
      PolicyDocument:
        Statement:
          Effect: Allow
          Principal: '*'
          Action: s3:PutObject
          Resource: !Sub '\${PatientBucket.Arn}/*'
`),
      errors: [{ messageId: 'publicPolicy', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument', line: 14 }],
    },
    {
      name: 'principal from a parameter without default is unknown',
      yaml: template('', policy(allowAll('', '!Ref Open'))),
      errors: [{ messageId: 'unknown', resource: 'PatientBucketPolicy', path: 'Resources.PatientBucketPolicy.Properties.PolicyDocument.Statement.0', line: 17, status: 'unknown' }],
    },
    {
      name: 'SAM template: public-read-write ACL',
      sam: template('      AccessControl: PublicReadWrite\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'publicAcl', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.AccessControl', line: 10 }],
    },
    {
      name: 'Terraform: policy allows everyone',
      plan: plan(tfBucket, tfPolicy(publicDoc)),
      errors: [{ messageId: 'publicPolicy', resource: 'aws_s3_bucket_policy.patients', path: 'planned_values.root_module.resources.1.values.policy', line: 21 }],
    },
    {
      name: 'Terraform: aws_s3_bucket_acl public-read',
      plan: plan(tfBucket, { address: 'aws_s3_bucket_acl.patients', values: { acl: 'public-read' }, unknown: { bucket: true }, refs: ref }),
      errors: [{ messageId: 'publicAcl', resource: 'aws_s3_bucket_acl.patients', path: 'planned_values.root_module.resources.1.values.acl', line: 21 }],
    },
    {
      name: 'Terraform: grant to AllUsers',
      plan: plan(tfBucket, {
        address: 'aws_s3_bucket_acl.patients',
        values: { access_control_policy: [{ grant: [{ permission: 'READ', grantee: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }] }], owner: [{ id: 'abc' }] }] },
        unknown: { bucket: true },
        refs: ref,
      }),
      errors: [{ messageId: 'publicGrant', resource: 'aws_s3_bucket_acl.patients', path: 'planned_values.root_module.resources.1.values.access_control_policy.0.grant.0.grantee.0.uri', line: 29 }],
    },
    {
      name: 'Terraform: policy known only after apply',
      plan: plan(tfBucket, { address: 'aws_s3_bucket_policy.patients', values: {}, unknown: { bucket: true, policy: true }, refs: ref }),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket_policy.patients', path: 'planned_values.root_module.resources.1.values.policy', line: 20, status: 'unknown' }],
    },
  ],
});
