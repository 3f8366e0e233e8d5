import { defineRule, isTerraform, isTrue, possible, referrersOf, setFix, targetsOf, targetPath, text, unknownAt, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';

const REST_AUTH = ['AWS_IAM', 'COGNITO_USER_POOLS', 'CUSTOM'];
const HTTP_AUTH = ['AWS_IAM', 'JWT', 'CUSTOM'];

type Judged = { outcome: 'pass' | 'fail'; value?: string } | { outcome: 'unknown'; reason: string };

/** Judge an authorization type: absent means NONE. */
function judgeType(ctx: RuleContext, resource: Resource, path: string | Path, allowed: string[]): Judged {
  const p = possible(ctx.get(resource, path).resolved);
  const values = p.values.map((v) => text(v)?.toUpperCase());
  const failing = values.findIndex((v) => !v || !allowed.includes(v));
  if (failing >= 0) return { outcome: 'fail', value: values[failing] ?? 'NONE' };
  if (p.absent) return { outcome: 'fail', value: 'NONE' };
  if (p.unknown) return { outcome: 'unknown', reason: p.unknown };
  return { outcome: 'pass' };
}

function firstText(ctx: RuleContext, resource: Resource, path: string | Path): string | undefined {
  return text(possible(ctx.get(resource, path).resolved).values[0]);
}

export default defineRule({
  id: 'api-gateway-authorization',
  title: 'API Gateway route that may reach PHI accepts unauthenticated callers',
  category: 'access-control',
  severity: 'error',
  hipaa: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)', '164.312(d)'],
  controls: ['api-gateway-authorization'],
  phiScope: 'phi-path',
  appliesTo: {
    cloudformation: ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route', 'AWS::Serverless::Function'],
    terraform: ['aws_api_gateway_method', 'aws_apigatewayv2_route'],
  },
  responsibility: {
    aws: 'API Gateway runs the IAM, Cognito, JWT and Lambda authorizers configured on a route and refuses callers they reject.',
    customer: 'Put an authorizer on every route that reaches PHI; a route with authorization NONE lets anyone on the network call the backend.',
  },
  messages: {
    methodNoAuth: 'Method {resource} has AuthorizationType {value}: any caller can invoke it. Use AWS_IAM, COGNITO_USER_POOLS or a Lambda authorizer (CUSTOM).',
    routeNoAuth: 'Route {resource} has AuthorizationType {value}: any caller can invoke it. Use AWS_IAM, JWT or a Lambda authorizer (CUSTOM).',
    eventNoAuth: 'API event {event} of function {resource} has no authorizer ({value}): set Auth.Authorizer on the event or Auth.DefaultAuthorizer on its API.',
    unknown: 'Whether {resource} requires authorization cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    methodNoAuth: 'Method {resource} has authorization {value}: any caller can invoke it. Use AWS_IAM, COGNITO_USER_POOLS or a Lambda authorizer (CUSTOM).',
    routeNoAuth: 'Route {resource} has authorization_type {value}: any caller can invoke it. Use AWS_IAM, JWT or a Lambda authorizer (CUSTOM).',
  },
  limits: 'Authorization defined only inside an OpenAPI body (security schemes) and SAM Globals for the implicit API are not read.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (isTerraform(resource)) return resource.type === 'aws_api_gateway_method' ? terraformMethod(resource, ctx) : terraformRoute(resource, ctx);
    if (resource.type === 'AWS::ApiGateway::Method') return cfnMethod(resource, ctx);
    if (resource.type === 'AWS::ApiGatewayV2::Route') return cfnRoute(resource, ctx);
    return samEvents(resource, ctx);
  },
});

