// Does a resource policy let anyone in? Shared by the public-exposure rules (S3 bucket policies, SQS/SNS
// policies). Works on the resolver's plain JSON, where unresolved intrinsics stay as `{ Ref: … }` maps.
// Not a rule (no default export).
import type { JsonValue, Path, Resource, RuleContext } from '../kit';
import { isIntrinsic, isTerraform, possible, text } from '../kit';

type Obj = { [key: string]: JsonValue };

export interface PolicyVerdict {
  verdict: 'public' | 'private' | 'unknown';
  /** Index of the first public (or undecided) statement in the Statement list, when it is a list. */
  statement?: number;
  reason?: string;
}

/** Condition keys that tie a statement to a network, account, organisation or calling resource. */
const RESTRICTING_KEYS = new Set(
  [
    'aws:SourceVpce', 'aws:SourceVpc', 'aws:SourceIp', 'aws:VpcSourceIp', 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths',
    'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:PrincipalServiceName', 'aws:userid', 'aws:username',
    'aws:ResourceAccount', 'aws:ResourceOrgID', 'aws:CalledVia', 's3:DataAccessPointAccount', 's3:DataAccessPointArn', 'sns:Endpoint',
  ].map((k) => k.toLowerCase()),
);
const OPEN_VALUES = new Set(['*', '0.0.0.0/0', '::/0']);
const POSITIVE_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike', 'ipaddress']);

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

/** True, false, or 'unknown' when the principal is built from an unresolved intrinsic. */
function isEveryone(principal: JsonValue | undefined): boolean | 'unknown' {
  if (principal === '*') return true;
  if (isIntrinsic(principal)) return 'unknown';
  if (!isObject(principal)) return false;
  const aws = entryOf(principal, 'AWS');
  if (list(aws).includes('*')) return true;
  return list(aws).some((x) => isIntrinsic(x)) ? 'unknown' : false;
}

/** Whether a Condition limits who can use the statement. */
function restricts(condition: JsonValue | undefined): boolean | 'unknown' {
  if (condition === undefined) return false;
  if (isIntrinsic(condition)) return 'unknown';
  if (!isObject(condition)) return false;
  for (const [operator, body] of Object.entries(condition)) {
    // Only positive matches narrow an Allow (a "not equals" admits everyone else; IfExists admits callers without the key).
    const op = operator.toLowerCase().replace(/^foranyvalue:/, '');
    if (!POSITIVE_OPERATORS.has(op) || !isObject(body)) continue;
    for (const [key, value] of Object.entries(body)) {
      if (!RESTRICTING_KEYS.has(key.toLowerCase())) continue;
      const values = list(value);
      if (values.length === 0) continue;
      if (values.some((v) => isIntrinsic(v))) return true;
      if (values.every((v) => !OPEN_VALUES.has(text(v) ?? ''))) return true;
    }
  }
  return false;
}

/** The verdict over one policy document (any statement shape: a single object or a list). */
export function judgeDocument(doc: JsonValue): PolicyVerdict {
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc) as JsonValue;
    } catch {
      return { verdict: 'unknown', reason: 'the policy is not valid JSON' };
    }
  }
  if (isIntrinsic(doc)) return { verdict: 'unknown', reason: 'the policy document is built at deploy time' };
  if (!isObject(doc)) return { verdict: 'private' };
  const statements = entryOf(doc, 'Statement');
  if (isIntrinsic(statements)) return { verdict: 'unknown', reason: 'the policy statements are built at deploy time' };
  let undecided: PolicyVerdict | undefined;
  list(statements).forEach((s, i) => {
    if (undecided?.verdict === 'public') return;
    const index = Array.isArray(statements) ? i : undefined;
    if (isIntrinsic(s)) {
      undecided ??= { verdict: 'unknown', statement: index, reason: 'a statement is built at deploy time' };
      return;
    }
    if (!isObject(s)) return;
    const effect = entryOf(s, 'Effect');
    if (isIntrinsic(effect)) {
      undecided ??= { verdict: 'unknown', statement: index, reason: 'the Effect of a statement is built at deploy time' };
      return;
    }
    if (text(effect)?.toLowerCase() !== 'allow') return;
    const everyone = entryOf(s, 'NotPrincipal') !== undefined ? true : isEveryone(entryOf(s, 'Principal'));
    if (everyone === false) return;
    const limited = restricts(entryOf(s, 'Condition'));
    if (limited === true) return;
    if (everyone === 'unknown' || limited === 'unknown') {
      undecided ??= { verdict: 'unknown', statement: index, reason: everyone === 'unknown' ? 'the Principal of an Allow statement is built at deploy time' : 'the Condition of a statement allowing everyone is built at deploy time' };
      return;
    }
    undecided = { verdict: 'public', statement: index };
  });
  return undecided ?? { verdict: 'private' };
}

export interface PolicyJudgement extends PolicyVerdict {
  path: Path;
}

/** The weakest verdict over every value a policy property may take (Fn::If branches included). */
export function judgePolicyProperty(ctx: RuleContext, policy: Resource, prop: string): PolicyJudgement {
  const lookup = ctx.get(policy, prop);
  const values = possible(lookup.resolved);
  const verdicts = values.values.map(judgeDocument);
  const pathOf = (v: PolicyVerdict): Path => {
    if (isTerraform(policy) || v.statement === undefined || values.values.length !== 1) return lookup.path;
    const item = ctx.get(policy, [prop, 'Statement', v.statement]);
    return item.present ? item.path : lookup.path;
  };
  const pub = verdicts.find((v) => v.verdict === 'public');
  if (pub) return { ...pub, path: pathOf(pub) };
  if (values.unknown) return { verdict: 'unknown', reason: values.unknown, path: lookup.path };
  const unknown = verdicts.find((v) => v.verdict === 'unknown');
  if (unknown) return { ...unknown, path: pathOf(unknown) };
  return { verdict: 'private', path: lookup.path };
}
