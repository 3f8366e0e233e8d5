import rule from '../../rules/encryption-in-transit/opensearch-https-and-node-to-node';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const domain = (type: string, options: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  ClinicalSearch:
    Type: ${type}
    Properties:
      EncryptionAtRestOptions:
        Enabled: true
${options}`;

const secure = (policy = 'Policy-Min-TLS-1-2-PFS-2023-10', https = 'true') => `      NodeToNodeEncryptionOptions:
        Enabled: true
      DomainEndpointOptions:
        EnforceHTTPS: ${https}
        TLSSecurityPolicy: ${policy}
`;

const tf = (values: Record<string, unknown>) => plan({ address: 'aws_opensearch_domain.clinical', values: { domain_name: 'clinical', ...values } });

testRule(rule, {
  valid: [
    { name: 'OpenSearch with node-to-node, HTTPS and TLS 1.2', yaml: domain('AWS::OpenSearchService::Domain', secure()) },
    { name: 'legacy Elasticsearch domain with TLS 1.2 policy', yaml: domain('AWS::Elasticsearch::Domain', secure('Policy-Min-TLS-1-2-2019-07')) },
    {
      name: 'Terraform: all three set',
      plan: tf({ node_to_node_encryption: [{ enabled: true }], domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10' }] }),
    },
  ],
  invalid: [
    {
      name: 'nothing set',
      yaml: domain('AWS::OpenSearchService::Domain', ''),
      errors: [
        { messageId: 'nodeToNodeOff', resource: 'ClinicalSearch', path: 'Resources.ClinicalSearch.Properties.NodeToNodeEncryptionOptions.Enabled', line: 8 },
        { messageId: 'httpsNotEnforced', resource: 'ClinicalSearch', path: 'Resources.ClinicalSearch.Properties.DomainEndpointOptions.EnforceHTTPS', line: 8 },
        { messageId: 'weakTlsPolicy', resource: 'ClinicalSearch', path: 'Resources.ClinicalSearch.Properties.DomainEndpointOptions.TLSSecurityPolicy', line: 8 },
      ],
    },
    {
      name: 'TLS 1.0 policy',
      yaml: domain('AWS::OpenSearchService::Domain', secure('Policy-Min-TLS-1-0-2019-07')),
      errors: [{ messageId: 'weakTlsPolicy', resource: 'ClinicalSearch', path: 'Resources.ClinicalSearch.Properties.DomainEndpointOptions.TLSSecurityPolicy', line: 15 }],
    },
    {
      name: 'EnforceHTTPS from a parameter without default is unknown',
      yaml: domain('AWS::Elasticsearch::Domain', secure(undefined, '!Ref Open')),
      errors: [{ messageId: 'unknown', resource: 'ClinicalSearch', path: 'Resources.ClinicalSearch.Properties.DomainEndpointOptions.EnforceHTTPS', line: 14, status: 'unknown' }],
    },
    {
      name: 'Terraform: HTTPS not enforced',
      plan: tf({ node_to_node_encryption: [{ enabled: true }], domain_endpoint_options: [{ enforce_https: false, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }] }),
      errors: [{ messageId: 'httpsNotEnforced', resource: 'aws_opensearch_domain.clinical', path: 'planned_values.root_module.resources.0.values.domain_endpoint_options.0.enforce_https', line: 20 }],
    },
  ],
});
