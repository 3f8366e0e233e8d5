import rule from '../../rules/audit-logging/opensearch-logs';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const domain = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Flag:
    Type: String
Resources:
  SearchLogs:
    Type: AWS::Logs::LogGroup
  PatientSearch:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EngineVersion: OpenSearch_2.11
${props}`;
const stream = (type: string, enabled = 'true') => `        ${type}:
          Enabled: ${enabled}
          CloudWatchLogsLogGroupArn: !GetAtt SearchLogs.Arn
`;
const fgac = '      AdvancedSecurityOptions:\n        Enabled: true\n        InternalUserDatabaseEnabled: false\n';
const sam = (s: string) => s.replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');
const tfDomain = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_opensearch_domain.search', values: { domain_name: 'patients', ...values }, unknown, refs });

testRule(rule, {
  valid: [
    { name: 'application logs published', yaml: domain(`      LogPublishingOptions:\n${stream('ES_APPLICATION_LOGS')}`) },
    { name: 'fine-grained access control with application and audit logs', yaml: domain(`${fgac}      LogPublishingOptions:\n${stream('ES_APPLICATION_LOGS')}${stream('AUDIT_LOGS')}`) },
    { name: 'SAM template: application logs published', sam: sam(domain(`      LogPublishingOptions:\n${stream('ES_APPLICATION_LOGS')}`)) },
    { name: 'Terraform: application logs to a log group', plan: plan(tfDomain({ log_publishing_options: [{ log_type: 'ES_APPLICATION_LOGS', enabled: true, cloudwatch_log_group_arn: 'arn:aws:logs:us-east-1:111122223333:log-group:os' }] })) },
    {
      name: 'Terraform: log group created in the plan',
      plan: plan(tfDomain({ log_publishing_options: [{ log_type: 'ES_APPLICATION_LOGS', enabled: true }] }, { log_publishing_options: [{ cloudwatch_log_group_arn: true }] }, { log_publishing_options: ['aws_cloudwatch_log_group.os.arn', 'aws_cloudwatch_log_group.os'] })),
    },
  ],
  invalid: [
    {
      name: 'no log publishing',
      yaml: domain(''),
      errors: [{ messageId: 'noAppLogs', resource: 'PatientSearch', path: 'Resources.PatientSearch.Properties.LogPublishingOptions.ES_APPLICATION_LOGS.Enabled', line: 10 }],
    },
    {
      name: 'fine-grained access control without audit logs',
      yaml: domain(`${fgac}      LogPublishingOptions:\n${stream('ES_APPLICATION_LOGS')}`),
      errors: [{ messageId: 'noAuditLogs', resource: 'PatientSearch', path: 'Resources.PatientSearch.Properties.LogPublishingOptions.AUDIT_LOGS.Enabled', line: 15 }],
    },
    {
      name: 'SAM template: application logs disabled',
      sam: sam(domain(`      LogPublishingOptions:\n${stream('ES_APPLICATION_LOGS', 'false')}`)),
      errors: [{ messageId: 'noAppLogs', resource: 'PatientSearch', path: 'Resources.PatientSearch.Properties.LogPublishingOptions.ES_APPLICATION_LOGS.Enabled', line: 14 }],
    },
    {
      name: 'enabled flag from a parameter without default',
      yaml: domain(`      LogPublishingOptions:\n${stream('ES_APPLICATION_LOGS', '!Ref Flag')}`),
      errors: [{ messageId: 'unknown', resource: 'PatientSearch', path: 'Resources.PatientSearch.Properties.LogPublishingOptions.ES_APPLICATION_LOGS.Enabled', line: 14, status: 'unknown' }],
    },
    {
      name: 'Terraform: only slow logs',
      plan: plan(tfDomain({ log_publishing_options: [{ log_type: 'SEARCH_SLOW_LOGS', enabled: true, cloudwatch_log_group_arn: 'arn:aws:logs:us-east-1:111122223333:log-group:os' }] })),
      errors: [{ messageId: 'noAppLogs', resource: 'aws_opensearch_domain.search', path: 'planned_values.root_module.resources.0.values.log_publishing_options', line: 13 }],
    },
    {
      name: 'Terraform: log group known only after apply without a reference',
      plan: plan(tfDomain({ log_publishing_options: [{ log_type: 'ES_APPLICATION_LOGS', enabled: true }] }, { log_publishing_options: [{ cloudwatch_log_group_arn: true }] })),
      errors: [{ messageId: 'unknown', resource: 'aws_opensearch_domain.search', path: 'planned_values.root_module.resources.0.values.log_publishing_options.0.cloudwatch_log_group_arn', line: 14, status: 'unknown' }],
    },
  ],
});
