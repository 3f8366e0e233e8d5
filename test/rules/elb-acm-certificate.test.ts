import rule from '../../rules/encryption-in-transit/elb-acm-certificate';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const listener = (certificate: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/portal/1
      Port: 443
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates:
        - CertificateArn: ${certificate}
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1
${extra}`;

const certificate = `  PortalCertificate:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: portal.example.com
      ValidationMethod: DNS
`;

const classic = (certificate: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Portal:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '443'
          Protocol: HTTPS
          SSLCertificateId: ${certificate}
`;

const IAM_CERT = 'arn:aws:iam::111122223333:server-certificate/portal';

testRule(rule, {
  valid: [
    { name: 'ACM ARN', yaml: listener('arn:aws:acm:us-east-1:111122223333:certificate/1') },
    { name: 'reference to an ACM certificate of the template', yaml: listener('!Ref PortalCertificate', certificate) },
    { name: 'Classic: ACM ARN', yaml: classic('arn:aws:acm:us-east-1:111122223333:certificate/1') },
    {
      name: 'Terraform: certificate_arn references aws_acm_certificate',
      plan: plan(
        { address: 'aws_acm_certificate.portal', values: { domain_name: 'portal.example.com' } },
        { address: 'aws_lb_listener.https', values: { port: 443, protocol: 'HTTPS' }, unknown: { certificate_arn: true }, refs: { certificate_arn: ['aws_acm_certificate.portal.arn', 'aws_acm_certificate.portal'] } },
      ),
    },
  ],
  invalid: [
    {
      name: 'IAM server certificate',
      yaml: listener(IAM_CERT),
      errors: [{ messageId: 'iamCertificate', resource: 'HttpsListener', path: 'Resources.HttpsListener.Properties.Certificates.0.CertificateArn', line: 14 }],
    },
    {
      name: 'Classic: IAM server certificate',
      yaml: classic(IAM_CERT),
      errors: [{ messageId: 'iamCertificate', resource: 'Portal', path: 'Resources.Portal.Properties.Listeners.0.SSLCertificateId', line: 10 }],
    },
    {
      name: 'certificate from a parameter without default is unknown',
      yaml: listener('!Ref Open'),
      errors: [{ messageId: 'unknown', resource: 'HttpsListener', path: 'Resources.HttpsListener.Properties.Certificates.0.CertificateArn', line: 14, status: 'unknown' }],
    },
    {
      name: 'Terraform: IAM server certificate',
      plan: plan({ address: 'aws_lb_listener.https', values: { port: 443, protocol: 'HTTPS', certificate_arn: IAM_CERT } }),
      errors: [{ messageId: 'iamCertificate', resource: 'aws_lb_listener.https', path: 'planned_values.root_module.resources.0.values.certificate_arn', line: 14 }],
    },
  ],
});
