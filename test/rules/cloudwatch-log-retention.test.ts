import rule from '../../rules/audit-logging/cloudwatch-log-retention';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Days:
    Type: Number
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: /app/patients
${props}`;
const samFunction = (extra: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  IntakeFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
${extra}`;
const tfGroup = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({ address: 'aws_cloudwatch_log_group.app', values: { name: '/app/patients', ...values }, unknown });

testRule(rule, {
  valid: [
    { name: 'retention set', yaml: template('      RetentionInDays: 2192\n') },
    { name: 'SAM function with a declared log group that has retention', sam: samFunction("  IntakeLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: !Sub '/aws/lambda/${IntakeFunction}'\n      RetentionInDays: 90\n") },
    { name: 'Terraform: retention_in_days set', plan: plan(tfGroup({ retention_in_days: 365 })) },
  ],
  invalid: [
    {
      name: 'no retention',
      yaml: template(''),
      errors: [{ messageId: 'noRetention', resource: 'AppLogs', path: 'Resources.AppLogs.Properties.RetentionInDays', line: 8 }],
    },
    {
      name: 'retention from a parameter without default',
      yaml: template('      RetentionInDays: !Ref Days\n'),
      errors: [{ messageId: 'unknown', resource: 'AppLogs', path: 'Resources.AppLogs.Properties.RetentionInDays', line: 10, status: 'unknown' }],
    },
    {
      name: 'SAM function with only the implicit log group',
      sam: samFunction(''),
      errors: [{ messageId: 'implicitGroup', resource: 'IntakeFunction', path: 'Resources.IntakeFunction', line: 3 }],
    },
    {
      name: 'Terraform: retention 0 means never expire',
      plan: plan(tfGroup({ retention_in_days: 0 })),
      errors: [{ messageId: 'noRetention', resource: 'aws_cloudwatch_log_group.app', path: 'planned_values.root_module.resources.0.values.retention_in_days', line: 13 }],
    },
    {
      name: 'Terraform: retention known only after apply',
      plan: plan(tfGroup({}, { retention_in_days: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_cloudwatch_log_group.app', path: 'planned_values.root_module.resources.0.values.retention_in_days', line: 11, status: 'unknown' }],
    },
  ],
});
