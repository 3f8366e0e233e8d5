import { defineRule, isTerraform, itemCount, possible, referrersOf, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { unknownAt } from '../kit';

const CFN_TYPES = ['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::AccessKey'];
const TF_TYPES = ['aws_iam_user', 'aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_role', 'aws_iam_role_policy', 'aws_iam_group_policy', 'aws_iam_access_key'];

/** True when the list property is present and not empty (an unresolved value counts as present). */
function nonEmpty(ctx: RuleContext, resource: Resource, prop: string): boolean {
  const l = ctx.get(resource, prop);
  if (!l.present) return false;
  const p = possible(l.resolved);
  return !!p.unknown || p.values.some((v) => !(Array.isArray(v) && v.length === 0) && v !== null && v !== '');
}

export default defineRule({
  id: 'iam-users-and-inline-policies',
  title: 'Permissions granted to IAM users or through inline policies',
  category: 'access-control',
  severity: 'info',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(3)(ii)(B)', '164.308(a)(4)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'],
  controls: ['iam-users-and-inline-policies'],
  phiScope: 'all',
  appliesTo: { cloudformation: CFN_TYPES, terraform: TF_TYPES },
  responsibility: {
    aws: 'IAM supports users, groups, roles, inline and managed policies alike and reports last use of each credential.',
    customer: 'Grant access to PHI through roles and groups with managed policies, which can be reviewed and reused, and avoid long-lived user access keys.',
  },
  messages: {
    userPolicies: 'IAM user {resource} has permissions attached directly ({how}); put the user in a group, or use a role, and attach the policy there.',
    policyOnUsers: 'Policy {resource} is attached directly to IAM users; attach it to a group or role instead.',
    userNoGroup: 'IAM user {resource} belongs to no group in this template; manage its permissions through a group.',
    inlinePolicy: '{resource} carries an inline policy; use a customer managed policy (AWS::IAM::ManagedPolicy / aws_iam_policy) so it can be reviewed and reused.',
    inlinePolicyResource: '{resource} creates an inline policy; use a customer managed policy (AWS::IAM::ManagedPolicy / aws_iam_policy) instead.',
    accessKey: '{resource} creates a long-lived access key for an IAM user; workloads should use roles, people IAM Identity Center.',
    unknown: 'Whether {resource} grants permissions to users or inline cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    userNoGroup: 'IAM user {resource} belongs to no group in this plan; manage its permissions through a group.',
    inlinePolicy: '{resource} carries an inline policy (inline_policy); use a customer managed policy (aws_iam_policy and a policy attachment) so it can be reviewed and reused.',
    inlinePolicyResource: '{resource} creates an inline policy; use a customer managed policy (aws_iam_policy and a policy attachment) instead.',
  },
  limits: 'Group membership and keys created outside the template are not seen; SAM function policies (inline on the generated role) are not reported.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(resource) ? checkTerraform(resource, ctx) : checkCloudFormation(resource, ctx);
  },
});

