import type { MapEntry, MapNode, ValueNode } from '../../../rules/kit/types';
import { DEFAULT_BUDGETS, type Budgets } from './limits';
import { mapEntry, type ParsedDocument } from './tree';
import { parseYaml } from './yaml';

/** The previous version of a document and its parse. */
export interface PreviousParse {
  text: string;
  parsed: ParsedDocument;
}

/**
 * The parse of `text` built from the previous version's, when the edit between them stays inside one block
 * resource under `Resources` of a YAML template: only that resource's lines are parsed again, and the nodes
 * after it are copied with their offsets moved. Declined, with the reason, whenever that cannot give exactly
 * what a full parse gives (the caller then parses in full): the previous parse had problems, the edit touches a
 * resource's name or spans two resources or another section, anchors or aliases are involved, or the
 * resource's lines do not parse on their own as one clean mapping.
 */
export function reparseYamlEdit(previous: PreviousParse, text: string, budgets: Budgets = DEFAULT_BUDGETS): Reparse {
  const old = previous.parsed;
  const before = previous.text;
  if (old.format !== 'yaml' || old.root?.kind !== 'map') return declined('not a YAML mapping');
  if (old.issues.length) return declined('the previous version had problems');
  if (before === text) return declined('no change');
  const root = old.root;
  const resourcesEntry = mapEntry(root, 'Resources');
  const resources = resourcesEntry?.value;
  if (!resourcesEntry || resources?.kind !== 'map' || before.charCodeAt(resources.span.start) === 0x7b) return declined('no block Resources mapping');

  const { from, oldTo, delta } = changedRange(before, text);
  // The resource whose lines hold the first change: the last one whose name starts at or before it.
  let index = -1;
  for (let i = 0; i < resources.entries.length && resources.entries[i].keySpan.start <= from; i++) index = i;
  if (index < 0) return declined('the edit is before the first resource');
  const edited = resources.entries[index];
  const start = lineStart(before, edited.keySpan.start);
  const end = blockEnd(before, root, resourcesEntry, resources, index);
  // The name and what precedes it on its line stay as they were; the edit ends inside this block.
  if (from <= edited.keySpan.end) return declined(`the edit touches the name ${edited.key}`);
  if (from >= end) return declined('the edit is outside Resources');
  if (oldTo > end) return declined('the edit spans more than one resource');
  if (!/^ +$/.test(before.slice(start, edited.keySpan.start))) return declined('the resource is not a block entry');
  if (end < before.length && !/^ *$/.test(before.slice(end, nextKeyStart(root, resourcesEntry, resources, index)))) return declined('the next key does not start its own line');
  // The next resource (or section) must still start its own line.
  if (end < before.length && text.charCodeAt(end + delta - 1) !== 0x0a) return declined('the edit joins the next line');
  const oldBlock = before.slice(start, end);
  const newBlock = text.slice(start, end + delta);
  if (mayAnchor(oldBlock) || mayAnchor(newBlock)) return declined('anchors or aliases');
  if (/^(---|\.\.\.)/m.test(newBlock)) return declined('a document marker');

  // Parsed with the next resource's first line (else the next key's indentation), so that the parser sees
  // where this resource stops as it does in the whole text: a trailing comment or a plain scalar reaches up to
  // the next token. The root is `Resources`' map (depth 1), so nesting budgets count as in the whole document.
  const nextResource = resources.entries[index + 1];
  const after = end + delta;
  const lineAfter = nextResource ? text.slice(after, lineEnd(text, after)) : ' '.repeat(indentationAt(before, end));
  const piece = parseYaml(newBlock + lineAfter, budgets, 1);
  const pieceRoot = piece.root;
  const expected = nextResource ? 2 : 1;
  if (piece.issues.length || pieceRoot?.kind !== 'map' || pieceRoot.entries.length !== expected || (nextResource && pieceRoot.entries[1].key !== nextResource.key)) {
    return declined('the resource does not parse on its own as one clean mapping');
  }
  const only = pieceRoot.entries[0];
  if (only.key !== edited.key || only.keySpan.start + start !== edited.keySpan.start) return declined(`the edit touches the name ${edited.key}`);
  // Where the last resource ends decides where `Resources` ends; trailing blank lines make that subtle.
  if (index === resources.entries.length - 1 && pieceRoot.span.end + start !== resources.span.end + delta) return declined('the end of Resources moves');

  const moved = (node: ValueNode) => shift(node, delta);
  const newResources: MapNode = {
    kind: 'map',
    span: { start: resources.span.start, end: resources.span.end + delta },
    entries: resources.entries.map((e, i) => (i < index ? e : i === index ? { key: only.key, keySpan: edited.keySpan, value: shift(only.value, start) } : shiftEntry(e, delta))),
  };
  const afterResources = (e: MapEntry) => e.keySpan.start > resourcesEntry.keySpan.start;
  const newRoot: MapNode = {
    ...root,
    span: { start: root.span.start, end: root.span.end + delta },
    entries: root.entries.map((e) => (e === resourcesEntry ? { ...e, value: newResources } : afterResources(e) ? { key: e.key, keySpan: moveSpan(e.keySpan, delta), value: moved(e.value) } : e)),
  };
  const usesShortTags = piece.usesShortTags || (old.usesShortTags && hasShortTag(root, edited.value));
  return { parsed: { format: 'yaml', root: newRoot, issues: [], usesShortTags } };
}

