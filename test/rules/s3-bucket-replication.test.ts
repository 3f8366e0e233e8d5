import rule from '../../rules/backup-recovery/s3-bucket-replication';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (replication: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  PatientBucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
${replication}`;

const replication = (status: string, destination = '!GetAtt ReplicaBucket.Arn') => `      ReplicationConfiguration:
        Role: arn:aws:iam::111122223333:role/replication
        Rules:
          - Status: ${status}
            Destination:
              Bucket: ${destination}
`;
const replica = `  ReplicaBucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`;

const bucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patient-records' } };
const replicaTf = { address: 'aws_s3_bucket.replica', values: { bucket: 'patient-records-replica' } };
const config = (status: string, unknown?: Record<string, unknown>) => ({
  address: 'aws_s3_bucket_replication_configuration.patients',
  values: { bucket: 'patient-records', role: 'arn:aws:iam::111122223333:role/replication', rule: [{ id: 'all', status, destination: [{ bucket: 'arn:aws:s3:::patient-records-replica' }] }] },
  unknown,
  refs: { bucket: ['aws_s3_bucket.patients.id', 'aws_s3_bucket.patients'], rule: ['aws_s3_bucket.replica.arn', 'aws_s3_bucket.replica'] },
});

testRule(rule, {
  valid: [
    { name: 'replicated to a bucket in the template (the replica is not flagged)', yaml: template(replication('Enabled') + replica) },
    { name: 'replicated to a bucket elsewhere', yaml: template(replication('Enabled', 'arn:aws:s3:::dr-patient-records')) },
    { name: 'Terraform: replication configuration joined on the bucket', plan: plan(bucket, replicaTf, config('Enabled')) },
  ],
  invalid: [
    {
      name: 'no replication',
      yaml: template(''),
      errors: [{ messageId: 'noReplication', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.ReplicationConfiguration', line: 8 }],
    },
    {
      name: 'replication rule disabled',
      yaml: template(replication('Disabled', 'arn:aws:s3:::dr-patient-records')),
      errors: [{ messageId: 'noReplication', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.ReplicationConfiguration', line: 11 }],
    },
    {
      name: 'rule status from a parameter without default is unknown',
      yaml: template(replication('!Ref Open', 'arn:aws:s3:::dr-patient-records')),
      errors: [{ messageId: 'unknown', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.ReplicationConfiguration.Rules.0.Status', line: 14, status: 'unknown' }],
    },
    {
      name: 'SAM template: bucket without replication',
      sam: template('').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'noReplication', resource: 'PatientBucket', path: 'Resources.PatientBucket.Properties.ReplicationConfiguration', line: 8 }],
    },
    {
      name: 'Terraform: no replication configuration',
      plan: plan(bucket),
      errors: [{ messageId: 'noReplication', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: rule disabled (the replica is still not flagged)',
      plan: plan(bucket, replicaTf, config('Disabled')),
      errors: [{ messageId: 'noReplication', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
  ],
});
