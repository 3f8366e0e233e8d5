import rule from '../../rules/network/vpc-default-sg-closed';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const vpc = (extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ClinicalVpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
${extra}`;

const tfVpc = { address: 'aws_vpc.clinical', values: { cidr_block: '10.0.0.0/16' } };
const tfDefault = (rules: Record<string, unknown> = {}) => ({ address: 'aws_default_security_group.clinical', values: { ingress: [], egress: [], ...rules }, refs: { vpc_id: ['aws_vpc.clinical.id', 'aws_vpc.clinical'] } });

testRule(rule, {
  valid: [
    {
      name: 'a custom resource receives the default group to close it',
      yaml: vpc(`  RestrictDefaultSg:
    Type: Custom::VpcRestrictDefaultSG
    Properties:
      ServiceToken: arn:aws:lambda:us-east-1:111122223333:function:restrict-default-sg
      DefaultSecurityGroupId: !GetAtt ClinicalVpc.DefaultSecurityGroup
`),
    },
    { name: 'Terraform: default group managed without rules', plan: plan(tfVpc, tfDefault()) },
  ],
  invalid: [
    {
      name: 'VPC with the default group untouched',
      yaml: vpc(),
      errors: [{ messageId: 'defaultSgOpen', resource: 'ClinicalVpc', path: 'Resources.ClinicalVpc', line: 3 }],
    },
    {
      name: 'a rule is added to the default group',
      yaml: vpc(`  OpenDefault:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt ClinicalVpc.DefaultSecurityGroup
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 10.0.0.0/8
`),
      errors: [{ messageId: 'rulesAddedToDefault', resource: 'OpenDefault', path: 'Resources.OpenDefault.Properties.GroupId', line: 10 }],
    },
    {
      name: 'Terraform: VPC without aws_default_security_group',
      plan: plan(tfVpc),
      errors: [{ messageId: 'unmanagedDefaultSg', resource: 'aws_vpc.clinical', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: default group keeps an ingress rule',
      plan: plan(tfVpc, tfDefault({ ingress: [{ protocol: '-1', from_port: 0, to_port: 0, self: true }] })),
      errors: [{ messageId: 'defaultSgRules', resource: 'aws_default_security_group.clinical', path: 'planned_values.root_module.resources.1.values.ingress', line: 21 }],
    },
  ],
});
