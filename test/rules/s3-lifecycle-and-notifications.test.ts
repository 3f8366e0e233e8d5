import rule from '../../rules/backup-recovery/s3-lifecycle-and-notifications';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  PatientBucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
${props}`;

const lifecycle = (status = 'Enabled') => `      LifecycleConfiguration:
        Rules:
          - Id: noncurrent
            Status: ${status}
            NoncurrentVersionExpiration:
              NoncurrentDays: 2192
`;
const eventBridge = '      NotificationConfiguration:\n        EventBridgeConfiguration:\n          EventBridgeEnabled: true\n';

const bucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patient-records' } };
const joined = (type: string, values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({
  address: `${type}.patients`,
  values: { bucket: 'patient-records', ...values },
  unknown,
  refs: { bucket: ['aws_s3_bucket.patients.id', 'aws_s3_bucket.patients'] },
});
const versioning = joined('aws_s3_bucket_versioning', { versioning_configuration: [{ status: 'Enabled' }] });
const tfLifecycle = joined('aws_s3_bucket_lifecycle_configuration', { rule: [{ id: 'noncurrent', status: 'Enabled', noncurrent_version_expiration: [{ noncurrent_days: 2192 }] }] });
const tfNotification = joined('aws_s3_bucket_notification', { eventbridge: true });

testRule(rule, {
  valid: [
    { name: 'lifecycle for noncurrent versions and EventBridge', yaml: template(lifecycle() + eventBridge) },
    {
      name: 'SNS topic notifications',
      yaml: template(lifecycle() + '      NotificationConfiguration:\n        TopicConfigurations:\n          - Event: s3:ObjectRemoved:*\n            Topic: arn:aws:sns:us-east-1:111122223333:phi-changes\n'),
    },
    { name: 'unversioned bucket is not checked', yaml: template('').replace('        Status: Enabled\n', '        Status: Suspended\n') },
    { name: 'Terraform: split lifecycle and notification resources', plan: plan(bucket, versioning, tfLifecycle, tfNotification) },
    { name: 'Terraform: unversioned bucket is not checked', plan: plan(bucket) },
  ],
  invalid: [
    {
      name: 'neither lifecycle nor notifications',
      yaml: template(''),
      errors: [
        { messageId: 'noNoncurrentLifecycle', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.LifecycleConfiguration', line: 8 },
        { messageId: 'noNotifications', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.NotificationConfiguration', line: 8 },
      ],
    },
    {
      name: 'lifecycle rule disabled',
      yaml: template(lifecycle('Disabled') + eventBridge),
      errors: [{ messageId: 'noNoncurrentLifecycle', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.LifecycleConfiguration.Rules', line: 12 }],
    },
    {
      name: 'lifecycle only expires current objects',
      yaml: template('      LifecycleConfiguration:\n        Rules:\n          - Status: Enabled\n            ExpirationInDays: 30\n' + eventBridge),
      errors: [{ messageId: 'noNoncurrentLifecycle', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.LifecycleConfiguration.Rules', line: 12 }],
    },
    {
      name: 'rule status from a parameter without default is unknown',
      yaml: template(lifecycle('!Ref Open') + eventBridge),
      errors: [{ messageId: 'unknown', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.LifecycleConfiguration.Rules', line: 12, status: 'unknown' }],
    },
    {
      name: 'SAM template: no notifications',
      sam: template(lifecycle()).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'noNotifications', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.NotificationConfiguration', line: 8 }],
    },
    {
      name: 'Terraform: versioned bucket without lifecycle or notification',
      plan: plan(bucket, versioning),
      errors: [
        { messageId: 'noNoncurrentLifecycle', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 },
        { messageId: 'noNotifications', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 },
      ],
    },
    {
      name: 'Terraform: lifecycle rules known only after apply',
      plan: plan(bucket, versioning, joined('aws_s3_bucket_lifecycle_configuration', {}, { rule: true }), tfNotification),
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket_lifecycle_configuration.patients', path: 'planned_values.root_module.resources.2.values.rule', line: 34, status: 'unknown' }],
    },
  ],
});
