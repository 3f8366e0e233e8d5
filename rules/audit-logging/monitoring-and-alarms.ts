import { defineRule, evaluate, isFalse, isTerraform, isTrue, possible, setFix, text, type FixIntent, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isGiven, listItems, pointAt, unknownResult } from './logging-support';

const COST = { safe: false, consequence: 'adds monitoring cost' };

export default defineRule({
  id: 'monitoring-and-alarms',
  title: 'Monitoring hook that would surface problems on PHI systems is missing',
  category: 'audit-logging',
  severity: 'info',
  hipaa: ['164.312(b)'],
  controls: ['monitoring-and-alarms'],
  phiScope: 'phi-path',
  appliesTo: {
    cloudformation: ['AWS::CloudWatch::Alarm', 'AWS::EC2::Instance', 'AWS::RDS::DBInstance', 'AWS::ElasticBeanstalk::Environment', 'AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
    terraform: ['aws_cloudwatch_metric_alarm', 'aws_instance', 'aws_db_instance', 'aws_elastic_beanstalk_environment', 'aws_api_gateway_stage'],
  },
  responsibility: {
    aws: 'AWS emits basic metrics and, on request, detailed EC2 metrics, RDS enhanced monitoring, Elastic Beanstalk enhanced health and X-Ray traces; alarms notify only the actions they list.',
    customer: 'Turn on the finer-grained monitoring for PHI systems, wire alarms to people or automation who respond, and keep PHI out of trace annotations and metadata.',
  },
  messages: {
    noAlarmActions: 'Alarm {resource} notifies nobody: it lists no alarm, OK or insufficient-data actions.',
    actionsDisabled: 'Alarm {resource} has its actions disabled (ActionsEnabled is false): it changes state without telling anyone.',
    noDetailedMonitoring: 'Instance {resource} has basic monitoring only (five-minute metrics); turn on detailed monitoring to see problems on PHI hosts sooner.',
    noEnhancedMonitoring: 'Database {resource} has no enhanced monitoring (MonitoringInterval is 0): operating-system metrics of the PHI database are not collected.',
    noEnhancedHealth: 'Environment {resource} uses basic health reporting; set aws:elasticbeanstalk:healthreporting:system SystemType to enhanced.',
    noTracing: 'API stage {resource} has X-Ray tracing off: the path of requests to PHI back ends cannot be followed.',
    unknown: 'A monitoring setting of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    actionsDisabled: 'Alarm {resource} has its actions disabled (actions_enabled is false): it changes state without telling anyone.',
    noEnhancedMonitoring: 'Database {resource} has no enhanced monitoring (monitoring_interval is 0): operating-system metrics of the PHI database are not collected.',
  },
  limits: 'Whether anyone watches the alarms and dashboards, and whether trace annotations stay free of PHI, is outside the template.',
  check(r: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(r);
    switch (r.type) {
      case 'AWS::CloudWatch::Alarm':
      case 'aws_cloudwatch_metric_alarm':
        return alarm(ctx, r, tf);
      case 'AWS::EC2::Instance':
      case 'aws_instance':
        return mustBeTrue(ctx, r, tf ? 'monitoring' : 'Monitoring', 'noDetailedMonitoring');
      case 'AWS::RDS::DBInstance':
      case 'aws_db_instance': {
        const prop = tf ? 'monitoring_interval' : 'MonitoringInterval';
        const l = ctx.get(r, prop);
        const e = evaluate(l.resolved, (v) => Number(v) > 0);
        if (e.outcome === 'unknown') return [unknownResult(l.path, e.reason ?? 'decided at deploy time')];
        return e.outcome === 'fail' ? [{ status: 'fail', path: pointAt(r, l, prop), messageId: 'noEnhancedMonitoring' }] : [];
      }
      case 'AWS::ElasticBeanstalk::Environment':
      case 'aws_elastic_beanstalk_environment':
        return beanstalk(ctx, r, tf);
      case 'AWS::ApiGateway::Stage':
      case 'AWS::Serverless::Api':
      case 'aws_api_gateway_stage':
        return mustBeTrue(ctx, r, tf ? 'xray_tracing_enabled' : 'TracingEnabled', 'noTracing');
      default:
        return [];
    }
  },
});

function mustBeTrue(ctx: RuleContext, r: Resource, prop: string, messageId: string): RuleResult[] {
  const l = ctx.get(r, prop);
  const e = evaluate(l.resolved, isTrue);
  if (e.outcome === 'unknown') return [unknownResult(l.path, e.reason ?? 'decided at deploy time')];
  return e.outcome === 'fail' ? [{ status: 'fail', path: pointAt(r, l, prop), messageId, fixes: setFix(r, prop, true, 'Turn it on', COST) }] : [];
}

function alarm(ctx: RuleContext, r: Resource, tf: boolean): RuleResult[] {
  const enabledProp = tf ? 'actions_enabled' : 'ActionsEnabled';
  const enabled = ctx.get(r, enabledProp);
  const en = possible(enabled.resolved);
  if (en.unknown !== undefined) return [unknownResult(enabled.path, en.unknown)];
  if (en.values.some((v) => isFalse(v))) return [{ status: 'fail', path: enabled.path, messageId: 'actionsDisabled', fixes: setFix(r, enabledProp, true, 'Enable the alarm actions') }];
  const lists = tf ? ['alarm_actions', 'ok_actions', 'insufficient_data_actions'] : ['AlarmActions', 'OKActions', 'InsufficientDataActions'];
  let undecided: RuleResult | undefined;
  for (const l of lists) {
    const g = isGiven(ctx, r, l);
    if (g.outcome === 'pass') return [];
    if (g.outcome === 'unknown') undecided ??= unknownResult(g.lookup.path, g.reason);
  }
  const topic = { newParameter: { name: 'AlarmTopicArn', type: 'String', description: 'ARN of the SNS topic (or other action) that tells responders about the alarm' } };
  const fixes: FixIntent[] = tf ? [] : [{ title: 'Notify responders when the alarm fires', safe: true, edits: [{ op: 'set', path: [...r.propertiesPath, 'AlarmActions'], value: [topic] as unknown as JsonValue }] }];
  return [undecided ?? { status: 'fail', path: pointAt(r, ctx.get(r, lists[0]), lists[0]), messageId: 'noAlarmActions', fixes }];
}

function beanstalk(ctx: RuleContext, r: Resource, tf: boolean): RuleResult[] {
  const list = tf ? 'setting' : 'OptionSettings';
  const k = tf ? { ns: 'namespace', name: 'name', value: 'value' } : { ns: 'Namespace', name: 'OptionName', value: 'Value' };
  for (const i of listItems(ctx, r, [list])) {
    const ns = text(possible(ctx.get(r, [list, i, k.ns]).resolved).values[0]);
    const name = text(possible(ctx.get(r, [list, i, k.name]).resolved).values[0]);
    if (ns !== 'aws:elasticbeanstalk:healthreporting:system' || name !== 'SystemType') continue;
    const v = ctx.get(r, [list, i, k.value]);
    const p = possible(v.resolved);
    if (p.unknown !== undefined) return [unknownResult(v.path, p.unknown)];
    if (p.values.length && p.values.every((x) => text(x)?.toLowerCase() === 'enhanced')) return [];
    return [{ status: 'fail', path: v.path, messageId: 'noEnhancedHealth', fixes: tf ? [] : [{ title: 'Use enhanced health reporting', safe: true, edits: [{ op: 'set', path: v.path, value: 'enhanced' }] }] }];
  }
  const l = ctx.get(r, list);
  const fixes = tf ? [] : [{ title: 'Use enhanced health reporting', safe: true, edits: [{ op: 'append' as const, path: [...r.propertiesPath, list], value: { Namespace: 'aws:elasticbeanstalk:healthreporting:system', OptionName: 'SystemType', Value: 'enhanced' } }] }];
  return [{ status: 'fail', path: pointAt(r, l, list), messageId: 'noEnhancedHealth', fixes }];
}
