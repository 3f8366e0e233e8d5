import { defineRule, evaluate, isNonEmpty, oneOfValues, referrersOf, targetPath, targetsOf, text, type Outcome, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, unknownAt, type FixIntent } from '../kit';

const FUNCTIONS = ['AWS::Lambda::Function', 'AWS::Serverless::Function'];
/** SAM event sources that never invoke asynchronously: the caller sees the error, or the mapping keeps the record. */
const NOT_ASYNC = ['Api', 'HttpApi', 'SQS', 'Kinesis', 'DynamoDB', 'MSK', 'MQ', 'SelfManagedKafka', 'DocumentDB'];

/** One place a failure destination may live, and what it says. */
interface Verdict {
  outcome: Outcome;
  path: Path;
  reason?: string;
}

export default defineRule({
  id: 'lambda-failure-handling',
  title: 'Lambda function that may process PHI drops events it fails to process',
  category: 'backup-recovery',
  severity: 'warning',
  hipaa: ['164.312(b)'],
  controls: ['lambda-failure-handling'],
  appliesTo: { cloudformation: FUNCTIONS, terraform: ['aws_lambda_function'] },
  responsibility: {
    aws: 'Lambda retries a failed asynchronous invocation twice and then discards the event, unless the function names a dead-letter queue or an on-failure destination.',
    customer: 'Give functions that handle PHI a dead-letter queue or on-failure destination, encrypt that queue or topic (it now holds PHI), and watch and replay what lands there.',
  },
  messages: {
    noFailureDestination: 'Function {resource} has no dead-letter queue and no on-failure destination; an asynchronous event it fails to process is discarded after the retries.',
    unknown: 'The failure handling of function {resource} cannot be verified statically: {reason}.',
  },
  limits:
    'Dead-letter queues and on-failure destinations only apply to asynchronous invocations. SAM functions whose declared events are all synchronous (Api, HttpApi) or poll-based (SQS, Kinesis, DynamoDB, MSK, MQ, Kafka, DocumentDB) are skipped; for plain functions the template does not show how they are invoked. Whether the queue is encrypted is checked by the queue rules.',
  check(fn: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(fn) ? checkTerraform(fn, ctx) : checkCloudFormation(fn, ctx);
  },
});

function checkCloudFormation(fn: Resource, ctx: RuleContext): RuleResult[] {
  const sam = fn.type === 'AWS::Serverless::Function';
  if (sam && onlySynchronousEvents(fn, ctx)) return [];
  const dlqPath: Path = sam ? ['DeadLetterQueue', 'TargetArn'] : ['DeadLetterConfig', 'TargetArn'];
  const verdicts: Verdict[] = [presentOrReferenced(ctx, fn, dlqPath)];
  if (sam) {
    // SAM creates the queue or topic itself when OnFailure names Type SQS/SNS without a Destination.
    const onFailure = ['EventInvokeConfig', 'DestinationConfig', 'OnFailure'];
    const destination = presentOrReferenced(ctx, fn, [...onFailure, 'Destination']);
    const type = ctx.get(fn, [...onFailure, 'Type']);
    const generated = evaluate(type.resolved, oneOfValues('SQS', 'SNS'));
    verdicts.push(destination.outcome === 'pass' || !type.present ? destination : { ...generated, path: type.path });
  }
  for (const config of referrersOf(ctx, fn, ['AWS::Lambda::EventInvokeConfig'], 'FunctionName', ['FunctionName'])) {
    verdicts.push(presentOrReferenced(ctx, config, ['DestinationConfig', 'OnFailure', 'Destination']));
  }
  const fixes = dlqFix(fn, sam);
  return judge(fn, verdicts, ctx.get(fn, dlqPath), dlqPath, fixes);
}

function checkTerraform(fn: Resource, ctx: RuleContext): RuleResult[] {
  const dlqPath: Path = ['dead_letter_config', 0, 'target_arn'];
  const verdicts: Verdict[] = [presentOrReferenced(ctx, fn, dlqPath, 'dead_letter_config')];
  for (const config of terraformInvokeConfigs(ctx).get(fn.id) ?? []) {
    verdicts.push(presentOrReferenced(ctx, config, ['destination_config', 0, 'on_failure', 0, 'destination'], 'destination_config'));
  }
  return judge(fn, verdicts, ctx.get(fn, dlqPath), dlqPath, []);
}

