// Does a resource policy deny requests that are not sent over TLS? Shared by the S3 bucket-policy rule.
// Works on the resolver's plain JSON, where unresolved intrinsics stay as `{ Ref: … }` maps.
import type { JsonValue } from '../kit';
import { isIntrinsic, text } from '../kit';

/** `denies`: the statement blocks plain HTTP; `versionOnly`: it only compares the TLS version (HTTP passes). */
export type StatementVerdict = 'denies' | 'versionOnly' | 'no' | 'unknown';

type Obj = { [key: string]: JsonValue };

function isObject(v: JsonValue | undefined): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function list(v: JsonValue | undefined): JsonValue[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Map entry by key, compared case-insensitively (IAM condition operators and keys are case-insensitive). */
function entryOf(o: Obj, key: string): JsonValue | undefined {
  const k = Object.keys(o).find((name) => name.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : o[k];
}

function anyIntrinsic(v: JsonValue | undefined): boolean {
  return list(v).some((x) => isIntrinsic(x));
}

function globMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(action);
}

/** True when the statement's actions include reading and writing objects (s3:*, *, or both explicitly). */
function coversObjectAccess(s: Obj): boolean | 'unknown' {
  const covers = (patterns: JsonValue[], op: string) => patterns.some((p) => typeof p === 'string' && globMatches(p, op));
  const ops = ['s3:getobject', 's3:putobject'];
  const notAction = entryOf(s, 'NotAction');
  if (notAction !== undefined) {
    if (anyIntrinsic(notAction)) return 'unknown';
    return ops.every((op) => !covers(list(notAction), op));
  }
  const action = entryOf(s, 'Action');
  if (anyIntrinsic(action)) return 'unknown';
  return ops.every((op) => covers(list(action), op));
}

function isEveryone(principal: JsonValue | undefined): boolean | 'unknown' {
  if (principal === '*') return true;
  if (isIntrinsic(principal)) return 'unknown';
  if (!isObject(principal)) return false;
  const aws = entryOf(principal, 'AWS');
  if (anyIntrinsic(aws)) return 'unknown';
  return list(aws).includes('*');
}

function isFalse(v: JsonValue): boolean {
  return v === false || (typeof v === 'string' && v.toLowerCase() === 'false');
}

/** What the statement's Condition does about transport: refuses HTTP, only checks the TLS version, or neither. */
function conditionVerdict(condition: JsonValue | undefined): StatementVerdict {
  if (isIntrinsic(condition)) return 'unknown';
  if (!isObject(condition)) return 'no';
  let verdict: StatementVerdict = 'no';
  for (const [operator, body] of Object.entries(condition)) {
    if (!isObject(body)) continue;
    const op = operator.toLowerCase();
    if (op === 'bool' || op === 'boolifexists') {
      const value = entryOf(body, 'aws:SecureTransport');
      if (value === undefined) continue;
      if (anyIntrinsic(value)) verdict = verdict === 'no' ? 'unknown' : verdict;
      else if (list(value).some(isFalse)) return 'denies';
    } else if (op === 'numericlessthan' || op === 'numericlessthanifexists') {
      const value = entryOf(body, 's3:TlsVersion') ?? entryOf(body, 'aws:TLSVersion');
      if (value === undefined) continue;
      if (anyIntrinsic(value)) verdict = verdict === 'no' ? 'unknown' : verdict;
      else if (list(value).some((v) => Number(text(v)) >= 1.2)) {
        // A request over plain HTTP has no TLS version, and a missing key makes NumericLessThan false:
        // only the IfExists form also refuses HTTP.
        if (op === 'numericlessthanifexists') return 'denies';
        verdict = 'versionOnly';
      }
    }
  }
  return verdict;
}

/** Judge one policy statement. Resource is not checked: a bucket policy may only name its own bucket and objects. */
export function judgeStatement(statement: JsonValue): StatementVerdict {
  if (isIntrinsic(statement)) return 'unknown';
  if (!isObject(statement)) return 'no';
  const effect = entryOf(statement, 'Effect');
  if (isIntrinsic(effect)) return 'unknown';
  if (typeof effect !== 'string' || effect.toLowerCase() !== 'deny') return 'no';
  const condition = conditionVerdict(entryOf(statement, 'Condition'));
  if (condition === 'no') return 'no';
  const everyone = isEveryone(entryOf(statement, 'Principal'));
  const actions = coversObjectAccess(statement);
  if (everyone === false || actions === false) return 'no';
  if (everyone === 'unknown' || actions === 'unknown') return 'unknown';
  return condition;
}

/** Best verdict over a policy document's statements. */
export function judgePolicy(document: JsonValue): StatementVerdict {
  if (isIntrinsic(document)) return 'unknown';
  if (!isObject(document)) return 'no';
  const statements = entryOf(document, 'Statement');
  if (isIntrinsic(statements)) return 'unknown';
  const verdicts = list(statements).map(judgeStatement);
  for (const v of ['denies', 'unknown', 'versionOnly'] as const) if (verdicts.includes(v)) return v;
  return 'no';
}
