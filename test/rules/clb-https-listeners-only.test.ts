import rule from '../../rules/encryption-in-transit/clb-https-listeners-only';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const lb = (protocol: string, instanceProtocol: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  Portal:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '443'
          Protocol: ${protocol}
          InstanceProtocol: ${instanceProtocol}
          SSLCertificateId: arn:aws:acm:us-east-1:111122223333:certificate/1
`;

const tf = (lbProtocol: string, instanceProtocol: string) => plan({ address: 'aws_elb.portal', values: { listener: [{ lb_port: 443, lb_protocol: lbProtocol, instance_port: 443, instance_protocol: instanceProtocol }] } });

testRule(rule, {
  valid: [
    { name: 'HTTPS end to end', yaml: lb('HTTPS', 'HTTPS') },
    { name: 'SSL end to end', yaml: lb('SSL', 'SSL') },
    { name: 'Terraform: https end to end', plan: tf('https', 'https') },
  ],
  invalid: [
    {
      name: 'HTTP listener',
      yaml: lb('HTTP', 'HTTP'),
      errors: [{ messageId: 'clearTextListener', resource: 'Portal', path: 'Resources.Portal.Properties.Listeners.0.Protocol', line: 12 }],
    },
    {
      name: 'TCP listener',
      yaml: lb('TCP', 'TCP'),
      errors: [{ messageId: 'clearTextListener', resource: 'Portal', path: 'Resources.Portal.Properties.Listeners.0.Protocol', line: 12 }],
    },
    {
      name: 'TLS terminated at the load balancer, HTTP to the instances',
      yaml: lb('HTTPS', 'HTTP'),
      errors: [{ messageId: 'clearTextBackend', resource: 'Portal', path: 'Resources.Portal.Properties.Listeners.0.InstanceProtocol', line: 13 }],
    },
    {
      name: 'protocol from a parameter without default is unknown',
      yaml: lb('!Ref Open', 'HTTPS'),
      errors: [{ messageId: 'unknown', resource: 'Portal', path: 'Resources.Portal.Properties.Listeners.0.Protocol', line: 12, status: 'unknown' }],
    },
    {
      name: 'Terraform: http listener',
      plan: tf('http', 'http'),
      errors: [{ messageId: 'clearTextListener', resource: 'aws_elb.portal', path: 'planned_values.root_module.resources.0.values.listener.0.lb_protocol', line: 15 }],
    },
  ],
});
