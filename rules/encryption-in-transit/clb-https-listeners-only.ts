import { defineRule, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, itemCount, oneOf, possible, text, unknownAt } from '../kit';

export default defineRule({
  id: 'clb-https-listeners-only',
  title: 'Classic Load Balancer in front of PHI has a clear-text listener',
  category: 'encryption-in-transit',
  severity: 'error',
  phiScope: 'phi-path',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['clb-https-listeners-only'],
  appliesTo: { cloudformation: ['AWS::ElasticLoadBalancing::LoadBalancer'], terraform: ['aws_elb'] },
  responsibility: {
    aws: 'The Classic Load Balancer accepts and forwards exactly the listener protocols it is configured with.',
    customer: 'Listen only on HTTPS or SSL, and use HTTPS or SSL towards the instances as well so PHI is not decrypted for the last hop.',
  },
  messages: {
    clearTextListener: 'Classic Load Balancer {resource} accepts {protocol} on port {port}; PHI sent to it travels unencrypted. Use HTTPS or SSL.',
    clearTextBackend: 'Classic Load Balancer {resource} decrypts traffic on port {port} and sends it to the instances over {protocol}; use HTTPS or SSL as the instance protocol.',
    unknown: 'The listener protocols of {resource} cannot be verified statically: {reason}.',
  },
  check(lb: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(lb);
    const keys = tf
      ? { list: 'listener', protocol: 'lb_protocol', port: 'lb_port', instance: 'instance_protocol' }
      : { list: 'Listeners', protocol: 'Protocol', port: 'LoadBalancerPort', instance: 'InstanceProtocol' };
    const results: RuleResult[] = [];
    for (let i = 0; i < itemCount(ctx, lb, [keys.list]); i++) {
      const port = text(possible(ctx.get(lb, [keys.list, i, keys.port]).resolved).values[0]) ?? '?';
      const front = ctx.get(lb, [keys.list, i, keys.protocol]);
      const f = possible(front.resolved);
      const clear = f.values.find((v) => oneOf(v, 'HTTP', 'TCP'));
      if (clear !== undefined) {
        results.push({ status: 'fail', path: front.path, messageId: 'clearTextListener', data: { protocol: String(clear).toUpperCase(), port } });
        continue;
      }
      if (f.unknown) {
        results.push(unknownAt(front.path, f.unknown));
        continue;
      }
      const back = ctx.get(lb, [keys.list, i, keys.instance]);
      const b = possible(back.resolved);
      const clearBack = b.values.find((v) => oneOf(v, 'HTTP', 'TCP'));
      if (clearBack !== undefined) results.push({ status: 'fail', path: back.path, messageId: 'clearTextBackend', data: { protocol: String(clearBack).toUpperCase(), port } });
      else if (b.unknown) results.push(unknownAt(back.path, b.unknown));
    }
    return results;
  },
});
