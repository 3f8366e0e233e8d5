import { defineRule, isTrue, setFix, type Path, type Resolved, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, possible, text, unknownAt } from '../kit';

const MIN_RETENTION_DAYS = 35;
const DEFAULT_SCHEDULE = 'cron(0 5 ? * * *)';

type Tri = 'yes' | 'no' | 'unknown';

interface Keys {
  rules: Path;
  schedule: Path;
  continuous: Path;
  deleteAfter: Path;
  coldAfter: Path;
}
const CFN: Keys = {
  rules: ['BackupPlan', 'BackupPlanRule'],
  schedule: ['ScheduleExpression'],
  continuous: ['EnableContinuousBackup'],
  deleteAfter: ['Lifecycle', 'DeleteAfterDays'],
  coldAfter: ['Lifecycle', 'MoveToColdStorageAfterDays'],
};
const TF: Keys = { rules: ['rule'], schedule: ['schedule'], continuous: ['enable_continuous_backup'], deleteAfter: ['lifecycle', 0, 'delete_after'], coldAfter: ['lifecycle', 0, 'cold_storage_after'] };

export default defineRule({
  id: 'backup-plan-frequency-retention',
  title: 'AWS Backup plan backs up less than daily or keeps recovery points too briefly',
  category: 'backup-recovery',
  severity: 'info',
  hipaa: ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  controls: ['backup-plan-frequency-retention'],
  appliesTo: { cloudformation: ['AWS::Backup::BackupPlan'], terraform: ['aws_backup_plan'] },
  responsibility: {
    aws: 'AWS Backup starts jobs on the plan’s schedule and deletes recovery points when their lifecycle ends.',
    customer: 'Choose a schedule and retention that meet the recovery point objective of the contingency plan: at least one backup a day kept for at least 35 days.',
  },
  messages: {
    infrequent: 'No rule of backup plan {resource} runs at least daily ({schedule}); up to the interval between backups of PHI changes can be lost.',
    shortRetention: 'Backup plan {resource} deletes its daily recovery points after {days} day(s); keep them at least {minimum} days so corruption noticed late can still be undone.',
    unknown: 'The schedule or retention of backup plan {resource} cannot be verified statically: {reason}.',
  },
  limits: 'The 35-day minimum follows the AWS Config rule default; an organisation schedule may require more. Copies to another Region or account (CopyActions) are recommended but not required by this rule.',
  check(plan: Resource, ctx: RuleContext): RuleResult[] {
    const keys = isTerraform(plan) ? TF : CFN;
    const list = ctx.get(plan, keys.rules);
    if (!list.present) return [];
    if (list.node?.kind !== 'seq') {
      return list.resolved.kind === 'unknown' ? [unknownAt(list.path, list.resolved.reason)] : [];
    }
    const judged = list.node.items.map((_, i) => judgeRule(ctx, plan, keys, i));
    if (judged.some((j) => j.frequent === 'yes' && j.retained === 'yes')) return [];
    const undecided = judged.find((j) => (j.frequent === 'unknown' && j.retained !== 'no') || (j.retained === 'unknown' && j.frequent !== 'no'));
    if (undecided) return [unknownAt(undecided.unknownPath!, undecided.reason!)];
    const daily = judged.find((j) => j.frequent === 'yes');
    if (!daily) {
      const first = judged[0];
      if (!first) return [];
      const fixes = setFix(plan, [...keys.rules, 0, ...keys.schedule], DEFAULT_SCHEDULE, 'Back up daily at 05:00 UTC', { safe: false, consequence: 'more recovery points add storage cost' });
      return [{ status: 'fail', path: first.schedulePath, messageId: 'infrequent', data: { schedule: judged.map((j) => j.schedule).join(', ') }, fixes }];
    }
    const days = String(daily.days ?? '?');
    // Recovery points moved to cold storage must stay there 90 days.
    const fixDays = daily.coldDays ? Math.max(MIN_RETENTION_DAYS, daily.coldDays + 90) : MIN_RETENTION_DAYS;
    const fixes = setFix(plan, [...keys.rules, daily.index, ...keys.deleteAfter], fixDays, `Keep recovery points ${fixDays} days`, { safe: false, consequence: 'longer retention adds storage cost' });
    return [{ status: 'fail', path: daily.deleteAfterPath, messageId: 'shortRetention', data: { days, minimum: String(MIN_RETENTION_DAYS) }, fixes }];
  },
});

