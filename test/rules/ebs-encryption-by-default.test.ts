import rule from '../../rules/encryption-at-rest/ebs-encryption-by-default';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const setting = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({ address: 'aws_ebs_encryption_by_default.this', values, unknown });

testRule(rule, {
  valid: [
    { name: 'Terraform: enabled', plan: plan(setting({ enabled: true })) },
    { name: 'Terraform: enabled omitted (provider default true)', plan: plan(setting({})) },
    { name: 'CloudFormation cannot express the setting: no finding', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Size: 10\n" },
  ],
  invalid: [
    {
      name: 'Terraform: enabled false',
      plan: plan(setting({ enabled: false })),
      errors: [{ messageId: 'disabled', resource: 'aws_ebs_encryption_by_default.this', path: 'planned_values.root_module.resources.0.values.enabled', line: 12 }],
    },
    {
      name: 'Terraform: enabled known only after apply',
      plan: plan(setting({}, { enabled: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_ebs_encryption_by_default.this', path: 'planned_values.root_module.resources.0.values.enabled', line: 11, status: 'unknown' }],
    },
  ],
});
