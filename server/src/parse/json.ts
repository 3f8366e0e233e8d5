import { parseTree, printParseErrorCode, type Node as JNode, type ParseError } from 'jsonc-parser';
import type { MapEntry, Span, ValueNode } from '../../../rules/kit/types';
import { DEFAULT_BUDGETS, type Budgets } from './limits';
import { parseStrictJson } from './strict-json';
import { cutAtDepthIssue, duplicateKeyIssue, MapKeys, type ParsedDocument, type ParseIssue } from './tree';

/** Parse JSON (comments tolerated, reported) into the positioned value tree; `lazy` as in parseStrictJson. */
export function parseJson(text: string, budgets: Budgets = DEFAULT_BUDGETS, lazy = false): ParsedDocument {
  // A byte order mark (Windows editors write one) is read as a space, so every offset stays where it is.
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  // Strict JSON (every Terraform plan, most templates) takes the fast path; anything else is explained below.
  const strict = parseStrictJson(text, budgets, PARSEABLE_DEPTH, lazy);
  if (strict) return { format: 'json', root: strict.root, issues: strict.issues, usesShortTags: false };
  return parseTolerantJson(text, budgets);
}

/** jsonc-parser's reading: comments, trailing commas and syntax errors, each reported with its offset. */
export function parseTolerantJson(text: string, budgets: Budgets = DEFAULT_BUDGETS): ParsedDocument {
  // jsonc-parser recurses per level: refuse pathological nesting before it can overflow the stack.
  const deepAt = nestingBeyond(text, PARSEABLE_DEPTH);
  if (deepAt >= 0) {
    return { format: 'json', root: undefined, usesShortTags: false, issues: [{ code: 'budget-exceeded', message: `Nesting deeper than ${PARSEABLE_DEPTH} levels; the file was not analysed.`, span: { start: deepAt, end: deepAt + 1 } }] };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const issues: ParseIssue[] = errors.map((e) => ({
    code: 'syntax-error' as const,
    message: `JSON syntax error: ${describe(printParseErrorCode(e.error))}`,
    span: { start: e.offset, end: e.offset + Math.max(e.length, 1) },
  }));
  let root: ValueNode | undefined;
  if (tree) {
    const tooDeep = { hit: false };
    root = convert(tree, 0, budgets, issues, tooDeep);
  }
  return { format: 'json', root, issues, usesShortTags: false };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function spanOf(node: JNode): Span {
  return { start: node.offset, end: node.offset + node.length };
}

function convert(node: JNode, depth: number, budgets: Budgets, issues: ParseIssue[], tooDeep: { hit: boolean }): ValueNode {
  const span = spanOf(node);
  if (depth > budgets.maxDepth) {
    if (!tooDeep.hit) {
      tooDeep.hit = true;
      issues.push(cutAtDepthIssue(budgets.maxDepth, span));
    }
    return { kind: 'scalar', value: null, span };
  }
  switch (node.type) {
    case 'object': {
      const entries: MapEntry[] = [];
      const keys = new MapKeys(entries);
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const keySpan = spanOf(keyNode);
        if (keys.repeats(key)) issues.push(duplicateKeyIssue(key, keySpan));
        const value: ValueNode = valueNode ? convert(valueNode, depth + 1, budgets, issues, tooDeep) : { kind: 'scalar', value: null, span: { start: keySpan.end, end: keySpan.end } };
        entries.push({ key, keySpan, value });
      }
      return { kind: 'map', entries, span };
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map((c) => convert(c, depth + 1, budgets, issues, tooDeep)), span };
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'scalar', value: node.value as string | number | boolean, span };
    default:
      return { kind: 'scalar', value: null, span };
  }
}

const PARSEABLE_DEPTH = 2000;

/** Offset of the first bracket that opens level `limit + 1` (outside strings), or -1. Linear, no recursion. */
export function nestingBeyond(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}
