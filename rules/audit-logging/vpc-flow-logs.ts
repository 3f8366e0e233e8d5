import { defineRule, isTerraform, possible, text, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { pointersTo, unknownResult } from './logging-support';

export default defineRule({
  id: 'vpc-flow-logs',
  title: 'VPC that may carry PHI traffic has no flow log',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  controls: ['vpc-flow-logs'],
  phiScope: 'phi-path',
  appliesTo: { cloudformation: ['AWS::EC2::VPC'], terraform: ['aws_vpc'] },
  responsibility: {
    aws: 'VPC Flow Logs capture metadata of the IP traffic of every interface in the VPC (addresses, ports, bytes, accept or reject) once a flow log is defined.',
    customer: 'Define a flow log for the whole VPC, capturing all traffic, deliver it to a protected log group or bucket, and use it when investigating.',
  },
  messages: {
    noFlowLog: 'VPC {resource} has no flow log: connections to and from the PHI systems in it leave no network record.',
    notAllTraffic: 'The flow log of VPC {resource} captures {traffic} traffic only; capture ALL so accepted connections to PHI systems are recorded too.',
    unknown: 'Whether VPC {resource} has a flow log cannot be verified statically: {reason}.',
  },
  limits: 'Flow logs created outside the template, or only on subnets or network interfaces, are not counted. The destination\'s protection and retention are not checked here.',
  check(vpc: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(vpc);
    const logs = tf
      ? pointersTo(ctx, ['aws_flow_log'], ['vpc_id'], vpc)
      : pointersTo(ctx, ['AWS::EC2::FlowLog'], ['ResourceId'], vpc, ['VpcId']).filter((f) => text(possible(ctx.get(f, 'ResourceType').resolved).values[0]) === 'VPC');
    const trafficProp = tf ? 'traffic_type' : 'TrafficType';
    let partial: RuleResult | undefined;
    for (const f of logs) {
      const t = ctx.get(f, trafficProp);
      const p = possible(t.resolved);
      const traffic = text(p.values[0])?.toUpperCase();
      if (p.unknown !== undefined) partial ??= { ...unknownResult(t.path, p.unknown), resourceId: f.id };
      else if (traffic === 'ALL' || (p.absent && !tf)) return [];
      else partial ??= { status: 'fail', path: t.path, messageId: 'notAllTraffic', data: { traffic: traffic ?? 'no' }, resourceId: f.id, fixes: tf ? [] : [{ title: 'Capture all traffic (replaces the flow log)', safe: false, consequence: 'replaces the flow log', edits: [{ op: 'set', path: t.path, value: 'ALL' }] }] };
    }
    if (partial) return [partial];
    // A flow log whose target cannot be decided may be this VPC's (the same first one for every VPC).
    const targetProp = tf ? 'vpc_id' : 'ResourceId';
    const undecided = ctx.memo(`vpc-flow-logs:undecided:${tf}`, () =>
      ctx.ofType(tf ? 'aws_flow_log' : 'AWS::EC2::FlowLog').find((f) => possible(ctx.get(f, targetProp).resolved).unknown !== undefined && !ctx.edgesFrom(f.id).some((e) => e.kind !== 'depends-on')),
    );
    if (undecided) return [{ ...unknownResult(ctx.get(undecided, targetProp).path, `${undecided.id} names its resource only at deploy time`), resourceId: undecided.id }];
    return [{ status: 'fail', path: vpc.path, messageId: 'noFlowLog', fixes: fix(vpc) }];
  },
});

function fix(vpc: Resource): FixIntent[] {
  if (isTerraform(vpc)) return [];
  return [
    {
      title: 'Add a flow log for the VPC (flow log delivery adds cost)',
      safe: false,
      consequence: 'flow log delivery adds cost',
      edits: [
        {
          op: 'addResource',
          logicalId: `${vpc.id}FlowLog`,
          type: 'AWS::EC2::FlowLog',
          properties: {
            ResourceType: 'VPC',
            ResourceId: { Ref: vpc.id },
            TrafficType: 'ALL',
            LogDestinationType: 's3',
            LogDestination: { newParameter: { name: 'FlowLogBucketArn', type: 'String', description: 'ARN of the private, encrypted S3 bucket that receives VPC flow logs' } },
          },
        },
      ],
    },
  ];
}