/** A SAM function whose declared events are all synchronous or poll-based has nothing for a DLQ to keep. */
function onlySynchronousEvents(fn: Resource, ctx: RuleContext): boolean {
  const events = ctx.get(fn, 'Events');
  if (!events.present || events.node?.kind !== 'map' || events.node.entries.length === 0) return false;
  return events.node.entries.every((e) => {
    const type = ctx.get(fn, ['Events', e.key, 'Type']).resolved;
    return type.kind === 'known' && NOT_ASYNC.includes(String(type.value));
  });
}

/** Any passing place wins; otherwise an undecidable one is unknown; otherwise the function has none. */
function judge(fn: Resource, verdicts: Verdict[], dlq: ReturnType<RuleContext['get']>, dlqPath: Path, fixes: FixIntent[]): RuleResult[] {
  if (verdicts.some((v) => v.outcome === 'pass')) return [];
  const undecided = verdicts.find((v) => v.outcome === 'unknown');
  if (undecided) return [unknownAt(undecided.path, undecided.reason ?? 'the value is not known statically')];
  return [{ status: 'fail', path: targetPath(fn, dlq, dlqPath), messageId: 'noFailureDestination', fixes }];
}

function present(ctx: RuleContext, resource: Resource, path: Path): Verdict {
  const lookup = ctx.get(resource, path);
  const { outcome, reason } = evaluate(lookup.resolved, isNonEmpty);
  return { outcome, reason, path: targetPath(resource, lookup, path) };
}

/**
 * An ARN that is only known at deploy time (`!GetAtt Dlq.Arn`, a Terraform value known after apply) still
 * counts as set when it points at a resource of the template or plan. For Terraform the configuration
 * references are recorded per top-level attribute (`block`).
 */
function presentOrReferenced(ctx: RuleContext, resource: Resource, path: Path, block?: string): Verdict {
  const verdict = present(ctx, resource, path);
  if (verdict.outcome !== 'unknown') return verdict;
  const base = [...resource.propertiesPath, ...(block ? [block] : path)];
  const points = ctx.edgesFrom(resource.id).some((e) => e.kind !== 'depends-on' && base.every((seg, i) => e.path[i] === seg) && ctx.byId(e.to) !== undefined);
  return points ? { ...verdict, outcome: 'pass' } : verdict;
}

/**
 * Event invoke configurations by the function they configure (a reference, or a function_name equal to the
 * function's name or ARN), in plan order; indexed once per plan so the check of each function stays linear.
 */
function terraformInvokeConfigs(ctx: RuleContext): Map<string, Resource[]> {
  return ctx.memo('lambda-failure-handling:invokeConfigs', () => {
    const byName = new Map<string, string[]>();
    for (const fn of ctx.ofType('aws_lambda_function')) {
      const names = [text(resolvedValue(ctx, fn, 'function_name')), text(resolvedValue(ctx, fn, 'arn'))].filter((n): n is string => !!n);
      for (const n of new Set(names)) (byName.get(n) ?? byName.set(n, []).get(n)!).push(fn.id);
    }
    const byFunction = new Map<string, Resource[]>();
    for (const config of ctx.ofType('aws_lambda_function_event_invoke_config')) {
      const named = text(resolvedValue(ctx, config, 'function_name'));
      const ids = new Set([...targetsOf(ctx, config, 'function_name', ['aws_lambda_function']).map((f) => f.id), ...((named && byName.get(named)) || [])]);
      for (const id of ids) (byFunction.get(id) ?? byFunction.set(id, []).get(id)!).push(config);
    }
    return byFunction;
  });
}

function resolvedValue(ctx: RuleContext, resource: Resource, path: string) {
  const r = ctx.get(resource, path).resolved;
  return r.kind === 'known' ? r.value : undefined;
}

function dlqFix(fn: Resource, sam: boolean): FixIntent[] {
  if (fn.family === 'terraform-plan' || fn.implicitFrom) return [];
  const arn = {
    newParameter: {
      name: `${fn.id}DeadLetterTargetArn`,
      type: 'String',
      description: `ARN of an encrypted SQS queue or SNS topic that keeps the events ${fn.id} fails to process`,
    },
  };
  const path = sam ? ['DeadLetterQueue'] : ['DeadLetterConfig', 'TargetArn'];
  const value = sam ? { Type: 'SQS', TargetArn: arn } : arn;
  return [
    {
      title: 'Send failed events to a dead-letter queue (the execution role must be allowed to send to the queue)',
      safe: false,
      consequence: 'the execution role must be allowed to send to the queue',
      edits: [{ op: 'set', path: [...fn.propertiesPath, ...path], value: value as never }],
    },
  ];
}
