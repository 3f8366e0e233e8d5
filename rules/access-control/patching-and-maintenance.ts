import { defineRule, isFalse, isTerraform, itemCount, possible, setFix, targetPath, text, unknownAt, type FixIntent, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';

const MANAGED = 'aws:elasticbeanstalk:managedactions';
const PLATFORM = 'aws:elasticbeanstalk:managedactions:platformupdate';

export default defineRule({
  id: 'patching-and-maintenance',
  title: 'Managed engine that may hold PHI does not receive security updates automatically',
  category: 'access-control',
  severity: 'info',
  hipaa: ['164.308(a)(5)(ii)(A)', '164.308(a)(7)(ii)(A)'],
  controls: ['patching-and-maintenance'],
  appliesTo: {
    cloudformation: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::Redshift::Cluster', 'AWS::ElasticBeanstalk::Environment'],
    terraform: ['aws_db_instance', 'aws_rds_cluster', 'aws_redshift_cluster', 'aws_elastic_beanstalk_environment'],
  },
  responsibility: {
    aws: 'AWS publishes engine and platform patches and applies them in the maintenance window when the resource allows it.',
    customer: 'Allow automatic minor-version and platform updates (or run your own patch process) so known vulnerabilities in the engine holding PHI get fixed.',
  },
  messages: {
    noMinorUpgrade: 'Database {resource} has {property} false: minor engine versions with security fixes are not applied automatically.',
    noVersionUpgrade: 'Redshift cluster {resource} has {property} false: engine upgrades with security fixes are not applied in the maintenance window.',
    noSnapshots: 'Redshift cluster {resource} keeps no automated snapshots ({property} 0), so a failed maintenance update cannot be rolled back.',
    noManagedUpdates: 'Elastic Beanstalk environment {resource} does not enable managed platform updates ({option}); turn on ManagedActionsEnabled with UpdateLevel minor or patch.',
    unknown: 'The update settings of {resource} cannot be verified statically: {reason}.',
  },
  limits: 'Patching done by your own process (pipelines, scheduled upgrades) is not visible in a template.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    switch (resource.type) {
      case 'AWS::RDS::DBInstance':
      case 'AWS::RDS::DBCluster':
        return notFalse(ctx, resource, 'AutoMinorVersionUpgrade', 'noMinorUpgrade', setFix(resource, 'AutoMinorVersionUpgrade', true, 'Apply minor engine versions automatically'));
      case 'aws_db_instance':
      case 'aws_rds_cluster':
        return notFalse(ctx, resource, 'auto_minor_version_upgrade', 'noMinorUpgrade', []);
      case 'AWS::Redshift::Cluster':
      case 'aws_redshift_cluster': {
        const upgrade = tf ? 'allow_version_upgrade' : 'AllowVersionUpgrade';
        const retention = tf ? 'automated_snapshot_retention_period' : 'AutomatedSnapshotRetentionPeriod';
        const out = notFalse(ctx, resource, upgrade, 'noVersionUpgrade', setFix(resource, upgrade, true, 'Allow engine upgrades in the maintenance window'));
        const r = ctx.get(resource, retention);
        if (possible(r.resolved).values.some((v) => Number(v) === 0 && v !== null && v !== '')) out.push({ status: 'fail', path: r.path, messageId: 'noSnapshots', data: { property: retention } });
        return out;
      }
    }
    return beanstalk(ctx, resource, tf);
  },
});

function notFalse(ctx: RuleContext, resource: Resource, property: string, messageId: string, fixes: FixIntent[]): RuleResult[] {
  const l = ctx.get(resource, property);
  const p = possible(l.resolved);
  if (p.values.some(isFalse)) return [{ status: 'fail', path: l.path, messageId, data: { property }, fixes }];
  if (p.unknown) return [unknownAt(l.path, p.unknown)];
  return [];
}

/** Option settings as namespace/name → value lookups. */
function beanstalk(ctx: RuleContext, env: Resource, tf: boolean): RuleResult[] {
  const list = tf ? 'setting' : 'OptionSettings';
  const [ns, name, value] = tf ? ['namespace', 'name', 'value'] : ['Namespace', 'OptionName', 'Value'];
  const find = (namespace: string, option: string): { path: Path; values: string[]; unknown?: string } | undefined => {
    for (let i = 0; i < itemCount(ctx, env, [list]); i++) {
      const n = text(possible(ctx.get(env, [list, i, ns]).resolved).values[0]);
      const o = text(possible(ctx.get(env, [list, i, name]).resolved).values[0]);
      if (n === namespace && o === option) {
        const v = ctx.get(env, [list, i, value]);
        const p = possible(v.resolved);
        return { path: v.path, values: p.values.map((x) => text(x) ?? ''), unknown: p.unknown };
      }
    }
    return undefined;
  };
  const settings = ctx.get(env, list);
  if (settings.resolved.kind === 'unknown') return [unknownAt(settings.path, settings.resolved.reason)];
  const enabled = find(MANAGED, 'ManagedActionsEnabled');
  const level = find(PLATFORM, 'UpdateLevel');
  const edits = [
    { Namespace: MANAGED, OptionName: 'ManagedActionsEnabled', Value: 'true' },
    ...(find(MANAGED, 'PreferredStartTime') ? [] : [{ Namespace: MANAGED, OptionName: 'PreferredStartTime', Value: 'Sun:04:00' }]),
    ...(level ? [] : [{ Namespace: PLATFORM, OptionName: 'UpdateLevel', Value: 'minor' }]),
  ].map((value) => ({ op: 'append' as const, path: [...env.propertiesPath, 'OptionSettings'], value }));
  const fixes: FixIntent[] = tf || env.implicitFrom ? [] : [{ title: 'Enable managed platform updates (minor level, Sundays 04:00 UTC)', safe: true, edits }];
  if (!enabled) return [{ status: 'fail', path: targetPath(env, settings, [list]), messageId: 'noManagedUpdates', data: { option: 'ManagedActionsEnabled is not set' }, fixes: settings.present && settings.node?.kind !== 'seq' ? [] : fixes }];
  if (enabled.values.some((v) => v.toLowerCase() !== 'true')) return [{ status: 'fail', path: enabled.path, messageId: 'noManagedUpdates', data: { option: 'ManagedActionsEnabled is false' } }];
  if (enabled.unknown) return [unknownAt(enabled.path, enabled.unknown)];
  if (!level) return [{ status: 'fail', path: targetPath(env, settings, [list]), messageId: 'noManagedUpdates', data: { option: 'UpdateLevel is not set' } }];
  if (level.values.some((v) => !['minor', 'patch'].includes(v.toLowerCase()))) return [{ status: 'fail', path: level.path, messageId: 'noManagedUpdates', data: { option: 'UpdateLevel is not minor or patch' } }];
  if (level.unknown) return [unknownAt(level.path, level.unknown)];
  return [];
}
