import { strict as assert } from 'assert';
import rule from '../../rules/eligibility/phi-in-metadata';
import { runRule, testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const bucket = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Uploads:\n    Type: AWS::S3::Bucket\n    Properties:\n${props}`;

testRule(rule, {
  valid: [
    { name: 'opaque names and ordinary descriptions', yaml: bucket('      BucketName: clinic-uploads-7f3a\n      Tags:\n        - Key: Team\n          Value: Radiology Imaging\n') },
    { name: 'health words without a personal name', yaml: bucket('      Tags:\n        - Key: Purpose\n          Value: diabetes research cohort exports\n') },
    { name: 'Terraform: plain tags', plan: plan({ address: 'aws_s3_bucket.uploads', values: { bucket: 'uploads', tags: { Owner: 'records-team' } } }) },
  ],
  invalid: [
    { name: 'a Social Security number in a tag value', yaml: bucket('      Tags:\n        - Key: Owner\n          Value: 123-45-6789\n'), errors: [{ messageId: 'phiInMetadata', resource: 'Uploads', path: 'Resources.Uploads.Properties.Tags.0.Value', line: 8 }] },
    { name: 'a medical record number in a bucket name', yaml: bucket('      BucketName: mrn-00123456-scans\n'), errors: [{ messageId: 'phiInMetadata', resource: 'Uploads', path: 'Resources.Uploads.Properties.BucketName', line: 6 }] },
    { name: 'a patient name next to a diagnosis in a description', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: Jane Doe diabetes follow-up\n", errors: [{ messageId: 'phiInMetadata', resource: 'Alerts', path: 'Resources.Alerts.Properties.DisplayName', line: 6 }] },
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
