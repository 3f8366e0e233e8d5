import type { MapEntry, MapNode, ScalarNode, SeqNode, Span, ValueNode } from '../../../rules/kit/types';
import type { Budgets } from './limits';
import { cutAtDepthIssue, duplicateKeyIssue, MapKeys, type ParseIssue } from './tree';

/**
 * Strict JSON (RFC 8259) straight into the positioned value tree: one pass over the text records where every
 * value and key sits, then the tree is built from those offsets. No intermediate syntax tree, no recursion
 * while scanning. Returns undefined for anything that is not strict JSON (comments, trailing commas, a BOM,
 * errors, nesting past `maxNesting`), so the tolerant parser can explain the problem in its own words.
 *
 * `lazy` builds nested maps and sequences on first read, for Terraform plans, where half the file (the
 * `before`/`after` copies in `resource_changes`) is never read. Issues in a lazy part (duplicate keys, the
 * depth budget) join `issues` when that part is read.
 */
export function parseStrictJson(text: string, budgets: Budgets, maxNesting: number, lazy = false): { root: ValueNode; issues: ParseIssue[] } | undefined {
  const index = scan(text, maxNesting);
  if (!index) return undefined;
  const builder = new TreeBuilder(text, index, budgets, lazy);
  return { root: builder.build(0, 0, true), issues: builder.issues };
}

/** Where each value sits, in document order: value `i` spans `start[i]..end[i]`; its subtree ends before `next[i]`. */
interface OffsetIndex {
  start: Int32Array;
  end: Int32Array;
  next: Int32Array;
  /** Offsets of the key (quotes included) when value `i` is an object member, else -1. */
  keyStart: Int32Array;
  keyEnd: Int32Array;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function scan(text: string, maxNesting: number): OffsetIndex | undefined {
  let capacity = Math.max(16, text.length >> 4);
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let next = new Int32Array(capacity);
  let keyStart = new Int32Array(capacity);
  let keyEnd = new Int32Array(capacity);
  const grow = () => {
    capacity *= 2;
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    [start, end, next, keyStart, keyEnd] = [bigger(start), bigger(end), bigger(next), bigger(keyStart), bigger(keyEnd)];
  };
  const length = text.length;
  const open: number[] = []; // indices of the containers we are inside
  let count = 0;
  let pendingKeyStart = -1;
  let pendingKeyEnd = -1;
  let p = skipSpace(text, 0);

  /** Read `"key" :` at p; leaves p at the value. */
  const readKey = (): boolean => {
    if (text.charCodeAt(p) !== QUOTE) return false;
    const e = stringEnd(text, p);
    if (e < 0) return false;
    pendingKeyStart = p;
    pendingKeyEnd = e;
    p = skipSpace(text, e);
    if (text.charCodeAt(p) !== COLON) return false;
    p = skipSpace(text, p + 1);
    return true;
  };

  for (;;) {
    // A value starts at p.
    if (count === capacity) grow();
    const i = count++;
    start[i] = p;
    keyStart[i] = pendingKeyStart;
    keyEnd[i] = pendingKeyEnd;
    pendingKeyStart = pendingKeyEnd = -1;
    const c = text.charCodeAt(p);
    let closed = -1; // offset just past a scalar or an empty container, when the value ended here
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (open.length >= maxNesting) return undefined;
      open.push(i);
      p = skipSpace(text, p + 1);
      const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      if (text.charCodeAt(p) === close) {
        open.pop();
        closed = p + 1;
      } else {
        if (c === OPEN_BRACE && !readKey()) return undefined;
        continue;
      }
    } else if (c === QUOTE) {
      closed = stringEnd(text, p);
    } else {
      closed = literalEnd(text, p);
    }
    if (closed < 0) return undefined;
    end[i] = closed;
    next[i] = count;
    p = skipSpace(text, closed);
    // Close every container that ends here, then expect a separator.
    for (;;) {
      if (open.length === 0) {
        if (p !== length) return undefined;
        return { start, end, next, keyStart, keyEnd };
      }
      const top = open[open.length - 1];
      const inObject = text.charCodeAt(start[top]) === OPEN_BRACE;
      const ch = text.charCodeAt(p);
      if (ch === COMMA) {
        p = skipSpace(text, p + 1);
        if (inObject && !readKey()) return undefined;
        break;
      }
      if (ch !== (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) return undefined;
      open.pop();
      end[top] = p + 1;
      next[top] = count;
      p = skipSpace(text, p + 1);
    }
  }
}

function skipSpace(text: string, p: number): number {
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
    else return p;
  }
}

/** Offset just past the closing quote of the string opening at p, or -1 when it is not a valid JSON string. */
function stringEnd(text: string, p: number): number {
  const length = text.length;
  for (let i = p + 1; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < 0x20) return -1;
    if (c === BACKSLASH) {
      const e = text.charCodeAt(++i);
      if (e === 0x75) {
        for (let k = 1; k <= 4; k++) if (!isHex(text.charCodeAt(i + k))) return -1;
        i += 4;
      } else if (!(e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74)) return -1;
    }
  }
  return -1;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Offset past a number, `true`, `false` or `null` at p, or -1. */
