import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YNode } from 'yaml';
import type { JsonValue, MapNode, Path, SeqNode, ValueNode } from '../../../rules/kit/types';
import type { FileStyle } from './style';
import type { RenderResult, TextEdit } from './types';
import { yamlBlock, yamlEntry, yamlFlow, yamlKey, yamlScalar } from './yaml-write';

const fail = (reason: string): RenderResult => ({ ok: false, reason });
const done = (edit: TextEdit): RenderResult => ({ ok: true, edits: [edit] });

/** Refuse edits through aliases or anchored nodes: changing them would change every place that uses them. */
export function sharedNodeOnPath(text: string, path: Path): string | undefined {
  const doc = parseDocument(text, { uniqueKeys: false, strict: false });
  let node = doc.contents as YNode | null;
  for (const seg of path) {
    if (!node) return undefined;
    if (isAlias(node)) return `the path goes through the alias *${node.source}`;
    if ((node as { anchor?: string }).anchor) return `the path goes through the anchored node &${(node as { anchor?: string }).anchor}`;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      node = (pair?.value as YNode | undefined) ?? null;
    } else if (isSeq(node) && typeof seg === 'number') node = (node.items[seg] as YNode | undefined) ?? null;
    else return undefined;
  }
  if (node && isAlias(node)) return `the target is the alias *${node.source}`;
  if (node && (node as { anchor?: string }).anchor) return `the target is the anchored node &${(node as { anchor?: string }).anchor}`;
  return undefined;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** End of the line on which the content ending at `offset` ends (before its line break). */
function contentLineEnd(text: string, offset: number): number {
  let p = offset;
  while (p > 0 && (text[p - 1] === '\n' || text[p - 1] === '\r' || text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  const nl = text.slice(p).search(/\r?\n/);
  return nl < 0 ? text.length : p + nl;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

function nest(rest: Path, value: JsonValue): JsonValue {
  let v = value;
  for (let i = rest.length - 1; i >= 1; i--) {
    const seg = rest[i];
    v = typeof seg === 'number' ? [v] : { [seg]: v };
  }
  return v;
}

/** Start of a node including its short tag (`!Ref X` starts at `!`). */
function nodeStart(text: string, node: ValueNode): number {
  if (node.kind === 'map' && node.shortTag) {
    const tagAt = text.lastIndexOf(node.shortTag, node.span.start);
    if (tagAt >= 0 && /^\s*$/.test(text.slice(tagAt + node.shortTag.length, node.span.start))) return tagAt;
  }
  return node.span.start;
}

function isFlow(text: string, node: MapNode | SeqNode): boolean {
  const c = text[node.span.start];
  return c === '{' || c === '[';
}

/** Set `path` to `value` with the smallest edit: replace a scalar in place, or insert the missing key after its last sibling. */
export function yamlSet(text: string, root: ValueNode | undefined, path: Path, value: JsonValue, style: FileStyle): RenderResult {
  if (!root || root.kind !== 'map') return fail('the document has no top-level mapping');
  const shared = sharedNodeOnPath(text, path);
  if (shared) return fail(shared);
  let node: ValueNode = root;
  let parentKeyOffset = -1;
  let i = 0;
  for (; i < path.length; i++) {
    const seg = path[i];
    if (node.kind === 'map' && typeof seg === 'string' && !node.shortTag) {
      const entry: MapNode['entries'][number] | undefined = node.entries.find((e) => e.key === seg);
      if (!entry) break;
      parentKeyOffset = entry.keySpan.start;
      node = entry.value;
    } else if (node.kind === 'seq' && typeof seg === 'number') {
      if (!node.items[seg]) return fail(`item ${seg} does not exist`);
      node = node.items[seg];
      parentKeyOffset = -1;
    } else if (node.kind === 'scalar' && node.value === null && parentKeyOffset >= 0) {
      // `Key:` with no value: write the rest below the key.
      const indent = columnOf(text, parentKeyOffset) + style.indent;
      const at = contentLineEnd(text, node.span.end > parentKeyOffset ? node.span.end : parentKeyOffset);
      const rest = path.slice(i);
      const block = typeof rest[0] === 'number' ? yamlBlock([nest(rest, value)], indent, style) : yamlEntry(String(rest[0]), nest(rest, value), indent, style);
      return done({ start: at, end: at, newText: style.eol + block });
    } else return fail(`the path goes through a ${node.kind === 'map' ? 'function call' : node.kind} at ${path.slice(0, i + 1).join('.')}`);
  }
  if (i === path.length) return replaceValue(text, node, value, style, parentKeyOffset);
  if (node.kind !== 'map') return fail(`cannot add ${path[i]} to a ${node.kind}`);
  if (i === 0 && path[0] === 'Parameters') {
    // A new Parameters section reads best before Resources, where CloudFormation templates keep it.
    const resources = node.entries.find((e) => e.key === 'Resources');
    if (resources && columnOf(text, resources.keySpan.start) === 0) {
      const at = resources.keySpan.start;
      return done({ start: at, end: at, newText: yamlEntry('Parameters', nest(path, value), 0, style) + style.eol + style.eol });
    }
  }
  return insertKey(text, node, String(path[i]), nest(path.slice(i), value), style);
}

function replaceValue(text: string, node: ValueNode, value: JsonValue, style: FileStyle, parentKeyOffset: number): RenderResult {
  const start = nodeStart(text, node);
  const scalarLike = node.kind === 'scalar' || (node.kind === 'map' && !!node.shortTag) || isFlow(text, node);
  if (!scalarLike) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && node.kind === 'map') {
      // Merge into an existing block mapping key by key.
      return mergeInto(text, node, value, style);
    }
    return fail('refusing to rewrite an existing block');
  }
  const original = text.slice(node.span.start, node.span.end);
  const quote = original.startsWith("'") ? "'" : original.startsWith('"') ? '"' : undefined;
  if (value !== null && typeof value === 'object') {
    const flow = yamlFlow(value, style);
    if (!flow.startsWith('!') && parentKeyOffset >= 0 && Object.keys(value).length > 0 && !isFlowish(text, node)) {
      const indent = columnOf(text, parentKeyOffset) + style.indent;
      const keyEnd = text.indexOf(':', parentKeyOffset);
      return done({ start: keyEnd + 1, end: node.span.end, newText: style.eol + yamlBlock(value, indent, style) });
    }
    return done({ start, end: node.span.end, newText: flow });
  }
  return done({ start, end: node.span.end, newText: typeof value === 'string' ? yamlScalar(value, quote) : yamlScalar(value) });
}

function isFlowish(text: string, node: ValueNode): boolean {
  return node.kind !== 'scalar' && isFlow(text, node as MapNode | SeqNode);
}

function mergeInto(text: string, node: MapNode, value: { [k: string]: JsonValue }, style: FileStyle): RenderResult {
  const edits: TextEdit[] = [];
  for (const [key, v] of Object.entries(value)) {
    const entry = node.entries.find((e) => e.key === key);
    const r = entry ? replaceValue(text, entry.value, v, style, entry.keySpan.start) : insertKey(text, node, key, v, style);
    if (!r.ok) return r;
    edits.push(...r.edits);
  }
  return { ok: true, edits: mergeSameOffset(edits) };
}

/** Insertions at the same offset become one edit, in order. */
export function mergeSameOffset(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.start === e.start && o.end === e.start && e.end === e.start);
    if (same) same.newText += e.newText;
    else out.push({ ...e });
  }
  return out;
}

