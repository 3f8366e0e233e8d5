import { defineRule, type Resource, type RuleContext, type RuleResult } from '../kit';
import { itemCount, referrersOf } from '../kit';

const RULE_TYPES = ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'];

export default defineRule({
  id: 'vpc-default-sg-closed',
  title: 'Default security group of a VPC still allows traffic',
  category: 'network',
  severity: 'info',
  phiScope: 'phi-path',
  hipaa: ['164.312(e)(1)'],
  controls: ['vpc-default-sg-closed'],
  appliesTo: { cloudformation: ['AWS::EC2::VPC'], terraform: ['aws_vpc', 'aws_default_security_group'] },
  responsibility: {
    aws: 'Every VPC is created with a default security group that admits traffic between its members and allows all outbound traffic.',
    customer: 'Remove every rule from the default security group (Terraform: declare aws_default_security_group without rules) so resources launched without an explicit group are isolated.',
  },
  messages: {
    defaultSgOpen: 'The default security group of VPC {resource} keeps its default rules (all traffic between members, all outbound); CloudFormation cannot change them, so remove them after creation or with a custom resource.',
    rulesAddedToDefault: '{rule} adds a rule to the default security group of VPC {resource}; use a dedicated security group instead.',
    defaultSgRules: 'aws_default_security_group {resource} keeps {direction} rules; declare it without ingress and egress blocks to close the default group.',
    unmanagedDefaultSg: 'The default security group of VPC {resource} is not managed; add an aws_default_security_group without rules for this VPC to close it.',
  },
  limits: 'CloudFormation cannot manage a VPC\'s default security group; the rule accepts a custom resource that receives the group (Fn::GetAtt VPC.DefaultSecurityGroup) as evidence that it is closed, and cannot see changes made outside the template.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.type === 'aws_default_security_group') {
      for (const direction of ['ingress', 'egress']) {
        if (itemCount(ctx, resource, [direction]) > 0) return [{ status: 'fail', path: ctx.get(resource, direction).path, messageId: 'defaultSgRules', data: { direction } }];
      }
      return [];
    }
    if (resource.type === 'aws_vpc') {
      if (referrersOf(ctx, resource, ['aws_default_security_group'], 'vpc_id').length) return [];
      return [{ status: 'fail', path: resource.path, messageId: 'unmanagedDefaultSg' }];
    }
    const uses = ctx.edgesTo(resource.id).filter((e) => e.attribute === 'DefaultSecurityGroup');
    for (const e of uses) {
      const from = ctx.byId(e.from);
      if (from && RULE_TYPES.includes(from.type)) return [{ status: 'fail', path: e.path, messageId: 'rulesAddedToDefault', data: { rule: from.id }, resourceId: from.id }];
    }
    const closedByCustomResource = uses.some((e) => {
      const type = ctx.byId(e.from)?.type ?? '';
      return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
    });
    return closedByCustomResource ? [] : [{ status: 'fail', path: resource.path, messageId: 'defaultSgOpen' }];
  },
});
