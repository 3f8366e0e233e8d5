import rule from '../../rules/audit-logging/cloudtrail-s3-data-events';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (trailProps: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Selected:
    Type: String
Resources:
  PatientBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: patient-records
  AuditTrail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: audit-logs
${trailProps}`;

const selector = (values: string, rw = 'All') => `      EventSelectors:
        - ReadWriteType: ${rw}
          DataResources:
            - Type: AWS::S3::Object
              Values:
                - ${values}
`;
const sam = (s: string) => s.replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');

const tfBucket = { address: 'aws_s3_bucket.patients', values: { bucket: 'patients' }, unknown: { arn: true } };
const tfTrail = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_cloudtrail.audit', values: { name: 'audit', s3_bucket_name: 'audit-logs', ...values }, unknown, refs });
const tfSelector = (values: unknown) => ({ event_selector: [{ read_write_type: 'All', include_management_events: true, data_resource: [{ type: 'AWS::S3::Object', values }] }] });

testRule(rule, {
  valid: [
    { name: 'selector with the bucket ARN through Sub', yaml: template(selector("!Sub '${PatientBucket.Arn}/'")) },
    { name: 'selector for all buckets', yaml: template(selector('arn:aws:s3')) },
    { name: 'selector with the literal bucket ARN', yaml: template(selector("'arn:aws:s3:::patient-records/'")) },
    { name: 'separate read and write selectors', yaml: template(selector("!Sub '${PatientBucket.Arn}/'", 'ReadOnly').replace('      EventSelectors:\n', "      EventSelectors:\n        - ReadWriteType: WriteOnly\n          DataResources:\n            - Type: AWS::S3::Object\n              Values:\n                - arn:aws:s3\n")) },
    {
      name: 'advanced event selectors for S3 data events',
      yaml: template(`      AdvancedEventSelectors:
        - FieldSelectors:
            - Field: eventCategory
              Equals: [Data]
            - Field: resources.type
              Equals: [AWS::S3::Object]
`),
    },
    { name: 'no trail in the template: nothing to judge', yaml: template('').replace(/  AuditTrail:[\s\S]*$/, '') },
    { name: 'SAM template: selector with the bucket ARN', sam: sam(template(selector('!GetAtt PatientBucket.Arn'))) },
    { name: 'Terraform: selector referencing the bucket ARN known after apply', plan: plan(tfBucket, tfTrail({ event_selector: [{ read_write_type: 'All', data_resource: [{ type: 'AWS::S3::Object' }] }] }, { event_selector: [{ data_resource: [{ values: true }] }] }, { event_selector: ['aws_s3_bucket.patients.arn', 'aws_s3_bucket.patients'] })) },
    { name: 'Terraform: selector with the literal ARN', plan: plan(tfBucket, tfTrail(tfSelector(['arn:aws:s3:::patients/']))) },
  ],
  invalid: [
    {
      name: 'trail with management events only',
      yaml: template(''),
      errors: [{ messageId: 'notCovered', resource: 'PatientBucket', path: 'Resources.PatientBucket', line: 6 }],
    },
    {
      name: 'selector for another bucket',
      yaml: template(selector("'arn:aws:s3:::other-bucket/'")),
      errors: [{ messageId: 'notCovered', resource: 'PatientBucket', path: 'Resources.PatientBucket', line: 6 }],
    },
    {
      name: 'writes only',
      yaml: template(selector("!Sub '${PatientBucket.Arn}/'", 'WriteOnly')),
      errors: [{ messageId: 'partlyCovered', resource: 'PatientBucket', path: 'Resources.PatientBucket', line: 6 }],
    },
    {
      name: 'SAM template: no data events',
      sam: sam(template('')),
      errors: [{ messageId: 'notCovered', resource: 'PatientBucket', path: 'Resources.PatientBucket', line: 6 }],
    },
    {
      name: 'selected ARN from a parameter without default',
      yaml: template(selector('!Ref Selected')),
      errors: [{ messageId: 'unknown', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.EventSelectors.0.DataResources.0.Values.0', line: 20, status: 'unknown' }],
    },
    {
      name: 'Terraform: trail without data events',
      plan: plan(tfBucket, tfTrail({ event_selector: [] })),
      errors: [{ messageId: 'notCovered', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: selector for another bucket',
      plan: plan(tfBucket, tfTrail(tfSelector(['arn:aws:s3:::other/']))),
      errors: [{ messageId: 'notCovered', resource: 'aws_s3_bucket.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: selected ARNs known only after apply without configuration',
      plan: { ...(plan(tfBucket, tfTrail({ event_selector: [{ read_write_type: 'All', data_resource: [{ type: 'AWS::S3::Object' }] }] }, { event_selector: [{ data_resource: [{ values: true }] }] })) as Record<string, unknown>), configuration: undefined },
      errors: [{ messageId: 'unknown', resource: 'aws_cloudtrail.audit', path: 'planned_values.root_module.resources.1.values.event_selector.0.data_resource.0.values', line: 27, status: 'unknown' }],
    },
  ],
});