interface Judged {
  index: number;
  frequent: Tri;
  retained: Tri;
  schedule: string;
  days?: number;
  coldDays?: number;
  schedulePath: Path;
  deleteAfterPath: Path;
  unknownPath?: Path;
  reason?: string;
}

function judgeRule(ctx: RuleContext, plan: Resource, keys: Keys, index: number): Judged {
  const at = (p: Path) => ctx.get(plan, [...keys.rules, index, ...p]);
  const full = (p: Path, lookup: ReturnType<typeof at>) => (lookup.present ? lookup.path : [...plan.propertiesPath, ...keys.rules, index, ...p]);
  const schedule = at(keys.schedule);
  const continuous = possible(at(keys.continuous).resolved);
  const deleteAfter = at(keys.deleteAfter);
  const cold = possible(at(keys.coldAfter).resolved).values.map(Number).find((n) => Number.isFinite(n));
  const out: Judged = { index, frequent: 'no', retained: 'no', schedule: 'no schedule', coldDays: cold, schedulePath: full(keys.schedule, schedule), deleteAfterPath: full(keys.deleteAfter, deleteAfter) };

  const continuousOn = continuous.values.length > 0 && continuous.values.every(isTrue) && !continuous.unknown && !continuous.absent;
  const sched = scheduleVerdict(schedule.resolved);
  out.schedule = sched.label;
  out.frequent = continuousOn ? 'yes' : sched.verdict;
  if (out.frequent === 'unknown') {
    out.unknownPath = out.schedulePath;
    out.reason = sched.reason;
  }

  const values = possible(deleteAfter.resolved);
  if (values.unknown) {
    out.retained = 'unknown';
    out.unknownPath ??= out.deleteAfterPath;
    out.reason ??= values.unknown;
  } else {
    // No DeleteAfterDays keeps recovery points until someone deletes them.
    const numbers = values.values.filter((v) => v !== null).map(Number);
    const short = numbers.find((n) => !(n >= MIN_RETENTION_DAYS));
    out.retained = short === undefined ? 'yes' : 'no';
    out.days = short;
  }
  return out;
}

function scheduleVerdict(resolved: Resolved): { verdict: Tri; label: string; reason?: string } {
  if (resolved.kind === 'absent') return { verdict: 'yes', label: `default ${DEFAULT_SCHEDULE}` };
  const values = possible(resolved);
  if (values.unknown) return { verdict: 'unknown', label: 'unknown', reason: values.unknown };
  const labels = values.values.map((v) => text(v) ?? JSON.stringify(v));
  const verdicts = labels.map(isAtLeastDaily);
  if (values.absent) verdicts.push(true);
  return { verdict: verdicts.every((v) => v) ? 'yes' : 'no', label: labels.join(' or ') };
}

/** `cron(min hour day-of-month month day-of-week year)` or `rate(n unit)` that fires at least once a day. */
function isAtLeastDaily(expression: string): boolean {
  const rate = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/i.exec(expression.trim());
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2].toLowerCase();
    return unit.startsWith('day') ? n <= 1 : unit.startsWith('hour') ? n <= 24 : n <= 1440;
  }
  const cron = /^cron\((.*)\)$/i.exec(expression.trim());
  if (!cron) return false;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length < 5) return false;
  const [, , dayOfMonth, month, dayOfWeek, year = '*'] = fields;
  const every = (f: string) => f === '*' || f === '?' || f === '*/1' || f === '1/1';
  return every(dayOfMonth) && every(month) && every(dayOfWeek) && (year === '*' || year === '?');
}
