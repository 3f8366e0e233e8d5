import { defineRule, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, itemCount, oneOf, possible, referrersOf, targetPath, targetsOf, text } from '../kit';

const ASSOCIATIONS = {
  cloudformation: ['AWS::WAFv2::WebACLAssociation', 'AWS::WAFRegional::WebACLAssociation'],
  terraform: ['aws_wafv2_web_acl_association', 'aws_wafregional_web_acl_association'],
};
const DROP_HEADERS = 'routing.http.drop_invalid_header_fields.enabled';

export default defineRule({
  id: 'waf-on-public-entry-points',
  title: 'Internet-facing entry point in front of PHI has no web application firewall',
  category: 'network',
  severity: 'info',
  phiScope: 'phi-path',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(B)', '164.308(a)(4)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['waf-on-public-entry-points'],
  appliesTo: {
    cloudformation: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
    terraform: ['aws_lb', 'aws_alb', 'aws_api_gateway_stage'],
  },
  responsibility: {
    aws: 'AWS WAF inspects requests against the rules attached to a web ACL; load balancers can drop malformed headers.',
    customer: 'Attach a web ACL to internet-facing load balancers and API stages that lead to PHI, and make application load balancers drop invalid header fields.',
  },
  messages: {
    noWaf: '{resource} is reachable from the internet and has no WAF web ACL association; attach a web ACL (AWS::WAFv2::WebACLAssociation) to filter attacks before they reach PHI.',
    invalidHeadersKept: 'Application load balancer {resource} forwards requests with invalid header fields (routing.http.drop_invalid_header_fields.enabled is not true).',
  },
  terraformMessages: {
    noWaf: '{resource} is reachable from the internet and has no WAF web ACL association; attach a web ACL (aws_wafv2_web_acl_association) to filter attacks before they reach PHI.',
    invalidHeadersKept: 'Application load balancer {resource} forwards requests with invalid header fields (drop_invalid_header_fields is not true).',
  },
  limits: 'CloudFront distributions (WebACLId) are not judged here; a web ACL associated outside this template cannot be seen.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    const associations = tf ? ASSOCIATIONS.terraform : ASSOCIATIONS.cloudformation;
    const prop = tf ? 'resource_arn' : 'ResourceArn';
    if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' || resource.type === 'aws_lb' || resource.type === 'aws_alb') {
      if (!isPublicAlb(ctx, resource)) return [];
      const results: RuleResult[] = [];
      if (referrersOf(ctx, resource, associations, prop).length === 0) results.push({ status: 'fail', path: resource.path, messageId: 'noWaf' });
      results.push(...dropInvalidHeaders(ctx, resource));
      return results;
    }
    // API stages: an association may name the stage or (in a Sub ARN) its API.
    const apis = resource.type === 'AWS::Serverless::Api' ? [resource] : targetsOf(ctx, resource, tf ? 'rest_api_id' : 'RestApiId', [tf ? 'aws_api_gateway_rest_api' : 'AWS::ApiGateway::RestApi']);
    if (apis.some((api) => isPrivateApi(ctx, api))) return [];
    const covered = [resource, ...apis].some((r) => referrersOf(ctx, r, associations, prop).length > 0);
    return covered ? [] : [{ status: 'fail', path: resource.path, messageId: 'noWaf' }];
  },
});

function isPublicAlb(ctx: RuleContext, lb: Resource): boolean {
  if (isTerraform(lb)) {
    const internal = possible(ctx.get(lb, 'internal').resolved).values;
    const type = possible(ctx.get(lb, 'load_balancer_type').resolved).values;
    return !internal.some((v) => v === true) && (type.length === 0 || type.some((t) => oneOf(t, 'application')));
  }
  const scheme = possible(ctx.get(lb, 'Scheme').resolved).values;
  const type = possible(ctx.get(lb, 'Type').resolved).values;
  return (scheme.length === 0 || scheme.some((s) => oneOf(s, 'internet-facing'))) && (type.length === 0 || type.some((t) => oneOf(t, 'application')));
}

function isPrivateApi(ctx: RuleContext, api: Resource): boolean {
  const paths = isTerraform(api) ? [['endpoint_configuration', 0, 'types']] : [['EndpointConfiguration', 'Types'], ['EndpointConfiguration', 'Type'], ['EndpointConfiguration']];
  return paths.some((p) => possible(ctx.get(api, p).resolved).values.flat().some((v) => oneOf(v, 'PRIVATE')));
}

function dropInvalidHeaders(ctx: RuleContext, lb: Resource): RuleResult[] {
  if (isTerraform(lb)) {
    const lookup = ctx.get(lb, 'drop_invalid_header_fields');
    return possible(lookup.resolved).values.some((v) => v === true) ? [] : [{ status: 'fail', path: targetPath(lb, lookup, ['drop_invalid_header_fields']), messageId: 'invalidHeadersKept' }];
  }
  const attributes = ctx.get(lb, 'LoadBalancerAttributes');
  for (let i = 0; i < itemCount(ctx, lb, ['LoadBalancerAttributes']); i++) {
    const key = text(possible(ctx.get(lb, ['LoadBalancerAttributes', i, 'Key']).resolved).values[0]);
    if (key !== DROP_HEADERS) continue;
    const value = ctx.get(lb, ['LoadBalancerAttributes', i, 'Value']);
    const values = possible(value.resolved).values;
    if (values.length && values.every((v) => v === true || oneOf(v, 'true'))) return [];
    return [{ status: 'fail', path: value.path, messageId: 'invalidHeadersKept', fixes: [{ title: 'Drop invalid header fields', safe: true, edits: [{ op: 'set', path: value.path, value: 'true' }] }] }];
  }
  const fixes: FixIntent[] = [{ title: 'Drop invalid header fields', safe: true, edits: [{ op: 'append', path: [...lb.propertiesPath, 'LoadBalancerAttributes'], value: { Key: DROP_HEADERS, Value: 'true' } }] }];
  return [{ status: 'fail', path: targetPath(lb, attributes, ['LoadBalancerAttributes']), messageId: 'invalidHeadersKept', fixes }];
}
