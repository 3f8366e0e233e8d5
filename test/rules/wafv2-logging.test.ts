import rule from '../../rules/audit-logging/wafv2-logging';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (extra: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  AclArn:
    Type: String
Resources:
  PortalAcl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      DefaultAction:
        Allow: {}
      VisibilityConfig:
        SampledRequestsEnabled: true
        CloudWatchMetricsEnabled: true
        MetricName: portal
${extra}`;
const logging = (arn = '!GetAtt PortalAcl.Arn') => `  PortalAclLogging:
    Type: AWS::WAFv2::LoggingConfiguration
    Properties:
      ResourceArn: ${arn}
      LogDestinationConfigs:
        - arn:aws:logs:us-east-1:111122223333:log-group:aws-waf-logs-portal
`;
const sam = (s: string) => s.replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');
const tfAcl = { address: 'aws_wafv2_web_acl.portal', values: { name: 'portal', scope: 'REGIONAL' }, unknown: { arn: true } };
const tfLogging = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_wafv2_web_acl_logging_configuration.portal', values: { log_destination_configs: ['arn:aws:logs:us-east-1:111122223333:log-group:aws-waf-logs-portal'], ...values }, unknown, refs });

testRule(rule, {
  valid: [
    { name: 'logging configuration for the web ACL', yaml: template(logging()) },
    { name: 'SAM template: logging configuration', sam: sam(template(logging())) },
    { name: 'Terraform: logging configuration referencing the ACL', plan: plan(tfAcl, tfLogging({}, { resource_arn: true }, { resource_arn: ['aws_wafv2_web_acl.portal.arn', 'aws_wafv2_web_acl.portal'] })) },
  ],
  invalid: [
    {
      name: 'no logging configuration',
      yaml: template(''),
      errors: [{ messageId: 'noLogging', resource: 'PortalAcl', path: 'Resources.PortalAcl', line: 6 }],
    },
    {
      name: 'SAM template: logging configuration for another ACL',
      sam: sam(template(logging('arn:aws:wafv2:us-east-1:111122223333:regional/webacl/other/abcd'))),
      errors: [{ messageId: 'noLogging', resource: 'PortalAcl', path: 'Resources.PortalAcl', line: 6 }],
    },
    {
      name: 'ACL ARN from a parameter without default',
      yaml: template(logging('!Ref AclArn')),
      errors: [{ messageId: 'unknown', resource: 'PortalAclLogging', path: 'Resources.PortalAclLogging.Properties.ResourceArn', line: 19, status: 'unknown' }],
    },
    {
      name: 'Terraform: no logging configuration',
      plan: plan(tfAcl),
      errors: [{ messageId: 'noLogging', resource: 'aws_wafv2_web_acl.portal', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
  ],
});
