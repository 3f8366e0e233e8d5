import { defineRule, setFix, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, itemCount, oneOf, possible, referrersOf, targetPath, text, unknownAt } from '../kit';

const RECOMMENDED = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
const CLASSIC_RECOMMENDED = 'ELBSecurityPolicy-TLS-1-2-2017-01';
const OLD_PROTOCOLS = ['Protocol-SSLv3', 'Protocol-TLSv1', 'Protocol-TLSv1.1'];

/** Lowest TLS version a predefined ELB security policy accepts: 'ok' (1.2+), 'weak', or undefined when not recognised. */
export function policyStrength(name: string): 'ok' | 'weak' | undefined {
  if (/TLS13-1-[23](-|$)|TLS-1-2(-|$)|FS-1-2(-|$)/i.test(name)) return 'ok';
  if (/TLS13-1-[01](-|$)|TLS-1-[01](-|$)|FS-1-1(-|$)|FS-2018-06|-20(11|15|16)-\d\d$/i.test(name)) return 'weak';
  return undefined;
}

export default defineRule({
  id: 'elb-listener-tls-policy',
  title: 'Load balancer TLS listener accepts TLS versions older than 1.2',
  category: 'encryption-in-transit',
  severity: 'error',
  phiScope: 'phi-path',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['elb-listener-tls-policy'],
  appliesTo: {
    cloudformation: ['AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancing::LoadBalancer'],
    terraform: ['aws_lb_listener', 'aws_alb_listener', 'aws_elb', 'aws_load_balancer_policy'],
  },
  responsibility: {
    aws: 'AWS publishes and maintains the predefined security policies (protocol versions and cipher suites) that load balancers negotiate with.',
    customer: 'Choose a policy whose minimum is TLS 1.2 for every HTTPS/TLS listener; the default for listeners created by CloudFormation or the API still accepts TLS 1.0 and 1.1.',
  },
  messages: {
    defaultPolicy: 'TLS listener {resource} sets no SslPolicy; listeners created through CloudFormation or the API get ELBSecurityPolicy-2016-08, which still accepts TLS 1.0 and 1.1.',
    weakPolicy: '{resource} uses security policy {policy}, which accepts TLS versions older than 1.2.',
    classicDefaultPolicy: 'The {protocol} listener on port {port} of Classic Load Balancer {resource} has no SSL negotiation policy; the default policy accepts TLS versions older than 1.2.',
    weakProtocol: 'SSL negotiation policy {policy} of {resource} enables {protocol}.',
    unknown: 'The TLS policy of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    defaultPolicy: 'TLS listener {resource} sets no ssl_policy; listeners created through Terraform or the API get ELBSecurityPolicy-2016-08, which still accepts TLS 1.0 and 1.1.',
    classicDefaultPolicy: 'The {protocol} listener on port {port} of Classic Load Balancer {resource} has no SSL negotiation policy (no aws_load_balancer_listener_policy for that port); the default policy accepts TLS versions older than 1.2.',
  },
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    switch (resource.type) {
      case 'AWS::ElasticLoadBalancingV2::Listener':
      case 'aws_lb_listener':
      case 'aws_alb_listener':
        return checkListener(resource, ctx);
      case 'AWS::ElasticLoadBalancing::LoadBalancer':
        return checkClassic(resource, ctx);
      case 'aws_elb':
        return checkTerraformClassic(resource, ctx);
      default:
        return checkTerraformPolicy(resource, ctx);
    }
  },
});

function checkListener(listener: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(listener);
  const protocol = possible(ctx.get(listener, tf ? 'protocol' : 'Protocol').resolved);
  if (!protocol.values.some((v) => oneOf(v, 'HTTPS', 'TLS'))) return protocol.unknown ? [unknownAt(ctx.get(listener, tf ? 'protocol' : 'Protocol').path, protocol.unknown)] : [];
  const policyKey = tf ? 'ssl_policy' : 'SslPolicy';
  const policy = ctx.get(listener, policyKey);
  const fixes = setFix(listener, 'SslPolicy', RECOMMENDED, `Use ${RECOMMENDED}`);
  const values = possible(policy.resolved);
  if (values.absent || values.values.some((v) => v === null || v === '')) return [{ status: 'fail', path: targetPath(listener, policy, [policyKey]), messageId: 'defaultPolicy', fixes }];
  return judgeNames(values.values, policy.path, values.unknown, fixes);
}

function judgeNames(values: JsonValue[], path: readonly (string | number)[], unknownReason: string | undefined, fixes: RuleResult['fixes']): RuleResult[] {
  for (const v of values) {
    const name = text(v) ?? '';
    const strength = policyStrength(name);
    if (strength === 'weak') return [{ status: 'fail', path, messageId: 'weakPolicy', data: { policy: name }, fixes }];
    if (strength === undefined) return [unknownAt(path, `${name} is not a security policy this rule recognises`)];
  }
  return unknownReason ? [unknownAt(path, unknownReason)] : [];
}

