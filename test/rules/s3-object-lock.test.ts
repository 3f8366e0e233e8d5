import rule from '../../rules/backup-recovery/s3-object-lock';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Lock:
    Type: String
Resources:
  AuditRecords:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: audit-records
${props}`;

const tf = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => plan({ address: 'aws_s3_bucket.audit', values: { bucket: 'audit-records', ...values }, unknown });

testRule(rule, {
  valid: [
    { name: 'Object Lock on', yaml: template("      ObjectLockEnabled: true\n      ObjectLockConfiguration:\n        ObjectLockEnabled: Enabled\n        Rule:\n          DefaultRetention:\n            Mode: GOVERNANCE\n            Days: 2192\n") },
    { name: 'Terraform: object_lock_enabled', plan: tf({ object_lock_enabled: true }) },
    { name: 'Terraform: legacy inline configuration', plan: tf({ object_lock_enabled: false, object_lock_configuration: [{ object_lock_enabled: 'Enabled' }] }) },
  ],
  invalid: [
    {
      name: 'no Object Lock',
      yaml: template(''),
      errors: [{ messageId: 'notEnabled', resource: 'AuditRecords', path: 'Resources.AuditRecords.Properties.ObjectLockEnabled', line: 8 }],
    },
    {
      name: 'flag on, configuration missing',
      yaml: template('      ObjectLockEnabled: true\n'),
      errors: [{ messageId: 'noConfiguration', resource: 'AuditRecords', path: 'Resources.AuditRecords.Properties.ObjectLockConfiguration.ObjectLockEnabled', line: 8 }],
    },
    {
      name: 'flag from a parameter without default is unknown',
      yaml: template('      ObjectLockEnabled: !Ref Lock\n'),
      errors: [{ messageId: 'unknown', resource: 'AuditRecords', path: 'Resources.AuditRecords.Properties.ObjectLockEnabled', line: 10, status: 'unknown' }],
    },
    {
      name: 'SAM template: bucket without Object Lock',
      sam: template('').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'notEnabled', resource: 'AuditRecords', path: 'Resources.AuditRecords.Properties.ObjectLockEnabled', line: 8 }],
    },
    {
      name: 'Terraform: object_lock_enabled false',
      plan: tf({ object_lock_enabled: false }),
      errors: [{ messageId: 'notEnabled', resource: 'aws_s3_bucket.audit', path: 'planned_values.root_module.resources.0.values.object_lock_enabled', line: 13 }],
    },
    {
      name: 'Terraform: known only after apply',
      plan: tf({}, { object_lock_enabled: true }),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket.audit', path: 'planned_values.root_module.resources.0.values.object_lock_enabled', line: 11, status: 'unknown' }],
    },
  ],
});
