import rule from '../../rules/network/no-unrestricted-route-to-igw';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const network = (route: string, hosted: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  DataSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-12345678
      CidrBlock: 10.0.1.0/24
  DataRoutes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: vpc-12345678
  DataRoutesAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref DataSubnet
      RouteTableId: !Ref DataRoutes
  Gateway:
    Type: AWS::EC2::InternetGateway
  DefaultRoute:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref DataRoutes
      DestinationCidrBlock: 0.0.0.0/0
${route}${hosted}`;

const viaIgw = '      GatewayId: !Ref Gateway\n';
const viaNat = '      NatGatewayId: nat-12345678\n';
const dbSubnets = `  PatientDbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: patient database
      SubnetIds: [!Ref DataSubnet]
`;
const natGateway = `  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      SubnetId: !Ref DataSubnet
      AllocationId: eipalloc-12345678
`;

const tfNetwork = (routeGateway: Record<string, unknown>, gatewayRefs: Record<string, string[]>) =>
  plan(
    { address: 'aws_subnet.data', values: { cidr_block: '10.0.1.0/24', vpc_id: 'vpc-12345678' } },
    { address: 'aws_route_table.data', values: { vpc_id: 'vpc-12345678', route: [] } },
    { address: 'aws_route_table_association.data', values: {}, unknown: { subnet_id: true, route_table_id: true }, refs: { subnet_id: ['aws_subnet.data.id', 'aws_subnet.data'], route_table_id: ['aws_route_table.data.id', 'aws_route_table.data'] } },
    { address: 'aws_internet_gateway.main', values: { vpc_id: 'vpc-12345678' } },
    { address: 'aws_route.default', values: { destination_cidr_block: '0.0.0.0/0', ...routeGateway }, unknown: { route_table_id: true, ...(gatewayRefs.gateway_id ? { gateway_id: true } : {}) }, refs: { route_table_id: ['aws_route_table.data.id', 'aws_route_table.data'], ...gatewayRefs } },
    { address: 'aws_db_subnet_group.patients', values: { name: 'patients' }, unknown: { subnet_ids: true }, refs: { subnet_ids: ['aws_subnet.data.id', 'aws_subnet.data'] } },
  );

testRule(rule, {
  valid: [
    { name: 'private subnet routes through NAT', yaml: network(viaNat, dbSubnets) },
    { name: 'public subnet hosts only a NAT gateway', yaml: network(viaIgw, natGateway) },
    { name: 'subnet hosts nothing', yaml: network(viaIgw, '') },
    { name: 'Terraform: route through a NAT gateway', plan: tfNetwork({ nat_gateway_id: 'nat-12345678' }, {}) },
  ],
  invalid: [
    {
      name: 'database subnet routes to the internet gateway',
      yaml: network(viaIgw, dbSubnets),
      errors: [{ messageId: 'defaultRouteToIgw', resource: 'DefaultRoute', path: 'Resources.DefaultRoute.Properties.DestinationCidrBlock', line: 26 }],
    },
    {
      name: 'gateway from a parameter without default is unknown',
      yaml: network('      GatewayId: !Ref Open\n', dbSubnets),
      errors: [{ messageId: 'unknown', resource: 'DefaultRoute', path: 'Resources.DefaultRoute.Properties.DestinationCidrBlock', line: 26, status: 'unknown' }],
    },
    {
      name: 'Terraform: database subnet routes to the internet gateway',
      plan: tfNetwork({}, { gateway_id: ['aws_internet_gateway.main.id', 'aws_internet_gateway.main'] }),
      errors: [{ messageId: 'defaultRouteToIgw', resource: 'aws_route.default', path: 'planned_values.root_module.resources.4.values.destination_cidr_block', line: 48 }],
    },
  ],
});
