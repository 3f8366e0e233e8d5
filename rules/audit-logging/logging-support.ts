// Helpers shared by the audit-logging rules: "is this destination/setting given" checks that treat a Terraform
// value known only after apply as set when the configuration names a resource for it. Not a rule.
import { namesOf, possible, type Lookup, type Path, type Resource, type RuleContext, type RuleResult, type ValueNode } from '../kit';

export type Verdict = { outcome: 'pass' } | { outcome: 'fail'; lookup: Lookup } | { outcome: 'unknown'; lookup: Lookup; reason: string };

function empty(v: unknown): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
}

/** True when the Terraform configuration gives attribute `name` (top level) a reference to something. */
export function tfReferenced(resource: Resource, name: string): boolean {
  return (resource.terraform?.references[name] ?? []).length > 0;
}

/**
 * A property that must hold a value (a destination ARN, a bucket name). Absent, null or empty fails; a value
 * that cannot be decided is unknown, except a Terraform value known after apply whose configuration
 * references another object (that is how a destination is normally given).
 */
export function isGiven(ctx: RuleContext, resource: Resource, path: string | Path): Verdict {
  const lookup = ctx.get(resource, path);
  const p = possible(lookup.resolved);
  const segments = typeof path === 'string' ? path.split('.') : path;
  if (p.absent || p.values.some(empty)) return { outcome: 'fail', lookup };
  if (p.unknown !== undefined) {
    if (resource.family === 'terraform-plan' && tfReferenced(resource, String(segments[0]))) return { outcome: 'pass' };
    if (resource.family !== 'terraform-plan' && refTarget(ctx, lookup.node)) return { outcome: 'pass' };
    return { outcome: 'unknown', lookup, reason: p.unknown };
  }
  return { outcome: 'pass' };
}

/** Where a finding about `path` of `resource` points: the value when present, else its intended full path. */
export function pointAt(resource: Resource, lookup: Lookup, path: string | Path): Path {
  return lookup.present ? lookup.path : [...resource.propertiesPath, ...(typeof path === 'string' ? path.split('.') : path)];
}

export function unknownResult(path: Path, reason: string, resourceId?: string): RuleResult {
  return { status: 'unknown', path, messageId: 'unknown', reason, data: { reason }, ...(resourceId ? { resourceId } : {}) };
}

/** The items of a list property (absent or non-list: none), each with its index. */
export function listItems(ctx: RuleContext, resource: Resource, path: Path): number[] {
  const l = ctx.get(resource, path);
  return l.present && l.node?.kind === 'seq' ? l.node.items.map((_, i) => i) : [];
}

/** The template resource a `!Ref X` / `!GetAtt X.Attr` / `!Sub '${X.Arn}…'` node names (not custom resources or stacks). */
export function refTarget(ctx: RuleContext, node: ValueNode | undefined): Resource | undefined {
  if (!node || node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const { key, value } = node.entries[0];
  let target: string | undefined;
  if (key === 'Ref' && value.kind === 'scalar') target = String(value.value);
  else if (key === 'Fn::GetAtt') {
    if (value.kind === 'scalar') target = String(value.value).split('.')[0];
    else if (value.kind === 'seq' && value.items[0]?.kind === 'scalar') target = String(value.items[0].value);
  } else if (key === 'Fn::Sub') {
    const body = value.kind === 'scalar' ? value.value : value.kind === 'seq' && value.items[0]?.kind === 'scalar' ? value.items[0].value : undefined;
    const m = typeof body === 'string' ? /\$\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}/.exec(body) : null;
    if (m) target = m[1];
  }
  const r = target ? ctx.byId(target) : undefined;
  return r && !r.type.startsWith('AWS::CloudFormation::') && !r.type.startsWith('Custom::') ? r : undefined;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

/**
 * True when the value at `path` (nested path allowed) of `from` points at `target`: a reference edge inside
 * that path, or a literal equal to one of the target's names (`names` properties; Terraform id/name/arn/bucket).
 */
export function pointsAt(ctx: RuleContext, from: Resource, path: Path, target: Resource, names: string[] = []): boolean {
  const base = [...from.propertiesPath, ...path];
  if (ctx.edgesFrom(from.id).some((e) => e.to === target.id && e.kind !== 'depends-on' && (startsWith(e.path, base) || (from.family === 'terraform-plan' && startsWith(base, e.path))))) return true;
  const wanted = from.family === 'terraform-plan' ? ['id', 'name', 'arn', 'bucket', ...names] : names;
  const own = namesOf(ctx, target, wanted);
  const p = possible(ctx.get(from, path).resolved);
  return p.values.some((v) => typeof v === 'string' && v !== '' && (own.includes(v) || own.some((n) => n.startsWith('arn:') && v.startsWith(n))));
}

/**
 * The resources of `fromTypes`, in `ofType` order, for which `pointsAt(ctx, from, path, target, names)` holds.
 * Indexed once per template and question (edges and names of every target of the type), so asking it for
 * every bucket, VPC or stage stays linear.
 */
export function pointersTo(ctx: RuleContext, fromTypes: string[], path: Path, target: Resource, names: string[] = []): Resource[] {
  const index = ctx.memo(`logging:pointersTo:${fromTypes.join(',')}|${JSON.stringify(path)}|${target.type}|${names.join(',')}`, () => {
    const byTarget = new Map<string, Resource[]>();
    const targetNames = new Map<boolean, TargetNames>();
    for (const from of ctx.ofType(...fromTypes)) {
      const tf = from.family === 'terraform-plan';
      const base = [...from.propertiesPath, ...path];
      const targets = new Set<string>();
      for (const e of ctx.edgesFrom(from.id)) if (e.kind !== 'depends-on' && (startsWith(e.path, base) || (tf && startsWith(base, e.path)))) targets.add(e.to);
      const values = possible(ctx.get(from, path).resolved).values.filter((v): v is string => typeof v === 'string' && v !== '');
      if (values.length) {
        let named = targetNames.get(tf);
        if (!named) targetNames.set(tf, (named = nameTargets(ctx, target.type, tf ? ['id', 'name', 'arn', 'bucket', ...names] : names)));
        for (const v of values) named.lookup(v).forEach((id) => targets.add(id));
      }
      for (const id of targets) (byTarget.get(id) ?? byTarget.set(id, []).get(id)!).push(from);
    }
    return byTarget;
  });
  return [...(index.get(target.id) ?? [])];
}

interface TargetNames {
  /** Ids of the targets named by `value`: one of their names, or a value under one of their ARNs. */
  lookup(value: string): string[];
}

function nameTargets(ctx: RuleContext, type: string, wanted: string[]): TargetNames {
  const exact = new Map<string, string[]>();
  const arns = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => (map.get(key) ?? map.set(key, []).get(key)!).push(id);
  for (const t of ctx.ofType(type)) {
    for (const n of namesOf(ctx, t, wanted)) {
      add(exact, n, t.id);
      if (n.startsWith('arn:')) add(arns, n, t.id);
    }
  }
  const arnLengths = [...new Set([...arns.keys()].map((n) => n.length))];
  return {
    lookup(value) {
      const ids = [...(exact.get(value) ?? [])];
      for (const length of arnLengths) if (length <= value.length) ids.push(...(arns.get(value.slice(0, length)) ?? []));
      return ids;
    },
  };
}
