import { defineRule, isTerraform, type Resource, type RuleContext, type RuleResult } from '../kit';
import { expectKey, keyFix } from './key-support';

export default defineRule({
  id: 'cloudtrail-encrypted',
  title: 'CloudTrail trail writes its log files without SSE-KMS',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['cloudtrail-encrypted'],
  phiScope: 'all',
  appliesTo: { cloudformation: ['AWS::CloudTrail::Trail'], terraform: ['aws_cloudtrail'] },
  responsibility: {
    aws: 'CloudTrail delivers log files to the S3 bucket encrypted with SSE-S3, and with SSE-KMS when the trail names a KMS key.',
    customer: 'Name a customer managed KMS key on the trail, and let only the auditors and responders who need the trail decrypt it.',
  },
  messages: {
    noKey: 'Trail {resource} has no KMS key (KMSKeyId); its log files are readable by anyone who can read the bucket, and they name the resources and request parameters that touch PHI.',
    unknown: 'The KMS key of trail {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noKey: 'Trail {resource} has no KMS key (kms_key_id); its log files are readable by anyone who can read the bucket, and they name the resources and request parameters that touch PHI.',
  },
  limits: 'Trails created outside the template (an organization trail in the management account) are not visible.',
  check(trail: Resource, ctx: RuleContext): RuleResult[] {
    if (isTerraform(trail)) return expectKey(ctx, trail, 'kms_key_id', { messageId: 'noKey' });
    const fixes = keyFix(ctx, trail, 'KMSKeyId', 'Encrypt the trail with a KMS key', { safe: false, consequence: 'the key policy must allow cloudtrail.amazonaws.com to encrypt' });
    return expectKey(ctx, trail, 'KMSKeyId', { messageId: 'noKey', fixes });
  },
});
