import { defineRule, evaluate, isTrue, possible, setFix, text, type JsonValue, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { listItems, unknownResult } from './logging-support';

export default defineRule({
  id: 'no-phi-payloads-in-logs',
  title: 'Logging option copies full request, response or execution data (and so PHI) into logs',
  category: 'audit-logging',
  severity: 'error',
  hipaa: ['164.312(a)(1)', '164.312(b)', '164.502(b)'],
  controls: ['no-phi-payloads-in-logs'],
  phiScope: 'phi-path',
  appliesTo: {
    cloudformation: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api', 'AWS::ApiGatewayV2::Stage', 'AWS::Serverless::HttpApi', 'AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine', 'AWS::AppSync::GraphQLApi'],
    terraform: ['aws_api_gateway_method_settings', 'aws_apigatewayv2_stage', 'aws_sfn_state_machine', 'aws_appsync_graphql_api'],
  },
  responsibility: {
    aws: 'The services log exactly what their verbosity settings ask for; full request and response logging, execution data and verbose resolver logs copy payloads verbatim.',
    customer: 'Keep payload logging off on paths that carry PHI, log identifiers and outcomes instead, and if payloads must be logged for a while, encrypt the log group, restrict it and mask PHI with a data protection policy.',
  },
  messages: {
    dataTrace: '{resource} turns on full request and response logging (DataTraceEnabled): request bodies with PHI are copied into CloudWatch Logs, where a different set of people can read them.',
    executionData: 'State machine {resource} logs execution data (IncludeExecutionData): the input and output of every state, including PHI, is copied into CloudWatch Logs.',
    fieldLogs: 'GraphQL API {resource} logs resolver fields at {level} without ExcludeVerboseContent: arguments and results with PHI are copied into CloudWatch Logs.',
    unknown: 'Whether {resource} logs payloads cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    dataTrace: '{resource} turns on full request and response logging (data_trace_enabled): request bodies with PHI are copied into CloudWatch Logs, where a different set of people can read them.',
    executionData: 'State machine {resource} logs execution data (include_execution_data): the input and output of every state, including PHI, is copied into CloudWatch Logs.',
    fieldLogs: 'GraphQL API {resource} logs resolver fields at {level} without exclude_verbose_content: arguments and results with PHI are copied into CloudWatch Logs.',
  },
  limits: 'What the application code itself writes to its logs is not visible. A log group data protection policy that masks identifiers reduces, but does not remove, the exposure.',
  check(r: Resource, ctx: RuleContext): RuleResult[] {
    switch (r.type) {
      case 'AWS::ApiGateway::Stage':
      case 'AWS::Serverless::Api':
        return listItems(ctx, r, ['MethodSettings']).flatMap((i) => flagTrue(ctx, r, ['MethodSettings', i, 'DataTraceEnabled'], 'dataTrace'));
      case 'AWS::ApiGatewayV2::Stage':
      case 'AWS::Serverless::HttpApi':
        return flagTrue(ctx, r, ['DefaultRouteSettings', 'DataTraceEnabled'], 'dataTrace');
      case 'aws_api_gateway_method_settings':
        return flagTrue(ctx, r, ['settings', 0, 'data_trace_enabled'], 'dataTrace');
      case 'aws_apigatewayv2_stage':
        return flagTrue(ctx, r, ['default_route_settings', 0, 'data_trace_enabled'], 'dataTrace');
      case 'AWS::StepFunctions::StateMachine':
        return flagTrue(ctx, r, ['LoggingConfiguration', 'IncludeExecutionData'], 'executionData');
      case 'AWS::Serverless::StateMachine':
        return flagTrue(ctx, r, ['Logging', 'IncludeExecutionData'], 'executionData');
      case 'aws_sfn_state_machine':
        return flagTrue(ctx, r, ['logging_configuration', 0, 'include_execution_data'], 'executionData');
      case 'AWS::AppSync::GraphQLApi':
        return fieldLogs(ctx, r, ['LogConfig'], { level: 'FieldLogLevel', exclude: 'ExcludeVerboseContent' });
      case 'aws_appsync_graphql_api':
        return fieldLogs(ctx, r, ['log_config', 0], { level: 'field_log_level', exclude: 'exclude_verbose_content' });
      default:
        return [];
    }
  },
});

/** A flag that must not be true (absent means off). */
function flagTrue(ctx: RuleContext, r: Resource, path: Path, messageId: string): RuleResult[] {
  const lookup = ctx.get(r, path);
  const e = evaluate(lookup.resolved, (v) => !isTrue(v), true);
  if (e.outcome === 'unknown') return [unknownResult(lookup.path, e.reason ?? 'decided at deploy time')];
  if (e.outcome === 'pass') return [];
  return [{ status: 'fail', path: lookup.path, messageId, fixes: setFix(r, path, false, 'Stop logging payloads') }];
}

const VERBOSE_LEVELS = ['all', 'debug', 'info'];

function fieldLogs(ctx: RuleContext, r: Resource, base: Path, k: { level: string; exclude: string }): RuleResult[] {
  const level = ctx.get(r, [...base, k.level]);
  const p = possible(level.resolved);
  if (p.unknown !== undefined) return [unknownResult(level.path, p.unknown)];
  const verbose = p.values.map((v: JsonValue) => text(v)?.toLowerCase() ?? '').find((v) => VERBOSE_LEVELS.includes(v));
  if (!verbose) return [];
  const exclude = ctx.get(r, [...base, k.exclude]);
  const e = evaluate(exclude.resolved, isTrue);
  if (e.outcome === 'pass') return [];
  if (e.outcome === 'unknown') return [unknownResult(exclude.path, e.reason ?? 'decided at deploy time')];
  const fixes = r.family === 'terraform-plan' ? [] : [{ title: 'Log errors only and leave out verbose content', safe: true, edits: [{ op: 'set' as const, path: level.path, value: 'ERROR' }, { op: 'set' as const, path: [...r.propertiesPath, ...base, k.exclude], value: true }] }];
  return [{ status: 'fail', path: level.path, messageId: 'fieldLogs', data: { level: verbose.toUpperCase() }, fixes }];
}
