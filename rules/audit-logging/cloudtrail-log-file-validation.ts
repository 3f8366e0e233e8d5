import { asUnknown, defineRule, expect, isTerraform, isTrue, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';

export default defineRule({
  id: 'cloudtrail-log-file-validation',
  title: 'CloudTrail trail does not sign digests of its log files',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.312(c)(1)', '164.312(c)(2)'],
  controls: ['cloudtrail-log-file-validation'],
  phiScope: 'all',
  appliesTo: { cloudformation: ['AWS::CloudTrail::Trail'], terraform: ['aws_cloudtrail'] },
  responsibility: {
    aws: 'With validation on, CloudTrail writes an hourly digest file that hashes each delivered log file and signs the chain with a private key.',
    customer: 'Turn validation on, keep the digest files alongside the logs, and validate the chain when the record is needed as evidence.',
  },
  messages: {
    noValidation: 'Trail {resource} does not enable log file validation: a deleted or edited log file, such as one hiding access to PHI, cannot be detected.',
    unknown: 'Log file validation of trail {resource} cannot be verified statically: {reason}.',
  },
  limits: 'Validation only proves tampering after the fact; keeping the digest files and running the validation is outside the template.',
  check(trail: Resource, ctx: RuleContext): RuleResult[] {
    const path = isTerraform(trail) ? 'enable_log_file_validation' : 'EnableLogFileValidation';
    return expect(ctx, trail, path, isTrue, { messageId: 'noValidation', fixes: setFix(trail, path, true, 'Enable log file validation') }).map(asUnknown);
  },
});
