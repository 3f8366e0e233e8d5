import rule from '../../rules/audit-logging/monitoring-and-alarms';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const cfn = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Topic:
    Type: String
Resources:
${resources}`;
const alarm = (props: string) => `  ErrorsAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      MetricName: 5XXError
      Namespace: AWS/ApiGateway
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanOrEqualToThreshold
${props}`;
const instance = (props: string) => `  AppHost:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
${props}`;
const env = (value: string) => `  Portal:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: portal
      OptionSettings:
        - Namespace: aws:elasticbeanstalk:healthreporting:system
          OptionName: SystemType
          Value: ${value}
`;
const samApi = (tracing: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  PatientApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
${tracing}`;

testRule(rule, {
  valid: [
    { name: 'alarm with an SNS action', yaml: cfn(alarm('      AlarmActions:\n        - arn:aws:sns:us-east-1:111122223333:ops\n')) },
    { name: 'alarm action given by a parameter (one action is listed)', yaml: cfn(alarm('      AlarmActions:\n        - !Ref Topic\n')) },
    { name: 'instance with detailed monitoring', yaml: cfn(instance('      Monitoring: true\n')) },
    { name: 'database with enhanced monitoring', yaml: cfn('  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MonitoringInterval: 60\n      MonitoringRoleArn: arn:aws:iam::111122223333:role/rds-monitoring\n') },
    { name: 'Beanstalk with enhanced health', yaml: cfn(env('enhanced')) },
    { name: 'SAM Api with tracing', sam: samApi('      TracingEnabled: true\n') },
    { name: 'Terraform: alarm whose action topic is created in the plan', plan: plan({ address: 'aws_cloudwatch_metric_alarm.errors', values: { alarm_name: 'errors', actions_enabled: true }, unknown: { alarm_actions: true }, refs: { alarm_actions: ['aws_sns_topic.ops.arn', 'aws_sns_topic.ops'] } }) },
    { name: 'Terraform: instance with monitoring', plan: plan({ address: 'aws_instance.app', values: { ami: 'ami-1', monitoring: true } }) },
  ],
  invalid: [
    {
      name: 'alarm without actions',
      yaml: cfn(alarm('')),
      errors: [{ messageId: 'noAlarmActions', resource: 'ErrorsAlarm', path: 'Resources.ErrorsAlarm.Properties.AlarmActions', line: 8 }],
    },
    {
      name: 'alarm with actions disabled',
      yaml: cfn(alarm('      ActionsEnabled: false\n      AlarmActions:\n        - arn:aws:sns:us-east-1:111122223333:ops\n')),
      errors: [{ messageId: 'actionsDisabled', resource: 'ErrorsAlarm', path: 'Resources.ErrorsAlarm.Properties.ActionsEnabled', line: 16 }],
    },
    {
      name: 'actions flag from a parameter without default',
      yaml: cfn(alarm('      ActionsEnabled: !Ref Topic\n      AlarmActions:\n        - arn:aws:sns:us-east-1:111122223333:ops\n')),
      errors: [{ messageId: 'unknown', resource: 'ErrorsAlarm', path: 'Resources.ErrorsAlarm.Properties.ActionsEnabled', line: 16, status: 'unknown' }],
    },
    {
      name: 'instance with basic monitoring',
      yaml: cfn(instance('')),
      errors: [{ messageId: 'noDetailedMonitoring', resource: 'AppHost', path: 'Resources.AppHost.Properties.Monitoring', line: 8 }],
    },
    {
      name: 'Beanstalk with basic health',
      yaml: cfn(env('basic')),
      errors: [{ messageId: 'noEnhancedHealth', resource: 'Portal', path: 'Resources.Portal.Properties.OptionSettings.0.Value', line: 13 }],
    },
    {
      name: 'SAM Api without tracing',
      sam: samApi(''),
      errors: [{ messageId: 'noTracing', resource: 'PatientApi', path: 'Resources.PatientApi.Properties.TracingEnabled', line: 5 }],
    },
    {
      name: 'Terraform: database without enhanced monitoring',
      plan: plan({ address: 'aws_db_instance.db', values: { engine: 'postgres', monitoring_interval: 0 } }),
      errors: [{ messageId: 'noEnhancedMonitoring', resource: 'aws_db_instance.db', path: 'planned_values.root_module.resources.0.values.monitoring_interval', line: 13 }],
    },
    {
      name: 'Terraform: API stage without X-Ray',
      plan: plan({ address: 'aws_api_gateway_stage.prod', values: { stage_name: 'prod', xray_tracing_enabled: false } }),
      errors: [{ messageId: 'noTracing', resource: 'aws_api_gateway_stage.prod', path: 'planned_values.root_module.resources.0.values.xray_tracing_enabled', line: 13 }],
    },
  ],
});