function insertKey(text: string, map: MapNode, key: string, value: JsonValue, style: FileStyle): RenderResult {
  if (isFlow(text, map)) {
    const entry = `${yamlKey(key)}: ${yamlFlow(value, style)}`;
    if (map.entries.length === 0) return done({ start: map.span.start, end: map.span.end, newText: `{ ${entry} }` });
    const last = map.entries[map.entries.length - 1].value;
    return done({ start: last.span.end, end: last.span.end, newText: `, ${entry}` });
  }
  if (map.entries.length === 0) return fail('empty block mapping');
  const indent = columnOf(text, map.entries[0].keySpan.start);
  const lastValue = map.entries[map.entries.length - 1].value;
  const lastKey = map.entries[map.entries.length - 1].keySpan;
  const at = contentLineEnd(text, Math.max(lastValue.span.end, lastKey.end));
  return done({ start: at, end: at, newText: style.eol + yamlEntry(key, value, indent, style) });
}

/** Append an item to the sequence at `path`, creating it when missing. */
export function yamlAppend(text: string, root: ValueNode | undefined, path: Path, value: JsonValue, style: FileStyle, existing: ValueNode | undefined): RenderResult {
  if (!existing) return yamlSet(text, root, path, [value], style);
  if (existing.kind !== 'seq') return fail('the target is not a list');
  const shared = sharedNodeOnPath(text, path);
  if (shared) return fail(shared);
  if (isFlow(text, existing)) {
    if (existing.items.length === 0) return done({ start: existing.span.start, end: existing.span.end, newText: `[${yamlFlow(value, style)}]` });
    const last = existing.items[existing.items.length - 1];
    return done({ start: last.span.end, end: last.span.end, newText: `, ${yamlFlow(value, style)}` });
  }
  const first = existing.items[0];
  const dash = text.lastIndexOf('-', nodeStart(text, first));
  const indent = columnOf(text, dash);
  const at = contentLineEnd(text, existing.items[existing.items.length - 1].span.end);
  return done({ start: at, end: at, newText: style.eol + yamlBlock([value], indent, style) });
}
