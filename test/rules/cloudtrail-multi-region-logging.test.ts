import rule from '../../rules/audit-logging/cloudtrail-multi-region-logging';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const trail = (props: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Flag:
    Type: String
Resources:
  AuditTrail:
    Type: AWS::CloudTrail::Trail
    Properties:
      S3BucketName: audit-logs
${props}${extra}`;

const tfTrail = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({ address: 'aws_cloudtrail.audit', values: { name: 'audit', s3_bucket_name: 'audit-logs', include_global_service_events: true, ...values }, unknown });

testRule(rule, {
  valid: [
    { name: 'logging, multi-Region trail', yaml: trail('      IsLogging: true\n      IsMultiRegionTrail: true\n') },
    {
      name: 'a single-Region data-event trail next to a multi-Region one',
      yaml: trail('      IsLogging: true\n      IsMultiRegionTrail: true\n', '  BucketTrail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: audit-logs\n      IsLogging: true\n'),
    },
    {
      name: 'SAM template with a multi-Region trail',
      sam: trail('      IsLogging: true\n      IsMultiRegionTrail: true\n      IncludeGlobalServiceEvents: true\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
    },
    { name: 'Terraform: multi-Region trail, enable_logging left at its default', plan: plan(tfTrail({ is_multi_region_trail: true, enable_logging: null })) },
  ],
  invalid: [
    {
      name: 'single-Region trail',
      yaml: trail('      IsLogging: true\n'),
      errors: [{ messageId: 'notMultiRegion', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.IsMultiRegionTrail', line: 8 }],
    },
    {
      name: 'stopped multi-Region trail without global events',
      yaml: trail('      IsLogging: false\n      IsMultiRegionTrail: true\n      IncludeGlobalServiceEvents: false\n'),
      errors: [
        { messageId: 'notLogging', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.IsLogging', line: 10 },
        { messageId: 'noGlobalEvents', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.IncludeGlobalServiceEvents', line: 12 },
      ],
    },
    {
      name: 'SAM template: single-Region trail',
      sam: trail('      IsLogging: true\n      IsMultiRegionTrail: false\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'notMultiRegion', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.IsMultiRegionTrail', line: 11 }],
    },
    {
      name: 'IsMultiRegionTrail from a parameter without default is unknown',
      yaml: trail('      IsLogging: true\n      IsMultiRegionTrail: !Ref Flag\n'),
      errors: [{ messageId: 'unknown', resource: 'AuditTrail', path: 'Resources.AuditTrail.Properties.IsMultiRegionTrail', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: single-Region trail',
      plan: plan(tfTrail({ is_multi_region_trail: false, enable_logging: true })),
      errors: [{ messageId: 'notMultiRegion', resource: 'aws_cloudtrail.audit', path: 'planned_values.root_module.resources.0.values.is_multi_region_trail', line: 15 }],
    },
    {
      name: 'Terraform: logging turned off',
      plan: plan(tfTrail({ is_multi_region_trail: true, enable_logging: false })),
      errors: [
        { messageId: 'notLogging', resource: 'aws_cloudtrail.audit', path: 'planned_values.root_module.resources.0.values.enable_logging', line: 16 },
      ],
    },
  ],
});