function literalEnd(text: string, p: number): number {
  if (text.startsWith('true', p)) return p + 4;
  if (text.startsWith('null', p)) return p + 4;
  if (text.startsWith('false', p)) return p + 5;
  let i = p;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text.charCodeAt(i) === 0x2e) {
    if (!isDigit(text.charCodeAt(++i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    const sign = text.charCodeAt(++i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

class TreeBuilder {
  readonly issues: ParseIssue[] = [];
  private tooDeep = false;

  constructor(private readonly text: string, private readonly index: OffsetIndex, private readonly budgets: Budgets, private readonly lazy: boolean) {}

  build(i: number, depth: number, now = !this.lazy): ValueNode {
    const { start, end } = this.index;
    const s = start[i];
    if (depth > this.budgets.maxDepth) {
      const span = { start: s, end: end[i] };
      if (!this.tooDeep) {
        this.tooDeep = true;
        this.issues.push(cutAtDepthIssue(this.budgets.maxDepth, span));
      }
      return { kind: 'scalar', value: null, span };
    }
    const c = this.text.charCodeAt(s);
    if (!now && c === OPEN_BRACE) return new LazyMap(this.index, this, i, depth);
    if (!now && c === OPEN_BRACKET) return new LazySeq(this.index, this, i, depth);
    if (c === OPEN_BRACE) return { kind: 'map', entries: this.entries(i, depth), span: { start: s, end: end[i] } };
    if (c === OPEN_BRACKET) return { kind: 'seq', items: this.items(i, depth), span: { start: s, end: end[i] } };
    const value = c === QUOTE ? this.string(s, end[i]) : c === 0x74 ? true : c === 0x66 ? false : c === 0x6e ? null : Number(this.text.slice(s, end[i]));
    return this.lazy ? new LazyScalar(value, this.index, i) : { kind: 'scalar', value, span: { start: s, end: end[i] } };
  }

  entries(i: number, depth: number): MapEntry[] {
    const { next, keyStart, keyEnd } = this.index;
    const entries: MapEntry[] = [];
    const keys = new MapKeys(entries);
    for (let k = i + 1; k < next[i]; k = next[k]) {
      const key = this.string(keyStart[k], keyEnd[k]);
      if (keys.repeats(key)) this.issues.push(duplicateKeyIssue(key, { start: keyStart[k], end: keyEnd[k] }));
      const value = this.build(k, depth + 1);
      entries.push(this.lazy ? new LazyEntry(key, value, this.index, k) : { key, keySpan: { start: keyStart[k], end: keyEnd[k] }, value });
    }
    return entries;
  }

  items(i: number, depth: number): ValueNode[] {
    const next = this.index.next;
    const items: ValueNode[] = [];
    for (let k = i + 1; k < next[i]; k = next[k]) items.push(this.build(k, depth + 1));
    return items;
  }

  /** The string whose quotes sit at `from` and `to - 1`. */
  private string(from: number, to: number): string {
    const raw = this.text.slice(from + 1, to - 1);
    return raw.includes('\\') ? (JSON.parse(this.text.slice(from, to)) as string) : raw;
  }
}

/**
 * Nodes of a lazy tree keep where they sit as an index into the offset arrays and make a span only when one is
 * read: a plan's findings ask for a few thousand spans, its rules read a few hundred thousand nodes.
 */
function valueSpan(index: OffsetIndex, at: number): Span {
  return { start: index.start[at], end: index.end[at] };
}

class LazyScalar implements ScalarNode {
  readonly kind = 'scalar';
  readonly #index: OffsetIndex;
  readonly #at: number;

  constructor(readonly value: string | number | boolean | null, index: OffsetIndex, at: number) {
    this.#index = index;
    this.#at = at;
  }

  get span(): Span {
    return valueSpan(this.#index, this.#at);
  }
}

class LazyEntry implements MapEntry {
  readonly #index: OffsetIndex;
  readonly #at: number;

  constructor(readonly key: string, readonly value: ValueNode, index: OffsetIndex, at: number) {
    this.#index = index;
    this.#at = at;
  }

  get keySpan(): Span {
    return { start: this.#index.keyStart[this.#at], end: this.#index.keyEnd[this.#at] };
  }
}

/** A map or sequence whose children are built the first time they are read. */
abstract class LazyContainer<T> {
  #children: T[] | undefined;
  #builder: TreeBuilder | undefined;
  #at: number;
  #depth: number;
  readonly #index: OffsetIndex;

  constructor(index: OffsetIndex, builder: TreeBuilder, at: number, depth: number) {
    this.#index = index;
    this.#builder = builder;
    this.#at = at;
    this.#depth = depth;
  }

  get span(): Span {
    return valueSpan(this.#index, this.#at);
  }

  protected children(read: (builder: TreeBuilder, at: number, depth: number) => T[]): T[] {
    if (!this.#children) {
      this.#children = read(this.#builder!, this.#at, this.#depth);
      this.#builder = undefined;
    }
    return this.#children;
  }
}

const readEntries = (builder: TreeBuilder, at: number, depth: number) => builder.entries(at, depth);
const readItems = (builder: TreeBuilder, at: number, depth: number) => builder.items(at, depth);

class LazyMap extends LazyContainer<MapEntry> implements MapNode {
  readonly kind = 'map';
  get entries(): MapEntry[] {
    return this.children(readEntries);
  }
}

class LazySeq extends LazyContainer<ValueNode> implements SeqNode {
  readonly kind = 'seq';
  get items(): ValueNode[] {
    return this.children(readItems);
  }
}
