import rule from '../../rules/encryption-in-transit/api-gateway-domain-tls12';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const rest = (policy: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  PortalDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1
${policy}`;

const v2 = (policy: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PortalDomain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: api.example.com
      DomainNameConfigurations:
        - CertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1
${policy}`;

const sam = (domain: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  RecordsApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
${domain}`;

testRule(rule, {
  valid: [
    { name: 'REST domain with TLS_1_2', yaml: rest('      SecurityPolicy: TLS_1_2\n') },
    { name: 'REST domain with an enhanced TLS 1.3 policy', yaml: rest('      SecurityPolicy: SecurityPolicy_TLS13_1_3_2025_09\n') },
    { name: 'v2 domain without a policy defaults to TLS 1.2', yaml: v2('') },
    { name: 'SAM API without a custom domain', sam: sam('') },
    { name: 'SAM API domain with TLS_1_2', sam: sam('      Domain:\n        DomainName: api.example.com\n        CertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1\n        SecurityPolicy: TLS_1_2\n') },
    { name: 'Terraform: TLS_1_2', plan: plan({ address: 'aws_api_gateway_domain_name.portal', values: { domain_name: 'api.example.com', security_policy: 'TLS_1_2' } }) },
  ],
  invalid: [
    {
      name: 'REST domain without a policy defaults to TLS 1.0',
      yaml: rest(''),
      errors: [{ messageId: 'defaultTls10', resource: 'PortalDomain', path: 'Resources.PortalDomain.Properties.SecurityPolicy', line: 8 }],
    },
    {
      name: 'REST domain with TLS_1_0',
      yaml: rest('      SecurityPolicy: TLS_1_0\n'),
      errors: [{ messageId: 'tls10', resource: 'PortalDomain', path: 'Resources.PortalDomain.Properties.SecurityPolicy', line: 11 }],
    },
    {
      name: 'policy from a parameter without default is unknown',
      yaml: rest('      SecurityPolicy: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'PortalDomain', path: 'Resources.PortalDomain.Properties.SecurityPolicy', line: 11, status: 'unknown' }],
    },
    {
      name: 'v2 domain with TLS_1_0',
      yaml: v2('          SecurityPolicy: TLS_1_0\n'),
      errors: [{ messageId: 'tls10', resource: 'PortalDomain', path: 'Resources.PortalDomain.Properties.DomainNameConfigurations.0.SecurityPolicy', line: 9 }],
    },
    {
      name: 'SAM API domain without a policy',
      sam: sam('      Domain:\n        DomainName: api.example.com\n        CertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1\n'),
      errors: [{ messageId: 'defaultTls10', resource: 'RecordsApi', path: 'Resources.RecordsApi.Properties.Domain.SecurityPolicy', line: 7 }],
    },
    {
      name: 'Terraform: TLS_1_0',
      plan: plan({ address: 'aws_api_gateway_domain_name.portal', values: { domain_name: 'api.example.com', security_policy: 'TLS_1_0' } }),
      errors: [{ messageId: 'tls10', resource: 'aws_api_gateway_domain_name.portal', path: 'planned_values.root_module.resources.0.values.security_policy', line: 13 }],
    },
    {
      name: 'Terraform: v2 domain with TLS_1_0',
      plan: plan({ address: 'aws_apigatewayv2_domain_name.portal', values: { domain_name: 'api.example.com', domain_name_configuration: [{ endpoint_type: 'REGIONAL', security_policy: 'TLS_1_0' }] } }),
      errors: [{ messageId: 'tls10', resource: 'aws_apigatewayv2_domain_name.portal', path: 'planned_values.root_module.resources.0.values.domain_name_configuration.0.security_policy', line: 16 }],
    },
  ],
});
