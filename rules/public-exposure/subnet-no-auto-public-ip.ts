import { defineRule, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform } from '../kit';
import { flagNotTrue } from './exposure-support';

/** Resources that legitimately sit in a public subnet, or only describe the network. */
const PUBLIC_TIER = new Set([
  'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::SubnetNetworkAclAssociation', 'AWS::EC2::SubnetCidrBlock', 'AWS::EC2::NatGateway',
  'AWS::EC2::VPCEndpoint', 'AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::ClientVpnTargetNetworkAssociation',
  'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer',
  'aws_route_table_association', 'aws_network_acl', 'aws_network_acl_association', 'aws_nat_gateway', 'aws_vpc_endpoint', 'aws_vpc_endpoint_subnet_association',
  'aws_ec2_transit_gateway_vpc_attachment', 'aws_ec2_client_vpn_network_association', 'aws_lb', 'aws_alb', 'aws_elb',
]);
/** Subnet groups only place data stores: they count unless every store using them is known to hold no PHI. */
const SUBNET_GROUPS = new Set([
  'AWS::RDS::DBSubnetGroup', 'AWS::Redshift::ClusterSubnetGroup', 'AWS::ElastiCache::SubnetGroup', 'AWS::DMS::ReplicationSubnetGroup',
  'AWS::DocDB::DBSubnetGroup', 'AWS::Neptune::DBSubnetGroup', 'AWS::DAX::SubnetGroup', 'AWS::MemoryDB::SubnetGroup',
  'aws_db_subnet_group', 'aws_redshift_subnet_group', 'aws_elasticache_subnet_group', 'aws_dms_replication_subnet_group',
  'aws_docdb_subnet_group', 'aws_neptune_subnet_group', 'aws_dax_subnet_group', 'aws_memorydb_subnet_group',
]);

export default defineRule({
  id: 'subnet-no-auto-public-ip',
  title: 'Subnet hosting PHI workloads hands out public IP addresses',
  category: 'public-exposure',
  severity: 'warning',
  phiScope: 'phi-path',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['subnet-no-auto-public-ip'],
  appliesTo: { cloudformation: ['AWS::EC2::Subnet'], terraform: ['aws_subnet'] },
  responsibility: {
    aws: 'A subnet with MapPublicIpOnLaunch gives every new network interface a public IPv4 address unless the launch says otherwise.',
    customer: 'Keep automatic public addresses off in subnets that host data stores and application servers; reserve them for public tiers such as NAT gateways and load balancers.',
  },
  messages: {
    autoPublicIp: 'Subnet {resource} hosts {hosts} and gives every new network interface a public IP address (MapPublicIpOnLaunch is true).',
    unknown: 'Whether subnet {resource} hands out public IP addresses cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    autoPublicIp: 'Subnet {resource} hosts {hosts} and gives every new network interface a public IP address (map_public_ip_on_launch is true).',
  },
  limits: 'Only subnets that the template places workloads in are judged; a subnet used by other stacks looks empty here.',
  check(subnet: Resource, ctx: RuleContext): RuleResult[] {
    const hosted = [...new Set(ctx.edgesTo(subnet.id).map((e) => e.from))]
      .map((id) => ctx.byId(id))
      .filter((r): r is Resource => !!r && !PUBLIC_TIER.has(r.type) && mayHostPhi(ctx, r));
    if (hosted.length === 0) return [];
    const hosts = hosted.slice(0, 3).map((r) => r.id).join(', ') + (hosted.length > 3 ? ` and ${hosted.length - 3} more` : '');
    const path = isTerraform(subnet) ? 'map_public_ip_on_launch' : 'MapPublicIpOnLaunch';
    return flagNotTrue(ctx, subnet, path, { messageId: 'autoPublicIp', absentPasses: true, data: { hosts }, fixTitle: 'Stop assigning public IP addresses on launch' });
  },
});

function mayHostPhi(ctx: RuleContext, r: Resource): boolean {
  if (!SUBNET_GROUPS.has(r.type)) return ctx.phi(r.id).verdict !== 'no-phi';
  const users = [...new Set(ctx.edgesTo(r.id).map((e) => e.from))].map((id) => ctx.byId(id)).filter((u): u is Resource => !!u);
  return users.length === 0 || users.some((u) => ctx.phi(u.id).verdict !== 'no-phi');
}
