import { defineRule, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, isTrue, oneOf, possible, referrersOf, setFix, targetPath, targetsOf, text, unknownAt } from '../kit';
import { flagNotTrue } from './exposure-support';
import { judgePolicyProperty } from './policy-support';

/** Queue/topic ← policy resource, the property naming the queue/topic, and the policy document property. */
const POLICIES: Record<string, { policy: string; targetProp: string; doc: string; inline?: string; target: string }> = {
  'AWS::SQS::Queue': { policy: 'AWS::SQS::QueuePolicy', targetProp: 'Queues', doc: 'PolicyDocument', target: 'AWS::SQS::Queue' },
  'AWS::SNS::Topic': { policy: 'AWS::SNS::TopicPolicy', targetProp: 'Topics', doc: 'PolicyDocument', target: 'AWS::SNS::Topic' },
  aws_sqs_queue: { policy: 'aws_sqs_queue_policy', targetProp: 'queue_url', doc: 'policy', inline: 'policy', target: 'aws_sqs_queue' },
  aws_sns_topic: { policy: 'aws_sns_topic_policy', targetProp: 'arn', doc: 'policy', inline: 'policy', target: 'aws_sns_topic' },
};
const POLICY_TYPES = new Map(Object.values(POLICIES).map((p) => [p.policy, p]));
const OPEN = new Set(['0.0.0.0/0', '::/0']);

export default defineRule({
  id: 'messaging-and-broker-not-public',
  title: 'Queue, topic, broker or cluster endpoint that may carry PHI is open to the public',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['messaging-and-broker-not-public'],
  appliesTo: {
    cloudformation: ['AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::AmazonMQ::Broker', 'AWS::MSK::Cluster', 'AWS::EKS::Cluster'],
    terraform: ['aws_sqs_queue', 'aws_sns_topic', 'aws_sqs_queue_policy', 'aws_sns_topic_policy', 'aws_mq_broker', 'aws_msk_cluster', 'aws_eks_cluster'],
  },
  responsibility: {
    aws: 'Each service exposes its endpoint exactly as its resource policy, public-access flag or endpoint settings say.',
    customer: 'Never allow Principal "*" on queues and topics without a condition naming the calling account, organisation, resource or VPC endpoint; keep brokers, Kafka clusters and Kubernetes API endpoints private or limited to known networks.',
  },
  messages: {
    publicPolicy: '{resource} can be used by anyone: policy {policy} allows Principal "*" without a condition that limits the caller.',
    publicBroker: 'Broker {resource} is publicly accessible (PubliclyAccessible is true).',
    publicKafka: 'MSK cluster {resource} gives its brokers public addresses (PublicAccess Type is SERVICE_PROVIDED_EIPS).',
    publicKubernetesApi: 'EKS cluster {resource} exposes its Kubernetes API endpoint to {cidrs}; turn public access off or limit PublicAccessCidrs to known networks.',
    unknown: 'Whether {resource} is open to the public cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    publicBroker: 'Broker {resource} is publicly accessible (publicly_accessible is true).',
    publicKafka: 'MSK cluster {resource} gives its brokers public addresses (broker_node_group_info.connectivity_info.public_access.type is SERVICE_PROVIDED_EIPS).',
    publicKubernetesApi: 'EKS cluster {resource} exposes its Kubernetes API endpoint to {cidrs}; turn public access off or limit vpc_config.public_access_cidrs to known networks.',
  },
  limits: 'Transfer Family servers and Cognito identity pools are not judged by this rule; policies and settings changed outside the template cannot be seen.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    const owned = POLICIES[resource.type];
    if (owned) return targetPolicies(ctx, resource, owned);
    const ofPolicy = POLICY_TYPES.get(resource.type);
    if (ofPolicy) {
      // Judged from the queue or topic when it is in the file, so its PHI grades the finding.
      if (targetsOf(ctx, resource, ofPolicy.targetProp, [ofPolicy.target], ['QueueName', 'TopicName']).length) return [];
      return policyResult(ctx, resource, ofPolicy.doc, resource, true);
    }
    switch (resource.type) {
      case 'AWS::AmazonMQ::Broker':
      case 'aws_mq_broker':
        return flagNotTrue(ctx, resource, tf ? 'publicly_accessible' : 'PubliclyAccessible', { messageId: 'publicBroker', absentPasses: true, fixTitle: 'Make the broker private', safety: { safe: false, consequence: 'replaces the broker' } });
      case 'AWS::MSK::Cluster':
      case 'aws_msk_cluster':
        return kafka(ctx, resource);
      default:
        return kubernetes(ctx, resource);
    }
  },
});

