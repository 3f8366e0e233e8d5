import { defineRule, evaluate, isTerraform, isTrue, possible, text, type FixIntent, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isGiven, listItems, pointAt, unknownResult } from './logging-support';

const V2 = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';

export default defineRule({
  id: 'elb-access-logging',
  title: 'Load balancer in front of PHI workloads writes no access log',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.312(b)'],
  controls: ['elb-access-logging'],
  phiScope: 'phi-path',
  appliesTo: { cloudformation: [V2, CLASSIC], terraform: ['aws_lb', 'aws_alb', 'aws_elb'] },
  responsibility: {
    aws: 'Elastic Load Balancing can write a record of every request (client address, path, status, TLS details) to S3 every few minutes.',
    customer: 'Enable access logs, name a private, encrypted log bucket whose policy lets the load balancer service write, and review or ship the logs.',
  },
  messages: {
    noLogs: 'Load balancer {resource} writes no access logs: requests that reach PHI through it leave no record of client or path.',
    noBucket: 'Load balancer {resource} enables access logs but names no S3 bucket for them.',
    unknown: 'Access logging of load balancer {resource} cannot be verified statically: {reason}.',
  },
  limits: 'Network Load Balancers write access logs for TLS listeners only; Gateway Load Balancers have none and are skipped. The log bucket policy is not checked.',
  check(lb: Resource, ctx: RuleContext): RuleResult[] {
    if (isTerraform(lb)) return checkTerraform(lb, ctx);
    return lb.type === CLASSIC ? checkClassic(lb, ctx) : checkV2(lb, ctx);
  },
});

function checkV2(lb: Resource, ctx: RuleContext): RuleResult[] {
  if (text(possible(ctx.get(lb, 'Type').resolved).values[0]) === 'gateway') return [];
  const attrs = ctx.get(lb, 'LoadBalancerAttributes');
  const p = possible(attrs.resolved);
  if (p.unknown !== undefined && !(attrs.node?.kind === 'seq')) return [unknownResult(attrs.path, p.unknown)];
  let enabled: Path | undefined;
  let bucket: Path | undefined;
  for (const i of listItems(ctx, lb, ['LoadBalancerAttributes'])) {
    const key = text(possible(ctx.get(lb, ['LoadBalancerAttributes', i, 'Key']).resolved).values[0]);
    if (key === 'access_logs.s3.enabled') enabled = ['LoadBalancerAttributes', i, 'Value'];
    if (key === 'access_logs.s3.bucket') bucket = ['LoadBalancerAttributes', i, 'Value'];
  }
  if (!enabled) return [{ status: 'fail', path: pointAt(lb, attrs, 'LoadBalancerAttributes'), messageId: 'noLogs', fixes: v2Fix(ctx, lb, true, !bucket) }];
  const e = ctx.get(lb, enabled);
  const outcome = evaluate(e.resolved, isTrue);
  if (outcome.outcome === 'unknown') return [unknownResult(e.path, outcome.reason ?? 'the value is decided at deploy time')];
  if (outcome.outcome === 'fail') {
    const fixes: FixIntent[] = [{ title: 'Enable access logs (log delivery adds storage cost)', safe: false, consequence: 'log delivery adds storage cost', edits: [{ op: 'set', path: e.path, value: 'true' }, ...(bucket ? [] : v2Fix(ctx, lb, false, true)[0].edits)] }];
    return [{ status: 'fail', path: e.path, messageId: 'noLogs', fixes }];
  }
  if (!bucket) return [{ status: 'fail', path: e.path, messageId: 'noBucket', fixes: v2Fix(ctx, lb, false, true) }];
  const b = isGiven(ctx, lb, bucket);
  if (b.outcome === 'unknown') return [unknownResult(b.lookup.path, b.reason)];
  if (b.outcome === 'fail') return [{ status: 'fail', path: pointAt(lb, b.lookup, bucket), messageId: 'noBucket' }];
  return [];
}

