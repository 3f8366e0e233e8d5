import type { Edge, Lookup, RuleContext } from '../../../rules/kit/rule';
import type { Path, PhiVerdict, Resolved, Resource, ValueNode } from '../../../rules/kit/types';
import { mapEntry } from '../parse/tree';
import { intrinsicOf, referencesIn, Resolver } from '../model/intrinsics';
import type { TemplateModel } from '../model/model';

const UNKNOWN_VERDICT: PhiVerdict = { verdict: 'unknown', chain: [] };
const NONE: Resource[] = [];

const parsedPaths = new Map<string, Path>();

/** Split `A.B[0].C` or `A.B.0.C` into segments (memoised: rules ask for the same few paths on every resource). */
export function parsePath(path: string | Path): Path {
  if (typeof path !== 'string') return path;
  let cached = parsedPaths.get(path);
  if (!cached) {
    cached = splitPath(path);
    if (parsedPaths.size < 10_000) parsedPaths.set(path, cached);
  }
  return cached;
}

function splitPath(path: string): Path {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Dotted Terraform attribute path with `[n]` indexes, the form used for unknown and sensitive paths. */
export function terraformKey(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

/** `terraformKey` of a path one segment longer. */
function appendKey(key: string, seg: string | number): string {
  return typeof seg === 'number' ? `${key}[${seg}]` : key ? `${key}.${seg}` : seg;
}

const ABSENT: Resolved = Object.freeze({ kind: 'absent' });

export class EngineContext implements RuleContext {
  readonly family;
  readonly resources;
  readonly resolver: Resolver;
  private readonly edgesOut = new Map<string, Edge[]>();
  private readonly edgesIn = new Map<string, Edge[]>();
  private readonly typeIndex = new Map<string, Resource[]>();

  constructor(readonly model: TemplateModel, private readonly verdicts: Record<string, PhiVerdict>, maxReferenceDepth: number, resolver?: Resolver) {
    this.family = model.family;
    this.resources = model.resources;
    this.resolver = resolver ?? new Resolver(model, maxReferenceDepth);
    for (const e of model.edges) {
      push(this.edgesOut, e.from, e);
      push(this.edgesIn, e.to, e);
    }
    for (const r of model.resources) push(this.typeIndex, r.type, r);
  }

  byId(id: string): Resource | undefined {
    return this.model.byId.get(id);
  }

  ofType(...types: string[]): Resource[] {
    if (types.length === 1) return (this.typeIndex.get(types[0]) ?? NONE).slice();
    return types.flatMap((t) => this.typeIndex.get(t) ?? NONE);
  }

  get(resource: Resource, path: string | Path): Lookup {
    const segments = parsePath(path);
    const base = resource.propertiesPath;
    let node: ValueNode | undefined = resource.properties;
    const walked: (string | number)[] = [];
    // Terraform: the attribute key walked so far (`a[0].b`), grown one segment at a time, for `after_unknown`.
    const unknownPaths = resource.terraform && resource.terraform.unknownPaths.size ? resource.terraform.unknownPaths : undefined;
    let key = '';
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      if (unknownPaths && unknownPaths.has(key)) return this.unknownAt(resource, walked, node, key);
      if (!node) return { resolved: ABSENT, path: base.concat(walked), present: false };
      const intrinsic = intrinsicOf(node);
      if (intrinsic) {
        // A container computed by an intrinsic: resolve it, then walk the plain value.
        const r = this.resolver.resolve(node);
        return { ...walkResolved(r, segments.slice(i)), path: base.concat(walked), node, present: false };
      }
      if (typeof seg === 'number') node = node.kind === 'seq' ? node.items[seg] : undefined;
      else node = node.kind === 'map' ? mapEntry(node, seg)?.value : undefined;
      const next = unknownPaths ? appendKey(key, seg) : key;
      if (!node) {
        if (unknownPaths && unknownPaths.has(next)) return this.unknownAt(resource, [...walked, seg], undefined, next);
        return { resolved: ABSENT, path: base.concat(walked), present: false };
      }
      walked.push(seg);
      key = next;
    }
    if (unknownPaths && unknownPaths.has(key)) return this.unknownAt(resource, walked, node, key);
    return { resolved: this.resolver.resolve(node), path: base.concat(walked), node, present: true };
  }

  private unknownAt(resource: Resource, walked: Path, node: ValueNode | undefined, key: string): Lookup {
    const reason = `${resource.id}.${key} is known only after apply`;
    return { resolved: { kind: 'unknown', reason }, path: resource.propertiesPath.concat(walked), node, present: true };
  }

  resolve(node: ValueNode | undefined): Resolved {
    return this.resolver.resolve(node);
  }

  edgesFrom(id: string): Edge[] {
    return this.edgesOut.get(id) ?? [];
  }

  edgesTo(id: string): Edge[] {
    return this.edgesIn.get(id) ?? [];
  }

  phi(id: string): PhiVerdict {
    return this.verdicts[id] ?? UNKNOWN_VERDICT;
  }

  private readonly memos = new Map<string, unknown>();

  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  refersTo(node: ValueNode | undefined, id: string): boolean {
    if (!node) return false;
    if (node.kind === 'scalar') return node.value === id;
    return referencesIn(node).some((r) => r.name === id);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function walkResolved(r: Resolved, rest: Path): { resolved: Resolved } {
  if (r.kind === 'unknown' || r.kind === 'absent') return { resolved: r };
  if (r.kind === 'oneOf') return { resolved: { kind: 'oneOf', options: r.options.map((o) => walkResolved(o, rest).resolved), via: r.via } };
  let v: unknown = r.value;
  for (const seg of rest) {
    if (v === null || typeof v !== 'object') return { resolved: { kind: 'absent' } };
    v = (v as Record<string | number, unknown>)[seg];
    if (v === undefined) return { resolved: { kind: 'absent' } };
  }
  return { resolved: { kind: 'known', value: v as never, via: r.via } };
}
