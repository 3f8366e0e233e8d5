import { defineRule, isTerraform, possible, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';
import { pointAt, unknownResult } from './logging-support';

export default defineRule({
  id: 'cloudwatch-log-retention',
  title: 'CloudWatch log group has no retention period chosen',
  category: 'audit-logging',
  severity: 'info',
  hipaa: ['164.312(b)'],
  controls: ['cloudwatch-log-retention'],
  phiScope: 'phi-path',
  appliesTo: { cloudformation: ['AWS::Logs::LogGroup'], terraform: ['aws_cloudwatch_log_group'] },
  responsibility: {
    aws: 'CloudWatch Logs keeps log events until the retention period of their group expires, and forever when none is set.',
    customer: 'Choose a retention period for each log group from the organization\'s written retention policy: long enough for audit evidence, no longer than needed for logs that may contain PHI.',
  },
  messages: {
    noRetention: 'Log group {resource} has no retention period: its events, which may hold identifiers or PHI, are kept forever rather than for a period your policy sets.',
    implicitGroup: 'Function {resource} writes to the log group Lambda creates on first run, which has no retention period; declare an AWS::Logs::LogGroup named /aws/lambda/<function name> with RetentionInDays.',
    unknown: 'The retention period of log group {resource} cannot be verified statically: {reason}.',
  },
  limits: 'HIPAA sets no log retention period; 45 CFR 164.316(b)(2)(i) keeps required documentation six years, which many organizations also apply to audit logs. Whether the chosen period fits the policy is not checked.',
  check(group: Resource, ctx: RuleContext): RuleResult[] {
    if (group.implicitFrom) return [{ status: 'fail', path: group.path, messageId: 'implicitGroup', resourceId: group.implicitFrom }];
    const prop = isTerraform(group) ? 'retention_in_days' : 'RetentionInDays';
    const lookup = ctx.get(group, prop);
    const p = possible(lookup.resolved);
    const unset = p.absent || p.values.some((v) => v === null || v === '' || Number(v) === 0);
    if (unset) {
      const fixes = setFix(group, prop, { newParameter: { name: 'LogRetentionDays', type: 'Number', description: 'Days to keep log events, from the organization retention policy (2192 = six years)', default: '2192' } }, 'Set a retention period', { safe: false, consequence: 'deletes log events older than the period' });
      return [{ status: 'fail', path: pointAt(group, lookup, prop), messageId: 'noRetention', fixes }];
    }
    if (p.unknown !== undefined) return [unknownResult(lookup.path, p.unknown)];
    return [];
  },
});
