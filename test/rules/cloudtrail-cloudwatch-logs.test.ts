import rule from '../../rules/audit-logging/cloudtrail-cloudwatch-logs';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const trail = (props: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  GroupArn:
    Type: String
Resources:
  AuditTrail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: audit-logs
${props}${extra}`;

const declared = `  TrailLogs:
    Type: AWS::Logs::LogGroup
  TrailRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
`;
const tfTrail = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_cloudtrail.audit', values: { name: 'audit', s3_bucket_name: 'audit-logs', ...values }, unknown, refs });
const sam = (s: string) => s.replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');

testRule(rule, {
  valid: [
    { name: 'group and role of the template', yaml: trail('      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn\n      CloudWatchLogsRoleArn: !GetAtt TrailRole.Arn\n', declared) },
    { name: 'literal ARNs', yaml: trail('      CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:111122223333:log-group:trail:*\n      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/trail\n') },
    { name: 'SAM template: group and role', sam: sam(trail('      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn\n      CloudWatchLogsRoleArn: !GetAtt TrailRole.Arn\n', declared)) },
    {
      name: 'Terraform: group and role created in the plan',
      plan: plan(tfTrail({}, { cloud_watch_logs_group_arn: true, cloud_watch_logs_role_arn: true }, { cloud_watch_logs_group_arn: ['aws_cloudwatch_log_group.trail.arn', 'aws_cloudwatch_log_group.trail'], cloud_watch_logs_role_arn: ['aws_iam_role.trail.arn', 'aws_iam_role.trail'] })),
    },
  ],
  invalid: [
    {
      name: 'no CloudWatch delivery',
      yaml: trail(''),
      errors: [{ messageId: 'noLogGroup', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.CloudWatchLogsLogGroupArn', line: 8 }],
    },
    {
      name: 'SAM template: group without role',
      sam: sam(trail('      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn\n', declared)),
      errors: [{ messageId: 'noRole', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.CloudWatchLogsRoleArn', line: 8 }],
    },
    {
      name: 'group from a parameter without default',
      yaml: trail('      CloudWatchLogsLogGroupArn: !Ref GroupArn\n      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/trail\n'),
      errors: [{ messageId: 'unknown', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.CloudWatchLogsLogGroupArn', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: no group',
      plan: plan(tfTrail({ cloud_watch_logs_group_arn: null, cloud_watch_logs_role_arn: null })),
      errors: [{ messageId: 'noLogGroup', resource: 'aws_cloudtrail.audit', path: 'planned_values.root_module.resources.0.values.cloud_watch_logs_group_arn', line: 14 }],
    },
    {
      name: 'Terraform: group known only after apply with no reference',
      plan: plan(tfTrail({}, { cloud_watch_logs_group_arn: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_cloudtrail.audit', path: 'planned_values.root_module.resources.0.values.cloud_watch_logs_group_arn', line: 11, status: 'unknown' }],
    },
  ],
});
