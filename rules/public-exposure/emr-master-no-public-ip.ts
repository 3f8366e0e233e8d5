import { defineRule, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, possible, targetPath, text, unknownAt } from '../kit';
import { publicSubnetReason } from './exposure-support';

export default defineRule({
  id: 'emr-master-no-public-ip',
  title: 'EMR cluster that may process PHI launches into a public subnet',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['emr-master-no-public-ip'],
  appliesTo: { cloudformation: ['AWS::EMR::Cluster'], terraform: ['aws_emr_cluster'] },
  responsibility: {
    aws: 'EMR gives the primary and core nodes public addresses when the cluster launches into a public subnet, and into the default VPC when no subnet is named.',
    customer: 'Launch clusters into private subnets (no automatic public addresses, no default route to an internet gateway) and reach them through Session Manager, a VPN or a proxy.',
  },
  messages: {
    publicSubnet: 'EMR cluster {resource} launches into subnet {subnet}, which is public: {why}. Its primary node gets a public address.',
    noSubnet: 'EMR cluster {resource} names no subnet, so it launches into the default VPC, whose subnets give nodes public addresses.',
    unknown: 'Whether EMR cluster {resource} gets public addresses cannot be verified statically: {reason}.',
  },
  limits: 'A subnet declared outside the template cannot be judged (reported as unknown); the account-level EMR block public access setting is not evidence about addresses.',
  check(cluster: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(cluster);
    const single: Path = tf ? ['ec2_attributes', 0, 'subnet_id'] : ['Instances', 'Ec2SubnetId'];
    const many: Path = tf ? ['ec2_attributes', 0, 'subnet_ids'] : ['Instances', 'Ec2SubnetIds'];
    const lookups = [single, many].map((p) => ({ rel: p, lookup: ctx.get(cluster, p) })).filter((l) => l.lookup.present || l.lookup.resolved.kind !== 'absent');
    const named = lookups.filter((l) => {
      const p = possible(l.lookup.resolved);
      return p.unknown || p.values.some((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== ''));
    });
    if (named.length === 0) return [{ status: 'fail', path: targetPath(cluster, ctx.get(cluster, single), single), messageId: 'noSubnet' }];
    let undecided: RuleResult | undefined;
    for (const { rel, lookup } of named) {
      const subnets = subnetsAt(ctx, cluster, rel);
      for (const subnet of subnets) {
        const reason = publicSubnetReason(ctx, subnet);
        if (reason && 'public' in reason) return [{ status: 'fail', path: lookup.path, messageId: 'publicSubnet', data: { subnet: subnet.id, why: reason.public } }];
        if (reason) undecided ??= unknownAt(lookup.path, reason.unknown);
      }
      if (subnets.length === 0) {
        const p = possible(lookup.resolved);
        const literal = p.values.flat().map((v) => text(v)).find((v) => v);
        undecided ??= unknownAt(lookup.path, p.unknown ?? `subnet ${literal ?? '(unnamed)'} is not declared in this file, so whether it is public cannot be seen`);
      }
    }
    return undecided ? [undecided] : [];
  },
});

/** Subnets of the file that a (possibly list) property refers to. */
function subnetsAt(ctx: RuleContext, r: Resource, rel: Path): Resource[] {
  const type = isTerraform(r) ? 'aws_subnet' : 'AWS::EC2::Subnet';
  const base = [...r.propertiesPath, ...rel];
  const out = ctx
    .edgesFrom(r.id)
    // Terraform edges stop at the top-level attribute (the nested block), CloudFormation ones reach the value.
    .filter((e) => e.kind !== 'depends-on' && base.slice(0, Math.max(e.path.length, r.propertiesPath.length + 1)).every((seg, i) => e.path[i] === seg))
    .map((e) => ctx.byId(e.to))
    .filter((s): s is Resource => !!s && s.type === type);
  return [...new Set(out)];
}