export type Reparse = { parsed: ParsedDocument } | { declined: string };

function declined(reason: string): Reparse {
  return { declined: reason };
}

/** The first offset where the texts differ, where that difference ends in the old text, and the length change. */
function changedRange(before: string, after: string): { from: number; oldTo: number; delta: number } {
  const shorter = Math.min(before.length, after.length);
  let from = 0;
  while (from < shorter && before.charCodeAt(from) === after.charCodeAt(from)) from++;
  let tail = 0;
  while (tail < shorter - from && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { from, oldTo: before.length - tail, delta: after.length - before.length };
}

function indentationAt(text: string, offset: number): number {
  let i = offset;
  while (text.charCodeAt(i) === 0x20) i++;
  return i - offset;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the key after resource `i` starts (the next resource's, or the next top-level key's), if any. */
function nextKeyStart(root: MapNode, resourcesEntry: MapEntry, resources: MapNode, i: number): number | undefined {
  return (resources.entries[i + 1] ?? root.entries[root.entries.indexOf(resourcesEntry) + 1])?.keySpan.start;
}

/** Where a resource's lines end: the line of the next key after it, or the end of the text. */
function blockEnd(text: string, root: MapNode, resourcesEntry: MapEntry, resources: MapNode, i: number): number {
  const next = nextKeyStart(root, resourcesEntry, resources, i);
  return next === undefined ? text.length : lineStart(text, next);
}

/**
 * `&name` defines an anchor and `*name` uses one; either may tie this block to the rest of the document.
 * Only where a node can start (`'*'` and `s3:*` are plain text); a false alarm costs a full parse, no more.
 */
function mayAnchor(block: string): boolean {
  return /(^|[\s[{,])[&*][^\s\]},]/.test(block);
}

function moveSpan(span: { start: number; end: number }, delta: number) {
  return { start: span.start + delta, end: span.end + delta };
}

function shiftEntry(e: MapEntry, delta: number): MapEntry {
  return { key: e.key, keySpan: moveSpan(e.keySpan, delta), value: shift(e.value, delta) };
}

/** A copy of the subtree with every offset moved by `delta`. */
function shift(node: ValueNode, delta: number): ValueNode {
  const span = moveSpan(node.span, delta);
  if (node.kind === 'scalar') return { kind: 'scalar', value: node.value, span };
  if (node.kind === 'seq') return { kind: 'seq', items: node.items.map((n) => shift(n, delta)), span };
  const map: MapNode = { kind: 'map', entries: node.entries.map((e) => shiftEntry(e, delta)), span };
  if (node.shortTag) map.shortTag = node.shortTag;
  return map;
}

/** True when a short tag appears anywhere in the tree outside `skip`. */
function hasShortTag(node: ValueNode, skip: ValueNode): boolean {
  if (node === skip) return false;
  if (node.kind === 'seq') return node.items.some((n) => hasShortTag(n, skip));
  if (node.kind === 'map') return !!node.shortTag || node.entries.some((e) => hasShortTag(e.value, skip));
  return false;
}
