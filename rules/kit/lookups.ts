// Small helpers shared by the transit, network and eligibility rules: value flattening, unknown results and
// "which resource points at which" lookups over the reference edges. Not a rule (no default export).
import type { Lookup, RuleContext, RuleResult } from './rule';
import type { JsonValue, Path, Resolved, Resource } from './types';

export function isTerraform(resource: Resource): boolean {
  return resource.family === 'terraform-plan';
}

/** Every value a resolved property may take; `unknown` holds the first reason a value could not be decided. */
export interface Possible {
  values: JsonValue[];
  absent: boolean;
  unknown?: string;
}

export function possible(resolved: Resolved): Possible {
  const out: Possible = { values: [], absent: false };
  const visit = (r: Resolved) => {
    if (r.kind === 'absent') out.absent = true;
    else if (r.kind === 'unknown') out.unknown ??= r.reason;
    else if (r.kind === 'known') out.values.push(r.value);
    else r.options.forEach(visit);
  };
  visit(resolved);
  return out;
}

/** A CloudFormation intrinsic that the resolver left in place (`{ Ref: … }`, `{ 'Fn::GetAtt': … }`). */
export function isIntrinsic(value: JsonValue | undefined): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

export function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** A finding that a value could not be decided statically. */
export function unknownAt(path: Path, reason: string, messageId = 'unknown', data: Record<string, string> = {}): RuleResult {
  return { status: 'unknown', path, messageId, reason, data: { ...data, reason } };
}

/** Rewrites an `expect` result whose value could not be decided to the rule's `unknown` message. */
export function asUnknown(result: RuleResult): RuleResult {
  return result.status === 'unknown' ? { ...result, messageId: 'unknown', fixes: undefined } : result;
}

/** Case-insensitive membership of a scalar in a list. */
export function oneOf(value: JsonValue | undefined, ...allowed: string[]): boolean {
  const s = text(value)?.toLowerCase();
  return s !== undefined && allowed.some((a) => a.toLowerCase() === s);
}

/** Known string values a resource is named by (physical names, Terraform ids/names/ARNs), for literal joins. */
export function namesOf(ctx: RuleContext, resource: Resource, props: string[]): string[] {
  const out: string[] = [];
  for (const p of props) {
    const r = ctx.get(resource, p).resolved;
    if (r.kind === 'known' && typeof r.value === 'string' && r.value) out.push(r.value);
  }
  return out;
}

const TERRAFORM_NAME_ATTRIBUTES = ['id', 'name', 'arn', 'bucket'];

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

/**
 * Resources of `types` that property `prop` of `from` points at: reference edges (Ref, GetAtt, Sub,
 * Terraform references), or a literal value equal to the target's name (`cfnNames` properties, or the
 * Terraform id/name/arn).
 */
export function targetsOf(ctx: RuleContext, from: Resource, prop: string, types: string[], cfnNames: string[] = []): Resource[] {
  const wanted = new Set(types);
  const out: Resource[] = [];
  const add = (r: Resource | undefined) => {
    if (r && wanted.has(r.type) && !out.includes(r)) out.push(r);
  };
  // `prop` may be dotted (`Events.Get.Properties.RestApiId`), as in `ctx.get`.
  const base = [...from.propertiesPath, ...prop.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg))];
  for (const e of ctx.edgesFrom(from.id)) if (e.kind !== 'depends-on' && startsWith(e.path, base)) add(ctx.byId(e.to));
  const value = ctx.get(from, prop).resolved;
  if (value.kind === 'known' && typeof value.value === 'string' && value.value) {
    const names = isTerraform(from) ? TERRAFORM_NAME_ATTRIBUTES : cfnNames;
    for (const r of byName(ctx, types, names).get(value.value) ?? []) add(r);
  }
  return out;
}

/** Resources of `types` by each name they carry in `names`, indexed once per template. */
function byName(ctx: RuleContext, types: string[], names: string[]): Map<string, Resource[]> {
  return ctx.memo(`kit:byName:${types.join(',')}|${names.join(',')}`, () => {
    const index = new Map<string, Resource[]>();
    for (const r of ctx.ofType(...types)) {
      for (const n of new Set(namesOf(ctx, r, names))) (index.get(n) ?? index.set(n, []).get(n)!).push(r);
    }
    return index;
  });
}

/** Resources of `types` whose property `prop` points at `target` (the reverse of `targetsOf`). */
export function referrersOf(ctx: RuleContext, target: Resource, types: string[], prop: string, cfnNames: string[] = []): Resource[] {
  // Indexed once per template and question, so asking it for every bucket or subnet stays linear.
  const index = ctx.memo(`kit:referrersOf:${types.join(',')}|${prop}|${target.type}|${cfnNames.join(',')}`, () => {
    const byTarget = new Map<string, Resource[]>();
    for (const r of ctx.ofType(...types)) {
      for (const t of targetsOf(ctx, r, prop, [target.type], cfnNames)) (byTarget.get(t.id) ?? byTarget.set(t.id, []).get(t.id)!).push(r);
    }
    return byTarget;
  });
  return [...(index.get(target.id) ?? [])];
}

/** The items of a list property as lookups of their own (an absent or non-list value gives none). */
export function itemCount(ctx: RuleContext, resource: Resource, path: Path): number {
  const l = ctx.get(resource, path);
  return l.present && l.node?.kind === 'seq' ? l.node.items.length : 0;
}

/** Where a finding about a property points: the property when present, else its full intended path (as `expect` does). */
export function targetPath(resource: Resource, lookup: Lookup, relative: Path): Path {
  return lookup.present ? lookup.path : [...resource.propertiesPath, ...relative];
}
