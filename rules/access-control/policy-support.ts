// IAM policy documents wherever a template can carry them, shared by the access-control IAM rules. Not a rule
// (no default export). Works on the resolver's plain JSON, where unresolved intrinsics stay as `{ Ref: … }` maps.
import type { JsonValue, Path, Resource, RuleContext, ValueNode } from '../kit';
import { isIntrinsic, isTerraform, possible } from '../kit';

export type Obj = { [key: string]: JsonValue };

export function isObject(v: JsonValue | undefined): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function list(v: JsonValue | undefined): JsonValue[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** Map entry by key, compared case-insensitively (policy element names are case-insensitive). */
export function entryOf(o: Obj, key: string): JsonValue | undefined {
  // Policies almost always spell elements as documented: look that up before comparing every key.
  if (Object.prototype.hasOwnProperty.call(o, key)) return o[key];
  // Most lookups are for absent elements (NotAction, Sid): compare lengths before lower-casing anything.
  const wanted = key.toLowerCase();
  for (const name of Object.keys(o)) if (name.length === wanted.length && name.toLowerCase() === wanted) return o[name];
  return undefined;
}

/** CloudFormation types whose `PolicyDocument` is an identity policy. */
export const CFN_POLICY_TYPES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'];
/** CloudFormation types with inline `Policies[].PolicyDocument` and `ManagedPolicyArns`. */
export const CFN_PRINCIPAL_TYPES = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];
export const SAM_FUNCTION_TYPES = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];
/** Terraform types whose `policy` attribute is an identity policy (JSON string). */
export const TF_POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'];
export const TF_ATTACHMENT_TYPES = ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment'];

/** One policy document of a resource: every value it may take, or why it cannot be read. */
export interface PolicyDocument {
  /** Absolute path of the document (CloudFormation) or of the JSON string attribute (Terraform). */
  path: Path;
  values: JsonValue[];
  unknown?: string;
  /** Where a finding about statement `index` points (the statement itself when it is a list item in the text). */
  statementPath(index: number): Path;
}

function cfnDocument(ctx: RuleContext, resource: Resource, rel: Path): PolicyDocument | undefined {
  const doc = ctx.get(resource, rel);
  if (!doc.present) return undefined;
  const p = possible(doc.resolved);
  const statements = ctx.get(resource, [...rel, 'Statement']);
  // A Json-typed property may also be written as a JSON string.
  const values = p.values.map((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as JsonValue;
    } catch {
      return v;
    }
  });
  return {
    path: doc.path,
    values,
    unknown: p.unknown,
    statementPath(index: number): Path {
      if (statements.present && statements.node?.kind === 'seq' && index < statements.node.items.length) return [...statements.path, index];
      return statements.present ? statements.path : doc.path;
    },
  };
}

function terraformDocument(ctx: RuleContext, resource: Resource, rel: Path): PolicyDocument | undefined {
  const attr = ctx.get(resource, rel);
  if (!attr.present && attr.resolved.kind !== 'unknown') return undefined;
  const p = possible(attr.resolved);
  const values: JsonValue[] = [];
  let unknown = p.unknown;
  for (const v of p.values) {
    if (typeof v !== 'string') {
      if (v !== null) values.push(v);
      continue;
    }
    if (!v.trim()) continue;
    try {
      values.push(JSON.parse(v) as JsonValue);
    } catch {
      unknown ??= `${resource.id}.${rel.join('.')} is not valid JSON`;
    }
  }
  return { path: attr.path, values, unknown, statementPath: () => attr.path };
}

/** Every identity policy document the resource carries (inline policies included). */
export function policyDocuments(ctx: RuleContext, resource: Resource): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  const push = (d: PolicyDocument | undefined) => d && out.push(d);
  if (isTerraform(resource)) {
    if (TF_POLICY_TYPES.includes(resource.type)) push(terraformDocument(ctx, resource, ['policy']));
    if (resource.type === 'aws_iam_role') {
      const inline = ctx.get(resource, 'inline_policy');
      const n = inline.present && inline.node?.kind === 'seq' ? inline.node.items.length : 0;
      for (let i = 0; i < n; i++) push(terraformDocument(ctx, resource, ['inline_policy', i, 'policy']));
    }
    return out;
  }
  if (CFN_POLICY_TYPES.includes(resource.type)) push(cfnDocument(ctx, resource, ['PolicyDocument']));
  if (CFN_PRINCIPAL_TYPES.includes(resource.type)) {
    const policies = ctx.get(resource, 'Policies');
    const n = policies.present && policies.node?.kind === 'seq' ? policies.node.items.length : 0;
    for (let i = 0; i < n; i++) push(cfnDocument(ctx, resource, ['Policies', i, 'PolicyDocument']));
  }
  if (SAM_FUNCTION_TYPES.includes(resource.type)) {
    // SAM `Policies`: a managed policy name/ARN, a policy document, a policy template, or a list of those.
    const policies = ctx.get(resource, 'Policies');
    if (policies.present && policies.node?.kind === 'seq') {
      for (let i = 0; i < policies.node.items.length; i++) {
        const item = policies.node.items[i];
        if (item.kind === 'map' && item.entries.some((e) => e.key.toLowerCase() === 'statement')) push(cfnDocument(ctx, resource, ['Policies', i]));
      }
    } else if (policies.present && policies.node?.kind === 'map' && policies.node.entries.some((e) => e.key.toLowerCase() === 'statement')) {
      push(cfnDocument(ctx, resource, ['Policies']));
    }
  }
  return out;
}

