import rule from '../../rules/audit-logging/no-phi-payloads-in-logs';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const stage = (trace: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Trace:
    Type: String
Resources:
  ProdStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: abc123
      StageName: prod
      MethodSettings:
        - HttpMethod: '*'
          ResourcePath: /*
          LoggingLevel: ERROR
          DataTraceEnabled: ${trace}
`;
const machine = (include: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  IntakeFlow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/sfn
      DefinitionString: '{}'
      LoggingConfiguration:
        Level: ALL
        IncludeExecutionData: ${include}
`;
const graphql = (config: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  RecordsApi:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: records
      AuthenticationType: AWS_IAM
      LogConfig:
        CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/appsync
${config}`;
const samMachine = (include: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  IntakeFlow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: flow.asl.json
      Logging:
        Level: ALL
        IncludeExecutionData: ${include}
`;
const samHttp = (trace: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  PatientHttpApi:
    Type: AWS::Serverless::HttpApi
    Properties:
      DefaultRouteSettings:
        DataTraceEnabled: ${trace}
`;

testRule(rule, {
  valid: [
    { name: 'REST stage without data trace', yaml: stage('false') },
    { name: 'state machine without execution data', yaml: machine('false') },
    { name: 'GraphQL API logging errors only', yaml: graphql('        FieldLogLevel: ERROR\n') },
    { name: 'GraphQL API at ALL with verbose content excluded', yaml: graphql('        FieldLogLevel: ALL\n        ExcludeVerboseContent: true\n') },
    { name: 'SAM state machine without execution data', sam: samMachine('false') },
    { name: 'Terraform: method settings without data trace', plan: plan({ address: 'aws_api_gateway_method_settings.all', values: { method_path: '*/*', settings: [{ logging_level: 'ERROR', data_trace_enabled: false }] } }) },
    { name: 'Terraform: state machine without execution data', plan: plan({ address: 'aws_sfn_state_machine.intake', values: { name: 'intake', logging_configuration: [{ level: 'ERROR', include_execution_data: false }] } }) },
  ],
  invalid: [
    {
      name: 'REST stage with data trace',
      yaml: stage('true'),
      errors: [{ messageId: 'dataTrace', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.MethodSettings.0.DataTraceEnabled', line: 15 }],
    },
    {
      name: 'data trace from a parameter without default',
      yaml: stage('!Ref Trace'),
      errors: [{ messageId: 'unknown', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.MethodSettings.0.DataTraceEnabled', line: 15, status: 'unknown' }],
    },
    {
      name: 'state machine logging execution data',
      yaml: machine('true'),
      errors: [{ messageId: 'executionData', resource: 'IntakeFlow', path: 'Resources.IntakeFlow.Properties.LoggingConfiguration.IncludeExecutionData', line: 10 }],
    },
    {
      name: 'GraphQL API logging all fields with verbose content',
      yaml: graphql('        FieldLogLevel: ALL\n'),
      errors: [{ messageId: 'fieldLogs', resource: 'RecordsApi', path: 'Resources.RecordsApi.Properties.LogConfig.FieldLogLevel', line: 10 }],
    },
    {
      name: 'SAM state machine logging execution data',
      sam: samMachine('true'),
      errors: [{ messageId: 'executionData', resource: 'IntakeFlow', path: 'Resources.IntakeFlow.Properties.Logging.IncludeExecutionData', line: 9 }],
    },
    {
      name: 'SAM HttpApi with data trace',
      sam: samHttp('true'),
      errors: [{ messageId: 'dataTrace', resource: 'PatientHttpApi', path: 'Resources.PatientHttpApi.Properties.DefaultRouteSettings.DataTraceEnabled', line: 7 }],
    },
    {
      name: 'Terraform: method settings with data trace',
      plan: plan({ address: 'aws_api_gateway_method_settings.all', values: { method_path: '*/*', settings: [{ logging_level: 'INFO', data_trace_enabled: true }] } }),
      errors: [{ messageId: 'dataTrace', resource: 'aws_api_gateway_method_settings.all', path: 'planned_values.root_module.resources.0.values.settings.0.data_trace_enabled', line: 16 }],
    },
    {
      name: 'Terraform: AppSync field logs at ALL',
      plan: plan({ address: 'aws_appsync_graphql_api.records', values: { name: 'records', log_config: [{ field_log_level: 'ALL', exclude_verbose_content: false }] } }),
      errors: [{ messageId: 'fieldLogs', resource: 'aws_appsync_graphql_api.records', path: 'planned_values.root_module.resources.0.values.log_config.0.field_log_level', line: 15 }],
    },
  ],
});
