import { defineRule, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, itemCount, oneOf, possible, text, unknownAt } from '../kit';

const ACM_TYPES = new Set(['AWS::CertificateManager::Certificate', 'aws_acm_certificate', 'aws_acm_certificate_validation']);
const IAM_TYPES = new Set(['AWS::IAM::ServerCertificate', 'aws_iam_server_certificate']);

export default defineRule({
  id: 'elb-acm-certificate',
  title: 'Load balancer TLS listener uses a certificate that ACM does not manage',
  category: 'encryption-in-transit',
  severity: 'info',
  phiScope: 'phi-path',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['elb-acm-certificate'],
  appliesTo: {
    cloudformation: ['AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::ListenerCertificate'],
    terraform: ['aws_elb', 'aws_lb_listener', 'aws_alb_listener', 'aws_lb_listener_certificate'],
  },
  responsibility: {
    aws: 'AWS Certificate Manager stores certificate private keys and renews the certificates it issues before they expire.',
    customer: 'Serve TLS with ACM certificates; a certificate uploaded to IAM leaves key custody and renewal to the customer, and an expired certificate breaks or weakens the encrypted channel.',
  },
  messages: {
    iamCertificate: '{resource} serves TLS with an IAM server certificate ({certificate}); use an ACM certificate so renewal and key custody are managed.',
    notAcm: '{resource} serves TLS with a certificate that is not an ACM certificate ({certificate}).',
    unknown: 'Whether {resource} uses an ACM certificate cannot be verified statically: {reason}.',
  },
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    switch (resource.type) {
      case 'AWS::ElasticLoadBalancing::LoadBalancer':
      case 'aws_elb': {
        const keys = tf ? { list: 'listener', protocol: 'lb_protocol', cert: 'ssl_certificate_id' } : { list: 'Listeners', protocol: 'Protocol', cert: 'SSLCertificateId' };
        const out: RuleResult[] = [];
        for (let i = 0; i < itemCount(ctx, resource, [keys.list]); i++) {
          if (!isTls(ctx, resource, [keys.list, i, keys.protocol], ['HTTPS', 'SSL'])) continue;
          out.push(...judgeCertificate(ctx, resource, [keys.list, i, keys.cert]));
        }
        return out;
      }
      case 'AWS::ElasticLoadBalancingV2::Listener':
      case 'aws_lb_listener':
      case 'aws_alb_listener':
        if (!isTls(ctx, resource, [tf ? 'protocol' : 'Protocol'], ['HTTPS', 'TLS'])) return [];
        return tf ? judgeCertificate(ctx, resource, ['certificate_arn']) : certificateList(ctx, resource);
      case 'AWS::ElasticLoadBalancingV2::ListenerCertificate':
        return certificateList(ctx, resource);
      default:
        return judgeCertificate(ctx, resource, ['certificate_arn']);
    }
  },
});

function isTls(ctx: RuleContext, resource: Resource, path: Path, protocols: string[]): boolean {
  return possible(ctx.get(resource, path).resolved).values.some((v) => oneOf(v, ...protocols));
}

function certificateList(ctx: RuleContext, resource: Resource): RuleResult[] {
  const out: RuleResult[] = [];
  for (let j = 0; j < itemCount(ctx, resource, ['Certificates']); j++) out.push(...judgeCertificate(ctx, resource, ['Certificates', j, 'CertificateArn']));
  return out;
}

/** An ACM ARN or a reference to an ACM certificate passes; an IAM server certificate fails. */
function judgeCertificate(ctx: RuleContext, resource: Resource, path: Path): RuleResult[] {
  const lookup = ctx.get(resource, path);
  if (!lookup.present) return [];
  // Terraform references are recorded per top-level attribute (a listener block), CloudFormation ones per property.
  const edgeBase = isTerraform(resource) ? [...resource.propertiesPath, path[0]] : lookup.path;
  const targets = ctx
    .edgesFrom(resource.id)
    .filter((e) => edgeBase.every((seg, i) => e.path[i] === seg))
    .map((e) => ctx.byId(e.to)?.type ?? '');
  if (targets.some((t) => ACM_TYPES.has(t))) return [];
  if (targets.some((t) => IAM_TYPES.has(t))) return [{ status: 'fail', path: lookup.path, messageId: 'iamCertificate', data: { certificate: 'declared in this template' } }];
  const values = possible(lookup.resolved);
  for (const v of values.values) {
    const arn = text(v) ?? '';
    if (/^arn:[^:]+:acm:/.test(arn)) continue;
    if (/^arn:[^:]+:iam::[^:]*:server-certificate\//.test(arn)) return [{ status: 'fail', path: lookup.path, messageId: 'iamCertificate', data: { certificate: arn } }];
    return [{ status: 'fail', path: lookup.path, messageId: 'notAcm', data: { certificate: arn || JSON.stringify(v) } }];
  }
  return values.unknown ? [unknownAt(lookup.path, values.unknown)] : [];
}
