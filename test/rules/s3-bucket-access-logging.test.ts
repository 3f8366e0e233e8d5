import rule from '../../rules/audit-logging/s3-bucket-access-logging';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  LogTarget:
    Type: String
Resources:
  PatientBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: patient-records
${props}${extra}`;

const logBucket = `  AccessLogs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: access-logs
`;

const tfBucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patients' } };
const tfLogs = { address: 'aws_s3_bucket.logs', values: { bucket: 'access-logs' } };
const tfLogging = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_s3_bucket_logging.patients', values, unknown, refs });

testRule(rule, {
  valid: [
    { name: 'LoggingConfiguration names a separate log bucket', yaml: template('      LoggingConfiguration:\n        DestinationBucketName: !Ref AccessLogs\n        LogFilePrefix: patients/\n', logBucket) },
    { name: 'destination given as a literal name', yaml: template('      LoggingConfiguration:\n        DestinationBucketName: central-access-logs\n') },
    {
      name: 'SAM template with a logged bucket',
      sam: template('      LoggingConfiguration:\n        DestinationBucketName: !Ref AccessLogs\n', logBucket).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
    },
    { name: 'Terraform: aws_s3_bucket_logging joined by bucket name', plan: plan(tfBucket, tfLogs, tfLogging({ bucket: 'patients', target_bucket: 'access-logs', target_prefix: 'p/' })) },
    {
      name: 'Terraform: join through configuration references when the ids are known only after apply',
      plan: plan({ address: 'aws_s3_bucket.patients', values: { bucket_prefix: 'patients-' }, unknown: { bucket: true, id: true } }, { address: 'aws_s3_bucket.logs', values: { bucket_prefix: 'logs-' }, unknown: { bucket: true, id: true } }, tfLogging({}, { bucket: true, target_bucket: true }, { bucket: ['aws_s3_bucket.patients.id', 'aws_s3_bucket.patients'], target_bucket: ['aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'] })),
    },
  ],
  invalid: [
    {
      name: 'no LoggingConfiguration (the log bucket itself is not asked to log)',
      yaml: template('      VersioningConfiguration:\n        Status: Enabled\n'),
      errors: [{ messageId: 'noLogging', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.LoggingConfiguration', line: 8 }],
    },
    {
      name: 'SAM template: bucket without logging',
      sam: template('      VersioningConfiguration:\n        Status: Enabled\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'noLogging', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.LoggingConfiguration', line: 8 }],
    },
    {
      name: 'LoggingConfiguration without a destination logs into the bucket itself',
      yaml: template('      LoggingConfiguration:\n        LogFilePrefix: logs/\n'),
      errors: [{ messageId: 'selfTarget', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.LoggingConfiguration.DestinationBucketName', line: 10 }],
    },
    {
      name: 'destination is the bucket itself',
      yaml: template('      LoggingConfiguration:\n        DestinationBucketName: patient-records\n'),
      errors: [{ messageId: 'selfTarget', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.LoggingConfiguration.DestinationBucketName', line: 11 }],
    },
    {
      name: 'destination from a parameter without default is unknown',
      yaml: template('      LoggingConfiguration:\n        DestinationBucketName: !Ref LogTarget\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.LoggingConfiguration.DestinationBucketName', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: no aws_s3_bucket_logging',
      plan: plan(tfBucket),
      errors: [{ messageId: 'noLogging', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: the logging resource belongs to another bucket',
      plan: plan(tfBucket, { address: 'aws_s3_bucket.other', values: { bucket: 'other' } }, tfLogs, tfLogging({ bucket: 'other', target_bucket: 'access-logs' })),
      errors: [{ messageId: 'noLogging', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: logging bucket known only after apply without configuration is unknown',
      plan: { ...(plan(tfBucket, tfLogging({ target_bucket: 'access-logs' }, { bucket: true })) as Record<string, unknown>), configuration: undefined },
      errors: [{ messageId: 'unknown', resource: 'aws_s3_bucket_logging.patients', path: 'planned_values.root_module.resources.1.values.bucket', line: 20, status: 'unknown' }],
    },
  ],
});
