import rule from '../../rules/public-exposure/opensearch-in-vpc';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const domain = (props: string, type = 'AWS::OpenSearchService::Domain') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  RecordsSearch:
    Type: ${type}
    Properties:
      EngineVersion: OpenSearch_2.11
${props}`;

const vpc = '      VPCOptions:\n        SubnetIds: [subnet-1, subnet-2]\n        SecurityGroupIds: [sg-1]\n';

testRule(rule, {
  valid: [
    { name: 'domain in private subnets', yaml: domain(vpc) },
    { name: 'legacy Elasticsearch domain in a VPC', yaml: domain(vpc, 'AWS::Elasticsearch::Domain') },
    { name: 'Terraform: domain with vpc_options', plan: plan({ address: 'aws_opensearch_domain.records', values: { domain_name: 'records', vpc_options: [{ subnet_ids: ['subnet-1'], security_group_ids: ['sg-1'] }] } }) },
  ],
  invalid: [
    {
      name: 'no VPCOptions: public endpoint',
      yaml: domain(''),
      errors: [{ messageId: 'publicDomain', resource: 'RecordsSearch', path: 'Resources.RecordsSearch.Properties.VPCOptions.SubnetIds', line: 8 }],
    },
    {
      name: 'VPCOptions with an empty subnet list',
      yaml: domain('      VPCOptions:\n        SubnetIds: []\n'),
      errors: [{ messageId: 'publicDomain', resource: 'RecordsSearch', path: 'Resources.RecordsSearch.Properties.VPCOptions.SubnetIds', line: 11 }],
    },
    {
      name: 'subnets from a parameter without default are unknown',
      yaml: domain('      VPCOptions:\n        SubnetIds: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'RecordsSearch', path: 'Resources.RecordsSearch.Properties.VPCOptions.SubnetIds', line: 11, status: 'unknown' }],
    },
    {
      name: 'SAM template: public legacy domain',
      sam: domain('', 'AWS::Elasticsearch::Domain').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'publicDomain', resource: 'RecordsSearch', path: 'Resources.RecordsSearch.Properties.VPCOptions.SubnetIds', line: 8 }],
    },
    {
      name: 'Terraform: domain without vpc_options',
      plan: plan({ address: 'aws_opensearch_domain.records', values: { domain_name: 'records', vpc_options: [] } }),
      errors: [{ messageId: 'publicDomain', resource: 'aws_opensearch_domain.records', path: 'planned_values.root_module.resources.0.values.vpc_options.0.subnet_ids', line: 13 }],
    },
    {
      name: 'Terraform: subnets known only after apply',
      plan: plan({ address: 'aws_elasticsearch_domain.records', values: { domain_name: 'records', vpc_options: [{}] }, unknown: { vpc_options: [{ subnet_ids: true }] } }),
      errors: [{ messageId: 'unknown', resource: 'aws_elasticsearch_domain.records', path: 'planned_values.root_module.resources.0.values.vpc_options.0.subnet_ids', line: 14, status: 'unknown' }],
    },
  ],
});
