import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { JsonValue, Path, ValueNode } from '../../../rules/kit/types';
import type { FileStyle } from './style';
import type { RenderResult } from './types';

// Minimal JSON edits over jsonc-parser's tree: the new text is written in the file's indentation and line
// endings, and nothing outside the inserted or replaced value changes. (jsonc-parser's own `modify` re-formats
// the whole line an edit starts on, which rewrites neighbouring inline objects.)

/** Set the value at `path`, creating missing objects (and lists for numeric segments). */
export function jsonSet(text: string, path: Path, value: JsonValue, style: FileStyle): RenderResult {
  const root = parseTree(text);
  if (!root) return { ok: false, reason: 'the JSON document could not be parsed' };
  const existing = findNodeAtLocation(root, path as (string | number)[]);
  if (existing) return replace(text, existing, value, style);
  // Deepest existing ancestor; the rest of the path is created as nested values.
  let depth = path.length - 1;
  let parent: Node | undefined;
  while (depth >= 0 && !(parent = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]))) depth--;
  if (!parent) return { ok: false, reason: 'no existing parent for the edit' };
  const nested = nest(path.slice(depth + 1), value);
  const segment = path[depth];
  if (parent.type === 'object' && typeof segment === 'string') return insertMember(text, parent, `${JSON.stringify(segment)}: `, nested, style);
  if (parent.type === 'array' && typeof segment === 'number' && segment === (parent.children?.length ?? 0)) return insertMember(text, parent, '', nested, style);
  return { ok: false, reason: `cannot create ${String(segment)} inside a JSON ${parent.type}` };
}

/** Append an item to the list at `path` (created when missing). */
export function jsonAppend(text: string, path: Path, value: JsonValue, style: FileStyle, existing: ValueNode | undefined): RenderResult {
  if (!existing) return jsonSet(text, path, [value], style);
  if (existing.kind !== 'seq') return { ok: false, reason: 'the target is not a list' };
  return jsonSet(text, [...path, existing.items.length], value, style);
}

function nest(rest: Path, value: JsonValue): JsonValue {
  let out = value;
  for (let i = rest.length - 1; i >= 0; i--) out = typeof rest[i] === 'number' ? [out] : { [rest[i] as string]: out };
  return out;
}

function replace(text: string, node: Node, value: JsonValue, style: FileStyle): RenderResult {
  const target = node.parent?.type === 'property' ? node.parent : node;
  const indent = lineIndent(text, target.offset);
  const newText = onOneLine(text, target.offset, node.offset + node.length) ? JSON.stringify(value) : serialize(value, indent, style);
  return { ok: true, edits: [{ start: node.offset, end: node.offset + node.length, newText }] };
}

/** Insert `key: value` (objects) or `value` (arrays) as the container's last member. */
function insertMember(text: string, container: Node, keyText: string, value: JsonValue, style: FileStyle): RenderResult {
  const members = container.children ?? [];
  const close = container.offset + container.length - 1;
  const unit = style.tabs ? '\t' : ' '.repeat(style.indent || 2);
  if (members.length === 0) {
    const indent = lineIndent(text, container.offset);
    const inner = indent + unit;
    return { ok: true, edits: [{ start: container.offset + 1, end: close, newText: `${style.eol}${inner}${keyText}${serialize(value, inner, style)}${style.eol}${indent}` }] };
  }
  const last = members[members.length - 1];
  const end = last.offset + last.length;
  if (onOneLine(text, container.offset, close)) return { ok: true, edits: [{ start: end, end, newText: `, ${keyText}${JSON.stringify(value)}` }] };
  const indent = lineIndent(text, last.offset);
  return { ok: true, edits: [{ start: end, end, newText: `,${style.eol}${indent}${keyText}${serialize(value, indent, style)}` }] };
}

function serialize(value: JsonValue, indent: string, style: FileStyle): string {
  const unit = style.tabs ? '\t' : ' '.repeat(style.indent || 2);
  return JSON.stringify(value, null, unit).split('\n').join(style.eol + indent);
}

function lineIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n') start--;
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

function onOneLine(text: string, from: number, to: number): boolean {
  return !text.slice(from, to).includes('\n');
}
