import { defineRule, expect, isTrue, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';
import { asUnknown, isTerraform } from '../kit';

const TLS_POLICY = 'Policy-Min-TLS-1-2-PFS-2023-10';
const isTls12Policy = (v: unknown) => typeof v === 'string' && /^Policy-Min-TLS-1-[23]-/.test(v);

export default defineRule({
  id: 'opensearch-https-and-node-to-node',
  title: 'OpenSearch domain that may index PHI allows clear-text or pre-TLS 1.2 traffic',
  category: 'encryption-in-transit',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['opensearch-https-and-node-to-node'],
  appliesTo: {
    cloudformation: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
    terraform: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  },
  responsibility: {
    aws: 'OpenSearch Service encrypts traffic between nodes and serves the domain endpoint over TLS when these options are enabled.',
    customer: 'Enable node-to-node encryption, require HTTPS on the endpoint and pick a TLS security policy whose minimum is TLS 1.2.',
  },
  messages: {
    nodeToNodeOff: 'Domain {resource} does not encrypt traffic between its nodes (NodeToNodeEncryptionOptions.Enabled is not true); indexed PHI moves between nodes in clear text.',
    httpsNotEnforced: 'Domain {resource} accepts plain HTTP on its endpoint (DomainEndpointOptions.EnforceHTTPS is not true).',
    weakTlsPolicy: 'Domain {resource} accepts TLS 1.0 and 1.1 (TLSSecurityPolicy is not a Policy-Min-TLS-1-2 policy; the default is Policy-Min-TLS-1-0-2019-07).',
    unknown: 'Transport encryption of domain {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    nodeToNodeOff: 'Domain {resource} does not encrypt traffic between its nodes (node_to_node_encryption.enabled is not true); indexed PHI moves between nodes in clear text.',
    httpsNotEnforced: 'Domain {resource} accepts plain HTTP on its endpoint (domain_endpoint_options.enforce_https is not true).',
    weakTlsPolicy: 'Domain {resource} accepts TLS 1.0 and 1.1 (domain_endpoint_options.tls_security_policy is not a Policy-Min-TLS-1-2 policy; the default is Policy-Min-TLS-1-0-2019-07).',
  },
  check(domain: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(domain);
    const paths = tf
      ? { n2n: ['node_to_node_encryption', 0, 'enabled'], https: ['domain_endpoint_options', 0, 'enforce_https'], policy: ['domain_endpoint_options', 0, 'tls_security_policy'] }
      : { n2n: ['NodeToNodeEncryptionOptions', 'Enabled'], https: ['DomainEndpointOptions', 'EnforceHTTPS'], policy: ['DomainEndpointOptions', 'TLSSecurityPolicy'] };
    return [
      ...expect(ctx, domain, paths.n2n, isTrue, { messageId: 'nodeToNodeOff', fixes: setFix(domain, paths.n2n, true, 'Encrypt node-to-node traffic') }),
      ...expect(ctx, domain, paths.https, isTrue, { messageId: 'httpsNotEnforced', fixes: setFix(domain, paths.https, true, 'Require HTTPS') }),
      ...expect(ctx, domain, paths.policy, isTls12Policy, { messageId: 'weakTlsPolicy', fixes: setFix(domain, paths.policy, TLS_POLICY, `Use ${TLS_POLICY}`) }),
    ].map(asUnknown);
  },
});
