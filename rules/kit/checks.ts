import type { FixIntent, Lookup, RuleContext, RuleResult } from './rule';
import type { JsonValue, Path, Resolved, Resource } from './types';

/** A predicate over a resolved value: true = compliant. */
export type Predicate = (value: JsonValue) => boolean;

export const isTrue: Predicate = (v) => v === true || v === 'true' || v === 'True';
export const isFalse: Predicate = (v) => v === false || v === 'false' || v === 'False';
export const isNonEmpty: Predicate = (v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
export const oneOfValues = (...allowed: JsonValue[]): Predicate => (v) => allowed.some((a) => String(a).toLowerCase() === String(v).toLowerCase());
export const atLeast = (n: number): Predicate => (v) => Number(v) >= n;

export interface ExpectOptions {
  /** Message when the value is missing or fails. */
  messageId: string;
  /** Whether a missing value is compliant (the service default is secure). */
  absentPasses?: boolean;
  /** Finding data (message placeholders). */
  data?: Record<string, string>;
  fixes?: FixIntent[];
  /** Where to point when the value is absent (defaults to the nearest existing parent). */
}

export type Outcome = 'pass' | 'fail' | 'unknown';

/** Evaluate a predicate against any resolved value: a one-of fails if any option fails. */
export function evaluate(resolved: Resolved, pass: Predicate, absentPasses = false): { outcome: Outcome; reason?: string } {
  switch (resolved.kind) {
    case 'absent':
      return { outcome: absentPasses ? 'pass' : 'fail' };
    case 'unknown':
      return { outcome: 'unknown', reason: resolved.reason };
    case 'known':
      return { outcome: pass(resolved.value) ? 'pass' : 'fail', reason: resolved.via?.join('; ') };
    case 'oneOf': {
      const results = resolved.options.map((o) => evaluate(o, pass, absentPasses));
      const failing = results.find((r) => r.outcome === 'fail');
      if (failing) return { outcome: 'fail', reason: ['one of the possible values fails', ...(resolved.via ?? [])].join('; ') };
      const unknown = results.find((r) => r.outcome === 'unknown');
      if (unknown) return unknown;
      return { outcome: 'pass' };
    }
  }
}

/** "Property at `path` must satisfy `pass`": one result or none. */
export function expect(ctx: RuleContext, resource: Resource, path: string | Path, pass: Predicate, options: ExpectOptions): RuleResult[] {
  const lookup = ctx.get(resource, path);
  return resultFor(lookup, evaluate(lookup.resolved, pass, options.absentPasses), options, resource, path);
}

export function resultFor(lookup: Lookup, evaluation: { outcome: Outcome; reason?: string }, options: ExpectOptions, resource: Resource, path: string | Path): RuleResult[] {
  if (evaluation.outcome === 'pass') return [];
  const target = lookup.present ? lookup.path : [...resource.propertiesPath, ...(typeof path === 'string' ? path.split('.') : path)];
  const data = { ...(options.data ?? {}) };
  if (evaluation.reason) data.reason = evaluation.reason;
  return [
    {
      status: evaluation.outcome,
      path: target,
      messageId: options.messageId,
      data,
      reason: evaluation.outcome === 'unknown' ? evaluation.reason : undefined,
      fixes: options.fixes,
    },
  ];
}

/** A "set this property" fix on the resource, safe unless it replaces the resource or changes cost or key policy. */
export function setFix(resource: Resource, path: string | Path, value: JsonValue | { newParameter: { name: string; type: string; description: string; default?: string } }, title: string, safety: { safe: boolean; consequence?: string } = { safe: true }): FixIntent[] {
  if (resource.family === 'terraform-plan' || resource.implicitFrom) return [];
  const segments = typeof path === 'string' ? path.split('.') : path;
  const fullTitle = safety.safe || !safety.consequence ? title : `${title} (${safety.consequence})`;
  return [{ title: fullTitle, safe: safety.safe, consequence: safety.consequence, edits: [{ op: 'set', path: [...resource.propertiesPath, ...segments], value }] }];
}

/** True when any of the resources' properties refer to `id` (Ref, GetAtt, Sub, or Terraform reference edges). */
export function referencedBy(ctx: RuleContext, id: string, types: string[]): Resource[] {
  const wanted = new Set(types);
  const out: Resource[] = [];
  for (const edge of ctx.edgesTo(id)) {
    const from = ctx.byId(edge.from);
    if (from && wanted.has(from.type) && !out.includes(from)) out.push(from);
  }
  return out;
}
