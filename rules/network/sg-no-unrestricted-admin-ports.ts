import { defineRule, type FixIntent, type JsonValue, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, itemCount, possible, text, unknownAt } from '../kit';

/** Administrative and database ports that must never face the whole internet (AWS Config and cdk-nag lists plus common databases). */
const ADMIN_PORTS: Record<number, string> = {
  20: 'FTP data',
  21: 'FTP',
  22: 'SSH',
  23: 'Telnet',
  1433: 'SQL Server',
  1521: 'Oracle',
  3306: 'MySQL',
  3309: 'MySQL (alternate)',
  3389: 'RDP',
  4333: 'mSQL',
  5432: 'PostgreSQL',
  5439: 'Redshift',
  6379: 'Redis',
  9200: 'OpenSearch',
  11211: 'Memcached',
  27017: 'MongoDB',
};
const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0', '::0/0']);

interface Keys {
  cidr4: string;
  cidr6: string;
  from: string;
  to: string;
  protocol: string;
}

const CFN: Keys = { cidr4: 'CidrIp', cidr6: 'CidrIpv6', from: 'FromPort', to: 'ToPort', protocol: 'IpProtocol' };
const TF_BLOCK: Keys = { cidr4: 'cidr_blocks', cidr6: 'ipv6_cidr_blocks', from: 'from_port', to: 'to_port', protocol: 'protocol' };
const TF_VPC_RULE: Keys = { cidr4: 'cidr_ipv4', cidr6: 'cidr_ipv6', from: 'from_port', to: 'to_port', protocol: 'ip_protocol' };

export default defineRule({
  id: 'sg-no-unrestricted-admin-ports',
  title: 'Security group opens administrative or database ports to the whole internet',
  category: 'network',
  severity: 'error',
  phiScope: 'all',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(B)', '164.308(a)(4)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['sg-no-unrestricted-admin-ports'],
  appliesTo: {
    cloudformation: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
    terraform: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
  },
  responsibility: {
    aws: 'AWS enforces security group rules at every network interface, exactly as written.',
    customer: 'Admit administrative and database ports only from known networks (or use Session Manager), never from 0.0.0.0/0 or ::/0.',
  },
  messages: {
    adminPortOpen: 'Security group rule of {resource} opens {ports} to {cidr}; anyone on the internet can try to log in to or query hosts that may hold PHI.',
    allTrafficOpen: 'Security group rule of {resource} allows all protocols and ports from {cidr}.',
    unknown: 'Whether {resource} opens administrative ports to the internet cannot be verified statically: {reason}.',
  },
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    switch (resource.type) {
      case 'AWS::EC2::SecurityGroup':
        return each(ctx, resource, 'SecurityGroupIngress', CFN);
      case 'AWS::EC2::SecurityGroupIngress':
        return judgeRule(ctx, resource, [], CFN);
      case 'aws_security_group':
        return each(ctx, resource, 'ingress', TF_BLOCK);
      case 'aws_security_group_rule': {
        const type = ctx.get(resource, 'type').resolved;
        return type.kind === 'known' && type.value === 'ingress' ? judgeRule(ctx, resource, [], TF_BLOCK) : [];
      }
      default:
        return judgeRule(ctx, resource, [], TF_VPC_RULE);
    }
  },
});

function each(ctx: RuleContext, resource: Resource, list: string, keys: Keys): RuleResult[] {
  const out: RuleResult[] = [];
  for (let i = 0; i < itemCount(ctx, resource, [list]); i++) out.push(...judgeRule(ctx, resource, [list, i], keys));
  return out;
}

/** Ports of ADMIN_PORTS the rule admits; 'all' for every protocol; undefined when the ports cannot be decided. */
function coveredPorts(protocol: JsonValue | undefined, from: JsonValue | undefined, to: JsonValue | undefined): number[] | 'all' | undefined {
  const p = text(protocol)?.toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (p !== 'tcp' && p !== 'udp' && p !== '6' && p !== '17') return [];
  const lo = Number(text(from));
  const hi = Number(text(to ?? from));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  if (lo === -1 && hi === -1) return 'all';
  return Object.keys(ADMIN_PORTS).map(Number).filter((port) => port >= lo && port <= hi);
}

function judgeRule(ctx: RuleContext, resource: Resource, base: Path, keys: Keys): RuleResult[] {
  const open: { path: Path; cidr: string }[] = [];
  let undecided: { path: Path; reason: string } | undefined;
  for (const key of [keys.cidr4, keys.cidr6]) {
    const lookup = ctx.get(resource, [...base, key]);
    const values = possible(lookup.resolved);
    const cidrs = values.values.flat().map((v) => text(v) ?? '');
    const hit = cidrs.find((c) => OPEN_CIDRS.has(c));
    if (hit) open.push({ path: lookup.path, cidr: hit });
    else if (values.unknown) undecided ??= { path: lookup.path, reason: values.unknown };
  }
  if (open.length === 0 && !undecided) return [];
  const value = (k: string) => {
    const r = possible(ctx.get(resource, [...base, k]).resolved);
    return { value: r.values[0], unknown: r.unknown };
  };
  const protocol = value(keys.protocol);
  const from = value(keys.from);
  const to = value(keys.to);
  const ports = protocol.unknown || from.unknown || to.unknown ? undefined : coveredPorts(protocol.value, from.value, to.value);
  if (ports !== undefined && ports !== 'all' && ports.length === 0) return [];
  const target = open[0] ?? undecided!;
  if (ports === undefined || open.length === 0) {
    return [unknownAt(target.path, open.length ? (protocol.unknown ?? from.unknown ?? to.unknown ?? 'the port range is not a number') : undecided!.reason)];
  }
  const cidr = open.map((o) => o.cidr).join(' and ');
  if (ports === 'all') return [{ status: 'fail', path: target.path, messageId: 'allTrafficOpen', data: { cidr }, fixes: restrictFix(resource, target.path) }];
  const named = ports.map((p) => `${p} (${ADMIN_PORTS[p]})`);
  const names = named.length > 4 ? `${named.slice(0, 4).join(', ')} and ${named.length - 4} more administrative or database ports` : named.join(', ');
  return [{ status: 'fail', path: target.path, messageId: 'adminPortOpen', data: { ports: names, cidr }, fixes: restrictFix(resource, target.path) }];
}

/** Replace the open range by a new template parameter the user fills with their own network. */
function restrictFix(resource: Resource, path: Path): FixIntent[] {
  if (isTerraform(resource) || path[path.length - 1] !== 'CidrIp') return [];
  return [
    {
      title: 'Admit only a trusted network range (removes access from the internet)',
      safe: false,
      consequence: 'removes access from the internet',
      edits: [{ op: 'set', path, value: { newParameter: { name: 'TrustedAdminCidr', type: 'String', description: 'Network range (CIDR) allowed to reach administrative and database ports' } } }],
    },
  ];
}
