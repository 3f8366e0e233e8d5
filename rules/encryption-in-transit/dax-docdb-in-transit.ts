import { defineRule, expect, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';
import { groupOf, parameterOf } from './parameter-groups';
import { asUnknown, isTerraform, oneOf, possible, unknownAt } from '../kit';

export default defineRule({
  id: 'dax-docdb-in-transit',
  title: 'DAX or DocumentDB cluster that may hold PHI accepts connections without TLS',
  category: 'encryption-in-transit',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['dax-docdb-in-transit'],
  appliesTo: { cloudformation: ['AWS::DAX::Cluster', 'AWS::DocDB::DBCluster'], terraform: ['aws_dax_cluster', 'aws_docdb_cluster'] },
  responsibility: {
    aws: 'DocumentDB requires TLS by default; DAX encrypts its cluster endpoint when created with TLS.',
    customer: 'Create DAX clusters with ClusterEndpointEncryptionType TLS (it cannot be changed later) and never switch the DocumentDB tls parameter off.',
  },
  messages: {
    daxNoTls: 'DAX cluster {resource} serves its endpoint without TLS (ClusterEndpointEncryptionType is not TLS; the default is NONE).',
    tlsDisabled: 'Parameter group {group} of DocumentDB cluster {resource} switches TLS off (tls is disabled); clients may send PHI in clear text.',
    unknown: 'Whether {resource} requires TLS cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    daxNoTls: 'DAX cluster {resource} serves its endpoint without TLS (cluster_endpoint_encryption_type is not TLS; the default is NONE).',
  },
  check(cluster: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(cluster);
    if (cluster.type === 'AWS::DAX::Cluster' || cluster.type === 'aws_dax_cluster') {
      const path = tf ? 'cluster_endpoint_encryption_type' : 'ClusterEndpointEncryptionType';
      const fixes = setFix(cluster, path, 'TLS', 'Encrypt the cluster endpoint with TLS', { safe: false, consequence: 'replaces the DAX cluster' });
      return expect(ctx, cluster, path, (v) => oneOf(v, 'TLS'), { messageId: 'daxNoTls', fixes }).map(asUnknown);
    }
    const ref = groupOf(ctx, cluster, tf ? 'db_cluster_parameter_group_name' : 'DBClusterParameterGroupName', ['AWS::DocDB::DBClusterParameterGroup', 'aws_docdb_cluster_parameter_group'], ['Name']);
    if (ref.kind === 'default') return []; // the default group keeps tls enabled
    if (ref.kind === 'external') return [unknownAt(ref.path, ref.reason)];
    const { value } = parameterOf(ctx, ref.group, 'tls');
    if (!value) return [];
    const values = possible(value.resolved);
    const data = { group: ref.group.id };
    if (values.values.some((v) => oneOf(v, 'disabled'))) {
      const fixes = tf ? [] : [{ title: 'Keep TLS enabled', safe: true, edits: [{ op: 'set' as const, path: value.path, value: 'enabled' }] }];
      return [{ status: 'fail', path: value.path, messageId: 'tlsDisabled', data, resourceId: ref.group.id, fixes }];
    }
    return values.unknown ? [{ ...unknownAt(value.path, values.unknown), resourceId: ref.group.id }] : [];
  },
});
