import { defineRule, type Resource, type RuleContext, type RuleResult } from '../kit';
import { expectKey, keyFix } from './key-support';

export default defineRule({
  id: 'sns-topic-encrypted-kms',
  title: 'SNS topic that may carry PHI does not encrypt messages with a KMS key',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['sns-topic-encrypted-kms'],
  appliesTo: { cloudformation: ['AWS::SNS::Topic'], terraform: ['aws_sns_topic'] },
  responsibility: {
    aws: 'With server-side encryption on, SNS encrypts messages as soon as it receives them and decrypts them only for delivery.',
    customer: 'Name a KMS key on every topic that may carry PHI, let publishers use it (kms:GenerateDataKey, kms:Decrypt), and keep PHI out of subscriptions that leave AWS (SMS, email, HTTP).',
  },
  messages: {
    noKey: 'Topic {resource} stores messages without server-side encryption: KmsMasterKeyId is not set.',
    unknown: 'Server-side encryption of topic {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noKey: 'Topic {resource} stores messages without server-side encryption: kms_master_key_id is not set.',
  },
  limits: 'What subscribers do with delivered messages, and whether the key policy admits every publisher, are not visible in a template.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const path = resource.family === 'terraform-plan' ? 'kms_master_key_id' : 'KmsMasterKeyId';
    const fixes = keyFix(ctx, resource, path, 'Encrypt the topic with a customer managed KMS key', { safe: false, consequence: 'publishers need permission to use the key, and KMS requests are billed' });
    return expectKey(ctx, resource, path, { messageId: 'noKey', fixes });
  },
});
