import { defineRule, evaluate, isFalse, isTerraform, isTrue, possible, text, type FixIntent, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isGiven, listItems, pointAt, unknownResult } from './logging-support';

export default defineRule({
  id: 'opensearch-logs',
  title: 'OpenSearch domain that may hold PHI publishes no error or audit logs',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  controls: ['opensearch-logs'],
  appliesTo: { cloudformation: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'], terraform: ['aws_opensearch_domain', 'aws_elasticsearch_domain'] },
  responsibility: {
    aws: 'OpenSearch Service streams application (error) logs, slow logs and, with fine-grained access control, audit logs of who queried which index to CloudWatch Logs when asked.',
    customer: 'Enable the error and audit log streams, name the log groups, grant the CloudWatch Logs resource policy that lets the service write, and configure which audit categories are recorded.',
  },
  messages: {
    noAppLogs: 'Domain {resource} publishes no application (error) logs: failed and refused requests against indexes with PHI leave no record.',
    noAuditLogs: 'Domain {resource} uses fine-grained access control but publishes no audit logs: who read or changed which index is not recorded.',
    unknown: 'Log publishing of domain {resource} cannot be verified statically: {reason}.',
  },
  limits: 'The CloudWatch Logs resource policy that lets the service write, and the audit log categories configured inside the domain, are not visible in the template. Audit logs need fine-grained access control, so they are only asked for when it is on.',
  check(domain: Resource, ctx: RuleContext): RuleResult[] {
    const out: RuleResult[] = [];
    const fgac = isTerraform(domain) ? ['advanced_security_options', 0, 'enabled'] : ['AdvancedSecurityOptions', 'Enabled'];
    const fine = evaluate(ctx.get(domain, fgac).resolved, isTrue).outcome === 'pass';
    const check = (logType: string, messageId: string) => {
      const r = isTerraform(domain) ? terraformStream(ctx, domain, logType) : cfnStream(ctx, domain, logType);
      if (r.outcome === 'unknown') out.push(unknownResult(r.path, r.reason!));
      else if (r.outcome === 'fail') out.push({ status: 'fail', path: r.path, messageId, fixes: fix(domain, logType) });
    };
    check('ES_APPLICATION_LOGS', 'noAppLogs');
    if (fine) check('AUDIT_LOGS', 'noAuditLogs');
    return out;
  },
});

interface Stream {
  outcome: 'pass' | 'fail' | 'unknown';
  path: Path;
  reason?: string;
}

function cfnStream(ctx: RuleContext, domain: Resource, logType: string): Stream {
  const options = ctx.get(domain, 'LogPublishingOptions');
  const po = possible(options.resolved);
  if (po.unknown !== undefined && options.node?.kind !== 'map') return { outcome: 'unknown', path: options.path, reason: po.unknown };
  const enabled = ctx.get(domain, ['LogPublishingOptions', logType, 'Enabled']);
  const e = evaluate(enabled.resolved, isTrue);
  if (e.outcome === 'unknown') return { outcome: 'unknown', path: enabled.path, reason: e.reason ?? 'decided at deploy time' };
  if (e.outcome === 'fail') return { outcome: 'fail', path: pointAt(domain, enabled, ['LogPublishingOptions', logType, 'Enabled']) };
  const group = isGiven(ctx, domain, ['LogPublishingOptions', logType, 'CloudWatchLogsLogGroupArn']);
  if (group.outcome === 'unknown') return { outcome: 'unknown', path: group.lookup.path, reason: group.reason };
  if (group.outcome === 'fail') return { outcome: 'fail', path: pointAt(domain, group.lookup, ['LogPublishingOptions', logType, 'CloudWatchLogsLogGroupArn']) };
  return { outcome: 'pass', path: enabled.path };
}

function terraformStream(ctx: RuleContext, domain: Resource, logType: string): Stream {
  const block = ctx.get(domain, 'log_publishing_options');
  for (const i of listItems(ctx, domain, ['log_publishing_options'])) {
    if (text(possible(ctx.get(domain, ['log_publishing_options', i, 'log_type']).resolved).values[0]) !== logType) continue;
    const enabled = ctx.get(domain, ['log_publishing_options', i, 'enabled']);
    const e = possible(enabled.resolved);
    if (e.values.some((v) => isFalse(v))) return { outcome: 'fail', path: enabled.path };
    const group = isGiven(ctx, domain, ['log_publishing_options', i, 'cloudwatch_log_group_arn']);
    if (group.outcome === 'pass') return { outcome: 'pass', path: block.path };
    // References inside a nested block are recorded on the top-level attribute.
    if (group.outcome === 'unknown') return (domain.terraform?.references['log_publishing_options'] ?? []).length ? { outcome: 'pass', path: block.path } : { outcome: 'unknown', path: group.lookup.path, reason: group.reason };
    return { outcome: 'fail', path: pointAt(domain, group.lookup, ['log_publishing_options', i, 'cloudwatch_log_group_arn']) };
  }
  const p = possible(block.resolved);
  if (p.unknown !== undefined) return { outcome: 'unknown', path: block.path, reason: p.unknown };
  return { outcome: 'fail', path: pointAt(domain, block, ['log_publishing_options']) };
}

function fix(domain: Resource, logType: string): FixIntent[] {
  if (isTerraform(domain)) return [];
  const base = [...domain.propertiesPath, 'LogPublishingOptions', logType];
  const name = logType === 'AUDIT_LOGS' ? 'SearchAuditLogGroupArn' : 'SearchErrorLogGroupArn';
  return [
    {
      title: `Publish ${logType} to CloudWatch Logs (adds CloudWatch Logs ingestion cost)`,
      safe: false,
      consequence: 'adds CloudWatch Logs ingestion cost',
      edits: [
        { op: 'set', path: [...base, 'Enabled'], value: true },
        { op: 'set', path: [...base, 'CloudWatchLogsLogGroupArn'], value: { newParameter: { name, type: 'String', description: `ARN of the CloudWatch Logs group that receives ${logType}` } } },
      ],
    },
  ];
}
