import { defineRule, isTerraform, possible, referrersOf, targetPath, unknownAt, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';

const MAX_DAYS = 90;
const CFN = { schedule: 'AWS::SecretsManager::RotationSchedule', attachment: 'AWS::SecretsManager::SecretTargetAttachment' };
const TF_ROTATION = 'aws_secretsmanager_secret_rotation';

type Judged = { ok: true } | { ok: false; result: RuleResult };

export default defineRule({
  id: 'secrets-rotation',
  title: 'Secret is not rotated automatically',
  category: 'access-control',
  severity: 'info',
  hipaa: ['164.308(a)(4)(ii)(B)'],
  controls: ['secrets-rotation'],
  phiScope: 'all',
  appliesTo: { cloudformation: ['AWS::SecretsManager::Secret'], terraform: ['aws_secretsmanager_secret'] },
  responsibility: {
    aws: 'Secrets Manager runs rotation on the schedule you set, with AWS-provided rotation functions for RDS, Redshift and DocumentDB.',
    customer: 'Attach a rotation schedule to each secret, at most every 90 days, so a leaked credential to a PHI store stops working on its own.',
  },
  messages: {
    noRotation: 'Secret {resource} has no rotation schedule: add an AWS::SecretsManager::RotationSchedule (aws_secretsmanager_secret_rotation) that rotates it at least every {max} days.',
    noRules: 'Rotation schedule {resource} of secret {secret} has no RotationRules (AutomaticallyAfterDays or ScheduleExpression), so it never rotates on its own.',
    noFunction: 'Rotation schedule {resource} of secret {secret} names no rotation function (RotationLambdaARN or HostedRotationLambda).',
    tooLong: 'Rotation schedule {resource} rotates secret {secret} only every {days} days; rotate at least every {max} days.',
    unknown: 'Whether {resource} rotates its secret cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noRotation: 'Secret {resource} has no rotation schedule: add an aws_secretsmanager_secret_rotation that rotates it at least every {max} days.',
    noRules: 'Rotation schedule {resource} of secret {secret} has no rotation_rules (automatically_after_days or schedule_expression), so it never rotates on its own.',
  },
  limits: 'Rotation configured outside the template (console, another stack) is not seen; whether the rotation function works is run-time state.',
  check(secret: Resource, ctx: RuleContext): RuleResult[] {
    const schedules = isTerraform(secret)
      ? referrersOf(ctx, secret, [TF_ROTATION], 'secret_id')
      : [
          ...referrersOf(ctx, secret, [CFN.schedule], 'SecretId', ['Name']),
          ...referrersOf(ctx, secret, [CFN.attachment], 'SecretId').flatMap((a) => referrersOf(ctx, a, [CFN.schedule], 'SecretId')),
        ];
    if (schedules.length === 0) return [{ status: 'fail', path: secret.path, messageId: 'noRotation', data: { max: String(MAX_DAYS) } }];
    const judged = schedules.map((s) => (isTerraform(s) ? judgeTerraform(ctx, s) : judgeCloudFormation(ctx, s)));
    if (judged.some((j) => j.ok)) return [];
    const first = (judged[0] as { ok: false; result: RuleResult }).result;
    // The finding sits on the schedule, and its text names the schedule as {resource} and the secret as {secret}.
    return [{ ...first, data: { ...first.data, secret: secret.id, resource: first.resourceId ?? secret.id } }];
  },
});

function interval(ctx: RuleContext, schedule: Resource, days: Path, expression: Path): Judged | undefined {
  const d = ctx.get(schedule, days);
  const e = ctx.get(schedule, expression);
  const dv = possible(d.resolved);
  const ev = possible(e.resolved);
  if (ev.values.some((v) => typeof v === 'string' && v.trim() !== '')) return undefined; // a cron/rate expression
  if (dv.unknown || ev.unknown) return { ok: false, result: { ...unknownAt(d.present ? d.path : e.path, (dv.unknown ?? ev.unknown)!), resourceId: schedule.id } };
  const numbers = dv.values.filter((v) => v !== null && v !== '').map(Number);
  if (numbers.length === 0) return { ok: false, result: { status: 'fail', path: targetPath(schedule, d, days.slice(0, -1)), messageId: 'noRules', resourceId: schedule.id } };
  const longest = Math.max(...numbers);
  if (longest > MAX_DAYS) return { ok: false, result: { status: 'fail', path: d.path, messageId: 'tooLong', data: { days: String(longest), max: String(MAX_DAYS) }, resourceId: schedule.id } };
  return undefined;
}

function judgeCloudFormation(ctx: RuleContext, schedule: Resource): Judged {
  if (!ctx.get(schedule, 'RotationLambdaARN').present && !ctx.get(schedule, 'HostedRotationLambda').present) {
    return { ok: false, result: { status: 'fail', path: schedule.path, messageId: 'noFunction', resourceId: schedule.id } };
  }
  return interval(ctx, schedule, ['RotationRules', 'AutomaticallyAfterDays'], ['RotationRules', 'ScheduleExpression']) ?? { ok: true };
}

function judgeTerraform(ctx: RuleContext, rotation: Resource): Judged {
  // Provider v6: rotation_lambda_arn is optional for secrets whose rotation AWS manages.
  return interval(ctx, rotation, ['rotation_rules', 0, 'automatically_after_days'], ['rotation_rules', 0, 'schedule_expression']) ?? { ok: true };
}
