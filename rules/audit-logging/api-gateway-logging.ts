import { defineRule, isTerraform, possible, text, type FixIntent, type JsonValue, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isGiven, listItems, pointAt, pointersTo, unknownResult } from './logging-support';

const REST = ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'];
const TF_METHOD_SETTINGS = 'aws_api_gateway_method_settings';

export default defineRule({
  id: 'api-gateway-logging',
  title: 'API Gateway stage that may carry PHI writes no execution or access log',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.312(b)'],
  controls: ['api-gateway-logging'],
  phiScope: 'phi-path',
  appliesTo: {
    cloudformation: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi'],
    terraform: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
  },
  responsibility: {
    aws: 'API Gateway writes execution logs and access logs (in the format the customer defines) to CloudWatch Logs when a stage asks for them.',
    customer: 'Turn on access logging with a format that identifies caller and request, turn on execution logging at ERROR or INFO for REST APIs, and set the account-level CloudWatch role once per Region.',
  },
  messages: {
    noAccessLogs: 'Stage {resource} has no access log destination: calls to the API, and who made them, are not recorded.',
    noExecutionLogs: 'REST stage {resource} has no execution logging for all methods (a MethodSettings entry for "*" and "/*" with LoggingLevel ERROR or INFO).',
    unknown: 'Logging of API stage {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noExecutionLogs: 'REST stage {resource} has no execution logging for all methods (an aws_api_gateway_method_settings for the stage with method_path "*/*" and settings.logging_level ERROR or INFO).',
  },
  limits: 'The account-level CloudWatch role (AWS::ApiGateway::Account) that execution logs need, stages created through a Deployment StageDescription and the implicit API SAM creates from function events are not checked.',
  check(stage: Resource, ctx: RuleContext): RuleResult[] {
    if (isTerraform(stage)) return checkTerraform(stage, ctx);
    const out: RuleResult[] = [];
    const accessPath = REST.includes(stage.type) ? 'AccessLogSetting.DestinationArn' : 'AccessLogSettings.DestinationArn';
    const access = isGiven(ctx, stage, accessPath);
    if (access.outcome === 'unknown') out.push(unknownResult(pointAt(stage, access.lookup, accessPath), access.reason));
    else if (access.outcome === 'fail') out.push({ status: 'fail', path: pointAt(stage, access.lookup, accessPath), messageId: 'noAccessLogs', fixes: accessFix(stage, accessPath) });
    if (REST.includes(stage.type)) out.push(...executionLogs(ctx, stage, ['MethodSettings'], { method: 'HttpMethod', path: 'ResourcePath', level: 'LoggingLevel' }));
    return out;
  },
});

const LEVELS = ['error', 'info'];
const levelOk = (v: JsonValue | undefined) => LEVELS.includes(String(text(v) ?? '').toLowerCase());

/** A method settings list with a catch-all entry ("*" and "/*") whose logging level is ERROR or INFO. */
function executionLogs(ctx: RuleContext, stage: Resource, list: Path, k: { method: string; path: string; level: string }): RuleResult[] {
  const settings = ctx.get(stage, list);
  for (const i of listItems(ctx, stage, list)) {
    const method = text(possible(ctx.get(stage, [...list, i, k.method]).resolved).values[0]);
    const resourcePath = text(possible(ctx.get(stage, [...list, i, k.path]).resolved).values[0]);
    if (method !== '*' || resourcePath !== '/*') continue;
    const level = ctx.get(stage, [...list, i, k.level]);
    const p = possible(level.resolved);
    if (p.unknown !== undefined) return [unknownResult(level.path, p.unknown)];
    if (!p.absent && p.values.length && p.values.every(levelOk)) return [];
    return [{ status: 'fail', path: pointAt(stage, level, [...list, i, k.level]), messageId: 'noExecutionLogs', fixes: [{ title: 'Log errors for all methods', safe: true, edits: [{ op: 'set', path: [...stage.propertiesPath, ...list, i, k.level], value: 'ERROR' }] }] }];
  }
  const p = possible(settings.resolved);
  if (p.unknown !== undefined && settings.node?.kind !== 'seq') return [unknownResult(settings.path, p.unknown)];
  return [{ status: 'fail', path: pointAt(stage, settings, list), messageId: 'noExecutionLogs', fixes: [{ title: 'Log errors for all methods', safe: true, edits: [{ op: 'append', path: [...stage.propertiesPath, ...list], value: { HttpMethod: '*', ResourcePath: '/*', LoggingLevel: 'ERROR' } }] }] }];
}

function accessFix(stage: Resource, path: string): FixIntent[] {
  return [
    {
      title: 'Send access logs to CloudWatch Logs (adds CloudWatch Logs ingestion cost)',
      safe: false,
      consequence: 'adds CloudWatch Logs ingestion cost',
      edits: [{ op: 'set', path: [...stage.propertiesPath, ...path.split('.')], value: { newParameter: { name: 'ApiAccessLogGroupArn', type: 'String', description: 'ARN of the CloudWatch Logs group that receives API access logs' } } }],
    },
  ];
}

function checkTerraform(stage: Resource, ctx: RuleContext): RuleResult[] {
  const out: RuleResult[] = [];
  const accessPath: Path = ['access_log_settings', 0, 'destination_arn'];
  const access = isGiven(ctx, stage, accessPath);
  if (access.outcome === 'unknown') out.push(unknownResult(pointAt(stage, access.lookup, accessPath), access.reason));
  else if (access.outcome === 'fail') out.push({ status: 'fail', path: pointAt(stage, ctx.get(stage, 'access_log_settings'), ['access_log_settings']), messageId: 'noAccessLogs' });
  if (stage.type !== 'aws_api_gateway_stage') return out;
  // Execution logging lives in aws_api_gateway_method_settings, joined on the stage name (and API).
  const joined = pointersTo(ctx, [TF_METHOD_SETTINGS], ['stage_name'], stage, ['stage_name']);
  let undecided: RuleResult | undefined;
  for (const m of joined) {
    if (text(possible(ctx.get(m, 'method_path').resolved).values[0]) !== '*/*') continue;
    const level = ctx.get(m, ['settings', 0, 'logging_level']);
    const p = possible(level.resolved);
    if (p.unknown !== undefined) undecided ??= { ...unknownResult(level.path, p.unknown), resourceId: m.id };
    else if (p.values.length && p.values.every(levelOk)) return out;
  }
  out.push(undecided ?? { status: 'fail', path: stage.path, messageId: 'noExecutionLogs' });
  return out;
}
