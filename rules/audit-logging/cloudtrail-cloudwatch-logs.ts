import { defineRule, isTerraform, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isGiven, pointAt, unknownResult } from './logging-support';

export default defineRule({
  id: 'cloudtrail-cloudwatch-logs',
  title: 'CloudTrail trail does not deliver to CloudWatch Logs, so nothing can alarm on it',
  category: 'audit-logging',
  severity: 'info',
  hipaa: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  controls: ['cloudtrail-cloudwatch-logs'],
  phiScope: 'all',
  appliesTo: { cloudformation: ['AWS::CloudTrail::Trail'], terraform: ['aws_cloudtrail'] },
  responsibility: {
    aws: 'CloudTrail delivers events to a CloudWatch Logs group when the trail names the group and a role CloudTrail can assume to write to it.',
    customer: 'Name the log group and the role, then build metric filters and alarms for the events that matter (policy changes, failed access to PHI stores, root sign-in).',
  },
  messages: {
    noLogGroup: 'Trail {resource} sends no events to CloudWatch Logs (CloudWatchLogsLogGroupArn is not set): suspicious access to PHI is only found when someone reads the S3 files.',
    noRole: 'Trail {resource} names a CloudWatch Logs group but no role (CloudWatchLogsRoleArn) for CloudTrail to write to it.',
    unknown: 'CloudWatch Logs delivery of trail {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noLogGroup: 'Trail {resource} sends no events to CloudWatch Logs (cloud_watch_logs_group_arn is not set): suspicious access to PHI is only found when someone reads the S3 files.',
    noRole: 'Trail {resource} names a CloudWatch Logs group but no role (cloud_watch_logs_role_arn) for CloudTrail to write to it.',
  },
  limits: 'The metric filters and alarms that make the delivery useful, and who answers them, are not checked.',
  check(trail: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(trail);
    const group = tf ? 'cloud_watch_logs_group_arn' : 'CloudWatchLogsLogGroupArn';
    const role = tf ? 'cloud_watch_logs_role_arn' : 'CloudWatchLogsRoleArn';
    const g = isGiven(ctx, trail, group);
    if (g.outcome === 'unknown') return [unknownResult(pointAt(trail, g.lookup, group), g.reason)];
    if (g.outcome === 'fail') return [{ status: 'fail', path: pointAt(trail, g.lookup, group), messageId: 'noLogGroup', fixes: fix(trail, true) }];
    const r = isGiven(ctx, trail, role);
    if (r.outcome === 'unknown') return [unknownResult(pointAt(trail, r.lookup, role), r.reason)];
    if (r.outcome === 'fail') return [{ status: 'fail', path: pointAt(trail, r.lookup, role), messageId: 'noRole', fixes: fix(trail, false) }];
    return [];
  },
});

function fix(trail: Resource, withGroup: boolean): FixIntent[] {
  if (isTerraform(trail)) return [];
  const edits: FixIntent['edits'] = [];
  if (withGroup) edits.push({ op: 'set', path: [...trail.propertiesPath, 'CloudWatchLogsLogGroupArn'], value: { newParameter: { name: 'TrailLogGroupArn', type: 'String', description: 'ARN of the CloudWatch Logs group that receives the trail events' } } });
  edits.push({ op: 'set', path: [...trail.propertiesPath, 'CloudWatchLogsRoleArn'], value: { newParameter: { name: 'TrailLogsRoleArn', type: 'String', description: 'ARN of the role CloudTrail assumes to write to the log group' } } });
  return [{ title: 'Deliver the trail to CloudWatch Logs (adds CloudWatch Logs ingestion cost)', safe: false, consequence: 'adds CloudWatch Logs ingestion cost', edits }];
}
