import { asUnknown, defineRule, expect, isFalse, isTerraform, isTrue, setFix, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';

export default defineRule({
  id: 'guardduty-securityhub-enabled',
  title: 'Declared GuardDuty detector is switched off',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.308(a)(1)(ii)(D)', '164.308(a)(5)(ii)(C)', '164.308(a)(6)(ii)'],
  controls: ['guardduty-securityhub-enabled'],
  phiScope: 'all',
  appliesTo: { cloudformation: ['AWS::GuardDuty::Detector'], terraform: ['aws_guardduty_detector'] },
  responsibility: {
    aws: 'GuardDuty analyses CloudTrail, VPC flow and DNS logs for threats, and Security Hub gathers findings and compliance checks, in each account and Region where they are turned on.',
    customer: 'Turn both on in every account and Region (usually through a delegated administrator for the organization), and triage and act on their findings.',
  },
  messages: {
    disabled: 'GuardDuty detector {resource} is declared but disabled: credential misuse, unusual data access and exfiltration attempts are not detected.',
    unknown: 'Whether GuardDuty detector {resource} is enabled cannot be verified statically: {reason}.',
  },
  limits: 'Account-level services: GuardDuty and Security Hub are usually enabled for the whole organization outside workload templates, so their absence from a template is not reported. Security Hub has no on/off property to check; a declared hub is on.',
  check(detector: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(detector);
    const prop = tf ? 'enable' : 'Enable';
    // CloudFormation requires Enable; Terraform's enable defaults to true.
    const pass = tf ? (v: JsonValue) => !isFalse(v) : isTrue;
    return expect(ctx, detector, prop, pass, { messageId: 'disabled', absentPasses: tf, fixes: setFix(detector, prop, true, 'Enable the detector', { safe: false, consequence: 'GuardDuty is billed by analysed volume' }) }).map(asUnknown);
  },
});
