import rule from '../../rules/encryption-at-rest/sqs-queue-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const queue = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Sse:
    Type: String
Resources:
  Referrals:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: referrals
${props}`;
const sam = (props: string) => queue(props).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');

testRule(rule, {
  valid: [
    { name: 'default SSE-SQS', yaml: queue('') },
    { name: 'SSE-SQS explicit', yaml: queue('      SqsManagedSseEnabled: true\n') },
    { name: 'KMS key', yaml: queue('      KmsMasterKeyId: alias/phi\n') },
    { name: 'KMS key wins over SqsManagedSseEnabled false', yaml: queue('      KmsMasterKeyId: alias/phi\n      SqsManagedSseEnabled: false\n') },
    { name: 'SAM template: default SSE-SQS', sam: sam('') },
    { name: 'Terraform: SSE-SQS', plan: plan({ address: 'aws_sqs_queue.referrals', values: { name: 'referrals', kms_master_key_id: null, sqs_managed_sse_enabled: true } }) },
    { name: 'Terraform: key from the plan', plan: plan({ address: 'aws_sqs_queue.referrals', values: { name: 'referrals' }, unknown: { kms_master_key_id: true, sqs_managed_sse_enabled: true }, refs: { kms_master_key_id: ['aws_kms_key.phi.arn', 'aws_kms_key.phi'] } }) },
  ],
  invalid: [
    {
      name: 'SSE-SQS turned off without a key',
      yaml: queue('      SqsManagedSseEnabled: false\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'Referrals', path: 'Resources.Referrals.Properties.SqsManagedSseEnabled', line: 10 }],
    },
    {
      name: 'SSE-SQS from a parameter without default is unknown',
      yaml: queue('      SqsManagedSseEnabled: !Ref Sse\n'),
      errors: [{ messageId: 'unknown', resource: 'Referrals', path: 'Resources.Referrals.Properties.SqsManagedSseEnabled', line: 10, status: 'unknown' }],
    },
    {
      name: 'SAM template: SSE-SQS turned off',
      sam: sam('      SqsManagedSseEnabled: false\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'Referrals', path: 'Resources.Referrals.Properties.SqsManagedSseEnabled', line: 10 }],
    },
    {
      name: 'Terraform: SSE turned off without a key',
      plan: plan({ address: 'aws_sqs_queue.referrals', values: { name: 'referrals', kms_master_key_id: null, sqs_managed_sse_enabled: false } }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_sqs_queue.referrals', path: 'planned_values.root_module.resources.0.values.sqs_managed_sse_enabled', line: 14 }],
    },
    {
      name: 'Terraform: SSE left to AWS is unknown',
      plan: plan({ address: 'aws_sqs_queue.referrals', values: { name: 'referrals', kms_master_key_id: null }, unknown: { sqs_managed_sse_enabled: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_sqs_queue.referrals', path: 'planned_values.root_module.resources.0.values.sqs_managed_sse_enabled', line: 11, status: 'unknown' }],
    },
  ],
});
