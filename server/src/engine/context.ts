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
    // Terraform: the attribute key walked so far (`a[0].b`), grown one segment at a time, for `after_unknown`.
    const unknownPaths = resource.terraform && resource.terraform.unknownPaths.size ? resource.terraform.unknownPaths : undefined;
    let key = '';
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      if (unknownPaths && unknownPaths.has(key)) return this.unknownAt(resource, segments, i, node, key);
      if (!node) return new PropertyLookup(ABSENT, undefined, false, base, segments, i);
      if (intrinsicOf(node)) {
        // A container computed by an intrinsic: resolve it, then walk the plain value.
        return new PropertyLookup(walkResolved(this.resolver.resolve(node), segments.slice(i)), node, false, base, segments, i);
      }
      if (typeof seg === 'number') node = node.kind === 'seq' ? node.items[seg] : undefined;
      else node = node.kind === 'map' ? mapEntry(node, seg)?.value : undefined;
      const next = unknownPaths ? appendKey(key, seg) : key;
      if (!node) {
        if (unknownPaths && unknownPaths.has(next)) return this.unknownAt(resource, segments, i + 1, undefined, next);
        return new PropertyLookup(ABSENT, undefined, false, base, segments, i);
      }
      key = next;
    }
    if (unknownPaths && unknownPaths.has(key)) return this.unknownAt(resource, segments, segments.length, node, key);
    return new PropertyLookup(this.resolver.resolve(node), node, true, base, segments, segments.length);
  }

  private unknownAt(resource: Resource, segments: Path, depth: number, node: ValueNode | undefined, key: string): Lookup {
    const reason = `${resource.id}.${key} is known only after apply`;
    return new PropertyLookup({ kind: 'unknown', reason }, node, true, resource.propertiesPath, segments, depth);
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

/**
 * A property lookup. Its path (the resource's properties path plus the segments walked) is built when read:
 * most of the lookups rules make are never reported, so most never need it.
 */
class PropertyLookup implements Lookup {
  #path: Path | undefined;
  readonly #base: Path;
  readonly #segments: Path;
  readonly #depth: number;

  constructor(readonly resolved: Resolved, readonly node: ValueNode | undefined, readonly present: boolean, base: Path, segments: Path, depth: number) {
    this.#base = base;
    this.#segments = segments;
    this.#depth = depth;
  }

  get path(): Path {
    return (this.#path ??= this.#base.concat(this.#depth === this.#segments.length ? this.#segments : this.#segments.slice(0, this.#depth)));
  }
}

function walkResolved(r: Resolved, rest: Path): Resolved {
  if (r.kind === 'unknown' || r.kind === 'absent') return r;
  if (r.kind === 'oneOf') return { kind: 'oneOf', options: r.options.map((o) => walkResolved(o, rest)), via: r.via };
  let v: unknown = r.value;
  for (const seg of rest) {
    if (v === null || typeof v !== 'object') return { kind: 'absent' };
    v = (v as Record<string | number, unknown>)[seg];
    if (v === undefined) return { kind: 'absent' };
  }
  return { kind: 'known', value: v as never, via: r.via };
}
