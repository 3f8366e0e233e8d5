import rule from '../../rules/access-control/api-gateway-authorization';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  AuthType:
    Type: String
Resources:
  PatientApi:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: patients
${resources}`;

const method = (props: string) => `  GetPatient:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref PatientApi
      ResourceId: !GetAtt PatientApi.RootResourceId
      Integration:
        Type: MOCK
${props}`;

const sam = (api: string, event: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  PatientApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
${api}  PatientFn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      CodeUri: .
      Events:
        GetPatient:
          Type: Api
          Properties:
            RestApiId: !Ref PatientApi
            Path: /patients
            Method: get
${event}`;

const cognitoApi = `      Auth:
        DefaultAuthorizer: Clinicians
        Authorizers:
          Clinicians:
            UserPoolArn: arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_abc
`;

const httpRoute = (props: string) => `  HttpApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: records
      ProtocolType: HTTP
  RecordsRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref HttpApi
      RouteKey: GET /records
${props}`;

testRule(rule, {
  valid: [
    { name: 'IAM authorization', yaml: template(method('      HttpMethod: GET\n      AuthorizationType: AWS_IAM\n')) },
    { name: 'OPTIONS preflight without authorization', yaml: template(method('      HttpMethod: OPTIONS\n      AuthorizationType: NONE\n')) },
    { name: 'HTTP API route with JWT', yaml: template(httpRoute('      AuthorizationType: JWT\n      AuthorizerId: abc123\n')) },
    { name: 'SAM: default Cognito authorizer on the API', sam: sam(cognitoApi, '') },
    { name: 'SAM: HTTP API with a default JWT authorizer', sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Records:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      Auth:\n        DefaultAuthorizer: Jwt\n        Authorizers:\n          Jwt:\n            IdentitySource: $request.header.Authorization\n            JwtConfiguration:\n              issuer: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc\n              audience: [app]\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: .\n      Events:\n        Get:\n          Type: HttpApi\n          Properties:\n            ApiId: !Ref Records\n            Path: /records\n            Method: get\n` },
    { name: 'Terraform: method with Cognito', plan: plan({ address: 'aws_api_gateway_method.get', values: { http_method: 'GET', authorization: 'COGNITO_USER_POOLS' } }) },
    { name: 'Terraform: WebSocket message route without authorizer', plan: plan({ address: 'aws_apigatewayv2_api.ws', values: { protocol_type: 'WEBSOCKET' } }, { address: 'aws_apigatewayv2_route.msg', values: { route_key: 'sendmessage', authorization_type: 'NONE' }, refs: { api_id: ['aws_apigatewayv2_api.ws.id', 'aws_apigatewayv2_api.ws'] } }) },
  ],
  invalid: [
    {
      name: 'method with AuthorizationType NONE',
      yaml: template(method('      HttpMethod: GET\n      AuthorizationType: NONE\n')),
      errors: [{ messageId: 'methodNoAuth', resource: 'GetPatient', path: 'Resources.GetPatient.Properties.AuthorizationType', line: 18 }],
    },
    {
      name: 'method without AuthorizationType',
      yaml: template(method('      HttpMethod: GET\n')),
      errors: [{ messageId: 'methodNoAuth', resource: 'GetPatient', path: 'Resources.GetPatient.Properties.AuthorizationType', line: 12 }],
    },
    {
      name: 'authorization type from a parameter without default is unknown',
      yaml: template(method('      HttpMethod: GET\n      AuthorizationType: !Ref AuthType\n')),
      errors: [{ messageId: 'unknown', resource: 'GetPatient', path: 'Resources.GetPatient.Properties.AuthorizationType', line: 18, status: 'unknown' }],
    },
    {
      name: 'HTTP API route without authorization',
      yaml: template(httpRoute('')),
      errors: [{ messageId: 'routeNoAuth', resource: 'RecordsRoute', path: 'Resources.RecordsRoute.Properties.AuthorizationType', line: 17 }],
    },
    {
      name: 'SAM: API without default authorizer and event without Auth',
      sam: sam('', ''),
      errors: [{ messageId: 'eventNoAuth', resource: 'PatientFn', path: 'Resources.PatientFn.Properties.Events.GetPatient', line: 14 }],
    },
    {
      name: 'SAM: event opts out with Authorizer NONE',
      sam: sam(cognitoApi, '            Auth:\n              Authorizer: NONE\n'),
      errors: [{ messageId: 'eventNoAuth', resource: 'PatientFn', path: 'Resources.PatientFn.Properties.Events.GetPatient.Properties.Auth.Authorizer', line: 26 }],
    },
    {
      name: 'SAM: HttpApi event on the implicit API',
      sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Records:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      Auth:\n        DefaultAuthorizer: Jwt\n        Authorizers:\n          Jwt:\n            IdentitySource: $request.header.Authorization\n            JwtConfiguration:\n              issuer: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc\n              audience: [app]\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: .\n      Events:\n        Get:\n          Type: HttpApi\n          Properties:\n            ApiId: !Ref Records\n            Path: /records\n            Method: get\n`.replace('            ApiId: !Ref Records\n', ''),
      errors: [{ messageId: 'eventNoAuth', resource: 'Fn', path: 'Resources.Fn.Properties.Events.Get', line: 21 }],
    },
    {
      name: 'Terraform: method with authorization NONE',
      plan: plan({ address: 'aws_api_gateway_method.get', values: { http_method: 'GET', authorization: 'NONE' } }),
      errors: [{ messageId: 'methodNoAuth', resource: 'aws_api_gateway_method.get', path: 'planned_values.root_module.resources.0.values.authorization', line: 13 }],
    },
    {
      name: 'Terraform: HTTP route without authorizer',
      plan: plan({ address: 'aws_apigatewayv2_route.get', values: { route_key: 'GET /records', authorization_type: 'NONE' } }),
      errors: [{ messageId: 'routeNoAuth', resource: 'aws_apigatewayv2_route.get', path: 'planned_values.root_module.resources.0.values.authorization_type', line: 13 }],
    },
  ],
});
