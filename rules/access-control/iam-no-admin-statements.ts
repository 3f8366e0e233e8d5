import { defineRule, text, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { unknownAt } from '../kit';
import {
  attachedPolicies,
  CFN_POLICY_TYPES,
  CFN_PRINCIPAL_TYPES,
  effectOf,
  entryOf,
  isObject,
  policyDocuments,
  SAM_FUNCTION_TYPES,
  statementsOf,
  strings,
  TF_ATTACHMENT_TYPES,
  TF_POLICY_TYPES,
} from './policy-support';

/** AWS managed policies that hand out administrator or IAM-wide power. */
const ADMIN_MANAGED = /^(arn:[a-z-]+:iam::aws:policy\/)?(AdministratorAccess|IAMFullAccess)$/i;

type Verdict = { messageId: 'admin' | 'fullAccess' | 'notAction'; data: Record<string, string> } | { messageId: 'unknown'; reason: string } | undefined;

function judgeStatement(statement: JsonValue): Verdict {
  if (!isObject(statement)) return undefined;
  const effect = effectOf(statement);
  if (effect === 'other') return undefined;
  const notAction = entryOf(statement, 'NotAction');
  const actions = strings(entryOf(statement, 'Action'));
  const resources = strings(entryOf(statement, 'Resource'));
  const everyResource = resources.items.includes('*') || entryOf(statement, 'NotResource') !== undefined;
  let verdict: Verdict;
  if (notAction !== undefined) verdict = { messageId: 'notAction', data: {} };
  else if (actions.items.some((a) => a === '*' || a === '*:*')) verdict = everyResource ? { messageId: 'admin', data: {} } : { messageId: 'fullAccess', data: { action: '*' } };
  else {
    const service = actions.items.find((a) => /^[a-z0-9-]+:\*+$/i.test(a));
    if (service) verdict = { messageId: 'fullAccess', data: { action: service } };
  }
  if (verdict && effect === 'unknown') return { messageId: 'unknown', reason: 'the statement Effect is an intrinsic decided at deploy time' };
  if (!verdict && actions.intrinsic && notAction === undefined) return effect === 'unknown' ? undefined : { messageId: 'unknown', reason: 'the statement Action is built at deploy time' };
  return verdict;
}

function describe(statement: JsonValue): string {
  if (!isObject(statement)) return '';
  const sid = text(entryOf(statement, 'Sid'));
  return sid ? ` (Sid ${sid})` : '';
}

export default defineRule({
  id: 'iam-no-admin-statements',
  title: 'IAM policy grants administrator or service-wide access',
  category: 'access-control',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(3)(ii)(B)', '164.308(a)(4)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'],
  controls: ['iam-no-admin-statements'],
  phiScope: 'all',
  appliesTo: {
    cloudformation: [...CFN_POLICY_TYPES, ...CFN_PRINCIPAL_TYPES, ...SAM_FUNCTION_TYPES],
    terraform: [...TF_POLICY_TYPES, ...TF_ATTACHMENT_TYPES, 'aws_iam_role', 'aws_iam_user', 'aws_iam_group'],
  },
  responsibility: {
    aws: 'IAM evaluates every policy exactly as written and offers managed and customer policies, Access Analyzer and last-accessed data to scope them.',
    customer: 'Grant each role, user and function only the actions and resources its job needs; administrator and service-wide wildcards let one compromised credential read every PHI store in the account.',
  },
  messages: {
    admin: 'A policy statement of {resource}{statement} allows every action ("*") on every resource: that is administrator access to all PHI in the account.',
    fullAccess: 'A policy statement of {resource}{statement} allows "{action}", every action of the service; list the actions the workload needs.',
    notAction: 'A policy statement of {resource}{statement} combines Allow with NotAction, which grants every action not listed (including ones AWS adds later); list the allowed actions instead.',
    managedAdmin: '{resource} attaches the AWS managed policy {policy}, which grants administrator or IAM-wide power; attach a scoped policy instead.',
    unknown: 'Whether the policy of {resource} grants administrator or service-wide access cannot be verified statically: {reason}.',
  },
  limits: 'Only policies in the template are read: permissions from policies attached outside it, permission boundaries and SCPs are not seen.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const results: RuleResult[] = [];
    for (const doc of policyDocuments(ctx, resource)) {
      // Every value the document may take (Fn::If branches): one finding per offending statement position.
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
          add(v.messageId === 'unknown' ? unknownAt(path, v.reason) : { status: 'fail', path, messageId: v.messageId, data: { statement: describe(statement), ...v.data } });
        });
      }
      if (doc.unknown && byPath.size === 0) add(unknownAt(doc.path, doc.unknown));
      results.push(...byPath.values());
    }
    for (const attached of attachedPolicies(ctx, resource)) {
      const admin = attached.values.map(text).find((v) => v !== undefined && ADMIN_MANAGED.test(v));
      if (admin) results.push({ status: 'fail', path: attached.path, messageId: 'managedAdmin', data: { policy: admin } });
    }
    return results;
  },
});
