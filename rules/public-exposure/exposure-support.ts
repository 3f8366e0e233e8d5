// Small shared checks for the public-exposure rules: "this flag must not be true". Not a rule (no default export).
import type { Path, Resource, RuleContext, RuleResult } from '../kit';
import { asUnknown, expect, isTerraform, isTrue, possible, referrersOf, setFix, targetsOf, text } from '../kit';

export const notTrue = (v: Parameters<typeof isTrue>[0]): boolean => !isTrue(v);

export interface FlagOptions {
  messageId: string;
  /** Whether leaving the flag out is private (the service default). */
  absentPasses: boolean;
  /** CloudFormation fix: set the flag to false with this title (none for Terraform). */
  fixTitle?: string;
  fixValue?: boolean | string;
  safety?: { safe: boolean; consequence?: string };
  data?: Record<string, string>;
}

/** Fails when the flag is true (or absent, unless the default is private); unresolved values are `unknown`. */
export function flagNotTrue(ctx: RuleContext, resource: Resource, path: string | Path, options: FlagOptions): RuleResult[] {
  const fixes = options.fixTitle ? setFix(resource, path, options.fixValue ?? false, options.fixTitle, options.safety) : undefined;
  return expect(ctx, resource, path, notTrue, { messageId: options.messageId, absentPasses: options.absentPasses, fixes, data: options.data }).map(asUnknown);
}

const NET = {
  cloudformation: { subnet: 'AWS::EC2::Subnet', map: 'MapPublicIpOnLaunch', association: 'AWS::EC2::SubnetRouteTableAssociation', table: 'AWS::EC2::RouteTable', route: 'AWS::EC2::Route', igw: 'AWS::EC2::InternetGateway', subnetProp: 'SubnetId', tableProp: 'RouteTableId', gatewayProp: 'GatewayId', destinations: ['DestinationCidrBlock', 'DestinationIpv6CidrBlock'] },
  terraform: { subnet: 'aws_subnet', map: 'map_public_ip_on_launch', association: 'aws_route_table_association', table: 'aws_route_table', route: 'aws_route', igw: 'aws_internet_gateway', subnetProp: 'subnet_id', tableProp: 'route_table_id', gatewayProp: 'gateway_id', destinations: ['destination_cidr_block', 'destination_ipv6_cidr_block'] },
};

/** Why a subnet of the template is public (auto-assigned public addresses, or a default route to an internet gateway), if it is. */
export function publicSubnetReason(ctx: RuleContext, subnet: Resource): { public: string } | { unknown: string } | undefined {
  const k = isTerraform(subnet) ? NET.terraform : NET.cloudformation;
  const map = possible(ctx.get(subnet, k.map).resolved);
  if (map.values.some((v) => isTrue(v))) return { public: `it assigns public IP addresses on launch (${k.map} is true)` };
  for (const association of referrersOf(ctx, subnet, [k.association], k.subnetProp)) {
    for (const table of targetsOf(ctx, association, k.tableProp, [k.table])) {
      for (const route of referrersOf(ctx, table, [k.route], k.tableProp)) {
        const destination = k.destinations.map((d) => possible(ctx.get(route, d).resolved)).flatMap((p) => p.values.map((v) => text(v)));
        if (!destination.some((d) => d === '0.0.0.0/0' || d === '::/0')) continue;
        const igw = targetsOf(ctx, route, k.gatewayProp, [k.igw])[0];
        const literal = possible(ctx.get(route, k.gatewayProp).resolved).values.map((v) => text(v) ?? '').find((v) => v.startsWith('igw-'));
        if (igw || literal) return { public: `its route table ${table.id} sends the default route to internet gateway ${igw?.id ?? literal}` };
      }
    }
  }
  if (map.unknown) return { unknown: map.unknown };
  return undefined;
}
