import rule from '../../rules/audit-logging/elb-access-logging';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const alb = (attrs: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Flag:
    Type: String
Resources:
  PatientAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
${attrs}`;
const attrs = (enabled: string, bucket = "\n        - Key: access_logs.s3.bucket\n          Value: lb-logs") => `      LoadBalancerAttributes:
        - Key: access_logs.s3.enabled
          Value: ${enabled}${bucket}
`;
const clb = (policy: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  LegacyLb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '443'
          Protocol: TCP
${policy}`;
const sam = (s: string) => s.replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');
const tfLb = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({ address: 'aws_lb.web', values: { name: 'web', load_balancer_type: 'application', ...values }, unknown });

testRule(rule, {
  valid: [
    { name: 'ALB with access logs to a bucket', yaml: alb(attrs("'true'")) },
    { name: 'SAM template: ALB with access logs', sam: sam(alb(attrs("'true'"))) },
    { name: 'Gateway Load Balancer has no access logs', yaml: alb('      Type: gateway\n') },
    { name: 'classic ELB with an access logging policy', yaml: clb('      AccessLoggingPolicy:\n        Enabled: true\n        S3BucketName: lb-logs\n        EmitInterval: 5\n') },
    { name: 'Terraform: access_logs enabled with a bucket', plan: plan(tfLb({ access_logs: [{ enabled: true, bucket: 'lb-logs', prefix: '' }] })) },
    { name: 'Terraform: classic ELB access_logs block (enabled by default)', plan: plan({ address: 'aws_elb.legacy', values: { name: 'legacy', access_logs: [{ bucket: 'lb-logs', enabled: null }] } }) },
  ],
  invalid: [
    {
      name: 'ALB without attributes',
      yaml: alb(''),
      errors: [{ messageId: 'noLogs', resource: 'PatientAlb', path: 'Resources.PatientAlb.Properties.LoadBalancerAttributes', line: 8 }],
    },
    {
      name: 'ALB with access logs off',
      yaml: alb(attrs("'false'")),
      errors: [{ messageId: 'noLogs', resource: 'PatientAlb', path: 'Resources.PatientAlb.Properties.LoadBalancerAttributes.0.Value', line: 12 }],
    },
    {
      name: 'SAM template: access logs on without a bucket',
      sam: sam(alb(attrs("'true'", ''))),
      errors: [{ messageId: 'noBucket', resource: 'PatientAlb', path: 'Resources.PatientAlb.Properties.LoadBalancerAttributes.0.Value', line: 12 }],
    },
    {
      name: 'enabled flag from a parameter without default',
      yaml: alb(attrs('!Ref Flag')),
      errors: [{ messageId: 'unknown', resource: 'PatientAlb', path: 'Resources.PatientAlb.Properties.LoadBalancerAttributes.0.Value', line: 12, status: 'unknown' }],
    },
    {
      name: 'classic ELB without a logging policy',
      yaml: clb(''),
      errors: [{ messageId: 'noLogs', resource: 'LegacyLb', path: 'Resources.LegacyLb.Properties.AccessLoggingPolicy.Enabled', line: 5 }],
    },
    {
      name: 'Terraform: no access_logs block',
      plan: plan(tfLb({ access_logs: [] })),
      errors: [{ messageId: 'noLogs', resource: 'aws_lb.web', path: 'planned_values.root_module.resources.0.values.access_logs', line: 14 }],
    },
    {
      name: 'Terraform: access_logs disabled',
      plan: plan(tfLb({ access_logs: [{ enabled: false, bucket: 'lb-logs' }] })),
      errors: [{ messageId: 'noLogs', resource: 'aws_lb.web', path: 'planned_values.root_module.resources.0.values.access_logs.0.enabled', line: 16 }],
    },
    {
      name: 'Terraform: bucket known only after apply without a reference',
      plan: plan(tfLb({ access_logs: [{ enabled: true }] }, { access_logs: [{ bucket: true }] })),
      errors: [{ messageId: 'unknown', resource: 'aws_lb.web', path: 'planned_values.root_module.resources.0.values.access_logs.0.bucket', line: 15, status: 'unknown' }],
    },
  ],
});
