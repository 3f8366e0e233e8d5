import { modify, type FormattingOptions } from 'jsonc-parser';
import type { JsonValue, Path, ValueNode } from '../../../rules/kit/types';
import type { FileStyle } from './style';
import type { RenderResult } from './types';

function formatting(style: FileStyle): FormattingOptions {
  return { insertSpaces: !style.tabs, tabSize: style.tabs ? 1 : style.indent, eol: style.eol, insertFinalNewline: false };
}

/** Set a value through jsonc-parser's `modify`, in the file's own indentation and line endings. */
export function jsonSet(text: string, path: Path, value: JsonValue, style: FileStyle): RenderResult {
  try {
    const edits = modify(text, path as (string | number)[], value, { formattingOptions: formatting(style) });
    return { ok: true, edits: edits.map((e) => ({ start: e.offset, end: e.offset + e.length, newText: e.content })) };
  } catch (e) {
    return { ok: false, reason: `jsonc-parser could not edit: ${(e as Error).message}` };
  }
}

export function jsonAppend(text: string, path: Path, value: JsonValue, style: FileStyle, existing: ValueNode | undefined): RenderResult {
  if (!existing) return jsonSet(text, path, [value], style);
  if (existing.kind !== 'seq') return { ok: false, reason: 'the target is not a list' };
  try {
    const edits = modify(text, [...(path as (string | number)[]), existing.items.length], value, { formattingOptions: formatting(style), isArrayInsertion: true });
    return { ok: true, edits: edits.map((e) => ({ start: e.offset, end: e.offset + e.length, newText: e.content })) };
  } catch (e) {
    return { ok: false, reason: `jsonc-parser could not edit: ${(e as Error).message}` };
  }
}
