import { defineRule, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, itemCount, oneOf, possible, referrersOf, targetPath, text, unknownAt } from '../kit';

const RULE_TYPES = { cloudformation: ['AWS::ElasticLoadBalancingV2::ListenerRule'], terraform: ['aws_lb_listener_rule', 'aws_alb_listener_rule'] };

export default defineRule({
  id: 'alb-http-to-https-redirect',
  title: 'HTTP listener in front of PHI serves traffic instead of redirecting to HTTPS',
  category: 'encryption-in-transit',
  severity: 'error',
  phiScope: 'phi-path',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['alb-http-to-https-redirect'],
  appliesTo: { cloudformation: ['AWS::ElasticLoadBalancingV2::Listener'], terraform: ['aws_lb_listener', 'aws_alb_listener'] },
  responsibility: {
    aws: 'Elastic Load Balancing terminates TLS with the certificate and policy the customer selects and performs redirects as configured.',
    customer: 'Make every plain-HTTP listener answer only with a redirect to HTTPS, and keep listener rules on that listener from forwarding requests to targets.',
  },
  messages: {
    forwardsHttp: 'HTTP listener {resource} passes requests to its targets instead of redirecting them to HTTPS; PHI in requests and responses crosses the network in clear text.',
    redirectNotHttps: 'HTTP listener {resource} redirects without switching to HTTPS (RedirectConfig Protocol is {protocol}).',
    ruleForwardsHttp: 'Listener rule {rule} passes requests that arrive on HTTP listener {resource} to targets in clear text.',
    unknown: 'Whether HTTP listener {resource} redirects to HTTPS cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    redirectNotHttps: 'HTTP listener {resource} redirects without switching to HTTPS (redirect.protocol is {protocol}).',
  },
  check(listener: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(listener);
    const protocol = ctx.get(listener, tf ? 'protocol' : 'Protocol');
    const values = possible(protocol.resolved);
    if (!values.values.some((v) => oneOf(v, 'HTTP'))) {
      return values.unknown ? [unknownAt(protocol.path, values.unknown)] : [];
    }
    const results = judgeActions(ctx, listener, tf ? 'default_action' : 'DefaultActions', undefined);
    for (const rule of referrersOf(ctx, listener, tf ? RULE_TYPES.terraform : RULE_TYPES.cloudformation, tf ? 'listener_arn' : 'ListenerArn')) {
      results.push(...judgeActions(ctx, rule, tf ? 'action' : 'Actions', listener));
    }
    return results;
  },
});

/** Findings for the actions of a listener (`listener` undefined) or of a listener rule attached to `listener`. */
function judgeActions(ctx: RuleContext, resource: Resource, listPath: string, listener: Resource | undefined): RuleResult[] {
  const tf = isTerraform(resource);
  const results: RuleResult[] = [];
  for (let i = 0; i < itemCount(ctx, resource, [listPath]); i++) {
    const type = ctx.get(resource, [listPath, i, tf ? 'type' : 'Type']);
    const values = possible(type.resolved);
    const owner = listener ? { resourceId: resource.id, data: { rule: resource.id } } : {};
    if (values.values.some((v) => oneOf(v, 'forward'))) {
      const fixes = listener ? [] : setFix(resource, listPath, [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }], 'Redirect every HTTP request to HTTPS');
      results.push({ status: 'fail', path: type.path, messageId: listener ? 'ruleForwardsHttp' : 'forwardsHttp', fixes, ...owner });
    } else if (values.values.some((v) => oneOf(v, 'redirect'))) {
      const protocolPath = tf ? [listPath, i, 'redirect', 0, 'protocol'] : [listPath, i, 'RedirectConfig', 'Protocol'];
      const protocol = ctx.get(resource, protocolPath);
      const p = possible(protocol.resolved);
      const bad = p.values.find((v) => !oneOf(v, 'HTTPS')) ?? (p.absent ? '#{protocol}' : undefined);
      if (bad !== undefined) {
        results.push({ status: 'fail', path: targetPath(resource, protocol, protocolPath), messageId: 'redirectNotHttps', data: { protocol: text(bad) ?? String(bad), ...(owner.data ?? {}) }, resourceId: owner.resourceId, fixes: setFix(resource, protocolPath, 'HTTPS', 'Redirect to HTTPS') });
      } else if (p.unknown) results.push({ ...unknownAt(protocol.path, p.unknown, 'unknown', owner.data), resourceId: owner.resourceId });
    } else if (values.unknown) results.push({ ...unknownAt(type.path, values.unknown, 'unknown', owner.data), resourceId: owner.resourceId });
  }
  return results;
}
