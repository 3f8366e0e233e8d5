import { defineRule, text, unknownAt, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { CFN_POLICY_TYPES, CFN_PRINCIPAL_TYPES, effectOf, entryOf, globMatches, isObject, policyDocuments, SAM_FUNCTION_TYPES, statementsOf, strings, TF_POLICY_TYPES } from './policy-support';

const DECRYPT_ACTIONS = ['kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];

type Verdict = { messageId: 'broadDecrypt'; action: string } | { messageId: 'unknown'; reason: string } | undefined;

/** Condition keys that tie the grant to a service or an encryption context, which narrows it enough. */
function narrowedByCondition(statement: { [k: string]: JsonValue }): boolean {
  const condition = entryOf(statement, 'Condition');
  if (!isObject(condition)) return false;
  return Object.values(condition).some((body) => isObject(body) && Object.keys(body).some((k) => /^kms:(viaservice|encryptioncontext|encryptioncontextkeys|calleraccount|grantisforawsresource)/i.test(k)));
}

function judgeStatement(statement: JsonValue): Verdict {
  if (!isObject(statement)) return undefined;
  const effect = effectOf(statement);
  if (effect === 'other') return undefined;
  const resources = strings(entryOf(statement, 'Resource'));
  const allKeys = entryOf(statement, 'NotResource') !== undefined || resources.items.some((r) => r === '*' || /^arn:[^:]+:kms:[^:]*:[^:]*:(key\/)?\*$/i.test(r));
  let action: string | undefined;
  let undecided: string | undefined;
  const notAction = entryOf(statement, 'NotAction');
  if (notAction !== undefined) {
    const excluded = strings(notAction);
    if (excluded.intrinsic) undecided = 'NotAction is built at deploy time';
    else {
      const left = DECRYPT_ACTIONS.find((a) => !excluded.items.some((p) => globMatches(p, a)));
      if (left) action = `everything but its NotAction list, ${left} included,`;
    }
  } else {
    const actions = strings(entryOf(statement, 'Action'));
    action = actions.items.find((p) => DECRYPT_ACTIONS.some((a) => globMatches(p, a)));
    if (!action && actions.intrinsic) undecided = 'the statement Action is built at deploy time';
  }
  if (!action) return undecided ? { messageId: 'unknown', reason: undecided } : undefined;
  if (!allKeys) return undefined;
  if (narrowedByCondition(statement)) return undefined;
  if (effect === 'unknown') return { messageId: 'unknown', reason: 'the statement Effect is an intrinsic decided at deploy time' };
  return { messageId: 'broadDecrypt', action };
}

export default defineRule({
  id: 'iam-no-broad-kms-decrypt',
  title: 'IAM policy allows decrypting with every KMS key',
  category: 'access-control',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(3)(ii)(B)', '164.308(a)(4)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'],
  controls: ['iam-no-broad-kms-decrypt'],
  phiScope: 'all',
  appliesTo: {
    cloudformation: [...CFN_POLICY_TYPES, ...CFN_PRINCIPAL_TYPES, ...SAM_FUNCTION_TYPES],
    terraform: [...TF_POLICY_TYPES, 'aws_iam_role'],
  },
  responsibility: {
    aws: 'KMS allows a decrypt only when both the key policy and the caller\'s IAM policies permit it, and logs every use in CloudTrail.',
    customer: 'Name the keys a principal may decrypt with (or bind the grant to kms:ViaService / an encryption context); a decrypt grant on "*" opens every PHI key whose key policy defers to IAM.',
  },
  messages: {
    broadDecrypt: 'A policy statement of {resource}{statement} allows {action} on every KMS key; list the key ARNs or add a kms:ViaService or kms:EncryptionContext condition.',
    unknown: 'Whether the policy of {resource} allows decrypting with every KMS key cannot be verified statically: {reason}.',
  },
  limits: 'Key policies are not read here: a key whose policy does not defer to IAM refuses the grant anyway.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const results: RuleResult[] = [];
    for (const doc of policyDocuments(ctx, resource)) {
      const byPath = new Map<string, RuleResult>();
      const add = (r: RuleResult) => {
        const key = r.path.join('.');
        const prior = byPath.get(key);
        if (!prior || (prior.status === 'unknown' && r.status === 'fail')) byPath.set(key, r);
      };
      for (const value of doc.values) {
        const statements = statementsOf(value);
        if (statements === 'unknown') {
          add(unknownAt(doc.path, 'the statement list is built at deploy time'));
          continue;
        }
        statements.forEach((statement, i) => {
          const v = judgeStatement(statement);
          if (!v) return;
          const path = doc.statementPath(i);
          const sid = isObject(statement) ? text(entryOf(statement, 'Sid')) : undefined;
          add(v.messageId === 'unknown' ? unknownAt(path, v.reason) : { status: 'fail', path, messageId: 'broadDecrypt', data: { action: v.action, statement: sid ? ` (Sid ${sid})` : '' } });
        });
      }
      if (doc.unknown && byPath.size === 0) add(unknownAt(doc.path, doc.unknown));
      results.push(...byPath.values());
    }
    return results;
  },
});
