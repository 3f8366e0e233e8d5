import { defineRule, evaluate, isFalse, isTerraform, isTrue, possible, setFix, targetPath, text, unknownAt, type FixIntent, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { effectOf, entryOf, isObject, list, statementsOf } from './policy-support';

const MAX_WINDOW = 30;

export default defineRule({
  id: 'kms-key-management',
  title: 'KMS key that may protect PHI does not rotate, is disabled, or can be lost too easily',
  category: 'access-control',
  severity: 'warning',
  hipaa: ['164.308(a)(7)(ii)(A)', '164.312(a)(2)(iv)'],
  controls: ['kms-key-management'],
  appliesTo: { cloudformation: ['AWS::KMS::Key'], terraform: ['aws_kms_key'] },
  responsibility: {
    aws: 'KMS keeps key material in HSMs, rotates it yearly when asked, and waits the pending window before deleting a key.',
    customer: 'Turn on rotation for symmetric keys, keep PHI keys enabled and retained when the stack goes away, use the longest deletion window, and never open the key policy to every principal.',
  },
  messages: {
    noRotation: 'Key {resource} does not rotate its key material: set EnableKeyRotation to true.',
    disabled: 'Key {resource} is disabled (Enabled false): data encrypted with it cannot be read, which breaks recovery of PHI.',
    shortWindow: 'Key {resource} has a deletion waiting period of {days} days; use {max} days so a mistaken deletion can be cancelled before the PHI it protects becomes unreadable.',
    notRetained: 'Key {resource} is deleted with the stack (DeletionPolicy is not Retain): deleting or replacing the stack would schedule the PHI key for deletion.',
    openPolicy: 'The key policy of {resource} allows every principal ("*") without a condition; name the accounts or roles that may use the key.',
    unknown: 'The key settings of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noRotation: 'Key {resource} does not rotate its key material: set enable_key_rotation to true.',
    disabled: 'Key {resource} is disabled (is_enabled false): data encrypted with it cannot be read, which breaks recovery of PHI.',
  },
  limits: 'Whether a key is scheduled for deletion is account state; the template shows only the waiting period and the deletion policy. Terraform prevent_destroy is not in the plan.',
  check(key: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(key) ? checkTerraform(key, ctx) : checkCloudFormation(key, ctx);
  },
});

function symmetric(ctx: RuleContext, key: Resource, spec: string, usage: string): boolean {
  const s = text(possible(ctx.get(key, spec).resolved).values[0]) ?? 'SYMMETRIC_DEFAULT';
  const u = text(possible(ctx.get(key, usage).resolved).values[0]) ?? 'ENCRYPT_DECRYPT';
  return s.toUpperCase() === 'SYMMETRIC_DEFAULT' && u.toUpperCase() === 'ENCRYPT_DECRYPT';
}

/** An Allow statement for Principal "*" with no Condition. */
function openStatement(document: JsonValue): boolean {
  const statements = statementsOf(document);
  if (statements === 'unknown') return false;
  return statements.some((s) => {
    if (!isObject(s) || effectOf(s) !== 'allow' || entryOf(s, 'Condition') !== undefined) return false;
    const principal = entryOf(s, 'Principal');
    if (principal === '*') return true;
    return isObject(principal) && list(entryOf(principal, 'AWS')).includes('*');
  });
}

function checkCloudFormation(key: Resource, ctx: RuleContext): RuleResult[] {
  const out: RuleResult[] = [];
  if (symmetric(ctx, key, 'KeySpec', 'KeyUsage')) {
    const l = ctx.get(key, 'EnableKeyRotation');
    const e = evaluate(l.resolved, isTrue);
    const fixes = setFix(key, 'EnableKeyRotation', true, 'Turn on automatic key rotation', { safe: false, consequence: 'adds a monthly charge for the first rotated key versions' });
    if (e.outcome === 'unknown') out.push(unknownAt(targetPath(key, l, ['EnableKeyRotation']), e.reason ?? 'decided at deploy time'));
    else if (e.outcome === 'fail') out.push({ status: 'fail', path: targetPath(key, l, ['EnableKeyRotation']), messageId: 'noRotation', fixes });
  }
  const enabled = ctx.get(key, 'Enabled');
  if (possible(enabled.resolved).values.some(isFalse)) out.push({ status: 'fail', path: enabled.path, messageId: 'disabled', fixes: setFix(key, 'Enabled', true, 'Enable the key') });
  const window = ctx.get(key, 'PendingWindowInDays');
  const w = possible(window.resolved);
  const shortest = Math.min(...w.values.map(Number).filter((n) => !Number.isNaN(n)));
  if (Number.isFinite(shortest) && shortest < MAX_WINDOW) out.push({ status: 'fail', path: window.path, messageId: 'shortWindow', data: { days: String(shortest), max: String(MAX_WINDOW) }, fixes: setFix(key, 'PendingWindowInDays', MAX_WINDOW, `Wait ${MAX_WINDOW} days before deleting the key`) });
  else if (w.unknown) out.push(unknownAt(window.path, w.unknown));
  if (key.deletionPolicy !== 'Retain' && key.deletionPolicy !== 'RetainExceptOnCreate') out.push({ status: 'fail', path: key.path, messageId: 'notRetained', fixes: retainFix(key) });
  const policy = ctx.get(key, 'KeyPolicy');
  if (policy.present && possible(policy.resolved).values.some(openStatement)) out.push({ status: 'fail', path: policy.path, messageId: 'openPolicy' });
  return out;
}

function retainFix(key: Resource): FixIntent[] {
  if (key.implicitFrom) return [];
  return [{ title: 'Keep the key when the stack is deleted or the key replaced (DeletionPolicy and UpdateReplacePolicy Retain)', safe: true, edits: [{ op: 'set', path: [...key.path, 'DeletionPolicy'], value: 'Retain' }, { op: 'set', path: [...key.path, 'UpdateReplacePolicy'], value: 'Retain' }] }];
}

function checkTerraform(key: Resource, ctx: RuleContext): RuleResult[] {
  const out: RuleResult[] = [];
  const spec = ctx.get(key, 'customer_master_key_spec').present ? 'customer_master_key_spec' : 'key_spec';
  if (symmetric(ctx, key, spec, 'key_usage')) {
    const l = ctx.get(key, 'enable_key_rotation');
    const e = evaluate(l.resolved, isTrue);
    if (e.outcome === 'unknown') out.push(unknownAt(l.path, e.reason ?? 'known only after apply'));
    else if (e.outcome === 'fail') out.push({ status: 'fail', path: targetPath(key, l, ['enable_key_rotation']), messageId: 'noRotation' });
  }
  const enabled = ctx.get(key, 'is_enabled');
  if (possible(enabled.resolved).values.some(isFalse)) out.push({ status: 'fail', path: enabled.path, messageId: 'disabled' });
  const window = ctx.get(key, 'deletion_window_in_days');
  const days = possible(window.resolved).values.map(Number).filter((n) => !Number.isNaN(n) && n > 0);
  if (days.length && Math.min(...days) < MAX_WINDOW) out.push({ status: 'fail', path: window.path, messageId: 'shortWindow', data: { days: String(Math.min(...days)), max: String(MAX_WINDOW) } });
  const policy = ctx.get(key, 'policy');
  for (const v of possible(policy.resolved).values) {
    if (typeof v !== 'string' || !v.trim()) continue;
    try {
      if (openStatement(JSON.parse(v) as JsonValue)) out.push({ status: 'fail', path: policy.path, messageId: 'openPolicy' });
    } catch {
      out.push(unknownAt(policy.path, `${key.id}.policy is not valid JSON`));
    }
    break;
  }
  return out;
}
