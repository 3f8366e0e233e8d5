import { defineRule, evaluate, expect, isTrue, resultFor, setFix, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { asUnknown, isTerraform, itemCount } from '../kit';

const PITR = ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'];
const COST = { safe: false, consequence: 'adds continuous-backup storage cost' };

export default defineRule({
  id: 'dynamodb-pitr',
  title: 'DynamoDB table that may hold PHI has no point-in-time recovery',
  category: 'backup-recovery',
  severity: 'warning',
  hipaa: ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  controls: ['dynamodb-pitr'],
  appliesTo: {
    cloudformation: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable'],
    terraform: ['aws_dynamodb_table'],
  },
  responsibility: {
    aws: 'DynamoDB keeps continuous backups of a table, restorable to any second of the recovery window, once point-in-time recovery is turned on.',
    customer: 'Turn point-in-time recovery on for every table and replica that stores PHI, and rehearse restores as part of the contingency plan.',
  },
  messages: {
    pitrOff: 'Table {resource} has no point-in-time recovery (PointInTimeRecoveryEnabled is not true); overwritten or deleted items cannot be restored.',
    replicaPitrOff: 'Replica {replica} of global table {resource} has no point-in-time recovery (PointInTimeRecoveryEnabled is not true).',
    unknown: 'Point-in-time recovery of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    pitrOff: 'Table {resource} has no point-in-time recovery (point_in_time_recovery.enabled is not true); overwritten or deleted items cannot be restored.',
    replicaPitrOff: 'Replica {replica} of global table {resource} has no point-in-time recovery (point_in_time_recovery of its replica block is not true).',
  },
  limits: 'On-demand backups and AWS Backup plans can also protect a table; they are checked by resource-in-backup-plan, not here.',
  check(table: Resource, ctx: RuleContext): RuleResult[] {
    if (isTerraform(table)) {
      const results = expect(ctx, table, ['point_in_time_recovery', 0, 'enabled'], isTrue, { messageId: 'pitrOff' }).map(asUnknown);
      for (let i = 0; i < itemCount(ctx, table, ['replica']); i++) {
        const replica = regionOf(ctx, table, ['replica', i, 'region_name']) ?? `#${i}`;
        results.push(...expect(ctx, table, ['replica', i, 'point_in_time_recovery'], isTrue, { messageId: 'replicaPitrOff', data: { replica } }).map(asUnknown));
      }
      return results;
    }
    if (table.type === 'AWS::DynamoDB::GlobalTable') return checkGlobalTable(table, ctx);
    const fixes = setFix(table, PITR, true, 'Turn on point-in-time recovery', COST);
    return expect(ctx, table, PITR, isTrue, { messageId: 'pitrOff', fixes }).map(asUnknown);
  },
});

function regionOf(ctx: RuleContext, resource: Resource, path: (string | number)[]): string | undefined {
  const r = ctx.get(resource, path).resolved;
  return r.kind === 'known' && typeof r.value === 'string' ? r.value : undefined;
}

function checkGlobalTable(table: Resource, ctx: RuleContext): RuleResult[] {
  const replicas = ctx.get(table, 'Replicas');
  if (!replicas.present) return [];
  if (replicas.node?.kind === 'seq') {
    const results: RuleResult[] = [];
    for (let i = 0; i < replicas.node.items.length; i++) {
      const replica = regionOf(ctx, table, ['Replicas', i, 'Region']) ?? `#${i}`;
      const path = ['Replicas', i, ...PITR];
      const fixes = setFix(table, path, true, `Turn on point-in-time recovery for replica ${replica}`, COST);
      results.push(...expect(ctx, table, path, isTrue, { messageId: 'replicaPitrOff', data: { replica }, fixes }).map(asUnknown));
    }
    return results;
  }
  // The replica list is computed (Fn::If): every value it may take must have PITR on every replica.
  const everyReplica = (v: JsonValue) => Array.isArray(v) && v.every((r) => isTrue(((r as Record<string, JsonValue>)?.PointInTimeRecoverySpecification as Record<string, JsonValue> | undefined)?.PointInTimeRecoveryEnabled ?? false));
  return resultFor(replicas, evaluate(replicas.resolved, everyReplica), { messageId: 'replicaPitrOff', data: { replica: 'in the computed list' } }, table, 'Replicas').map(asUnknown);
}
