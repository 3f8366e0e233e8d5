import rule from '../../rules/encryption-in-transit/cloudfront-https-only';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const distribution = (opts: { viewer?: string; behaviors?: string; certificate?: string; origin?: string } = {}) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  PortalCdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: app
            DomainName: app.example.com
            CustomOriginConfig:
${opts.origin ?? '              OriginProtocolPolicy: https-only\n              OriginSSLProtocols: [TLSv1.2]\n'}        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: ${opts.viewer ?? 'redirect-to-https'}
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
${opts.behaviors ?? ''}${opts.certificate ?? ''}`;

const certificate = (minimum: string) => `        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1
          SslSupportMethod: sni-only
${minimum}`;

const tf = (overrides: Record<string, unknown> = {}) =>
  plan({
    address: 'aws_cloudfront_distribution.portal',
    values: {
      enabled: true,
      origin: [{ origin_id: 'app', domain_name: 'app.example.com', custom_origin_config: [{ origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'], http_port: 80, https_port: 443 }] }],
      default_cache_behavior: [{ target_origin_id: 'app', viewer_protocol_policy: 'https-only' }],
      ordered_cache_behavior: [],
      viewer_certificate: [{ cloudfront_default_certificate: true }],
      ...overrides,
    },
  });

testRule(rule, {
  valid: [
    { name: 'redirect to HTTPS, HTTPS-only origin', yaml: distribution() },
    { name: 'custom certificate with TLSv1.2_2021', yaml: distribution({ certificate: certificate('          MinimumProtocolVersion: TLSv1.2_2021\n') }) },
    { name: 'extra behavior serving HTTPS only', yaml: distribution({ behaviors: '        CacheBehaviors:\n          - PathPattern: /api/*\n            TargetOriginId: app\n            ViewerProtocolPolicy: https-only\n' }) },
    { name: 'Terraform: HTTPS only with the default certificate', plan: tf() },
  ],
  invalid: [
    {
      name: 'default behavior allows HTTP',
      yaml: distribution({ viewer: 'allow-all' }),
      errors: [{ messageId: 'viewerHttpAllowed', resource: 'PortalCdn', path: 'Resources.PortalCdn.Properties.DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy', line: 19 }],
    },
    {
      name: 'extra behavior allows HTTP',
      yaml: distribution({ behaviors: '        CacheBehaviors:\n          - PathPattern: /api/*\n            TargetOriginId: app\n            ViewerProtocolPolicy: allow-all\n' }),
      errors: [{ messageId: 'viewerHttpAllowed', resource: 'PortalCdn', path: 'Resources.PortalCdn.Properties.DistributionConfig.CacheBehaviors.0.ViewerProtocolPolicy', line: 24 }],
    },
    {
      name: 'custom certificate without a minimum protocol version',
      yaml: distribution({ certificate: certificate('') }),
      errors: [{ messageId: 'weakViewerTls', resource: 'PortalCdn', path: 'Resources.PortalCdn.Properties.DistributionConfig.ViewerCertificate.MinimumProtocolVersion', line: 21 }],
    },
    {
      name: 'custom certificate with TLSv1.1_2016',
      yaml: distribution({ certificate: certificate('          MinimumProtocolVersion: TLSv1.1_2016\n') }),
      errors: [{ messageId: 'weakViewerTls', resource: 'PortalCdn', path: 'Resources.PortalCdn.Properties.DistributionConfig.ViewerCertificate.MinimumProtocolVersion', line: 24 }],
    },
    {
      name: 'origin over plain HTTP',
      yaml: distribution({ origin: '              OriginProtocolPolicy: http-only\n' }),
      errors: [{ messageId: 'originHttp', resource: 'PortalCdn', path: 'Resources.PortalCdn.Properties.DistributionConfig.Origins.0.CustomOriginConfig.OriginProtocolPolicy', line: 15 }],
    },
    {
      name: 'origin may use TLS 1.0',
      yaml: distribution({ origin: '              OriginProtocolPolicy: https-only\n              OriginSSLProtocols: [TLSv1, TLSv1.2]\n' }),
      errors: [{ messageId: 'weakOriginTls', resource: 'PortalCdn', path: 'Resources.PortalCdn.Properties.DistributionConfig.Origins.0.CustomOriginConfig.OriginSSLProtocols', line: 16 }],
    },
    {
      name: 'viewer policy from a parameter without default is unknown',
      yaml: distribution({ viewer: '!Ref Open' }),
      errors: [{ messageId: 'unknown', resource: 'PortalCdn', path: 'Resources.PortalCdn.Properties.DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy', line: 19, status: 'unknown' }],
    },
    {
      name: 'Terraform: default behavior allows HTTP',
      plan: tf({ default_cache_behavior: [{ target_origin_id: 'app', viewer_protocol_policy: 'allow-all' }] }),
      errors: [{ messageId: 'viewerHttpAllowed', resource: 'aws_cloudfront_distribution.portal', path: 'planned_values.root_module.resources.0.values.default_cache_behavior.0.viewer_protocol_policy', line: 32 }],
    },
    {
      name: 'Terraform: custom certificate with TLSv1',
      plan: tf({ viewer_certificate: [{ acm_certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/1', minimum_protocol_version: 'TLSv1', ssl_support_method: 'sni-only' }] }),
      errors: [{ messageId: 'weakViewerTls', resource: 'aws_cloudfront_distribution.portal', path: 'planned_values.root_module.resources.0.values.viewer_certificate.0.minimum_protocol_version', line: 39 }],
    },
  ],
});
