import { defineRule, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { groupOf, parameterOf } from './parameter-groups';
import { isTerraform, oneOf, possible, unknownAt } from '../kit';

export default defineRule({
  id: 'redshift-require-tls',
  title: 'Redshift cluster that may hold PHI accepts connections without TLS',
  category: 'encryption-in-transit',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['redshift-require-tls'],
  appliesTo: { cloudformation: ['AWS::Redshift::Cluster'], terraform: ['aws_redshift_cluster'] },
  responsibility: {
    aws: 'Redshift offers TLS on the cluster endpoint; since 2025 the default parameter group of newly created clusters requires it.',
    customer: 'Attach a parameter group with require_ssl set to true, so the requirement is explicit and also holds for clusters created before the new default.',
  },
  messages: {
    notRequired: 'Parameter group {group} of cluster {resource} does not set require_ssl to true; SQL clients may send PHI and credentials in clear text.',
    defaultGroup: 'Cluster {resource} uses the default parameter group; whether it requires TLS depends on when the cluster was created (only since 2025 does the default set require_ssl to true). Attach a parameter group with require_ssl true.',
    unknown: 'Whether cluster {resource} requires TLS cannot be verified statically: {reason}.',
  },
  check(cluster: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(cluster);
    const ref = groupOf(ctx, cluster, tf ? 'cluster_parameter_group_name' : 'ClusterParameterGroupName', ['AWS::Redshift::ClusterParameterGroup', 'aws_redshift_parameter_group'], ['ParameterGroupName']);
    if (ref.kind === 'external') return [unknownAt(ref.path, ref.reason)];
    if (ref.kind === 'default') return [unknownAt(ref.path, 'the default parameter group is not in the template', 'defaultGroup')];
    const group = ref.group;
    const { value, listPath } = parameterOf(ctx, group, 'require_ssl');
    const data = { group: group.id };
    if (!value) return [{ status: 'fail', path: listPath, messageId: 'notRequired', data, resourceId: group.id, fixes: appendFix(group) }];
    const values = possible(value.resolved);
    if (values.values.some((v) => !(v === true || oneOf(v, 'true')))) {
      const fixes: FixIntent[] = tf ? [] : [{ title: 'Require TLS: set require_ssl to true', safe: true, edits: [{ op: 'set', path: value.path, value: 'true' }] }];
      return [{ status: 'fail', path: value.path, messageId: 'notRequired', data, resourceId: group.id, fixes }];
    }
    return values.unknown ? [{ ...unknownAt(value.path, values.unknown), resourceId: group.id }] : [];
  },
});

function appendFix(group: Resource): FixIntent[] {
  if (isTerraform(group)) return [];
  return [{ title: 'Require TLS: add require_ssl true', safe: true, edits: [{ op: 'append', path: [...group.propertiesPath, 'Parameters'], value: { ParameterName: 'require_ssl', ParameterValue: 'true' } }] }];
}
