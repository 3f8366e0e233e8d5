import rule from '../../rules/network/waf-on-public-entry-points';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const alb = (props: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PortalAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
${props}${extra}`;

const dropHeaders = '      LoadBalancerAttributes:\n        - Key: routing.http.drop_invalid_header_fields.enabled\n          Value: "true"\n';
const association = (target: string) => `  PortalWaf:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: ${target}
      WebACLArn: arn:aws:wafv2:us-east-1:111122223333:regional/webacl/portal/1
`;

const stage = (apiProps: string, extra: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  RecordsApi:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: records
${apiProps}  ProdStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref RecordsApi
      StageName: prod
      DeploymentId: abc123
${extra}`;

const samApi = (extra: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  RecordsApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
${extra}`;

const tfLb = (values: Record<string, unknown>, waf: boolean) =>
  plan(
    { address: 'aws_lb.portal', values: { name: 'portal', internal: false, load_balancer_type: 'application', ...values } },
    ...(waf ? [{ address: 'aws_wafv2_web_acl_association.portal', values: { web_acl_arn: 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/portal/1' }, unknown: { resource_arn: true }, refs: { resource_arn: ['aws_lb.portal.arn', 'aws_lb.portal'] } }] : []),
  );

testRule(rule, {
  valid: [
    { name: 'ALB with a web ACL and invalid headers dropped', yaml: alb(dropHeaders, association('!Ref PortalAlb')) },
    { name: 'internal ALB', yaml: alb('      Scheme: internal\n') },
    { name: 'network load balancer', yaml: alb('      Type: network\n') },
    { name: 'stage with a web ACL on its ARN', yaml: stage('', association("!Sub 'arn:aws:apigateway:${AWS::Region}::/restapis/${RecordsApi}/stages/prod'")) },
    { name: 'private API', yaml: stage('      EndpointConfiguration:\n        Types: [PRIVATE]\n', '') },
    { name: 'SAM API with a web ACL', sam: samApi(association("!Sub 'arn:aws:apigateway:${AWS::Region}::/restapis/${RecordsApi}/stages/${RecordsApi.Stage}'")) },
    { name: 'Terraform: ALB with a web ACL and invalid headers dropped', plan: tfLb({ drop_invalid_header_fields: true }, true) },
  ],
  invalid: [
    {
      name: 'internet-facing ALB without a web ACL',
      yaml: alb(dropHeaders),
      errors: [{ messageId: 'noWaf', resource: 'PortalAlb', path: 'Resources.PortalAlb', line: 3 }],
    },
    {
      name: 'ALB keeps invalid header fields',
      yaml: alb('', association('!Ref PortalAlb')),
      errors: [{ messageId: 'invalidHeadersKept', resource: 'PortalAlb', path: 'Resources.PortalAlb.Properties.LoadBalancerAttributes', line: 5 }],
    },
    {
      name: 'ALB drop setting is false',
      yaml: alb(dropHeaders.replace('"true"', '"false"'), association('!Ref PortalAlb')),
      errors: [{ messageId: 'invalidHeadersKept', resource: 'PortalAlb', path: 'Resources.PortalAlb.Properties.LoadBalancerAttributes.0.Value', line: 9 }],
    },
    {
      name: 'public stage without a web ACL',
      yaml: stage('', ''),
      errors: [{ messageId: 'noWaf', resource: 'ProdStage', path: 'Resources.ProdStage', line: 7 }],
    },
    {
      name: 'SAM API without a web ACL',
      sam: samApi(''),
      errors: [{ messageId: 'noWaf', resource: 'RecordsApi', path: 'Resources.RecordsApi', line: 3 }],
    },
    {
      name: 'Terraform: ALB without a web ACL or header dropping',
      plan: tfLb({}, false),
      errors: [
        { messageId: 'noWaf', resource: 'aws_lb.portal', path: 'planned_values.root_module.resources.0', line: 6 },
        { messageId: 'invalidHeadersKept', resource: 'aws_lb.portal', path: 'planned_values.root_module.resources.0.values.drop_invalid_header_fields', line: 11 },
      ],
    },
  ],
});
