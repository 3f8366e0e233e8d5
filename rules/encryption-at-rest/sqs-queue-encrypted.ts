import { asUnknown, defineRule, expect, isFalse, isTrue, setFix, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';
import { hasValue } from './key-support';

export default defineRule({
  id: 'sqs-queue-encrypted',
  title: 'SQS queue that may carry PHI has server-side encryption turned off',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['sqs-queue-encrypted'],
  appliesTo: { cloudformation: ['AWS::SQS::Queue'], terraform: ['aws_sqs_queue'] },
  responsibility: {
    aws: 'SQS encrypts message bodies with SQS-owned keys (SSE-SQS) by default for new queues, or with a KMS key when one is named.',
    customer: 'Keep server-side encryption on for every queue that may carry PHI, and name a KMS key it controls where key use must be restricted and logged.',
  },
  messages: {
    notEncrypted: 'Queue {resource} stores messages unencrypted: SqsManagedSseEnabled is false and no KmsMasterKeyId is set.',
    unknown: 'Server-side encryption of queue {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEncrypted: 'Queue {resource} stores messages unencrypted: sqs_managed_sse_enabled is not true and no kms_master_key_id is set.',
  },
  limits: 'Message attributes and metadata are not encrypted by SSE; what consumers do with messages is not visible in a template.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const terraform = resource.family === 'terraform-plan';
    const [key, managed] = terraform ? ['kms_master_key_id', 'sqs_managed_sse_enabled'] : ['KmsMasterKeyId', 'SqsManagedSseEnabled'];
    if (hasValue(ctx, resource, key)) return [];
    const keyLookup = ctx.get(resource, key);
    if (keyLookup.resolved.kind === 'unknown') return [unknownAt(keyLookup.path, keyLookup.resolved.reason)];
    if (terraform) {
      const lookup = ctx.get(resource, managed);
      if (lookup.resolved.kind === 'unknown') {
        return [unknownAt(lookup.path, 'sqs_managed_sse_enabled is left to AWS at creation (SSE-SQS is the default for new queues); set it to true to make it certain')];
      }
      return expect(ctx, resource, managed, isTrue, { messageId: 'notEncrypted' }).map(asUnknown);
    }
    // CloudFormation: SSE-SQS is on unless turned off explicitly.
    const fixes = setFix(resource, managed, true, 'Turn on SQS-managed server-side encryption (SSE-SQS)');
    return expect(ctx, resource, managed, (v) => !isFalse(v), { messageId: 'notEncrypted', absentPasses: true, fixes }).map(asUnknown);
  },
});