/** Managed policy ARNs (or SAM managed policy names) the resource attaches, with the path of each. */
export function attachedPolicies(ctx: RuleContext, resource: Resource): { path: Path; values: JsonValue[]; unknown?: string }[] {
  const out: { path: Path; values: JsonValue[]; unknown?: string }[] = [];
  const one = (rel: Path) => {
    const item = ctx.get(resource, rel);
    const node = item.node;
    if (item.present && node?.kind === 'map' && !nodeIsIntrinsic(node)) return; // a document or a SAM policy template
    // `!Sub arn:${AWS::Partition}:iam::aws:policy/X` names an AWS managed policy whatever the partition.
    if (item.resolved.kind === 'unknown' && node?.kind === 'map' && node.entries[0].key === 'Fn::Sub' && node.entries[0].value.kind === 'scalar') {
      const raw = String(node.entries[0].value.value);
      if (/^arn:\$\{AWS::Partition\}:iam::aws:policy\/[^$]+$/.test(raw)) {
        out.push({ path: item.path, values: [raw.replace('${AWS::Partition}', 'aws')] });
        return;
      }
    }
    const p = possible(item.resolved);
    out.push({ path: item.path, values: p.values.flatMap((v) => (Array.isArray(v) ? v : [v])), unknown: p.unknown });
  };
  const each = (rel: Path) => {
    const l = ctx.get(resource, rel);
    if (!l.present && l.resolved.kind !== 'unknown') return;
    if (l.node?.kind === 'seq') for (let i = 0; i < l.node.items.length; i++) one([...rel, i]);
    else one(rel);
  };
  if (isTerraform(resource)) {
    if (TF_ATTACHMENT_TYPES.includes(resource.type)) each(['policy_arn']);
    if (resource.type === 'aws_iam_role' || resource.type === 'aws_iam_user' || resource.type === 'aws_iam_group') {
      if (ctx.get(resource, 'managed_policy_arns').present) each(['managed_policy_arns']);
    }
    return out;
  }
  if (CFN_PRINCIPAL_TYPES.includes(resource.type)) each(['ManagedPolicyArns']);
  if (SAM_FUNCTION_TYPES.includes(resource.type)) {
    const policies = ctx.get(resource, 'Policies');
    if (policies.present && (policies.node?.kind !== 'map' || nodeIsIntrinsic(policies.node))) each(['Policies']);
  }
  return out;
}

function nodeIsIntrinsic(node: ValueNode): boolean {
  return node.kind === 'map' && node.entries.length === 1 && (node.entries[0].key === 'Ref' || node.entries[0].key.startsWith('Fn::'));
}

/** The statements of a document (an object or a list), or 'unknown' when the list itself is an intrinsic. */
export function statementsOf(document: JsonValue): JsonValue[] | 'unknown' {
  if (isIntrinsic(document)) return 'unknown';
  if (!isObject(document)) return [];
  const statements = entryOf(document, 'Statement');
  if (isIntrinsic(statements)) return 'unknown';
  return list(statements);
}

/** 'allow' | 'other' | 'unknown' for a statement's Effect. */
export function effectOf(statement: Obj): 'allow' | 'other' | 'unknown' {
  const effect = entryOf(statement, 'Effect');
  if (isIntrinsic(effect)) return 'unknown';
  return typeof effect === 'string' && effect.toLowerCase() === 'allow' ? 'allow' : 'other';
}

/** Plain string items of an Action/Resource element, and whether any item is an unresolved intrinsic. */
export function strings(v: JsonValue | undefined): { items: string[]; intrinsic: boolean } {
  const items: string[] = [];
  let intrinsic = false;
  for (const x of list(v)) {
    if (typeof x === 'string') items.push(x);
    else if (isIntrinsic(x) || isObject(x) || Array.isArray(x)) intrinsic = true;
  }
  return { items, intrinsic: intrinsic || isIntrinsic(v ?? null) };
}

/** IAM wildcard match (`*`, `?`), case-insensitive. */
export function globMatches(pattern: string, value: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern.toLowerCase() === value.toLowerCase();
  let re = globs.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    // Policies repeat a few patterns many times; the cache is bounded for hostile inputs.
    if (globs.size < 5_000) globs.set(pattern, re);
  }
  return re.test(value.toLowerCase());
}

const globs = new Map<string, RegExp>();
