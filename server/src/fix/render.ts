import type { FixEdit, FixIntent, FixValue } from '../../../rules/kit/rule';
import type { JsonValue, Path, ValueNode } from '../../../rules/kit/types';
import { parseJson } from '../parse/json';
import { nodeAt, toPlain, type ParsedDocument } from '../parse/tree';
import { parseYaml } from '../parse/yaml';
import { jsonAppend, jsonSet } from './json-edit';
import { detectStyle } from './style';
import { applyEdits, diffAsEdit, type TextEdit } from './types';
import { yamlAppend, yamlSet } from './yaml-edit';

export type Rendered = { ok: true; text: string; edit: TextEdit } | { ok: false; reason: string };

type Step = { op: 'set'; path: Path; value: JsonValue } | { op: 'append'; path: Path; value: JsonValue };

function parse(text: string, format: 'yaml' | 'json'): ParsedDocument {
  return format === 'json' ? parseJson(text) : parseYaml(text);
}

/** New template parameters become `Ref`s, and the parameter is declared (once). */
function lowerValue(value: FixValue, params: Map<string, JsonValue>): JsonValue {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'newParameter' in value && Object.keys(value).length === 1) {
    const p = (value as { newParameter: { name: string; type: string; description: string; default?: string } }).newParameter;
    const declaration: { [k: string]: JsonValue } = { Type: p.type, Description: p.description };
    if (p.default !== undefined) declaration.Default = p.default;
    params.set(p.name, declaration);
    return { Ref: p.name };
  }
  if (Array.isArray(value)) return value.map((v) => lowerValue(v as FixValue, params));
  if (value && typeof value === 'object') {
    const out: { [k: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = lowerValue(v as FixValue, params);
    return out;
  }
  return value as JsonValue;
}

/** Intent edits as plain steps, new parameters declared first. */
export function stepsOf(intent: FixIntent, root: ValueNode | undefined): Step[] {
  const params = new Map<string, JsonValue>();
  const steps: Step[] = [];
  for (const edit of intent.edits as FixEdit[]) {
    if (edit.op === 'addResource') {
      const properties = lowerValue(edit.properties as FixValue, params);
      steps.push({ op: 'set', path: ['Resources', edit.logicalId], value: { Type: edit.type, Properties: properties } });
    } else steps.push({ op: edit.op, path: edit.path, value: lowerValue(edit.value, params) });
  }
  const declared: Step[] = [];
  for (const [name, declaration] of params) if (!nodeAt(root, ['Parameters', name])) declared.push({ op: 'set', path: ['Parameters', name], value: declaration });
  return [...declared, ...steps];
}

/** Apply the steps one by one, re-parsing between them; the result is one minimal edit of the original text. */
export function renderIntent(text: string, format: 'yaml' | 'json', intent: FixIntent): Rendered {
  const first = parse(text, format);
  if (first.issues.some((i) => i.code === 'syntax-error')) return { ok: false, reason: 'the file has syntax errors' };
  // The writers edit the first of two equal keys while the template means the later one (and the result would still be rejected).
  if (first.issues.some((i) => i.code === 'duplicate-key')) return { ok: false, reason: 'the file has duplicate keys' };
  const style = detectStyle(text, first.usesShortTags);
  let current = text;
  let doc = first;
  for (const step of stepsOf(intent, first.root)) {
    const existing = nodeAt(doc.root, step.path);
    const r =
      format === 'json'
        ? step.op === 'set'
          ? jsonSet(current, step.path, step.value, style)
          : jsonAppend(current, step.path, step.value, style, existing)
        : step.op === 'set'
          ? yamlSet(current, doc.root, step.path, step.value, style)
          : yamlAppend(current, doc.root, step.path, step.value, style, existing);
    if (!r.ok) return r;
    current = applyEdits(current, r.edits);
    doc = parse(current, format);
    if (doc.issues.some((i) => i.code === 'syntax-error')) return { ok: false, reason: `the edit at ${step.path.join('.')} would break the syntax` };
  }
  const edit = diffAsEdit(text, current);
  if (!edit) return { ok: false, reason: 'the fix changes nothing' };
  const expected = expectedPlain(toPlain(first.root), stepsOf(intent, first.root));
  if (canonical(toPlain(doc.root)) !== canonical(expected)) return { ok: false, reason: 'the edited document does not read back as the intended change' };
  return { ok: true, text: current, edit };
}

/** The intended document as plain data: what the edited text must parse to. */
function expectedPlain(plain: unknown, steps: Step[]): unknown {
  const root = JSON.parse(JSON.stringify(plain ?? {}));
  for (const step of steps) {
    let node = root;
    for (let i = 0; i < step.path.length - 1; i++) {
      const seg = step.path[i];
      if (own(node, seg) === undefined || own(node, seg) === null) setOwn(node, seg, typeof step.path[i + 1] === 'number' ? [] : {});
      node = own(node, seg);
    }
    const last = step.path[step.path.length - 1];
    const current = own(node, last);
    if (step.op === 'append') {
      if (!Array.isArray(current)) setOwn(node, last, []);
      own(node, last).push(step.value);
    } else if (step.value && typeof step.value === 'object' && !Array.isArray(step.value) && current && typeof current === 'object' && !Array.isArray(current) && !isIntrinsic(current)) {
      setOwn(node, last, deepMerge(current, step.value));
    } else setOwn(node, last, step.value);
  }
  return root;
}

/** Own properties only: a template key named `__proto__` is data here, never the prototype every object shares. */
const own = (node: any, key: string | number) => (Object.hasOwn(node, key) ? node[key] : undefined);
const setOwn = (node: object, key: string | number, value: unknown) => Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });

function isIntrinsic(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur) && !isIntrinsic(cur as Record<string, unknown>) ? deepMerge(cur as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

/** JSON with sorted keys: key order is not meaning. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
