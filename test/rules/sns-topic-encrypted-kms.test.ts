import rule from '../../rules/encryption-at-rest/sns-topic-encrypted-kms';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const topic = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  KeyArn:
    Type: String
Resources:
  LabResults:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: lab-results
${props}`;
const sam = (props: string) => topic(props).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');

testRule(rule, {
  valid: [
    { name: 'customer managed key ARN', yaml: topic('      KmsMasterKeyId: arn:aws:kms:us-east-1:111122223333:key/1234\n') },
    { name: 'AWS managed key alias', yaml: topic('      KmsMasterKeyId: alias/aws/sns\n') },
    { name: 'key declared in the template', yaml: topic('      KmsMasterKeyId: !Ref TopicKey\n').replace('Resources:\n', 'Resources:\n  TopicKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n') },
    { name: 'SAM template: key set', sam: sam('      KmsMasterKeyId: alias/phi\n') },
    { name: 'Terraform: key set', plan: plan({ address: 'aws_sns_topic.results', values: { name: 'results', kms_master_key_id: 'alias/phi' } }) },
    { name: 'Terraform: key from the plan', plan: plan({ address: 'aws_sns_topic.results', values: { name: 'results' }, unknown: { kms_master_key_id: true }, refs: { kms_master_key_id: ['aws_kms_key.phi.arn', 'aws_kms_key.phi'] } }) },
  ],
  invalid: [
    {
      name: 'no key',
      yaml: topic(''),
      errors: [{ messageId: 'noKey', resource: 'LabResults', path: 'Resources.LabResults.Properties.KmsMasterKeyId', line: 8 }],
    },
    {
      name: 'empty key',
      yaml: topic("      KmsMasterKeyId: ''\n"),
      errors: [{ messageId: 'noKey', resource: 'LabResults', path: 'Resources.LabResults.Properties.KmsMasterKeyId', line: 10 }],
    },
    {
      name: 'key from a parameter without default is unknown',
      yaml: topic('      KmsMasterKeyId: !Ref KeyArn\n'),
      errors: [{ messageId: 'unknown', resource: 'LabResults', path: 'Resources.LabResults.Properties.KmsMasterKeyId', line: 10, status: 'unknown' }],
    },
    {
      name: 'SAM template: no key',
      sam: sam(''),
      errors: [{ messageId: 'noKey', resource: 'LabResults', path: 'Resources.LabResults.Properties.KmsMasterKeyId', line: 8 }],
    },
    {
      name: 'Terraform: no key',
      plan: plan({ address: 'aws_sns_topic.results', values: { name: 'results', kms_master_key_id: null } }),
      errors: [{ messageId: 'noKey', resource: 'aws_sns_topic.results', path: 'planned_values.root_module.resources.0.values.kms_master_key_id', line: 13 }],
    },
  ],
});
