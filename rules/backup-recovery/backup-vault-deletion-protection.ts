import { defineRule, setFix, type JsonValue, type Lookup, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isIntrinsic, isTerraform, possible, targetsOf, unknownAt } from '../kit';

const PROTECTED_ACTIONS = ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'];
const LOCK_DAYS = 35;

export default defineRule({
  id: 'backup-vault-deletion-protection',
  title: 'Backup vault that may hold PHI recovery points lets them be deleted early',
  category: 'backup-recovery',
  severity: 'warning',
  hipaa: ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  controls: ['backup-vault-deletion-protection'],
  appliesTo: { cloudformation: ['AWS::Backup::BackupVault'], terraform: ['aws_backup_vault'] },
  responsibility: {
    aws: 'AWS Backup enforces the vault access policy and Vault Lock on every request, including the account root user’s for a compliance-mode lock.',
    customer: 'Lock PHI vaults, or deny recovery point deletion and lifecycle changes to every principal, so a stolen credential or a careless operator cannot wipe the backups.',
  },
  messages: {
    unprotected: 'Backup vault {resource} has neither a Vault Lock nor an access policy denying {actions} to everyone; anyone with backup permissions can delete its recovery points.',
    policyIncomplete: 'The access policy of backup vault {resource} does not deny {actions} to every principal, and the vault has no Vault Lock.',
    unknown: 'Whether backup vault {resource} protects its recovery points cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    unprotected: 'Backup vault {resource} has neither a Vault Lock (aws_backup_vault_lock_configuration) nor an access policy (aws_backup_vault_policy) denying {actions} to everyone; anyone with backup permissions can delete its recovery points.',
  },
  limits: 'A governance-mode lock (no ChangeableForDays) can still be removed by a sufficiently privileged principal; conditions on a deny statement (exceptions for a break-glass role) are not evaluated.',
  check(vault: Resource, ctx: RuleContext): RuleResult[] {
    const policies: { owner: Resource; lookup: Lookup }[] = [];
    if (isTerraform(vault)) {
      const index = ctx.memo('backup-vault-deletion-protection:split', () => splitIndex(ctx));
      if ((index.locks.get(vault.id) ?? []).length) return [];
      for (const p of index.policies.get(vault.id) ?? []) policies.push({ owner: p, lookup: ctx.get(p, 'policy') });
    } else {
      const lock = ctx.get(vault, 'LockConfiguration');
      if (lock.present && !(lock.resolved.kind === 'known' && lock.resolved.value === null)) return [];
      const policy = ctx.get(vault, 'AccessPolicy');
      if (policy.present) policies.push({ owner: vault, lookup: policy });
    }
    const actions = PROTECTED_ACTIONS.join(' and ');
    const fixes = setFix(vault, 'LockConfiguration', { MinRetentionDays: LOCK_DAYS }, `Lock the vault (governance mode, minimum retention ${LOCK_DAYS} days)`, {
      safe: false,
      consequence: `backup jobs that keep recovery points under ${LOCK_DAYS} days start failing, and points cannot be deleted earlier`,
    });
    if (policies.length === 0) return [{ status: 'fail', path: isTerraform(vault) ? vault.path : [...vault.propertiesPath, 'LockConfiguration'], messageId: 'unprotected', data: { actions }, fixes }];
    let undecided: { owner: Resource; path: Path; reason: string } | undefined;
    let missing: { owner: Resource; path: Path; actions: string[] } | undefined;
    for (const { owner, lookup } of policies) {
      const verdict = judgePolicy(lookup);
      if (verdict.kind === 'denies') return [];
      if (verdict.kind === 'unknown') undecided ??= { owner, path: lookup.path, reason: verdict.reason };
      else missing ??= { owner, path: lookup.path, actions: verdict.missing };
    }
    if (undecided) return [{ ...unknownAt(undecided.path, undecided.reason), resourceId: undecided.owner === vault ? undefined : undecided.owner.id }];
    return [{ status: 'fail', path: missing!.path, messageId: 'policyIncomplete', data: { actions: missing!.actions.join(' and ') }, resourceId: missing!.owner === vault ? undefined : missing!.owner.id, fixes }];
  },
});

function splitIndex(ctx: RuleContext): { locks: Map<string, Resource[]>; policies: Map<string, Resource[]> } {
  const by = (type: string) => {
    const map = new Map<string, Resource[]>();
    for (const r of ctx.ofType(type)) {
      for (const v of targetsOf(ctx, r, 'backup_vault_name', ['aws_backup_vault'])) map.set(v.id, [...(map.get(v.id) ?? []), r]);
    }
    return map;
  };
  return { locks: by('aws_backup_vault_lock_configuration'), policies: by('aws_backup_vault_policy') };
}

type Obj = { [key: string]: JsonValue };
type Verdict = { kind: 'denies' } | { kind: 'missing'; missing: string[] } | { kind: 'unknown'; reason: string };

function isObject(v: JsonValue | undefined): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
function list(v: JsonValue | undefined): JsonValue[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
function entryOf(o: Obj, key: string): JsonValue | undefined {
  const k = Object.keys(o).find((name) => name.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : o[k];
}
function globMatches(pattern: string, value: string): boolean {
  return new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(value.toLowerCase());
}

/** Every value the policy may take must deny both actions to everyone (Fn::If branches included). */
function judgePolicy(lookup: Lookup): Verdict {
  const values = possible(lookup.resolved);
  if (values.unknown) return { kind: 'unknown', reason: values.unknown };
  let worst: Verdict = { kind: 'denies' };
  for (const raw of values.values) {
    let doc: JsonValue = raw;
    if (typeof raw === 'string') {
      try {
        doc = JSON.parse(raw) as JsonValue;
      } catch {
        return { kind: 'unknown', reason: 'the access policy is not valid JSON' };
      }
    }
    const v = judgeDocument(doc);
    if (v.kind === 'unknown') return v;
    if (v.kind === 'missing') worst = v;
  }
  if (values.absent || values.values.length === 0) worst = { kind: 'missing', missing: PROTECTED_ACTIONS };
  return worst;
}

function judgeDocument(doc: JsonValue): Verdict {
  if (isIntrinsic(doc)) return { kind: 'unknown', reason: 'the access policy is built at deploy time' };
  const statements = isObject(doc) ? list(entryOf(doc, 'Statement')) : [];
  const denied = new Set<string>();
  for (const s of statements) {
    if (!isObject(s) || isIntrinsic(s)) continue;
    if (String(entryOf(s, 'Effect')).toLowerCase() !== 'deny') continue;
    const principal = entryOf(s, 'Principal');
    if (isIntrinsic(principal)) return { kind: 'unknown', reason: 'a deny statement names its principal at deploy time' };
    const everyone = principal === '*' || (isObject(principal) && list(entryOf(principal, 'AWS')).includes('*'));
    if (!everyone) continue;
    const action = entryOf(s, 'Action');
    const notAction = entryOf(s, 'NotAction');
    if (list(action).some(isIntrinsic) || list(notAction).some(isIntrinsic)) return { kind: 'unknown', reason: 'a deny statement lists its actions at deploy time' };
    for (const a of PROTECTED_ACTIONS) {
      const matches = (patterns: JsonValue[]) => patterns.some((p) => typeof p === 'string' && globMatches(p, a));
      if (notAction !== undefined ? !matches(list(notAction)) : matches(list(action))) denied.add(a);
    }
  }
  const missing = PROTECTED_ACTIONS.filter((a) => !denied.has(a));
  return missing.length ? { kind: 'missing', missing } : { kind: 'denies' };
}
