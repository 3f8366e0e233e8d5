import { defineRule, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, isTrue, itemCount, oneOf, possible, setFix, targetsOf, unknownAt } from '../kit';
import { flagNotTrue } from './exposure-support';

export default defineRule({
  id: 'ec2-no-public-ip',
  title: 'Compute that may handle PHI gets a public IP address',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(B)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['ec2-no-public-ip'],
  appliesTo: {
    cloudformation: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::ECS::Service'],
    terraform: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_ecs_service'],
  },
  responsibility: {
    aws: 'EC2 attaches a public IPv4 address only when a network interface asks for one or its subnet assigns one on launch.',
    customer: 'Launch PHI workloads into private subnets without public addresses, and reach them through load balancers, Session Manager or a VPN.',
  },
  messages: {
    publicIp: '{resource} asks for a public IP address ({property} is true), so the host is directly reachable from the internet.',
    publicSubnet: 'Instance {resource} launches into subnet {subnet}, which assigns public IP addresses (MapPublicIpOnLaunch is true).',
    publicTask: 'ECS service {resource} gives its tasks public IP addresses (AssignPublicIp is ENABLED).',
    unknown: 'Whether {resource} gets a public IP address cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    publicSubnet: 'Instance {resource} launches into subnet {subnet}, which assigns public IP addresses (map_public_ip_on_launch is true).',
    publicTask: 'ECS service {resource} gives its tasks public IP addresses (network_configuration.assign_public_ip is true).',
  },
  limits: 'When the instance sets nothing and its subnet is not in the template, the subnet\'s own setting (and a default VPC) decides and cannot be seen; Elastic IPs attached later are not judged.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    switch (resource.type) {
      case 'AWS::EC2::Instance':
        return instance(ctx, resource, ['NetworkInterfaces'], 'AssociatePublicIpAddress', 'SubnetId', 'AWS::EC2::Subnet', 'MapPublicIpOnLaunch');
      case 'aws_instance':
        return instance(ctx, resource, [], 'associate_public_ip_address', 'subnet_id', 'aws_subnet', 'map_public_ip_on_launch');
      case 'AWS::EC2::LaunchTemplate':
        return interfaces(ctx, resource, ['LaunchTemplateData', 'NetworkInterfaces'], 'AssociatePublicIpAddress', 'Stop asking for a public IP address');
      case 'aws_launch_template':
        return interfaces(ctx, resource, ['network_interfaces'], 'associate_public_ip_address');
      case 'AWS::AutoScaling::LaunchConfiguration':
      case 'aws_launch_configuration': {
        const path = isTerraform(resource) ? 'associate_public_ip_address' : 'AssociatePublicIpAddress';
        return flagNotTrue(ctx, resource, path, { messageId: 'publicIp', absentPasses: true, data: { property: path }, fixTitle: 'Stop asking for a public IP address', safety: { safe: false, consequence: 'replaces the launch configuration' } });
      }
      default:
        return service(ctx, resource);
    }
  },
});

function instance(ctx: RuleContext, r: Resource, list: Path, prop: string, subnetProp: string, subnetType: string, mapProp: string): RuleResult[] {
  const tf = isTerraform(r);
  // Explicit requests: CloudFormation on each network interface (device 0 decides), Terraform on the instance.
  let explicit: boolean | undefined;
  if (tf) {
    const lookup = ctx.get(r, prop);
    const p = possible(lookup.resolved);
    if (p.values.some((v) => isTrue(v))) return [{ status: 'fail', path: lookup.path, messageId: 'publicIp', data: { property: prop } }];
    if (p.values.length && !p.unknown) explicit = false;
  } else {
    for (let i = 0; i < itemCount(ctx, r, list); i++) {
      const lookup = ctx.get(r, [...list, i, prop]);
      const p = possible(lookup.resolved);
      if (p.values.some((v) => isTrue(v))) {
        return [{ status: 'fail', path: lookup.path, messageId: 'publicIp', data: { property: prop }, fixes: setFix(r, [...list, i, prop], false, 'Stop asking for a public IP address', { safe: false, consequence: 'replaces the instance' }) }];
      }
      if (p.unknown) return [unknownAt(lookup.path, p.unknown)];
      if (lookup.present) explicit = false;
    }
  }
  if (explicit === false) return [];
  // Nothing explicit: the subnet decides.
  const placements: { path: Path; subnets: Resource[] }[] = [{ path: [subnetProp], subnets: targetsOf(ctx, r, subnetProp, [subnetType]) }];
  if (!tf) for (let i = 0; i < itemCount(ctx, r, list); i++) placements.push({ path: [...list, i, subnetProp], subnets: subnetsAt(ctx, r, [...list, i, subnetProp], subnetType) });
  for (const { path, subnets } of placements) {
    for (const subnet of subnets) {
      const map = possible(ctx.get(subnet, mapProp).resolved);
      if (map.values.some((v) => isTrue(v))) return [{ status: 'fail', path: ctx.get(r, path).path, messageId: 'publicSubnet', data: { subnet: subnet.id } }];
      if (!map.unknown) return [];
    }
  }
  if (tf) {
    const lookup = ctx.get(r, prop);
    const p = possible(lookup.resolved);
    if (p.unknown) return [unknownAt(lookup.path, `${p.unknown}, and its subnet is not in the plan`)];
  }
  return [];
}

/** Subnets a nested property (NetworkInterfaces[i].SubnetId) refers to. */
function subnetsAt(ctx: RuleContext, r: Resource, path: Path, type: string): Resource[] {
  const base = [...r.propertiesPath, ...path];
  return ctx
    .edgesFrom(r.id)
    .filter((e) => e.kind !== 'depends-on' && base.every((seg, i) => e.path[i] === seg))
    .map((e) => ctx.byId(e.to))
    .filter((s): s is Resource => !!s && s.type === type);
}

function interfaces(ctx: RuleContext, r: Resource, list: Path, prop: string, fixTitle?: string): RuleResult[] {
  for (let i = 0; i < itemCount(ctx, r, list); i++) {
    const path = [...list, i, prop];
    const result = flagNotTrue(ctx, r, path, { messageId: 'publicIp', absentPasses: true, data: { property: prop }, fixTitle });
    if (result.length) return result;
  }
  return [];
}

function service(ctx: RuleContext, r: Resource): RuleResult[] {
  if (isTerraform(r)) return flagNotTrue(ctx, r, ['network_configuration', 0, 'assign_public_ip'], { messageId: 'publicTask', absentPasses: true });
  const path = ['NetworkConfiguration', 'AwsvpcConfiguration', 'AssignPublicIp'];
  const lookup = ctx.get(r, path);
  const p = possible(lookup.resolved);
  if (p.values.some((v) => oneOf(v, 'ENABLED'))) return [{ status: 'fail', path: lookup.path, messageId: 'publicTask', fixes: setFix(r, path, 'DISABLED', 'Stop giving tasks public IP addresses') }];
  if (p.unknown) return [unknownAt(lookup.path, p.unknown)];
  return [];
}