function checkCloudFormation(resource: Resource, ctx: RuleContext): RuleResult[] {
  const out: RuleResult[] = [];
  const at = (prop: string) => ctx.get(resource, prop).path;
  switch (resource.type) {
    case 'AWS::IAM::User': {
      if (nonEmpty(ctx, resource, 'Policies')) out.push({ status: 'fail', path: at('Policies'), messageId: 'userPolicies', data: { how: 'inline Policies' } });
      if (nonEmpty(ctx, resource, 'ManagedPolicyArns')) out.push({ status: 'fail', path: at('ManagedPolicyArns'), messageId: 'userPolicies', data: { how: 'ManagedPolicyArns' } });
      const groups = ctx.get(resource, 'Groups');
      const additions = referrersOf(ctx, resource, ['AWS::IAM::UserToGroupAddition'], 'Users', ['UserName']);
      if (additions.length === 0) {
        const p = possible(groups.resolved);
        if (p.unknown && p.values.length === 0) out.push(unknownAt(groups.path, p.unknown));
        else if (!nonEmpty(ctx, resource, 'Groups')) out.push({ status: 'fail', path: groups.present ? groups.path : resource.path, messageId: 'userNoGroup' });
      }
      break;
    }
    case 'AWS::IAM::Role':
    case 'AWS::IAM::Group':
      if (nonEmpty(ctx, resource, 'Policies')) out.push({ status: 'fail', path: at('Policies'), messageId: 'inlinePolicy' });
      break;
    case 'AWS::IAM::Policy':
      out.push({ status: 'fail', path: resource.path, messageId: 'inlinePolicyResource' });
      if (nonEmpty(ctx, resource, 'Users')) out.push({ status: 'fail', path: at('Users'), messageId: 'policyOnUsers' });
      break;
    case 'AWS::IAM::ManagedPolicy':
      if (nonEmpty(ctx, resource, 'Users')) out.push({ status: 'fail', path: at('Users'), messageId: 'policyOnUsers' });
      break;
    case 'AWS::IAM::AccessKey':
      out.push({ status: 'fail', path: resource.path, messageId: 'accessKey' });
      break;
  }
  return out;
}

function checkTerraform(resource: Resource, ctx: RuleContext): RuleResult[] {
  switch (resource.type) {
    case 'aws_iam_user': {
      const memberships = [
        ...referrersOf(ctx, resource, ['aws_iam_user_group_membership'], 'user'),
        ...referrersOf(ctx, resource, ['aws_iam_group_membership'], 'users'),
        ...(membershipsByUserName(ctx).get(possible(ctx.get(resource, 'name').resolved).values[0]) ?? []),
      ];
      return memberships.length ? [] : [{ status: 'fail', path: resource.path, messageId: 'userNoGroup' }];
    }
    case 'aws_iam_user_policy':
      return [{ status: 'fail', path: resource.path, messageId: 'userPolicies', data: { how: 'aws_iam_user_policy' } }];
    case 'aws_iam_user_policy_attachment':
      return [{ status: 'fail', path: resource.path, messageId: 'userPolicies', data: { how: 'aws_iam_user_policy_attachment' } }];
    case 'aws_iam_policy_attachment':
      return nonEmpty(ctx, resource, 'users') ? [{ status: 'fail', path: ctx.get(resource, 'users').path, messageId: 'policyOnUsers' }] : [];
    case 'aws_iam_role':
      return itemCount(ctx, resource, ['inline_policy']) > 0 && possible(ctx.get(resource, ['inline_policy', 0, 'policy']).resolved).values.some((v) => typeof v === 'string' && v !== '')
        ? [{ status: 'fail', path: ctx.get(resource, 'inline_policy').path, messageId: 'inlinePolicy' }]
        : [];
    case 'aws_iam_role_policy':
    case 'aws_iam_group_policy':
      return [{ status: 'fail', path: resource.path, messageId: 'inlinePolicyResource' }];
    case 'aws_iam_access_key':
      return [{ status: 'fail', path: resource.path, messageId: 'accessKey' }];
  }
  return [];
}

/** aws_iam_group_membership resources by each plain value in their `users` lists, in plan order; indexed once per plan. */
function membershipsByUserName(ctx: RuleContext): Map<JsonValue, Resource[]> {
  return ctx.memo('iam-users-and-inline-policies:membershipsByUser', () => {
    const index = new Map<JsonValue, Resource[]>();
    for (const m of ctx.ofType('aws_iam_group_membership')) {
      const users = new Set<JsonValue>();
      for (const v of possible(ctx.get(m, 'users').resolved).values) if (Array.isArray(v)) for (const u of v) if (u === null || typeof u !== 'object') users.add(u);
      for (const u of users) (index.get(u) ?? index.set(u, []).get(u)!).push(m);
    }
    return index;
  });
}
