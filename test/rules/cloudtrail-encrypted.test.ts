import rule from '../../rules/encryption-at-rest/cloudtrail-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const trail = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  TrailKey:
    Type: String
Resources:
  AuditTrail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: audit-logs
${props}`;

const tfTrail = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_cloudtrail.audit', values: { name: 'audit', s3_bucket_name: 'audit-logs', ...values }, unknown, refs });

testRule(rule, {
  valid: [
    { name: 'KMSKeyId names a declared key', yaml: trail('      KMSKeyId: !Ref TrailKmsKey\n') + '  TrailKmsKey:\n    Type: AWS::KMS::Key\n' },
    { name: 'KMSKeyId is an alias', yaml: trail('      KMSKeyId: alias/audit-trail\n') },
    { name: 'Terraform: kms_key_id set', plan: plan(tfTrail({ kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abcd' })) },
    { name: 'Terraform: kms_key_id references a key in the plan', plan: plan(tfTrail({}, { kms_key_id: true }, { kms_key_id: ['aws_kms_key.trail.arn', 'aws_kms_key.trail'] })) },
  ],
  invalid: [
    {
      name: 'no KMSKeyId',
      yaml: trail(''),
      errors: [{ messageId: 'noKey', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.KMSKeyId', line: 8 }],
    },
    {
      name: 'KMSKeyId from a parameter without default',
      yaml: trail('      KMSKeyId: !Ref TrailKey\n'),
      errors: [{ messageId: 'unknown', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.KMSKeyId', line: 11, status: 'unknown' }],
    },
    {
      name: 'KMSKeyId naming a resource that is not a KMS key is unknown',
      yaml: trail('      KMSKeyId: !Ref AuditTopic\n') + '  AuditTopic:\n    Type: AWS::SNS::Topic\n',
      errors: [{ messageId: 'unknown', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.KMSKeyId', line: 11, status: 'unknown' }],
    },
    {
      name: 'KMSKeyId removed by AWS::NoValue on one branch',
      yaml: trail("      KMSKeyId: !If [IsProd, alias/audit, !Ref 'AWS::NoValue']\n").replace('Resources:', 'Conditions:\n  IsProd: !Equals [!Ref TrailKey, prod]\nResources:'),
      errors: [{ messageId: 'noKey', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.KMSKeyId', line: 13 }],
    },
    {
      name: 'Terraform: no kms_key_id',
      plan: plan(tfTrail({})),
      errors: [{ messageId: 'noKey', resource: 'aws_cloudtrail.audit', path: 'planned_values.root_module.resources.0.values.kms_key_id', line: 11 }],
    },
    {
      name: 'Terraform: kms_key_id unknown without a reference',
      plan: plan(tfTrail({}, { kms_key_id: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_cloudtrail.audit', path: 'planned_values.root_module.resources.0.values.kms_key_id', line: 11, status: 'unknown' }],
    },
  ],
});
