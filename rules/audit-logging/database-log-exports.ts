import { defineRule, isTerraform, possible, text, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { pointAt, unknownResult } from './logging-support';

/** Log types that carry the connection and audit record, by engine (lower case, prefix match). */
const REQUIRED: [RegExp, string[]][] = [
  [/^aurora-postgresql/, ['postgresql']],
  [/^(aurora|aurora-mysql)$/, ['audit', 'error']],
  [/^(mysql|mariadb)/, ['audit', 'error']],
  [/^postgres/, ['postgresql']],
  [/^oracle/, ['audit', 'alert']],
  [/^sqlserver/, ['error', 'agent']],
  [/^docdb/, ['audit']],
  [/^neptune/, ['audit']],
];

export default defineRule({
  id: 'database-log-exports',
  title: 'Database that may hold PHI does not export its audit and error logs to CloudWatch',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(ii)(A)', '164.308(a)(5)(ii)(C)', '164.312(b)'],
  controls: ['database-log-exports'],
  appliesTo: {
    cloudformation: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'],
    terraform: ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster'],
  },
  responsibility: {
    aws: 'RDS, Aurora, DocumentDB and Neptune publish the engine log types a database lists to CloudWatch Logs, where they outlive the instance.',
    customer: 'List the audit and error log types, turn on the engine audit feature (server_audit_logging, pgaudit, audit_logs, neptune_enable_audit_log) in the parameter group or option group, and protect the log groups.',
  },
  messages: {
    missingExports: 'Database {resource} does not export the log types {missing} to CloudWatch Logs: logins and queries against PHI are not kept outside the instance.',
    unknown: 'Log exports of database {resource} cannot be verified statically: {reason}.',
  },
  limits: 'Exporting the audit log type is not enough by itself: the engine audit setting in the parameter or option group (server_audit_logging, pgaudit, audit_logs, neptune_enable_audit_log) must be on, and it is not checked here.',
  check(db: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(db);
    // Aurora members are judged on their cluster.
    if (db.type === 'AWS::RDS::DBInstance' && ctx.get(db, 'DBClusterIdentifier').present) return [];
    const engineProp = tf ? 'engine' : 'Engine';
    const exportsProp = db.type === 'aws_neptune_cluster' ? 'enable_cloudwatch_logs_exports' : tf ? 'enabled_cloudwatch_logs_exports' : 'EnableCloudwatchLogsExports';
    const engine = engineOf(ctx, db, engineProp);
    if (engine.kind === 'unknown') return [unknownResult(engine.path, engine.reason)];
    const required = REQUIRED.find(([re]) => re.test(engine.name))?.[1];
    if (!required) return [];
    const lookup = ctx.get(db, exportsProp);
    const p = possible(lookup.resolved);
    if (p.unknown !== undefined) return [unknownResult(lookup.path, p.unknown)];
    const options: JsonValue[][] = [...p.values.map((v) => (Array.isArray(v) ? v : [])), ...(p.absent ? [[]] : [])];
    const missing = new Set<string>();
    for (const o of options) {
      const listed = o.map((x) => text(x)?.toLowerCase());
      for (const r of required) if (!listed.includes(r)) missing.add(r);
    }
    if (!missing.size) return [];
    const known = p.values.length === 1 && Array.isArray(p.values[0]) && !p.absent ? (p.values[0] as JsonValue[]) : [];
    const value = [...known, ...required.filter((r) => !known.map((x) => text(x)?.toLowerCase()).includes(r))];
    const fixes = tf ? [] : [{ title: 'Export the audit and error logs (adds CloudWatch Logs ingestion cost)', safe: false, consequence: 'adds CloudWatch Logs ingestion cost', edits: [{ op: 'set' as const, path: [...db.propertiesPath, exportsProp], value }] }];
    return [{ status: 'fail', path: pointAt(db, lookup, exportsProp), messageId: 'missingExports', data: { missing: [...missing].join(', ') }, fixes }];
  },
});

function engineOf(ctx: RuleContext, db: Resource, prop: string): { kind: 'known'; name: string } | { kind: 'unknown'; path: readonly (string | number)[]; reason: string } {
  const fixed = db.type.includes('DocDB') || db.type === 'aws_docdb_cluster' ? 'docdb' : db.type.includes('Neptune') || db.type === 'aws_neptune_cluster' ? 'neptune' : undefined;
  if (fixed) return { kind: 'known', name: fixed };
  const lookup = ctx.get(db, prop);
  const p = possible(lookup.resolved);
  if (p.unknown !== undefined) return { kind: 'unknown', path: lookup.path, reason: p.unknown };
  // Fn::If over engines: judge the first; SnapshotIdentifier restores without an engine are skipped.
  return { kind: 'known', name: (text(p.values[0]) ?? '').toLowerCase() };
}
