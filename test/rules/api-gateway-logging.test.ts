import rule from '../../rules/audit-logging/api-gateway-logging';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const restStage = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Level:
    Type: String
Resources:
  ProdStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: abc123
      StageName: prod
${props}`;
const goodRest = `      AccessLogSetting:
        DestinationArn: arn:aws:logs:us-east-1:111122223333:log-group:api
      MethodSettings:
        - HttpMethod: '*'
          ResourcePath: /*
          LoggingLevel: ERROR
`;
const samApi = (globals: string, props: string) => `Transform: AWS::Serverless-2016-10-31
${globals}Resources:
  PatientApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
${props}`;
const samHttp = (props: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  PatientHttpApi:
    Type: AWS::Serverless::HttpApi
    Properties:
      StageName: prod
${props}`;
const tfStage = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_api_gateway_stage.prod', values: { stage_name: 'prod', rest_api_id: 'abc123', ...values }, unknown, refs });
const tfSettings = (level: string, refs?: Record<string, string[]>, stageName = 'prod') => ({ address: 'aws_api_gateway_method_settings.all', values: { rest_api_id: 'abc123', stage_name: stageName, method_path: '*/*', settings: [{ logging_level: level, metrics_enabled: true }] }, refs });
const logs = { access_log_settings: [{ destination_arn: 'arn:aws:logs:us-east-1:111122223333:log-group:api', format: '$context.requestId' }] };

testRule(rule, {
  valid: [
    { name: 'REST stage with access and execution logs', yaml: restStage(goodRest) },
    { name: 'HTTP API stage with access logs', yaml: restStage('').replace('AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage').replace('RestApiId', 'ApiId') + '      AccessLogSettings:\n        DestinationArn: arn:aws:logs:us-east-1:111122223333:log-group:api\n' },
    { name: 'SAM Api with AccessLogSetting and MethodSettings', sam: samApi('', goodRest) },
    { name: 'SAM Api with the settings in Globals', sam: samApi(`Globals:\n  Api:\n${goodRest.replace(/^ {2}/gm, '')}`, '') },
    { name: 'SAM HttpApi with AccessLogSettings', sam: samHttp('      AccessLogSettings:\n        DestinationArn: arn:aws:logs:us-east-1:111122223333:log-group:api\n        Format: $context.requestId\n') },
    { name: 'Terraform: stage with access logs and method settings joined by stage name', plan: plan(tfStage(logs), tfSettings('INFO')) },
    {
      name: 'Terraform: method settings joined through configuration references',
      plan: plan(tfStage(logs, { stage_name: true }, {}), { ...tfSettings('ERROR', { stage_name: ['aws_api_gateway_stage.prod.stage_name', 'aws_api_gateway_stage.prod'] }), unknown: { stage_name: true } }),
    },
  ],
  invalid: [
    {
      name: 'REST stage without logging',
      yaml: restStage(''),
      errors: [
        { messageId: 'noAccessLogs', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.AccessLogSetting.DestinationArn', line: 8 },
        { messageId: 'noExecutionLogs', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.MethodSettings', line: 8 },
      ],
    },
    {
      name: 'execution logging OFF',
      yaml: restStage(goodRest.replace('ERROR', 'OFF')),
      errors: [{ messageId: 'noExecutionLogs', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.MethodSettings.0.LoggingLevel', line: 16 }],
    },
    {
      name: 'logging level from a parameter without default',
      yaml: restStage(goodRest.replace('ERROR', '!Ref Level')),
      errors: [{ messageId: 'unknown', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.MethodSettings.0.LoggingLevel', line: 16, status: 'unknown' }],
    },
    {
      name: 'SAM Api: AccessLogSettings (the HttpApi spelling) is not AccessLogSetting',
      sam: samApi('', goodRest.replace('AccessLogSetting:', 'AccessLogSettings:')),
      errors: [{ messageId: 'noAccessLogs', resource: 'PatientApi', path: 'Resources.PatientApi.Properties.AccessLogSetting.DestinationArn', line: 5 }],
    },
    {
      name: 'SAM Globals: execution logging OFF for every Api (reported at the Globals key)',
      sam: samApi(`Globals:\n  Api:\n${goodRest.replace('ERROR', 'OFF').replace(/^ {2}/gm, '')}`, ''),
      errors: [{ messageId: 'noExecutionLogs', resource: 'PatientApi', path: 'Resources.PatientApi.Properties.MethodSettings.0.LoggingLevel', line: 9 }],
    },
    {
      name: 'SAM HttpApi without access logs',
      sam: samHttp(''),
      errors: [{ messageId: 'noAccessLogs', resource: 'PatientHttpApi', path: 'Resources.PatientHttpApi.Properties.AccessLogSettings.DestinationArn', line: 5 }],
    },
    {
      name: 'Terraform: no access logs and no method settings',
      plan: plan(tfStage({ access_log_settings: [] })),
      errors: [
        { messageId: 'noExecutionLogs', resource: 'aws_api_gateway_stage.prod', path: 'planned_values.root_module.resources.0', line: 6 },
        { messageId: 'noAccessLogs', resource: 'aws_api_gateway_stage.prod', path: 'planned_values.root_module.resources.0.values.access_log_settings', line: 14 },
      ],
    },
    {
      name: 'Terraform: method settings of another stage',
      plan: plan(tfStage(logs), tfSettings('INFO', undefined, 'dev')),
      errors: [{ messageId: 'noExecutionLogs', resource: 'aws_api_gateway_stage.prod', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: access log destination known only after apply without a reference',
      plan: plan(tfStage({ access_log_settings: [{ format: 'x' }] }, { access_log_settings: [{ destination_arn: true }] }), tfSettings('ERROR')),
      errors: [{ messageId: 'unknown', resource: 'aws_api_gateway_stage.prod', path: 'planned_values.root_module.resources.0.values.access_log_settings.0.destination_arn', line: 15, status: 'unknown' }],
    },
  ],
});
