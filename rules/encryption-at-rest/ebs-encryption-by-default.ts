import { asUnknown, defineRule, expect, isTrue, type Resource, type RuleContext, type RuleResult } from '../kit';

export default defineRule({
  id: 'ebs-encryption-by-default',
  title: 'Account-level EBS encryption by default is switched off',
  category: 'encryption-at-rest',
  severity: 'warning',
  phiScope: 'account',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['ebs-encryption-by-default'],
  appliesTo: { terraform: ['aws_ebs_encryption_by_default'] },
  responsibility: {
    aws: 'Once the setting is on, EC2 encrypts every new EBS volume and snapshot copy in that Region, whatever the launch request says.',
    customer: 'Switch the setting on in every account and Region that may process PHI, keep it on, and pick the default KMS key.',
  },
  messages: {
    disabled: '{resource} turns EBS encryption by default off: new volumes in this Region are unencrypted unless each one asks for encryption.',
    unknown: 'Whether {resource} turns on EBS encryption by default cannot be verified statically: {reason}.',
  },
  limits: 'The setting is per account and Region and has no CloudFormation resource; it can only be judged where a Terraform plan manages aws_ebs_encryption_by_default. Other Regions and accounts are not visible.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    // The provider's default for `enabled` is true.
    return expect(ctx, resource, 'enabled', isTrue, { messageId: 'disabled', absentPasses: true }).map(asUnknown);
  },
});
