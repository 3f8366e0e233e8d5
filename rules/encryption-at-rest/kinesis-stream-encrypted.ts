import { asUnknown, defineRule, expect, oneOfValues, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';
import { expectKey } from './key-support';

const KMS = oneOfValues('KMS');

export default defineRule({
  id: 'kinesis-stream-encrypted',
  title: 'Kinesis data stream that may carry PHI does not encrypt records at rest',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['kinesis-stream-encrypted'],
  appliesTo: { cloudformation: ['AWS::Kinesis::Stream'], terraform: ['aws_kinesis_stream'] },
  responsibility: {
    aws: 'With server-side encryption on, Kinesis encrypts each record with a KMS key before it is written to storage.',
    customer: 'Turn server-side encryption on for every stream that may carry PHI, choose the key, and let producers and consumers use it.',
  },
  messages: {
    notEncrypted: 'Stream {resource} stores records unencrypted: the encryption type is not KMS.',
    noKey: 'Stream {resource} asks for KMS encryption but names no key.',
    unknown: 'Encryption of stream {resource} cannot be verified statically: {reason}.',
  },
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.family === 'terraform-plan') {
      const type = expect(ctx, resource, 'encryption_type', KMS, { messageId: 'notEncrypted' }).map(asUnknown);
      return type.length > 0 ? type : expectKey(ctx, resource, 'kms_key_id', { messageId: 'noKey' });
    }
    const fixes = setFix(resource, 'StreamEncryption', { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }, 'Encrypt the stream with the AWS managed Kinesis key', { safe: false, consequence: 'adds KMS request cost; producers and consumers need permission to use the key' });
    const type = expect(ctx, resource, 'StreamEncryption.EncryptionType', KMS, { messageId: 'notEncrypted', fixes }).map(asUnknown);
    return type.length > 0 ? type : expectKey(ctx, resource, 'StreamEncryption.KeyId', { messageId: 'noKey', fixes: setFix(resource, 'StreamEncryption.KeyId', 'alias/aws/kinesis', 'Use the AWS managed Kinesis key', { safe: false, consequence: 'adds KMS request cost' }) });
  },
});
