import type { MapEntry, MapNode, Path, SeqNode, Span, ValueNode } from '../../../rules/kit/types';

/** A syntax-level problem found while building the value tree. */
export interface ParseIssue {
  code: 'syntax-error' | 'duplicate-key' | 'budget-exceeded';
  message: string;
  span: Span;
}

export interface ParsedDocument {
  format: 'yaml' | 'json';
  root: ValueNode | undefined;
  issues: ParseIssue[];
  /** True when the YAML uses CloudFormation short tags (`!Ref`); fixes write in the same style. */
  usesShortTags: boolean;
}

/**
 * The keys of a map as it is built, to tell a repeated key (CloudFormation rejects it; the later value wins).
 * Most maps are small: they are compared in place, and a set is built only for wide ones.
 */
export class MapKeys {
  private set: Set<string> | undefined;

  constructor(private readonly entries: readonly MapEntry[]) {}

  /** True when `key` is already in the map; call before adding its entry. */
  repeats(key: string): boolean {
    if (!this.set && this.entries.length >= 8) this.set = new Set(this.entries.map((e) => e.key));
    const seen = this.set ? this.set.has(key) : this.entries.some((e) => e.key === key);
    this.set?.add(key);
    return seen;
  }
}

export function duplicateKeyIssue(key: string, span: Span): ParseIssue {
  return { code: 'duplicate-key', message: `Duplicate key "${key}": the later value wins, and CloudFormation rejects the template.`, span };
}

/** JSON values nested past the depth budget: the tree stops there (one issue per file). */
export function cutAtDepthIssue(maxDepth: number, span: Span): ParseIssue {
  return { code: 'budget-exceeded', message: `Nesting deeper than ${maxDepth} levels (budget maxDepth); deeper values were not analysed.`, span };
}

export function mapGet(node: ValueNode | undefined, key: string): ValueNode | undefined {
  if (!node || node.kind !== 'map') return undefined;
  const entries = node.entries;
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return entries[i].value;
  return undefined;
}

export function mapEntry(node: ValueNode | undefined, key: string) {
  if (!node || node.kind !== 'map') return undefined;
  const entries = node.entries;
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return entries[i];
  return undefined;
}

export function asMap(node: ValueNode | undefined): MapNode | undefined {
  return node && node.kind === 'map' ? node : undefined;
}

export function asSeq(node: ValueNode | undefined): SeqNode | undefined {
  return node && node.kind === 'seq' ? node : undefined;
}

export function scalarString(node: ValueNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** The node at `path`, or undefined. */
export function nodeAt(root: ValueNode | undefined, path: Path): ValueNode | undefined {
  let node = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.kind === 'seq' ? node.items[seg] : undefined;
    else node = mapGet(node, seg);
  }
  return node;
}

/**
 * The span to report for `path`: the key of the deepest existing property (so the squiggle sits on the
 * property name), or the sequence item; the nearest existing parent when the property is missing.
 */
export function spanOfPath(root: ValueNode | undefined, path: Path, entries?: EntryIndex): { span: Span; found: number } {
  if (!root) return { span: { start: 0, end: 0 }, found: 0 };
  let node: ValueNode = root;
  let span: Span = firstLineOf(root.span);
  let found = 0;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (node.kind !== 'seq' || !node.items[seg]) break;
      node = node.items[seg];
      span = node.span;
    } else {
      const entry = entries ? entries.entry(node, seg) : mapEntry(node, seg);
      if (!entry) break;
      node = entry.value;
      span = entry.keySpan;
    }
    found++;
  }
  return { span, found };
}

/**
 * `mapEntry` for many lookups in one unchanged tree: a large map (a template's Resources) is indexed by key on
 * first use, so locating a finding does not scan every resource entry.
 */
export class EntryIndex {
  private readonly byNode = new WeakMap<MapNode, Map<string, MapEntry>>();

  entry(node: ValueNode, key: string): MapEntry | undefined {
    if (node.kind !== 'map' || node.entries.length < 16) return mapEntry(node, key);
    let index = this.byNode.get(node);
    if (!index) {
      // Later entries win, as in `mapEntry`.
      index = new Map();
      for (const e of node.entries) index.set(e.key, e);
      this.byNode.set(node, index);
    }
    return index.get(key);
  }
}

function firstLineOf(span: Span): Span {
  return { start: span.start, end: span.start };
}

/** Plain JavaScript value of a node (intrinsics stay as their single-key maps). */
export function toPlain(node: ValueNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) setKey(out, e.key, toPlain(e.value));
      return out;
    }
  }
}

/** `out[key] = value`, except that a template key named `__proto__` stays a key instead of replacing the prototype. */
export function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
