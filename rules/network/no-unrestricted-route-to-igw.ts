import { defineRule, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, itemCount, possible, referrersOf, targetsOf, text, unknownAt } from '../kit';

/** Resources that belong in a public subnet (they front or route traffic and hold no PHI themselves). */
const PUBLIC_TIER = new Set([
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::SubnetNetworkAclAssociation',
  'AWS::EC2::SubnetCidrBlock',
  'AWS::EC2::NatGateway',
  'AWS::EC2::VPCEndpoint',
  'AWS::EC2::TransitGatewayAttachment',
  'AWS::EC2::TransitGatewayVpcAttachment',
  'AWS::EC2::ClientVpnTargetNetworkAssociation',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancing::LoadBalancer',
  'aws_route_table_association',
  'aws_network_acl',
  'aws_network_acl_association',
  'aws_nat_gateway',
  'aws_vpc_endpoint',
  'aws_vpc_endpoint_subnet_association',
  'aws_ec2_transit_gateway_vpc_attachment',
  'aws_ec2_client_vpn_network_association',
  'aws_lb',
  'aws_alb',
  'aws_elb',
]);

/** Subnet groups only place data stores: they count as hosting PHI unless every store that uses them holds none. */
const SUBNET_GROUPS = new Set([
  'AWS::RDS::DBSubnetGroup', 'AWS::Redshift::ClusterSubnetGroup', 'AWS::ElastiCache::SubnetGroup', 'AWS::DMS::ReplicationSubnetGroup',
  'AWS::DocDB::DBSubnetGroup', 'AWS::Neptune::DBSubnetGroup', 'AWS::DAX::SubnetGroup', 'AWS::MemoryDB::SubnetGroup',
  'aws_db_subnet_group', 'aws_redshift_subnet_group', 'aws_elasticache_subnet_group', 'aws_dms_replication_subnet_group',
  'aws_docdb_subnet_group', 'aws_neptune_subnet_group', 'aws_dax_subnet_group', 'aws_memorydb_subnet_group',
]);

const DEFAULT_ROUTES = new Set(['0.0.0.0/0', '::/0']);

const CFN = {
  association: 'AWS::EC2::SubnetRouteTableAssociation',
  table: 'AWS::EC2::RouteTable',
  route: 'AWS::EC2::Route',
  gateway: 'AWS::EC2::InternetGateway',
  subnetProp: 'SubnetId',
  tableProp: 'RouteTableId',
  gatewayProp: 'GatewayId',
  destinations: ['DestinationCidrBlock', 'DestinationIpv6CidrBlock'],
};
const TF = {
  association: 'aws_route_table_association',
  table: 'aws_route_table',
  route: 'aws_route',
  gateway: 'aws_internet_gateway',
  subnetProp: 'subnet_id',
  tableProp: 'route_table_id',
  gatewayProp: 'gateway_id',
  destinations: ['destination_cidr_block', 'destination_ipv6_cidr_block'],
};