function checkClassic(lb: Resource, ctx: RuleContext): RuleResult[] {
  const results: RuleResult[] = [];
  const policyCount = itemCount(ctx, lb, ['Policies']);
  for (let i = 0; i < itemCount(ctx, lb, ['Listeners']); i++) {
    const protocol = ctx.get(lb, ['Listeners', i, 'Protocol']);
    const p = possible(protocol.resolved);
    if (!p.values.some((v) => oneOf(v, 'HTTPS', 'SSL'))) {
      if (p.unknown) results.push(unknownAt(protocol.path, p.unknown));
      continue;
    }
    const names = possible(ctx.get(lb, ['Listeners', i, 'PolicyNames']).resolved).values.flat().map((n) => text(n));
    const port = text(possible(ctx.get(lb, ['Listeners', i, 'LoadBalancerPort']).resolved).values[0]) ?? '?';
    let attached = false;
    for (let j = 0; j < policyCount; j++) {
      const type = ctx.get(lb, ['Policies', j, 'PolicyType']).resolved;
      if (!(type.kind === 'known' && type.value === 'SSLNegotiationPolicyType')) continue;
      const name = text(possible(ctx.get(lb, ['Policies', j, 'PolicyName']).resolved).values[0]);
      const ports = possible(ctx.get(lb, ['Policies', j, 'LoadBalancerPorts']).resolved).values.flat().map((n) => text(n));
      if (!names.includes(name) && !ports.includes(port)) continue;
      attached = true;
      results.push(...judgeAttributes(ctx, lb, ['Policies', j, 'Attributes'], name ?? `#${j}`, { name: 'Name', value: 'Value' }));
    }
    if (!attached) {
      results.push({ status: 'fail', path: protocol.path, messageId: 'classicDefaultPolicy', data: { port, protocol: String(p.values[0]) }, fixes: classicPolicyFix(lb, i) });
    }
  }
  return results;
}

/** Declare a TLS 1.2 negotiation policy and attach it to listener `i`. */
function classicPolicyFix(lb: Resource, i: number): RuleResult['fixes'] {
  const name = 'Tls12Negotiation';
  return [
    {
      title: `Attach an SSL negotiation policy based on ${CLASSIC_RECOMMENDED}`,
      safe: true,
      edits: [
        { op: 'append', path: [...lb.propertiesPath, 'Policies'], value: { PolicyName: name, PolicyType: 'SSLNegotiationPolicyType', Attributes: [{ Name: 'Reference-Security-Policy', Value: CLASSIC_RECOMMENDED }] } },
        { op: 'append', path: [...lb.propertiesPath, 'Listeners', i, 'PolicyNames'], value: name },
      ],
    },
  ];
}

/** An SSL negotiation policy's attributes: a reference policy, or custom protocol switches. */
function judgeAttributes(ctx: RuleContext, resource: Resource, base: (string | number)[], policyName: string, keys: { name: string; value: string }): RuleResult[] {
  const results: RuleResult[] = [];
  for (let k = 0; k < itemCount(ctx, resource, base); k++) {
    const name = text(possible(ctx.get(resource, [...base, k, keys.name]).resolved).values[0]) ?? '';
    const value = ctx.get(resource, [...base, k, keys.value]);
    const v = possible(value.resolved);
    if (name === 'Reference-Security-Policy') {
      const fixes = setFix(resource, [...base, k, keys.value], CLASSIC_RECOMMENDED, `Use ${CLASSIC_RECOMMENDED}`);
      results.push(...judgeNames(v.values, value.path, v.unknown, fixes));
    } else if (OLD_PROTOCOLS.includes(name) && v.values.some((x) => x === true || oneOf(x, 'true'))) {
      results.push({ status: 'fail', path: value.path, messageId: 'weakProtocol', data: { policy: policyName, protocol: name.replace('Protocol-', '') } });
    }
  }
  return results;
}

function checkTerraformClassic(lb: Resource, ctx: RuleContext): RuleResult[] {
  const results: RuleResult[] = [];
  const listenerPolicies = referrersOf(ctx, lb, ['aws_load_balancer_listener_policy'], 'load_balancer_name');
  for (let i = 0; i < itemCount(ctx, lb, ['listener']); i++) {
    const protocol = ctx.get(lb, ['listener', i, 'lb_protocol']);
    const p = possible(protocol.resolved);
    if (!p.values.some((v) => oneOf(v, 'https', 'ssl'))) {
      if (p.unknown) results.push(unknownAt(protocol.path, p.unknown));
      continue;
    }
    const port = text(possible(ctx.get(lb, ['listener', i, 'lb_port']).resolved).values[0]) ?? '?';
    const covered = listenerPolicies.some((lp) => text(possible(ctx.get(lp, 'load_balancer_port').resolved).values[0]) === port);
    if (!covered) results.push({ status: 'fail', path: protocol.path, messageId: 'classicDefaultPolicy', data: { port, protocol: String(p.values[0]).toUpperCase() } });
  }
  return results;
}

function checkTerraformPolicy(policy: Resource, ctx: RuleContext): RuleResult[] {
  const type = ctx.get(policy, 'policy_type_name').resolved;
  if (!(type.kind === 'known' && type.value === 'SSLNegotiationPolicyType')) return [];
  const name = text(possible(ctx.get(policy, 'policy_name').resolved).values[0]) ?? policy.id;
  return judgeAttributes(ctx, policy, ['policy_attribute'], name, { name: 'name', value: 'value' });
}

