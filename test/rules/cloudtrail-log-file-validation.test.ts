import rule from '../../rules/audit-logging/cloudtrail-log-file-validation';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const trail = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Flag:
    Type: String
Resources:
  AuditTrail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: audit-logs
${props}`;

const tfTrail = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({ address: 'aws_cloudtrail.audit', values: { name: 'audit', s3_bucket_name: 'audit-logs', ...values }, unknown });
const sam = (s: string) => s.replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');

testRule(rule, {
  valid: [
    { name: 'validation on', yaml: trail('      EnableLogFileValidation: true\n') },
    { name: 'validation on as a string', yaml: trail("      EnableLogFileValidation: 'true'\n") },
    { name: 'SAM template: validation on', sam: sam(trail('      EnableLogFileValidation: true\n')) },
    { name: 'Terraform: enable_log_file_validation true', plan: plan(tfTrail({ enable_log_file_validation: true })) },
  ],
  invalid: [
    {
      name: 'validation not set',
      yaml: trail(''),
      errors: [{ messageId: 'noValidation', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.EnableLogFileValidation', line: 8 }],
    },
    {
      name: 'SAM template: validation off',
      sam: sam(trail('      EnableLogFileValidation: false\n')),
      errors: [{ messageId: 'noValidation', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.EnableLogFileValidation', line: 11 }],
    },
    {
      name: 'validation from a parameter without default',
      yaml: trail('      EnableLogFileValidation: !Ref Flag\n'),
      errors: [{ messageId: 'unknown', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.EnableLogFileValidation', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: validation off',
      plan: plan(tfTrail({ enable_log_file_validation: false })),
      errors: [{ messageId: 'noValidation', resource: 'aws_cloudtrail.audit', path: 'planned_values.root_module.resources.0.values.enable_log_file_validation', line: 14 }],
    },
    {
      name: 'Terraform: validation known only after apply',
      plan: plan(tfTrail({}, { enable_log_file_validation: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_cloudtrail.audit', path: 'planned_values.root_module.resources.0.values.enable_log_file_validation', line: 11, status: 'unknown' }],
    },
  ],
});