function targetPolicies(ctx: RuleContext, target: Resource, k: (typeof POLICIES)[string]): RuleResult[] {
  const results: RuleResult[] = [];
  if (k.inline) {
    const inline = ctx.get(target, k.inline);
    if (inline.present && !(inline.resolved.kind === 'known' && !inline.resolved.value)) results.push(...policyResult(ctx, target, k.inline, target, false));
  }
  for (const policy of referrersOf(ctx, target, [k.policy], k.targetProp, isTerraform(target) ? [] : ['QueueName', 'TopicName'])) results.push(...policyResult(ctx, policy, k.doc, target, false));
  return results;
}

function policyResult(ctx: RuleContext, policy: Resource, prop: string, target: Resource, self: boolean): RuleResult[] {
  const j = judgePolicyProperty(ctx, policy, prop);
  if (j.verdict === 'private') return [];
  const resourceId = self || policy.id === target.id ? undefined : policy.id;
  if (j.verdict === 'unknown') return [{ ...unknownAt(j.path, j.reason ?? 'the policy document is built at deploy time'), resourceId }];
  return [{ status: 'fail', path: j.path, messageId: 'publicPolicy', data: { policy: policy.id }, resourceId }];
}

function kafka(ctx: RuleContext, cluster: Resource): RuleResult[] {
  const tf = isTerraform(cluster);
  const rel: Path = tf ? ['broker_node_group_info', 0, 'connectivity_info', 0, 'public_access', 0, 'type'] : ['BrokerNodeGroupInfo', 'ConnectivityInfo', 'PublicAccess', 'Type'];
  const lookup = ctx.get(cluster, rel);
  const p = possible(lookup.resolved);
  if (p.values.some((v) => oneOf(v, 'SERVICE_PROVIDED_EIPS'))) {
    return [{ status: 'fail', path: lookup.path, messageId: 'publicKafka', fixes: setFix(cluster, rel, 'DISABLED', 'Turn off public access to the brokers') }];
  }
  if (p.unknown) return [unknownAt(lookup.path, p.unknown)];
  return [];
}

function kubernetes(ctx: RuleContext, cluster: Resource): RuleResult[] {
  const tf = isTerraform(cluster);
  const base: Path = tf ? ['vpc_config', 0] : ['ResourcesVpcConfig'];
  const publicRel = [...base, tf ? 'endpoint_public_access' : 'EndpointPublicAccess'];
  const cidrRel = [...base, tf ? 'public_access_cidrs' : 'PublicAccessCidrs'];
  const access = ctx.get(cluster, publicRel);
  const a = possible(access.resolved);
  // The public endpoint is on unless turned off.
  if (!a.absent && !a.unknown && a.values.length && a.values.every((v) => !isTrue(v))) return [];
  if (a.unknown && !a.values.some((v) => isTrue(v))) return [unknownAt(access.path, a.unknown)];
  const cidrs = ctx.get(cluster, cidrRel);
  const c = possible(cidrs.resolved);
  if (c.unknown) return [unknownAt(cidrs.path, c.unknown)];
  const listed = c.values.flat().map((v) => text(v) ?? '');
  const open = c.absent || c.values.length === 0 || listed.length === 0 || listed.some((v) => OPEN.has(v));
  if (!open) return [];
  const path = cidrs.present ? cidrs.path : targetPath(cluster, access, publicRel);
  const fixes = setFix(cluster, publicRel, false, 'Turn off the public Kubernetes API endpoint', { safe: false, consequence: 'kubectl and CI outside the VPC lose access' });
  if (fixes.length) fixes[0].edits.push({ op: 'set', path: [...cluster.propertiesPath, ...base, 'EndpointPrivateAccess'], value: true });
  return [{ status: 'fail', path, messageId: 'publicKubernetesApi', data: { cidrs: listed.filter((v) => OPEN.has(v)).join(', ') || `the whole internet (no ${tf ? 'public_access_cidrs' : 'PublicAccessCidrs'})` }, fixes }];
}
