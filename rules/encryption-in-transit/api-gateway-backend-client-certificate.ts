import { defineRule, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, oneOf, possible, referrersOf, targetPath, targetsOf, unknownAt } from '../kit';

const TYPES = {
  cloudformation: { api: 'AWS::ApiGateway::RestApi', method: 'AWS::ApiGateway::Method' },
  terraform: { api: 'aws_api_gateway_rest_api', method: 'aws_api_gateway_integration' },
};

export default defineRule({
  id: 'api-gateway-backend-client-certificate',
  title: 'API Gateway stage calls a public HTTP backend without a client certificate',
  category: 'encryption-in-transit',
  severity: 'info',
  phiScope: 'phi-path',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['api-gateway-backend-client-certificate'],
  appliesTo: { cloudformation: ['AWS::ApiGateway::Stage'], terraform: ['aws_api_gateway_stage'] },
  responsibility: {
    aws: 'API Gateway always uses TLS with its clients and can present a client certificate it generates when it calls an HTTP backend.',
    customer: 'Attach a client certificate to stages whose integrations call public HTTP endpoints, and make the backend verify it, so only API Gateway can send it PHI.',
  },
  messages: {
    noClientCertificate: 'Stage {resource} proxies to a public HTTP backend ({integration}) without a client certificate, so the backend cannot tell API Gateway from any other caller.',
    unknown: 'Whether stage {resource} needs a backend client certificate cannot be decided statically: {reason}.',
  },
  check(stage: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(stage);
    const certificateKey = tf ? 'client_certificate_id' : 'ClientCertificateId';
    const certificate = ctx.get(stage, certificateKey);
    const at = targetPath(stage, certificate, [certificateKey]);
    const c = possible(certificate.resolved);
    if (c.unknown || c.values.some((v) => v !== null && v !== '')) return [];
    const types = tf ? TYPES.terraform : TYPES.cloudformation;
    const apis = targetsOf(ctx, stage, tf ? 'rest_api_id' : 'RestApiId', [types.api]);
    if (apis.length === 0) return [unknownAt(at, 'the REST API of this stage is not in the template, so its integrations cannot be inspected')];
    const integration = apis.map((api) => publicHttpIntegration(ctx, api, types.method)).find((i) => i !== undefined);
    if (!integration) return [];
    const fixes = tf
      ? []
      : [
          {
            title: 'Create a client certificate and present it to the backend',
            safe: true,
            edits: [
              { op: 'addResource' as const, logicalId: 'BackendClientCertificate', type: 'AWS::ApiGateway::ClientCertificate', properties: { Description: 'Presented by API Gateway to the HTTP backend' } },
              { op: 'set' as const, path: [...stage.propertiesPath, 'ClientCertificateId'], value: { Ref: 'BackendClientCertificate' } },
            ],
          },
        ];
    return [{ status: 'fail', path: at, messageId: 'noClientCertificate', data: { integration }, fixes }];
  },
});

/** A description of the first HTTP/HTTP_PROXY integration of `api` that does not go through a VPC link. */
function publicHttpIntegration(ctx: RuleContext, api: Resource, methodType: string): string | undefined {
  const tf = isTerraform(api);
  for (const method of referrersOf(ctx, api, [methodType], tf ? 'rest_api_id' : 'RestApiId')) {
    const type = possible(ctx.get(method, tf ? 'type' : 'Integration.Type').resolved).values;
    const connection = possible(ctx.get(method, tf ? 'connection_type' : 'Integration.ConnectionType').resolved).values;
    if (type.some((t) => oneOf(t, 'HTTP', 'HTTP_PROXY')) && !connection.some((t) => oneOf(t, 'VPC_LINK'))) return method.id;
  }
  // Inline OpenAPI definitions carry their integrations in x-amazon-apigateway-integration objects.
  for (const body of possible(ctx.get(api, tf ? 'body' : 'Body').resolved).values) {
    let doc: JsonValue = body;
    if (typeof body === 'string') {
      try {
        doc = JSON.parse(body) as JsonValue;
      } catch {
        continue;
      }
    }
    if (findHttpIntegration(doc, 0)) return `${api.id} OpenAPI body`;
  }
  return undefined;
}

function findHttpIntegration(node: JsonValue, depth: number): boolean {
  if (depth > 64 || !node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => findHttpIntegration(n, depth + 1));
  for (const [key, value] of Object.entries(node)) {
    if (key === 'x-amazon-apigateway-integration' && value && typeof value === 'object' && !Array.isArray(value)) {
      if (oneOf(value.type, 'http', 'http_proxy') && !oneOf(value.connectionType, 'VPC_LINK')) return true;
    } else if (findHttpIntegration(value, depth + 1)) return true;
  }
  return false;
}
