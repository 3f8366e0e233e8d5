import { strict as assert } from 'assert';
import rule from '../../rules/eligibility/phi-in-metadata';
import { runRule, testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const bucket = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Uploads:\n    Type: AWS::S3::Bucket\n    Properties:\n${props}`;

testRule(rule, {
  valid: [
    { name: 'opaque names and ordinary descriptions', yaml: bucket('      BucketName: clinic-uploads-7f3a\n      Tags:\n        - Key: Team\n          Value: Radiology Imaging\n') },
    { name: 'health words without a personal name', yaml: bucket('      Tags:\n        - Key: Purpose\n          Value: diabetes research cohort exports\n') },
    { name: 'SAM: map-form tags without identifiers', sam: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.h\n      Runtime: python3.12\n      CodeUri: src/\n      Tags:\n        Team: intake\n' },
    { name: 'Terraform: plain tags', plan: plan({ address: 'aws_s3_bucket.uploads', values: { bucket: 'uploads', tags: { Owner: 'records-team' } } }) },
  ],
  invalid: [
    { name: 'a Social Security number in a tag value', yaml: bucket('      Tags:\n        - Key: Owner\n          Value: 123-45-6789\n'), errors: [{ messageId: 'phiInMetadata', resource: 'Uploads', path: 'Resources.Uploads.Properties.Tags.0.Value', line: 8 }] },
    { name: 'a medical record number in a bucket name', yaml: bucket('      BucketName: mrn-00123456-scans\n'), errors: [{ messageId: 'phiInMetadata', resource: 'Uploads', path: 'Resources.Uploads.Properties.BucketName', line: 6 }] },
    { name: 'a patient name next to a diagnosis in a description', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: Jane Doe diabetes follow-up\n", errors: [{ messageId: 'phiInMetadata', resource: 'Alerts', path: 'Resources.Alerts.Properties.DisplayName', line: 6 }] },
    { name: 'a medical record number reached through a parameter default', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  GroupName:\n    Type: String\n    Default: MRN 4471234 intake\nResources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: !Ref GroupName\n", errors: [{ messageId: 'phiInMetadata', resource: 'Logs', path: 'Resources.Logs.Properties.LogGroupName', line: 10 }] },
    { name: 'SAM: a patient name in a map-form tag', sam: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.h\n      Runtime: python3.12\n      CodeUri: src/\n      Tags:\n        Owner: "patient: John Smith"\n', errors: [{ messageId: 'phiInMetadata', resource: 'Fn', path: 'Resources.Fn.Properties.Tags.Owner', line: 10 }] },
    { name: 'Terraform: an SSN in a log group name', plan: plan({ address: 'aws_cloudwatch_log_group.app', values: { name: '/app/123-45-6789' } }), errors: [{ messageId: 'phiInMetadata', resource: 'aws_cloudwatch_log_group.app', path: 'planned_values.root_module.resources.0.values.name', line: 12 }] },
    { name: 'Terraform: a date of birth in a tag', plan: plan({ address: 'aws_s3_bucket.uploads', values: { bucket: 'uploads', tags: { Note: 'DOB: 1961-04-02' } } }), errors: [{ messageId: 'phiInMetadata', resource: 'aws_s3_bucket.uploads', path: 'planned_values.root_module.resources.0.values.tags.Note', line: 14 }] },
  ],
});

describe('phi-in-metadata message', () => {
  it('never repeats the value it found', () => {
    const { findings } = runRule(rule, bucket('      Tags:\n        - Key: Owner\n          Value: 123-45-6789\n'), 'file:///t.yaml');
    assert.equal(findings.length, 1);
    assert.ok(!findings[0].message.includes('123-45-6789'));
  });
});
