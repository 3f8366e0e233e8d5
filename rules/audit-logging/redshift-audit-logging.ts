import { defineRule, evaluate, isTerraform, isTrue, possible, setFix, text, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isGiven, pointAt, pointersTo, unknownResult, type Verdict } from './logging-support';

const EXPORTS = ['connectionlog', 'userlog', 'useractivitylog'];

export default defineRule({
  id: 'redshift-audit-logging',
  title: 'Redshift cluster that may hold PHI keeps no audit log',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  controls: ['redshift-audit-logging'],
  appliesTo: { cloudformation: ['AWS::Redshift::Cluster'], terraform: ['aws_redshift_cluster'] },
  responsibility: {
    aws: 'Redshift writes connection, user and (with enable_user_activity_logging) query logs to S3 or CloudWatch Logs once audit logging is on.',
    customer: 'Turn audit logging on with a protected destination, set enable_user_activity_logging in the parameter group for query logs, and review them.',
  },
  messages: {
    noLogging: 'Redshift cluster {resource} has audit logging off: connections and queries against PHI tables are not recorded.',
    noDestination: 'Redshift cluster {resource} turns audit logging on without a destination: give an S3 bucket, or LogDestinationType cloudwatch with LogExports.',
    unknown: 'Audit logging of Redshift cluster {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noDestination: 'Redshift cluster {resource} turns audit logging on without a destination: give a bucket_name, or log_destination_type cloudwatch with log_exports.',
  },
  limits: 'Query text is logged only when the parameter group sets enable_user_activity_logging; the parameter group and the destination bucket policy are not checked.',
  check(cluster: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(cluster) ? checkTerraform(cluster, ctx) : checkCloudFormation(cluster, ctx);
  },
});

/** A destination: an S3 bucket, or CloudWatch with at least one log type. */
function destination(ctx: RuleContext, r: Resource, k: { type: Path; bucket: Path; exports: Path }): Verdict {
  const type = possible(ctx.get(r, k.type).resolved);
  if (type.unknown !== undefined) return { outcome: 'unknown', lookup: ctx.get(r, k.type), reason: type.unknown };
  if (text(type.values[0])?.toLowerCase() === 'cloudwatch') return isGiven(ctx, r, k.exports);
  return isGiven(ctx, r, k.bucket);
}

function checkCloudFormation(cluster: Resource, ctx: RuleContext): RuleResult[] {
  const props = ctx.get(cluster, 'LoggingProperties');
  const p = possible(props.resolved);
  const fixes = setFix(cluster, 'LoggingProperties', { LogDestinationType: 'cloudwatch', LogExports: EXPORTS }, 'Send audit logs to CloudWatch Logs', { safe: false, consequence: 'adds CloudWatch Logs ingestion cost' });
  if (p.absent) return [{ status: 'fail', path: pointAt(cluster, props, 'LoggingProperties'), messageId: 'noLogging', fixes }];
  if (p.unknown !== undefined && props.node?.kind !== 'map') return [unknownResult(props.path, p.unknown)];
  const d = destination(ctx, cluster, { type: ['LoggingProperties', 'LogDestinationType'], bucket: ['LoggingProperties', 'BucketName'], exports: ['LoggingProperties', 'LogExports'] });
  if (d.outcome === 'unknown') return [unknownResult(d.lookup.path, d.reason)];
  if (d.outcome === 'fail') return [{ status: 'fail', path: d.lookup.present ? d.lookup.path : props.path, messageId: 'noDestination', fixes }];
  return [];
}

function checkTerraform(cluster: Resource, ctx: RuleContext): RuleResult[] {
  // Provider v6 configures logging in aws_redshift_logging, joined on cluster_identifier.
  const loggings = pointersTo(ctx, ['aws_redshift_logging'], ['cluster_identifier'], cluster, ['cluster_identifier']);
  let result: RuleResult | undefined;
  for (const l of loggings) {
    const d = destination(ctx, l, { type: ['log_destination_type'], bucket: ['bucket_name'], exports: ['log_exports'] });
    if (d.outcome === 'pass') return [];
    result ??= d.outcome === 'unknown' ? { ...unknownResult(d.lookup.path, d.reason), resourceId: l.id } : { status: 'fail', path: d.lookup.path, messageId: 'noDestination', resourceId: l.id };
  }
  // Earlier providers: the inline logging block.
  const enable = ctx.get(cluster, ['logging', 0, 'enable']);
  if (evaluate(enable.resolved, isTrue).outcome === 'pass') {
    const d = destination(ctx, cluster, { type: ['logging', 0, 'log_destination_type'], bucket: ['logging', 0, 'bucket_name'], exports: ['logging', 0, 'log_exports'] });
    if (d.outcome === 'pass') return [];
    result ??= d.outcome === 'unknown' ? unknownResult(d.lookup.path, d.reason) : { status: 'fail', path: d.lookup.path, messageId: 'noDestination' };
  }
  if (result) return [result];
  // The same first undecided logging for every cluster.
  const undecided = ctx.memo('redshift-audit-logging:undecided', () =>
    ctx.ofType('aws_redshift_logging').find((l) => possible(ctx.get(l, 'cluster_identifier').resolved).unknown !== undefined && !ctx.edgesFrom(l.id).some((e) => e.kind !== 'depends-on')),
  );
  if (undecided) return [{ ...unknownResult(ctx.get(undecided, 'cluster_identifier').path, `${undecided.id}.cluster_identifier is known only after apply and names no cluster of the plan`), resourceId: undecided.id }];
  return [{ status: 'fail', path: cluster.path, messageId: 'noLogging' }];
}
