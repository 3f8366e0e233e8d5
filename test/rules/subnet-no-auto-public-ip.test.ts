import rule from '../../rules/public-exposure/subnet-no-auto-public-ip';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const network = (map: string, hosted: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  AppSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-12345678
      CidrBlock: 10.0.1.0/24
${map}${hosted}`;

const on = '      MapPublicIpOnLaunch: true\n';
const instance = `  RecordsHost:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      SubnetId: !Ref AppSubnet
`;
const nat = `  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      SubnetId: !Ref AppSubnet
      AllocationId: eipalloc-12345678
`;
const tf = (map: unknown, unknown: Record<string, unknown> = {}) =>
  plan(
    { address: 'aws_subnet.app', values: { cidr_block: '10.0.1.0/24', ...(map === undefined ? {} : { map_public_ip_on_launch: map }) }, unknown },
    { address: 'aws_db_subnet_group.patients', values: { name: 'patients' }, unknown: { subnet_ids: true }, refs: { subnet_ids: ['aws_subnet.app.id', 'aws_subnet.app'] } },
  );

testRule(rule, {
  valid: [
    { name: 'private subnet with an instance', yaml: network('      MapPublicIpOnLaunch: false\n', instance) },
    { name: 'public subnet with only a NAT gateway', yaml: network(on, nat) },
    { name: 'public subnet hosting nothing in the template', yaml: network(on, '') },
    { name: 'Terraform: private subnet with a DB subnet group', plan: tf(false) },
  ],
  invalid: [
    {
      name: 'instance in a subnet that maps public addresses',
      yaml: network(on, instance),
      errors: [{ messageId: 'autoPublicIp', resource: 'AppSubnet', path: 'Resources.AppSubnet.Properties.MapPublicIpOnLaunch', line: 11 }],
    },
    {
      name: 'flag from a parameter without default is unknown',
      yaml: network('      MapPublicIpOnLaunch: !Ref Open\n', instance),
      errors: [{ messageId: 'unknown', resource: 'AppSubnet', path: 'Resources.AppSubnet.Properties.MapPublicIpOnLaunch', line: 11, status: 'unknown' }],
    },
    {
      name: 'SAM template: function placed in a public subnet',
      sam: network(on, `  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: print('hi')
      VpcConfig:
        SubnetIds: [!Ref AppSubnet]
        SecurityGroupIds: [sg-1]
`).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'autoPublicIp', resource: 'AppSubnet', path: 'Resources.AppSubnet.Properties.MapPublicIpOnLaunch', line: 11 }],
    },
    {
      name: 'Terraform: DB subnet group in a subnet that maps public addresses',
      plan: tf(true),
      errors: [{ messageId: 'autoPublicIp', resource: 'aws_subnet.app', path: 'planned_values.root_module.resources.0.values.map_public_ip_on_launch', line: 13 }],
    },
    {
      name: 'Terraform: flag known only after apply',
      plan: tf(undefined, { map_public_ip_on_launch: true }),
      errors: [{ messageId: 'unknown', resource: 'aws_subnet.app', path: 'planned_values.root_module.resources.0.values.map_public_ip_on_launch', line: 11, status: 'unknown' }],
    },
  ],
});