function checkClassic(lb: Resource, ctx: RuleContext): RuleResult[] {
  const e = ctx.get(lb, 'AccessLoggingPolicy.Enabled');
  const outcome = evaluate(e.resolved, isTrue);
  const fixes: FixIntent[] = [
    {
      title: 'Enable access logs (log delivery adds storage cost)',
      safe: false,
      consequence: 'log delivery adds storage cost',
      edits: [
        { op: 'set', path: [...lb.propertiesPath, 'AccessLoggingPolicy', 'Enabled'], value: true },
        { op: 'set', path: [...lb.propertiesPath, 'AccessLoggingPolicy', 'S3BucketName'], value: { newParameter: { name: 'LbAccessLogsBucketName', type: 'String', description: 'Name of the private, encrypted bucket that receives load balancer access logs' } } },
        { op: 'set', path: [...lb.propertiesPath, 'AccessLoggingPolicy', 'EmitInterval'], value: 5 },
      ],
    },
  ];
  if (outcome.outcome === 'unknown') return [unknownResult(e.path, outcome.reason ?? 'the value is decided at deploy time')];
  if (outcome.outcome === 'fail') return [{ status: 'fail', path: pointAt(lb, e, 'AccessLoggingPolicy.Enabled'), messageId: 'noLogs', fixes }];
  const b = isGiven(ctx, lb, 'AccessLoggingPolicy.S3BucketName');
  if (b.outcome === 'unknown') return [unknownResult(b.lookup.path, b.reason)];
  if (b.outcome === 'fail') return [{ status: 'fail', path: pointAt(lb, b.lookup, 'AccessLoggingPolicy.S3BucketName'), messageId: 'noBucket' }];
  return [];
}

function checkTerraform(lb: Resource, ctx: RuleContext): RuleResult[] {
  if (lb.type !== 'aws_elb' && text(possible(ctx.get(lb, 'load_balancer_type').resolved).values[0]) === 'gateway') return [];
  const block = ctx.get(lb, 'access_logs');
  if (!listItems(ctx, lb, ['access_logs']).length) {
    const p = possible(block.resolved);
    if (p.unknown !== undefined) return [unknownResult(block.path, p.unknown)];
    return [{ status: 'fail', path: pointAt(lb, block, 'access_logs'), messageId: 'noLogs' }];
  }
  // aws_elb enables logging by default once the block is given; aws_lb does not.
  const e = ctx.get(lb, ['access_logs', 0, 'enabled']);
  const outcome = evaluate(e.resolved, (v) => (lb.type === 'aws_elb' ? v !== false && v !== 'false' : isTrue(v)), lb.type === 'aws_elb');
  if (outcome.outcome === 'unknown') return [unknownResult(e.path, outcome.reason ?? 'known only after apply')];
  if (outcome.outcome === 'fail') return [{ status: 'fail', path: pointAt(lb, e, ['access_logs', 0, 'enabled']), messageId: 'noLogs' }];
  const b = isGiven(ctx, lb, ['access_logs', 0, 'bucket']);
  if (b.outcome === 'unknown') return [unknownResult(b.lookup.path, b.reason)];
  if (b.outcome === 'fail') return [{ status: 'fail', path: pointAt(lb, b.lookup, ['access_logs', 0, 'bucket']), messageId: 'noBucket' }];
  return [];
}

/** Append the access log attributes; the bucket name comes from a new parameter set on the appended item. */
function v2Fix(ctx: RuleContext, lb: Resource, enable: boolean, bucket: boolean): FixIntent[] {
  const path = [...lb.propertiesPath, 'LoadBalancerAttributes'];
  const count = listItems(ctx, lb, ['LoadBalancerAttributes']).length;
  const edits: FixIntent['edits'] = [];
  if (enable) edits.push({ op: 'append', path, value: { Key: 'access_logs.s3.enabled', Value: 'true' } });
  if (bucket) {
    edits.push({ op: 'append', path, value: { Key: 'access_logs.s3.bucket' } });
    edits.push({ op: 'set', path: [...path, count + (enable ? 1 : 0), 'Value'], value: { newParameter: { name: 'LbAccessLogsBucketName', type: 'String', description: 'Name of the private, encrypted bucket that receives load balancer access logs' } } });
  }
  return [{ title: 'Enable access logs (log delivery adds storage cost)', safe: false, consequence: 'log delivery adds storage cost', edits }];
}
