import { defineRule, setFix, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { itemCount, possible, targetPath, text, unknownAt } from '../kit';

/** Where the policy sits per type, and whether a missing value means the TLS 1.0 default (REST domains). */
const PLACES: Record<string, { list?: string; path: string; absentIsTls10: boolean; onlyWhen?: string }> = {
  'AWS::ApiGateway::DomainName': { path: 'SecurityPolicy', absentIsTls10: true },
  'AWS::ApiGatewayV2::DomainName': { list: 'DomainNameConfigurations', path: 'SecurityPolicy', absentIsTls10: false },
  'AWS::Serverless::Api': { path: 'Domain.SecurityPolicy', absentIsTls10: true, onlyWhen: 'Domain' },
  'AWS::Serverless::HttpApi': { path: 'Domain.SecurityPolicy', absentIsTls10: false, onlyWhen: 'Domain' },
  aws_api_gateway_domain_name: { path: 'security_policy', absentIsTls10: true },
  aws_apigatewayv2_domain_name: { list: 'domain_name_configuration', path: 'security_policy', absentIsTls10: false },
};

export default defineRule({
  id: 'api-gateway-domain-tls12',
  title: 'API Gateway custom domain in front of PHI accepts TLS 1.0',
  category: 'encryption-in-transit',
  severity: 'warning',
  phiScope: 'phi-path',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['api-gateway-domain-tls12'],
  appliesTo: { cloudformation: Object.keys(PLACES).filter((t) => t.startsWith('AWS::')), terraform: Object.keys(PLACES).filter((t) => t.startsWith('aws_')) },
  responsibility: {
    aws: 'API Gateway offers TLS 1.2 and newer security policies for custom domain names and applies the one chosen.',
    customer: 'Choose TLS_1_2 or a newer SecurityPolicy_* policy for every custom domain: REST API custom domains default to TLS_1_0.',
  },
  messages: {
    defaultTls10: 'Custom domain {resource} sets no SecurityPolicy, so REST APIs behind it accept TLS 1.0; set TLS_1_2 (or a newer SecurityPolicy_* policy).',
    tls10: 'Custom domain {resource} uses SecurityPolicy TLS_1_0, which accepts TLS 1.0; set TLS_1_2 (or a newer SecurityPolicy_* policy).',
    unknown: 'The TLS security policy of custom domain {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    defaultTls10: 'Custom domain {resource} sets no security_policy, so REST APIs behind it accept TLS 1.0; set TLS_1_2 (or a newer SecurityPolicy_* policy).',
    tls10: 'Custom domain {resource} uses security_policy TLS_1_0, which accepts TLS 1.0; set TLS_1_2 (or a newer SecurityPolicy_* policy).',
  },
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const place = PLACES[resource.type];
    if (place.onlyWhen && !ctx.get(resource, place.onlyWhen).present) return [];
    if (!place.list) return judge(ctx, resource, place.path.split('.'), place.absentIsTls10);
    const out: RuleResult[] = [];
    for (let i = 0; i < itemCount(ctx, resource, [place.list]); i++) out.push(...judge(ctx, resource, [place.list, i, place.path], place.absentIsTls10));
    return out;
  },
});

function judge(ctx: RuleContext, resource: Resource, path: Path, absentIsTls10: boolean): RuleResult[] {
  const lookup = ctx.get(resource, path);
  const fixes = setFix(resource, path, 'TLS_1_2', 'Require TLS 1.2');
  const values = possible(lookup.resolved);
  if (absentIsTls10 && (values.absent || values.values.includes(null))) return [{ status: 'fail', path: targetPath(resource, lookup, path), messageId: 'defaultTls10', fixes }];
  for (const v of values.values) {
    const policy = text(v);
    if (policy === undefined) continue;
    if (policy === 'TLS_1_0') return [{ status: 'fail', path: lookup.path, messageId: 'tls10', fixes }];
    if (policy !== 'TLS_1_2' && !policy.startsWith('SecurityPolicy_')) return [unknownAt(lookup.path, `${policy} is not a security policy this rule recognises`)];
  }
  return values.unknown ? [unknownAt(lookup.path, values.unknown)] : [];
}
