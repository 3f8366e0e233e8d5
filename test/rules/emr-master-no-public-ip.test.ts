import rule from '../../rules/public-exposure/emr-master-no-public-ip';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (subnetExtra: string, instances: string, more = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  AnalyticsSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-12345678
      CidrBlock: 10.0.2.0/24
${subnetExtra}  Analytics:
    Type: AWS::EMR::Cluster
    Properties:
      Name: analytics
      ReleaseLabel: emr-7.1.0
      JobFlowRole: EMR_EC2_DefaultRole
      ServiceRole: EMR_DefaultRole
      Instances:
${instances}${more}`;

const inSubnet = '        Ec2SubnetId: !Ref AnalyticsSubnet\n';
const igwRoute = `  Gateway:
    Type: AWS::EC2::InternetGateway
  Routes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: vpc-12345678
  RoutesAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref AnalyticsSubnet
      RouteTableId: !Ref Routes
  DefaultRoute:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref Routes
      DestinationCidrBlock: 0.0.0.0/0
      GatewayId: !Ref Gateway
`;

const tf = (map: boolean) =>
  plan(
    { address: 'aws_subnet.analytics', values: { cidr_block: '10.0.2.0/24', map_public_ip_on_launch: map } },
    { address: 'aws_emr_cluster.analytics', values: { name: 'analytics', ec2_attributes: [{ instance_profile: 'emr' }] }, unknown: { ec2_attributes: [{ subnet_id: true }] }, refs: { ec2_attributes: ['aws_subnet.analytics.id', 'aws_subnet.analytics'] } },
  );

testRule(rule, {
  valid: [
    { name: 'private subnet of the template', yaml: template('      MapPublicIpOnLaunch: false\n', inSubnet) },
    { name: 'Terraform: private subnet of the plan', plan: tf(false) },
    { name: 'subnet list of private subnets', yaml: template('', '        Ec2SubnetIds:\n          - !Ref AnalyticsSubnet\n') },
  ],
  invalid: [
    {
      name: 'subnet assigns public addresses',
      yaml: template('      MapPublicIpOnLaunch: true\n', inSubnet),
      errors: [{ messageId: 'publicSubnet', resource: 'Analytics', path: 'Resources.Analytics.Properties.Instances.Ec2SubnetId', line: 20 }],
    },
    {
      name: 'subnet routes to an internet gateway',
      yaml: template('', inSubnet, igwRoute),
      errors: [{ messageId: 'publicSubnet', resource: 'Analytics', path: 'Resources.Analytics.Properties.Instances.Ec2SubnetId', line: 19 }],
    },
    {
      name: 'no subnet: default VPC',
      yaml: template('', '        KeepJobFlowAliveWhenNoSteps: true\n'),
      errors: [{ messageId: 'noSubnet', resource: 'Analytics', path: 'Resources.Analytics.Properties.Instances.Ec2SubnetId', line: 18 }],
    },
    {
      name: 'subnet from a parameter without default is unknown',
      yaml: template('', '        Ec2SubnetId: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'Analytics', path: 'Resources.Analytics.Properties.Instances.Ec2SubnetId', line: 19, status: 'unknown' }],
    },
    {
      name: 'SAM template: literal subnet outside the file is unknown',
      sam: template('', '        Ec2SubnetId: subnet-12345678\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'unknown', resource: 'Analytics', path: 'Resources.Analytics.Properties.Instances.Ec2SubnetId', line: 19, status: 'unknown' }],
    },
    {
      name: 'Terraform: cluster in a subnet that assigns public addresses',
      plan: tf(true),
      errors: [{ messageId: 'publicSubnet', resource: 'aws_emr_cluster.analytics', path: 'planned_values.root_module.resources.1.values.ec2_attributes.0.subnet_id', line: 24 }],
    },
  ],
});
