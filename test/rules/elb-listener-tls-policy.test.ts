import rule from '../../rules/encryption-in-transit/elb-listener-tls-policy';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const listener = (protocol: string, policy: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/portal/1
      Port: 443
      Protocol: ${protocol}
      Certificates:
        - CertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1
${policy}`;

const classic = (policies: string, policyNames = '') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Portal:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '443'
          Protocol: HTTPS
          InstanceProtocol: HTTPS
          SSLCertificateId: arn:aws:acm:us-east-1:111122223333:certificate/1${policyNames}
${policies}`;

const negotiation = (attributes: string) => `      Policies:
        - PolicyName: Tls12
          PolicyType: SSLNegotiationPolicyType
          Attributes:
${attributes}`;

const tfListener = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => plan({ address: 'aws_lb_listener.https', values: { port: 443, protocol: 'HTTPS', ...values }, unknown });

testRule(rule, {
  valid: [
    { name: 'TLS 1.3/1.2 policy', yaml: listener('HTTPS', '      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n') },
    { name: 'FIPS TLS 1.2 policy on a TLS listener', yaml: listener('TLS', '      SslPolicy: ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04\n') },
    { name: 'HTTP listener needs no policy', yaml: listener('HTTP', '') },
    { name: 'Classic: TLS 1.2 reference policy attached by name', yaml: classic(negotiation('            - Name: Reference-Security-Policy\n              Value: ELBSecurityPolicy-TLS-1-2-2017-01\n'), '\n          PolicyNames: [Tls12]') },
    { name: 'Classic: custom policy with only TLS 1.2 enabled, attached by port', yaml: classic(negotiation('            - Name: Protocol-TLSv1.2\n              Value: "true"\n            - Name: Protocol-TLSv1\n              Value: "false"\n').replace('          PolicyType:', '          LoadBalancerPorts: ["443"]\n          PolicyType:')) },
    { name: 'Terraform: TLS 1.2 policy', plan: tfListener({ ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }) },
  ],
  invalid: [
    {
      name: 'no SslPolicy: CloudFormation default accepts TLS 1.0',
      yaml: listener('HTTPS', ''),
      errors: [{ messageId: 'defaultPolicy', resource: 'HttpsListener', path: 'Resources.HttpsListener.Properties.SslPolicy', line: 8 }],
    },
    {
      name: 'policy that accepts TLS 1.0',
      yaml: listener('HTTPS', '      SslPolicy: ELBSecurityPolicy-2016-08\n'),
      errors: [{ messageId: 'weakPolicy', resource: 'HttpsListener', path: 'Resources.HttpsListener.Properties.SslPolicy', line: 17 }],
    },
    {
      name: 'TLS 1.3 policy that still accepts TLS 1.1',
      yaml: listener('TLS', '      SslPolicy: ELBSecurityPolicy-TLS13-1-1-2021-06\n'),
      errors: [{ messageId: 'weakPolicy', resource: 'HttpsListener', path: 'Resources.HttpsListener.Properties.SslPolicy', line: 17 }],
    },
    {
      name: 'policy from a parameter without default is unknown',
      yaml: listener('HTTPS', '      SslPolicy: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'HttpsListener', path: 'Resources.HttpsListener.Properties.SslPolicy', line: 17, status: 'unknown' }],
    },
    {
      name: 'Classic: no negotiation policy',
      yaml: classic(''),
      errors: [{ messageId: 'classicDefaultPolicy', resource: 'Portal', path: 'Resources.Portal.Properties.Listeners.0.Protocol', line: 9 }],
    },
    {
      name: 'Classic: reference policy that accepts TLS 1.0',
      yaml: classic(negotiation('            - Name: Reference-Security-Policy\n              Value: ELBSecurityPolicy-2016-08\n'), '\n          PolicyNames: [Tls12]'),
      errors: [{ messageId: 'weakPolicy', resource: 'Portal', path: 'Resources.Portal.Properties.Policies.0.Attributes.0.Value', line: 18 }],
    },
    {
      name: 'Classic: custom policy enables TLSv1',
      yaml: classic(negotiation('            - Name: Protocol-TLSv1\n              Value: "true"\n'), '\n          PolicyNames: [Tls12]'),
      errors: [{ messageId: 'weakProtocol', resource: 'Portal', path: 'Resources.Portal.Properties.Policies.0.Attributes.0.Value', line: 18 }],
    },
    {
      name: 'Terraform: weak policy',
      plan: tfListener({ ssl_policy: 'ELBSecurityPolicy-TLS-1-1-2017-01' }),
      errors: [{ messageId: 'weakPolicy', resource: 'aws_lb_listener.https', path: 'planned_values.root_module.resources.0.values.ssl_policy', line: 14 }],
    },
    {
      name: 'Terraform: policy known only after apply',
      plan: tfListener({}, { ssl_policy: true }),
      errors: [{ messageId: 'unknown', resource: 'aws_lb_listener.https', path: 'planned_values.root_module.resources.0.values.ssl_policy', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: classic ELB HTTPS listener without a listener policy',
      plan: plan({ address: 'aws_elb.portal', values: { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 443, instance_protocol: 'https', ssl_certificate_id: 'arn:aws:acm:us-east-1:111122223333:certificate/1' }] } }),
      errors: [{ messageId: 'classicDefaultPolicy', resource: 'aws_elb.portal', path: 'planned_values.root_module.resources.0.values.listener.0.lb_protocol', line: 15 }],
    },
    {
      name: 'Terraform: SSL negotiation policy enables TLSv1.1',
      plan: plan({
        address: 'aws_load_balancer_policy.tls',
        values: { load_balancer_name: 'portal', policy_name: 'tls', policy_type_name: 'SSLNegotiationPolicyType', policy_attribute: [{ name: 'Protocol-TLSv1.1', value: 'true' }] },
      }),
      errors: [{ messageId: 'weakProtocol', resource: 'aws_load_balancer_policy.tls', path: 'planned_values.root_module.resources.0.values.policy_attribute.0.value', line: 18 }],
    },
  ],
});