function cfnMethod(method: Resource, ctx: RuleContext): RuleResult[] {
  if (firstText(ctx, method, 'HttpMethod')?.toUpperCase() === 'OPTIONS') return [];
  const j = judgeType(ctx, method, 'AuthorizationType', REST_AUTH);
  const lookup = ctx.get(method, 'AuthorizationType');
  const path = targetPath(method, lookup, ['AuthorizationType']);
  if (j.outcome === 'unknown') return [unknownAt(path, j.reason)];
  if (j.outcome === 'pass') return [];
  // NONE is acceptable when a resource policy restricts callers: a private API, or an API key plus a policy.
  for (const api of targetsOf(ctx, method, 'RestApiId', ['AWS::ApiGateway::RestApi'])) {
    const hasPolicy = ctx.get(api, 'Policy').present;
    const types = possible(ctx.get(api, 'EndpointConfiguration.Types').resolved).values.flatMap((v) => (Array.isArray(v) ? v : [v])).map((v) => text(v)?.toUpperCase());
    if (hasPolicy && (types.includes('PRIVATE') || possible(ctx.get(method, 'ApiKeyRequired').resolved).values.some(isTrue))) return [];
  }
  const fixes = setFix(method, 'AuthorizationType', 'AWS_IAM', 'Require IAM (SigV4) authorization', { safe: false, consequence: 'unsigned callers are refused' });
  return [{ status: 'fail', path, messageId: 'methodNoAuth', data: { value: j.value ?? 'NONE' }, fixes }];
}

function cfnRoute(route: Resource, ctx: RuleContext): RuleResult[] {
  const key = firstText(ctx, route, 'RouteKey') ?? '';
  if (/^OPTIONS\s/i.test(key)) return [];
  const apis = targetsOf(ctx, route, 'ApiId', ['AWS::ApiGatewayV2::Api']);
  // WebSocket APIs authorize the connection: only $connect takes an authorizer.
  if (apis.some((a) => firstText(ctx, a, 'ProtocolType')?.toUpperCase() === 'WEBSOCKET') && key !== '$connect') return [];
  const j = judgeType(ctx, route, 'AuthorizationType', HTTP_AUTH);
  const path = targetPath(route, ctx.get(route, 'AuthorizationType'), ['AuthorizationType']);
  if (j.outcome === 'unknown') return [unknownAt(path, j.reason)];
  if (j.outcome === 'pass') return [];
  const fixes = setFix(route, 'AuthorizationType', 'AWS_IAM', 'Require IAM (SigV4) authorization', { safe: false, consequence: 'unsigned callers are refused' });
  return [{ status: 'fail', path, messageId: 'routeNoAuth', data: { value: j.value ?? 'NONE' }, fixes }];
}

/** SAM function events of type Api/HttpApi: the event's Auth.Authorizer, else the API's Auth.DefaultAuthorizer. */
function samEvents(fn: Resource, ctx: RuleContext): RuleResult[] {
  const events = ctx.get(fn, 'Events');
  if (!events.present || events.node?.kind !== 'map') return [];
  const out: RuleResult[] = [];
  for (const e of events.node.entries) {
    const type = firstText(ctx, fn, ['Events', e.key, 'Type']);
    if (type !== 'Api' && type !== 'HttpApi') continue;
    const props = ['Events', e.key, 'Properties'];
    if (firstText(ctx, fn, [...props, 'Method'])?.toUpperCase() === 'OPTIONS') continue;
    const auth = ctx.get(fn, [...props, 'Auth', 'Authorizer']);
    const data = { event: e.key };
    const authValues = possible(auth.resolved);
    if (authValues.unknown) {
      out.push(unknownAt(auth.path, authValues.unknown, 'unknown', data));
      continue;
    }
    if (auth.present) {
      if (authValues.values.some((v) => text(v)?.toUpperCase() === 'NONE')) out.push({ status: 'fail', path: auth.path, messageId: 'eventNoAuth', data: { ...data, value: 'Authorizer NONE' } });
      continue;
    }
    const apiProp = type === 'Api' ? 'RestApiId' : 'ApiId';
    const apiType = type === 'Api' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi';
    const eventPath = ctx.get(fn, ['Events', e.key]).path;
    if (!ctx.get(fn, [...props, apiProp]).present) {
      out.push({ status: 'fail', path: eventPath, messageId: 'eventNoAuth', data: { ...data, value: 'the implicit API has no authorizer' } });
      continue;
    }
    const apis = nestedTargets(ctx, fn, [...props, apiProp], apiType);
    if (apis.length === 0) {
      out.push(unknownAt(eventPath, `${apiProp} does not name an API in this template`, 'unknown', data));
      continue;
    }
    for (const api of apis) {
      const def = possible(ctx.get(api, 'Auth.DefaultAuthorizer').resolved);
      if (def.unknown) out.push(unknownAt(eventPath, def.unknown, 'unknown', data));
      else if (def.absent || def.values.length === 0 || def.values.some((v) => !text(v) || text(v)?.toUpperCase() === 'NONE')) {
        out.push({ status: 'fail', path: eventPath, messageId: 'eventNoAuth', data: { ...data, value: `API ${api.id} has no Auth.DefaultAuthorizer` } });
      }
    }
  }
  return out;
}

