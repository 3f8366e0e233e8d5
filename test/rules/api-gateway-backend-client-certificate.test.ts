import rule from '../../rules/encryption-in-transit/api-gateway-backend-client-certificate';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const api = (integration: string, stageExtra = '', apiExtra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  RecordsApi:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: records${apiExtra}
  RecordsMethod:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref RecordsApi
      ResourceId: !GetAtt RecordsApi.RootResourceId
      HttpMethod: GET
      AuthorizationType: AWS_IAM
      Integration:
${integration}
  ProdStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref RecordsApi
      StageName: prod
      DeploymentId: abc123${stageExtra}
`;

const http = `        Type: HTTP_PROXY
        IntegrationHttpMethod: GET
        Uri: https://records.example.com/`;
const lambda = `        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:records/invocations`;

const tfPlan = (integrationType: string, stage: Record<string, unknown> = {}) =>
  plan(
    { address: 'aws_api_gateway_rest_api.records', values: { name: 'records' } },
    { address: 'aws_api_gateway_integration.get', values: { type: integrationType, http_method: 'GET' }, refs: { rest_api_id: ['aws_api_gateway_rest_api.records.id', 'aws_api_gateway_rest_api.records'] } },
    { address: 'aws_api_gateway_stage.prod', values: { stage_name: 'prod', ...stage }, refs: { rest_api_id: ['aws_api_gateway_rest_api.records.id', 'aws_api_gateway_rest_api.records'] } },
  );

testRule(rule, {
  valid: [
    { name: 'HTTP backend with a client certificate', yaml: api(http, '\n      ClientCertificateId: !Ref BackendCertificate') },
    { name: 'Lambda integration needs no client certificate', yaml: api(lambda) },
    { name: 'HTTP backend behind a VPC link', yaml: api(http + '\n        ConnectionType: VPC_LINK\n        ConnectionId: abc') },
    { name: 'Terraform: HTTP backend with a client certificate', plan: tfPlan('HTTP_PROXY', { client_certificate_id: 'abc123' }) },
  ],
  invalid: [
    {
      name: 'HTTP backend without a client certificate',
      yaml: api(http),
      errors: [{ messageId: 'noClientCertificate', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.ClientCertificateId', line: 23 }],
    },
    {
      name: 'HTTP integration declared in an inline OpenAPI body',
      yaml: api(lambda, '', `\n      Body:\n        openapi: 3.0.1\n        paths:\n          /records:\n            get:\n              x-amazon-apigateway-integration:\n                type: http_proxy\n                httpMethod: GET\n                uri: https://records.example.com/`),
      errors: [{ messageId: 'noClientCertificate', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.ClientCertificateId', line: 32 }],
    },
    {
      name: 'REST API outside the template is unknown',
      yaml: api(lambda).replace('      RestApiId: !Ref RecordsApi\n      StageName: prod', '      RestApiId: !Ref Open\n      StageName: prod'),
      errors: [{ messageId: 'unknown', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.ClientCertificateId', line: 23, status: 'unknown' }],
    },
    {
      name: 'Terraform: HTTP backend without a client certificate',
      plan: tfPlan('HTTP'),
      errors: [{ messageId: 'noClientCertificate', resource: 'aws_api_gateway_stage.prod', path: 'planned_values.root_module.resources.2.values.client_certificate_id', line: 30 }],
    },
  ],
});
