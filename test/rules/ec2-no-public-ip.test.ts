import rule from '../../rules/public-exposure/ec2-no-public-ip';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const head = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
`;
const subnet = (map: string) => `  AppSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-12345678
      CidrBlock: 10.0.1.0/24
      MapPublicIpOnLaunch: ${map}
`;
const instance = (props: string) => `  RecordsHost:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
${props}`;
const nic = (associate: string) => `      NetworkInterfaces:
        - DeviceIndex: '0'
          SubnetId: subnet-12345678
          AssociatePublicIpAddress: ${associate}
`;

const tfSubnet = (map: boolean) => ({ address: 'aws_subnet.app', values: { cidr_block: '10.0.1.0/24', map_public_ip_on_launch: map } });
const tfInstance = (values: Record<string, unknown>, unknown: Record<string, unknown> = {}) => ({
  address: 'aws_instance.records',
  values: { ami: 'ami-12345678', ...values },
  unknown: { subnet_id: true, ...unknown },
  refs: { subnet_id: ['aws_subnet.app.id', 'aws_subnet.app'] },
});

testRule(rule, {
  valid: [
    { name: 'interface without a public address', yaml: head + instance(nic('false')) },
    { name: 'private subnet of the template', yaml: head + subnet('false') + instance('      SubnetId: !Ref AppSubnet\n') },
    { name: 'explicit false overrides a public subnet', yaml: head + subnet('true') + instance(nic('false')) },
    { name: 'launch template without public address', yaml: head + "  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        NetworkInterfaces:\n          - DeviceIndex: 0\n            AssociatePublicIpAddress: false\n" },
    { name: 'ECS service with public IPs disabled', yaml: head + '  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          AssignPublicIp: DISABLED\n          Subnets: [subnet-1]\n' },
    { name: 'Terraform: computed address in a private subnet', plan: plan(tfSubnet(false), tfInstance({}, { associate_public_ip_address: true })) },
    { name: 'Terraform: explicit false', plan: plan(tfInstance({ associate_public_ip_address: false, subnet_id: 'subnet-123' })) },
  ],
  invalid: [
    {
      name: 'interface asks for a public address',
      yaml: head + instance(nic('true')),
      errors: [{ messageId: 'publicIp', resource: 'RecordsHost', path: 'Resources.RecordsHost.Properties.NetworkInterfaces.0.AssociatePublicIpAddress', line: 13 }],
    },
    {
      name: 'instance in a subnet that maps public addresses',
      yaml: head + subnet('true') + instance('      SubnetId: !Ref AppSubnet\n'),
      errors: [{ messageId: 'publicSubnet', resource: 'RecordsHost', path: 'Resources.RecordsHost.Properties.SubnetId', line: 16 }],
    },
    {
      name: 'launch configuration with a public address',
      yaml: head + '  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.micro\n      AssociatePublicIpAddress: true\n',
      errors: [{ messageId: 'publicIp', resource: 'Lc', path: 'Resources.Lc.Properties.AssociatePublicIpAddress', line: 11 }],
    },
    {
      name: 'ECS service gives tasks public addresses',
      yaml: head + '  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          AssignPublicIp: ENABLED\n          Subnets: [subnet-1]\n',
      errors: [{ messageId: 'publicTask', resource: 'Svc', path: 'Resources.Svc.Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp', line: 11 }],
    },
    {
      name: 'interface flag from a parameter without default is unknown',
      yaml: head + instance(nic('!Ref Open')),
      errors: [{ messageId: 'unknown', resource: 'RecordsHost', path: 'Resources.RecordsHost.Properties.NetworkInterfaces.0.AssociatePublicIpAddress', line: 13, status: 'unknown' }],
    },
    {
      name: 'SAM template: launch template with a public address',
      sam: "Transform: AWS::Serverless-2016-10-31\nResources:\n  Tpl:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        NetworkInterfaces:\n          - DeviceIndex: 0\n            AssociatePublicIpAddress: true\n",
      errors: [{ messageId: 'publicIp', resource: 'Tpl', path: 'Resources.Tpl.Properties.LaunchTemplateData.NetworkInterfaces.0.AssociatePublicIpAddress', line: 9 }],
    },
    {
      name: 'Terraform: instance asks for a public address',
      plan: plan(tfInstance({ associate_public_ip_address: true, subnet_id: 'subnet-123' })),
      errors: [{ messageId: 'publicIp', resource: 'aws_instance.records', path: 'planned_values.root_module.resources.0.values.associate_public_ip_address', line: 13 }],
    },
    {
      name: 'Terraform: computed address in a public subnet',
      plan: plan(tfSubnet(true), tfInstance({}, { associate_public_ip_address: true })),
      errors: [{ messageId: 'publicSubnet', resource: 'aws_instance.records', path: 'planned_values.root_module.resources.1.values.subnet_id', line: 21 }],
    },
    {
      name: 'Terraform: computed address, subnet outside the plan',
      plan: plan({ address: 'aws_instance.records', values: { ami: 'ami-12345678', subnet_id: 'subnet-123' }, unknown: { associate_public_ip_address: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_instance.records', path: 'planned_values.root_module.resources.0.values.associate_public_ip_address', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: launch template interface with a public address',
      plan: plan({ address: 'aws_launch_template.app', values: { name: 'app', network_interfaces: [{ associate_public_ip_address: 'true' }] } }),
      errors: [{ messageId: 'publicIp', resource: 'aws_launch_template.app', path: 'planned_values.root_module.resources.0.values.network_interfaces.0.associate_public_ip_address', line: 15 }],
    },
  ],
});