function terraformMethod(method: Resource, ctx: RuleContext): RuleResult[] {
  if (firstText(ctx, method, 'http_method')?.toUpperCase() === 'OPTIONS') return [];
  const j = judgeType(ctx, method, 'authorization', REST_AUTH);
  const path = ctx.get(method, 'authorization').path;
  if (j.outcome === 'unknown') return [unknownAt(path, j.reason)];
  if (j.outcome === 'pass') return [];
  for (const api of targetsOf(ctx, method, 'rest_api_id', ['aws_api_gateway_rest_api'])) {
    const inline = possible(ctx.get(api, 'policy').resolved).values.some((v) => typeof v === 'string' && v.trim() !== '');
    const separate = referrersOf(ctx, api, ['aws_api_gateway_rest_api_policy'], 'rest_api_id').length > 0;
    const types = possible(ctx.get(api, ['endpoint_configuration', 0, 'types']).resolved).values.flatMap((v) => (Array.isArray(v) ? v : [v])).map((v) => text(v)?.toUpperCase());
    if ((inline || separate) && (types.includes('PRIVATE') || possible(ctx.get(method, 'api_key_required').resolved).values.some(isTrue))) return [];
  }
  return [{ status: 'fail', path, messageId: 'methodNoAuth', data: { value: j.value ?? 'NONE' } }];
}

function terraformRoute(route: Resource, ctx: RuleContext): RuleResult[] {
  const key = firstText(ctx, route, 'route_key') ?? '';
  if (/^OPTIONS\s/i.test(key)) return [];
  const apis = targetsOf(ctx, route, 'api_id', ['aws_apigatewayv2_api']);
  if (apis.some((a) => firstText(ctx, a, 'protocol_type')?.toUpperCase() === 'WEBSOCKET') && key !== '$connect') return [];
  const j = judgeType(ctx, route, 'authorization_type', HTTP_AUTH);
  const path = ctx.get(route, 'authorization_type').path;
  if (j.outcome === 'unknown') return [unknownAt(path, j.reason)];
  if (j.outcome === 'pass') return [];
  return [{ status: 'fail', path, messageId: 'routeNoAuth', data: { value: j.value ?? 'NONE' } }];
}

/** Resources of `type` that the nested property `rel` of `from` refers to (`targetsOf` takes top-level properties only). */
function nestedTargets(ctx: RuleContext, from: Resource, rel: Path, type: string): Resource[] {
  const base = [...from.propertiesPath, ...rel];
  const out: Resource[] = [];
  for (const e of ctx.edgesFrom(from.id)) {
    if (e.kind === 'depends-on' || e.path.length < base.length || !base.every((seg, i) => e.path[i] === seg)) continue;
    const r = ctx.byId(e.to);
    if (r && r.type === type && !out.includes(r)) out.push(r);
  }
  return out;
}
