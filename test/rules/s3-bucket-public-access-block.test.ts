import rule from '../../rules/public-exposure/s3-bucket-public-access-block';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const bucket = (config: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  PatientBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: patient-records
${config}`;

const block = (acls = 'true', policy = 'true', ignore = 'true', restrict = 'true') => `      PublicAccessBlockConfiguration:
        BlockPublicAcls: ${acls}
        BlockPublicPolicy: ${policy}
        IgnorePublicAcls: ${ignore}
        RestrictPublicBuckets: ${restrict}
`;

const tfBucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patients' } };
const flags = (v: boolean) => ({ block_public_acls: v, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
const tfBlock = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs = true) => ({
  address: 'aws_s3_bucket_public_access_block.patients',
  values: refs ? values : { bucket: 'patients', ...values },
  unknown: refs ? { bucket: true, ...(unknown ?? {}) } : unknown,
  refs: refs ? { bucket: ['aws_s3_bucket.patients.id', 'aws_s3_bucket.patients'] } : undefined,
});

testRule(rule, {
  valid: [
    { name: 'all four settings on', yaml: bucket(block()) },
    { name: 'settings as strings', yaml: bucket(block("'true'", "'true'", "'true'", "'true'")) },
    { name: 'Terraform: public access block joined through a configuration reference', plan: plan(tfBucket, tfBlock(flags(true))) },
    { name: 'Terraform: public access block joined by the literal bucket name', plan: plan(tfBucket, tfBlock(flags(true), undefined, false)) },
    { name: 'Terraform: account-level block with all four settings', plan: plan(tfBucket, { address: 'aws_s3_account_public_access_block.account', values: flags(true) }) },
  ],
  invalid: [
    {
      name: 'no PublicAccessBlockConfiguration',
      yaml: bucket(''),
      errors: [{ messageId: 'notDeclared', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.PublicAccessBlockConfiguration', line: 8 }],
    },
    {
      name: 'policy blocking turned off',
      yaml: bucket(block('true', 'false', 'true', 'false')),
      errors: [{ messageId: 'flagsOff', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy', line: 12 }],
    },
    {
      name: 'a setting left out counts as off',
      yaml: bucket('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n'),
      errors: [{ messageId: 'flagsOff', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets', line: 10 }],
    },
    {
      name: 'a setting from a parameter without default is unknown',
      yaml: bucket(block('!Ref Open')),
      errors: [{ messageId: 'unknown', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.PublicAccessBlockConfiguration.BlockPublicAcls', line: 11, status: 'unknown' }],
    },
    {
      name: 'SAM template: bucket without the block',
      sam: bucket('').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'notDeclared', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.PublicAccessBlockConfiguration', line: 8 }],
    },
    {
      name: 'Terraform: no public access block',
      plan: plan(tfBucket),
      errors: [{ messageId: 'noBlock', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: block with public ACLs allowed',
      plan: plan(tfBucket, tfBlock(flags(false))),
      errors: [{ messageId: 'flagsOff', resource: 'aws_s3_bucket_public_access_block.patients', path: 'planned_values.root_module.resources.1.values.block_public_acls', line: 21 }],
    },
    {
      name: 'Terraform: account-level block with a setting off does not count',
      plan: plan(tfBucket, { address: 'aws_s3_account_public_access_block.account', values: flags(false) }),
      errors: [{ messageId: 'noBlock', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: setting known only after apply',
      plan: plan(tfBucket, tfBlock({ block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }, { block_public_acls: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket_public_access_block.patients', path: 'planned_values.root_module.resources.1.values.block_public_acls', line: 20, status: 'unknown' }],
    },
  ],
});
