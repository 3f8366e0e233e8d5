import { defineRule, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, possible, targetPath, unknownAt } from '../kit';

export default defineRule({
  id: 'opensearch-in-vpc',
  title: 'OpenSearch domain that may hold PHI has a public endpoint',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['opensearch-in-vpc'],
  appliesTo: {
    cloudformation: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
    terraform: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  },
  responsibility: {
    aws: 'A domain without VPC options gets an internet endpoint protected only by its access policy and, if enabled, fine-grained access control.',
    customer: 'Create domains inside a VPC (VPCOptions with private subnets and security groups) and keep access policies scoped to named principals.',
  },
  messages: {
    publicDomain: 'Domain {resource} has no VPCOptions subnets, so its endpoint is on the internet and only the access policy stands in front of the indexed records.',
    unknown: 'Whether domain {resource} runs inside a VPC cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    publicDomain: 'Domain {resource} has no vpc_options.subnet_ids, so its endpoint is on the internet and only the access policy stands in front of the indexed records.',
  },
  limits: 'The access policy and fine-grained access control of a public domain are not judged here.',
  check(domain: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(domain);
    const rel = tf ? ['vpc_options', 0, 'subnet_ids'] : ['VPCOptions', 'SubnetIds'];
    const lookup = ctx.get(domain, rel);
    const p = possible(lookup.resolved);
    const nonEmpty = p.values.filter((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== ''));
    if (nonEmpty.length && nonEmpty.length === p.values.length && !p.absent) return p.unknown ? [unknownAt(lookup.path, p.unknown)] : [];
    if (p.unknown && p.values.length === 0 && !p.absent) return [unknownAt(lookup.path, p.unknown)];
    return [{ status: 'fail', path: targetPath(domain, lookup, rel), messageId: 'publicDomain', fixes: vpcFix(domain) }];
  },
});

function vpcFix(domain: Resource): FixIntent[] {
  if (isTerraform(domain)) return [];
  return [
    {
      title: 'Place the domain in private subnets (replaces the domain: a public domain cannot move into a VPC)',
      safe: false,
      consequence: 'replaces the domain: a public domain cannot move into a VPC',
      edits: [
        { op: 'set', path: [...domain.propertiesPath, 'VPCOptions', 'SubnetIds'], value: { newParameter: { name: 'SearchSubnetIds', type: 'List<AWS::EC2::Subnet::Id>', description: 'Private subnets for the search domain' } } },
        { op: 'set', path: [...domain.propertiesPath, 'VPCOptions', 'SecurityGroupIds'], value: { newParameter: { name: 'SearchSecurityGroupIds', type: 'List<AWS::EC2::SecurityGroup::Id>', description: 'Security groups for the search domain' } } },
      ],
    },
  ];
}
