import { defineRule, evaluate, expect, isTrue, resultFor, setFix, type FixIntent, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { asUnknown, isTerraform, possible, text } from '../kit';

const LB_KEY = 'deletion_protection.enabled';

const CFN_FLAG: Record<string, string> = {
  'AWS::RDS::DBInstance': 'DeletionProtection',
  'AWS::RDS::DBCluster': 'DeletionProtection',
  'AWS::DocDB::DBCluster': 'DeletionProtection',
  'AWS::Neptune::DBCluster': 'DeletionProtection',
  'AWS::DynamoDB::Table': 'DeletionProtectionEnabled',
};

const TF_FLAG: Record<string, string> = {
  aws_db_instance: 'deletion_protection',
  aws_rds_cluster: 'deletion_protection',
  aws_docdb_cluster: 'deletion_protection',
  aws_neptune_cluster: 'deletion_protection',
  aws_dynamodb_table: 'deletion_protection_enabled',
  aws_lb: 'enable_deletion_protection',
  aws_alb: 'enable_deletion_protection',
};

export default defineRule({
  id: 'deletion-protection',
  title: 'Database, table or load balancer that may serve PHI can be deleted by a single call',
  category: 'backup-recovery',
  severity: 'warning',
  hipaa: ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(C)'],
  controls: ['deletion-protection'],
  appliesTo: {
    cloudformation: [...Object.keys(CFN_FLAG), 'AWS::DynamoDB::GlobalTable', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
    terraform: Object.keys(TF_FLAG),
  },
  responsibility: {
    aws: 'The services refuse to delete a database, table or load balancer whose deletion protection is on, whoever asks and whatever tool they use.',
    customer: 'Turn deletion protection on for PHI databases, tables and the load balancers in front of PHI workloads, and control who may turn it off.',
  },
  messages: {
    unprotected: '{resource} has no deletion protection ({property} is not true); one API call or stack change deletes it.',
    replicaUnprotected: 'Replica {replica} of global table {resource} has no deletion protection (DeletionProtectionEnabled is not true).',
    lbUnprotected: 'Load balancer {resource} has no deletion protection (attribute deletion_protection.enabled is not "true"); deleting it takes the PHI workload behind it offline.',
    unknown: 'Deletion protection of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    unprotected: '{resource} has no deletion protection ({property} is not true); one API call or terraform destroy deletes it.',
    lbUnprotected: 'Load balancer {resource} has no deletion protection (enable_deletion_protection is not true); deleting it takes the PHI workload behind it offline.',
  },
  limits: 'Deletion protection does not stop a stack from replacing a resource; DeletionPolicy and UpdateReplacePolicy are checked by phi-store-retain-on-delete.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (isTerraform(resource)) {
      const prop = TF_FLAG[resource.type];
      if (resource.type === 'aws_db_instance' && setValue(ctx, resource, 'cluster_identifier')) return [];
      const messageId = resource.type === 'aws_lb' || resource.type === 'aws_alb' ? 'lbUnprotected' : 'unprotected';
      return expect(ctx, resource, prop, isTrue, { messageId, data: { property: prop } }).map(asUnknown);
    }
    if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') return checkLoadBalancer(resource, ctx);
    if (resource.type === 'AWS::DynamoDB::GlobalTable') return checkGlobalTable(resource, ctx);
    // Aurora members are protected through their cluster.
    if (resource.type === 'AWS::RDS::DBInstance' && setValue(ctx, resource, 'DBClusterIdentifier')) return [];
    const prop = CFN_FLAG[resource.type];
    const fixes = setFix(resource, prop, true, 'Turn on deletion protection');
    return expect(ctx, resource, prop, isTrue, { messageId: 'unprotected', data: { property: prop }, fixes }).map(asUnknown);
  },
});

function setValue(ctx: RuleContext, resource: Resource, prop: string): boolean {
  const l = ctx.get(resource, prop);
  return l.present && !(l.resolved.kind === 'known' && (l.resolved.value === null || l.resolved.value === ''));
}

function checkGlobalTable(table: Resource, ctx: RuleContext): RuleResult[] {
  const replicas = ctx.get(table, 'Replicas');
  if (!replicas.present) return [];
  if (replicas.node?.kind !== 'seq') {
    const every = (v: JsonValue) => Array.isArray(v) && v.every((r) => isTrue((r as Record<string, JsonValue>)?.DeletionProtectionEnabled ?? false));
    return resultFor(replicas, evaluate(replicas.resolved, every), { messageId: 'replicaUnprotected', data: { replica: 'in the computed list' } }, table, 'Replicas').map(asUnknown);
  }
  const results: RuleResult[] = [];
  for (let i = 0; i < replicas.node.items.length; i++) {
    const region = ctx.get(table, ['Replicas', i, 'Region']).resolved;
    const replica = (region.kind === 'known' && text(region.value)) || `#${i}`;
    const path = ['Replicas', i, 'DeletionProtectionEnabled'];
    const fixes = setFix(table, path, true, `Turn on deletion protection for replica ${replica}`);
    results.push(...expect(ctx, table, path, isTrue, { messageId: 'replicaUnprotected', data: { replica }, fixes }).map(asUnknown));
  }
  return results;
}

function checkLoadBalancer(lb: Resource, ctx: RuleContext): RuleResult[] {
  const attributes = ctx.get(lb, 'LoadBalancerAttributes');
  const append: FixIntent[] = [
    { title: 'Turn on deletion protection', safe: true, edits: [{ op: 'append', path: attributes.present ? attributes.path : [...lb.propertiesPath, 'LoadBalancerAttributes'], value: { Key: LB_KEY, Value: 'true' } }] },
  ];
  if (!attributes.present) return [{ status: 'fail', path: [...lb.propertiesPath, 'LoadBalancerAttributes'], messageId: 'lbUnprotected', fixes: append }];
  if (attributes.node?.kind !== 'seq') {
    // A computed attribute list: every value it may take must carry the attribute set to true.
    const protects = (v: JsonValue) => Array.isArray(v) && v.some((a) => a !== null && typeof a === 'object' && !Array.isArray(a) && text(a.Key) === LB_KEY && isTrue(a.Value ?? false));
    return resultFor(attributes, evaluate(attributes.resolved, protects), { messageId: 'lbUnprotected' }, lb, 'LoadBalancerAttributes').map(asUnknown);
  }
  for (let i = 0; i < attributes.node.items.length; i++) {
    const key = possible(ctx.get(lb, ['LoadBalancerAttributes', i, 'Key']).resolved);
    if (key.unknown) return [asUnknown({ status: 'unknown', path: ctx.get(lb, ['LoadBalancerAttributes', i, 'Key']).path, messageId: 'unknown', reason: key.unknown, data: { reason: key.unknown } })];
    if (!key.values.some((k) => text(k) === LB_KEY)) continue;
    const fixes = setFix(lb, ['LoadBalancerAttributes', i, 'Value'], 'true', 'Turn on deletion protection');
    return expect(ctx, lb, ['LoadBalancerAttributes', i, 'Value'], isTrue, { messageId: 'lbUnprotected', fixes }).map(asUnknown);
  }
  return [{ status: 'fail', path: attributes.path, messageId: 'lbUnprotected', fixes: append }];
}
