import { defineRule, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { groupOf, parameterOf, shapeOf } from './parameter-groups';
import { isTerraform, itemCount, oneOf, possible, targetPath, targetsOf, text, unknownAt } from '../kit';

interface EngineRule {
  parameter: string;
  /** Values that force TLS. */
  accepted: string[];
  /** The value the fix writes. */
  fix: string;
}

const FORCE_SSL: EngineRule = { parameter: 'rds.force_ssl', accepted: ['1', 'true', 'on'], fix: '1' };
const SECURE_TRANSPORT: EngineRule = { parameter: 'require_secure_transport', accepted: ['ON', '1', 'true'], fix: 'ON' };

/** The TLS parameter of an engine; `oracle` uses an option group instead; undefined for engines this rule does not cover. */
function engineRule(engine: string): EngineRule | 'oracle' | undefined {
  const e = engine.toLowerCase();
  if (e === 'postgres' || e === 'aurora-postgresql' || e.startsWith('sqlserver-')) return FORCE_SSL;
  if (e === 'mysql' || e === 'mariadb' || e === 'aurora' || e === 'aurora-mysql') return SECURE_TRANSPORT;
  if (e.startsWith('oracle-')) return 'oracle';
  return undefined;
}

/** RDS for PostgreSQL 15 and later (and the current default version) force TLS in the default parameter group. */
function defaultForcesTls(engine: string, version: string | undefined): boolean {
  if (engine.toLowerCase() !== 'postgres') return false;
  if (version === undefined) return true;
  return Number.parseInt(version, 10) >= 15;
}

const TYPES = {
  instance: { cfnProp: 'DBParameterGroupName', tfProp: 'parameter_group_name', groups: ['AWS::RDS::DBParameterGroup', 'aws_db_parameter_group'], names: ['DBParameterGroupName'] },
  cluster: { cfnProp: 'DBClusterParameterGroupName', tfProp: 'db_cluster_parameter_group_name', groups: ['AWS::RDS::DBClusterParameterGroup', 'aws_rds_cluster_parameter_group'], names: ['DBClusterParameterGroupName'] },
};

export default defineRule({
  id: 'rds-require-tls',
  title: 'RDS or Aurora database that may hold PHI accepts connections without TLS',
  category: 'encryption-in-transit',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['rds-require-tls'],
  appliesTo: { cloudformation: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], terraform: ['aws_db_instance', 'aws_rds_cluster'] },
  responsibility: {
    aws: 'RDS issues server certificates and offers TLS on every engine endpoint.',
    customer: 'Force TLS for every session with the engine parameter (rds.force_ssl, require_secure_transport) or, for Oracle, the SSL option, and keep clients on a current RDS certificate authority.',
  },
  messages: {
    notForced: 'Parameter group {group} of {resource} ({engine}) does not force TLS: set {parameter} to {expected}, or clients may send PHI and credentials in clear text.',
    defaultGroup: '{resource} ({engine}) uses the default parameter group, where {parameter} is off; clients may connect without TLS. Attach a parameter group that sets {parameter} to {expected}.',
    noSslOption: 'Oracle database {resource} has no SSL option in its option group, so clients connect without TLS.',
    unknown: 'Whether {resource} forces TLS cannot be verified statically: {reason}.',
  },
  check(db: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(db);
    const isInstance = db.type === 'AWS::RDS::DBInstance' || db.type === 'aws_db_instance';
    const engineLookup = ctx.get(db, tf ? 'engine' : 'Engine');
    if (isInstance && !tf && ctx.get(db, 'DBClusterIdentifier').present) return []; // Aurora members: judged on the cluster
    if (isInstance && tf && text(possible(ctx.get(db, 'cluster_identifier').resolved).values[0])) return [];
    const replica = ctx.get(db, tf ? 'replicate_source_db' : 'SourceDBInstanceIdentifier');
    if (!engineLookup.present && replica.present) return []; // read replicas take the engine of their source
    const engines = possible(engineLookup.resolved);
    if (engines.unknown) return [unknownAt(engineLookup.path, engines.unknown)];
    const engine = text(engines.values[0]);
    if (!engine) return [];
    const rule = engineRule(engine);
    if (!rule) return [];
    if (rule === 'oracle') return checkOracle(db, ctx);
    const version = text(possible(ctx.get(db, tf ? 'engine_version' : 'EngineVersion').resolved).values[0]);
    const kind = isInstance ? TYPES.instance : TYPES.cluster;
    const ref = groupOf(ctx, db, tf ? kind.tfProp : kind.cfnProp, kind.groups, kind.names);
    const data = { engine, parameter: rule.parameter, expected: rule.fix };
    if (ref.kind === 'external') return [unknownAt(ref.path, ref.reason)];
    if (ref.kind === 'default') return defaultForcesTls(engine, version) ? [] : [{ status: 'fail', path: ref.path, messageId: 'defaultGroup', data }];
    const group = ref.group;
    const { value, listPath } = parameterOf(ctx, group, rule.parameter);
    const groupData = { ...data, group: group.id };
    if (!value) {
      if (defaultForcesTls(engine, version)) return [];
      return [{ status: 'fail', path: listPath, messageId: 'notForced', data: groupData, resourceId: group.id, fixes: parameterFix(group, rule) }];
    }
    const values = possible(value.resolved);
    if (values.values.some((v) => !oneOf(v, ...rule.accepted))) {
      return [{ status: 'fail', path: value.path, messageId: 'notForced', data: groupData, resourceId: group.id, fixes: parameterFix(group, rule) }];
    }
    return values.unknown ? [{ ...unknownAt(value.path, values.unknown), resourceId: group.id }] : [];
  },
});

function parameterFix(group: Resource, rule: EngineRule): FixIntent[] {
  if (shapeOf(group) !== 'map') return [];
  return [{ title: `Force TLS: set ${rule.parameter} to ${rule.fix}`, safe: true, edits: [{ op: 'set', path: [...group.propertiesPath, 'Parameters', rule.parameter], value: rule.fix }] }];
}

/** Oracle forces TLS with the SSL option of an option group. */
function checkOracle(db: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(db);
  const prop = tf ? 'option_group_name' : 'OptionGroupName';
  const lookup = ctx.get(db, prop);
  const groups = targetsOf(ctx, db, prop, ['AWS::RDS::OptionGroup', 'aws_db_option_group'], ['OptionGroupName']);
  if (groups.length === 0) {
    const values = possible(lookup.resolved);
    if (values.unknown) return [unknownAt(lookup.path, values.unknown)];
    const name = text(values.values[0]);
    if (name && !name.startsWith('default:')) return [unknownAt(lookup.path, `option group ${name} is not declared in this template`)];
    return [{ status: 'fail', path: targetPath(db, lookup, [prop]), messageId: 'noSslOption' }];
  }
  const group = groups[0];
  const list = tf ? 'option' : 'OptionConfigurations';
  for (let i = 0; i < itemCount(ctx, group, [list]); i++) {
    const name = possible(ctx.get(group, [list, i, tf ? 'option_name' : 'OptionName']).resolved);
    if (name.values.some((v) => oneOf(v, 'SSL'))) return [];
    if (name.unknown) return [{ ...unknownAt(ctx.get(group, [list, i]).path, name.unknown), resourceId: group.id }];
  }
  return [{ status: 'fail', path: ctx.get(group, [list]).path, messageId: 'noSslOption', resourceId: group.id }];
}