export default defineRule({
  id: 'no-unrestricted-route-to-igw',
  title: 'Subnet hosting PHI workloads routes straight to an internet gateway',
  category: 'network',
  severity: 'warning',
  phiScope: 'phi-path',
  hipaa: ['164.312(e)(1)'],
  controls: ['no-unrestricted-route-to-igw'],
  appliesTo: { cloudformation: ['AWS::EC2::Subnet'], terraform: ['aws_subnet'] },
  responsibility: {
    aws: 'VPC routing delivers packets exactly as the route tables say.',
    customer: 'Keep data stores and application hosts in private subnets whose default route goes through a NAT gateway (or nowhere); reserve internet-gateway routes for public tiers such as load balancers and NAT gateways.',
  },
  messages: {
    defaultRouteToIgw: 'Subnet {resource} hosts {hosts} but its route table {table} sends {destination} to internet gateway {gateway}; put these workloads in a private subnet that routes through a NAT gateway.',
    unknown: 'Whether subnet {resource} routes to an internet gateway cannot be verified statically: {reason}.',
  },
  limits: 'Subnets without an explicit route-table association use the VPC main route table, which a template cannot declare; such subnets are not judged.',
  check(subnet: Resource, ctx: RuleContext): RuleResult[] {
    const k = isTerraform(subnet) ? TF : CFN;
    const hosted = [...new Set(ctx.edgesTo(subnet.id).map((e) => e.from))]
      .map((id) => ctx.byId(id))
      .filter((r): r is Resource => !!r && !PUBLIC_TIER.has(r.type) && mayHostPhi(ctx, r));
    if (hosted.length === 0) return [];
    const hosts = hosted.slice(0, 3).map((r) => r.id).join(', ') + (hosted.length > 3 ? ` and ${hosted.length - 3} more` : '');
    const tables = referrersOf(ctx, subnet, [k.association], k.subnetProp).flatMap((a) => targetsOf(ctx, a, k.tableProp, [k.table]));
    const results: RuleResult[] = [];
    for (const table of [...new Set(tables)]) {
      for (const route of referrersOf(ctx, table, [k.route], k.tableProp)) {
        results.push(...judgeRoute(ctx, route, [], k, { table: table.id, hosts }));
      }
      // Terraform route tables may carry their routes inline.
      if (isTerraform(table)) for (let i = 0; i < itemCount(ctx, table, ['route']); i++) results.push(...judgeRoute(ctx, table, ['route', i], { ...k, destinations: ['cidr_block', 'ipv6_cidr_block'] }, { table: table.id, hosts }));
    }
    return results;
  },
});

function mayHostPhi(ctx: RuleContext, r: Resource): boolean {
  if (!SUBNET_GROUPS.has(r.type)) return ctx.phi(r.id).verdict !== 'no-phi';
  const users = [...new Set(ctx.edgesTo(r.id).map((e) => e.from))].map((id) => ctx.byId(id)).filter((u): u is Resource => !!u);
  return users.length === 0 || users.some((u) => ctx.phi(u.id).verdict !== 'no-phi');
}

function judgeRoute(ctx: RuleContext, owner: Resource, base: Path, k: typeof CFN, data: { table: string; hosts: string }): RuleResult[] {
  for (const key of k.destinations) {
    const destination = ctx.get(owner, [...base, key]);
    const d = possible(destination.resolved);
    const hit = d.values.map((v) => text(v) ?? '').find((v) => DEFAULT_ROUTES.has(v));
    if (!hit) {
      if (d.unknown) return [{ ...unknownAt(destination.path, d.unknown, 'unknown', data), resourceId: owner.id }];
      continue;
    }
    const gateway = isInternetGateway(ctx, owner, base, k);
    if (gateway === false) continue;
    if (typeof gateway === 'object') return [{ ...unknownAt(destination.path, gateway.unknown, 'unknown', data), resourceId: owner.id }];
    return [{ status: 'fail', path: destination.path, messageId: 'defaultRouteToIgw', data: { ...data, destination: hit, gateway }, resourceId: owner.id }];
  }
  return [];
}

/** The internet gateway a route targets (its id or literal igw- value), false for other targets, or why it is unknown. */
function isInternetGateway(ctx: RuleContext, owner: Resource, base: Path, k: typeof CFN): string | false | { unknown: string } {
  const lookup = ctx.get(owner, [...base, k.gatewayProp]);
  if (!lookup.present) return false;
  const values = possible(lookup.resolved);
  const literal = values.values.map((v) => text(v) ?? '').find((v) => v.startsWith('igw-'));
  if (literal) return literal;
  if (!values.unknown) return false;
  // A reference: to an internet gateway of the template, to something else, or to nothing we can see.
  // Inline Terraform routes share the table's `route` references, so they count only for an unknown gateway_id.
  const refs = ctx
    .edgesFrom(owner.id)
    .filter((e) => e.kind !== 'depends-on' && (base.length ? e.path[owner.propertiesPath.length] === base[0] : lookup.path.every((seg, i) => e.path[i] === seg)))
    .map((e) => ctx.byId(e.to))
    .filter((r): r is Resource => !!r);
  const gateway = refs.find((r) => r.type === k.gateway);
  if (gateway) return gateway.id;
  if (refs.length && !base.length) return false;
  return { unknown: values.unknown };
}
