import type { JsonValue } from '../../../rules/kit/types';
import type { FileStyle } from './style';

const LONG_TO_SHORT: Record<string, string> = {
  Ref: '!Ref', Condition: '!Condition', 'Fn::Sub': '!Sub', 'Fn::GetAtt': '!GetAtt', 'Fn::Join': '!Join', 'Fn::Select': '!Select',
  'Fn::Split': '!Split', 'Fn::If': '!If', 'Fn::Equals': '!Equals', 'Fn::And': '!And', 'Fn::Or': '!Or', 'Fn::Not': '!Not',
  'Fn::FindInMap': '!FindInMap', 'Fn::ImportValue': '!ImportValue', 'Fn::Base64': '!Base64', 'Fn::Cidr': '!Cidr', 'Fn::GetAZs': '!GetAZs',
};

const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const NUMBER = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;

/** A scalar as YAML text: plain when that reads back as the same string, single-quoted otherwise. */
export function yamlScalar(value: JsonValue, quote?: '"' | "'"): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const s = String(value);
  const plainSafe = s.length > 0 && !RESERVED.test(s) && !NUMBER.test(s) && /^[A-Za-z0-9_./$(][^#]*$/.test(s) && !/: |:$| #|[\n\r\t]|^\s|\s$|[{}[\],&*!|>'"%@`]/.test(s.replace(/\$\{[^}]*\}/g, 'x'));
  if (quote === '"') return JSON.stringify(s);
  if (plainSafe && !quote) return s;
  if (/[\n\r\t]/.test(s)) return JSON.stringify(s);
  return `'${s.replace(/'/g, "''")}'`;
}

function intrinsic(value: JsonValue): { key: string; arg: JsonValue } | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0];
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? { key, arg: value[key] } : undefined;
}

/** A value in flow style (one line): `{ a: 1 }`, `[x, !Ref Y]`. */
export function yamlFlow(value: JsonValue, style: FileStyle): string {
  const fn = intrinsic(value);
  if (fn && style.shortTags && LONG_TO_SHORT[fn.key]) return shortForm(fn.key, fn.arg, style);
  if (Array.isArray(value)) return `[${value.map((v) => yamlFlow(v, style)).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${yamlKey(k)}: ${yamlFlow(v, style)}`).join(', ')} }` : '{}';
  }
  return yamlScalar(value);
}

function shortForm(key: string, arg: JsonValue, style: FileStyle): string {
  const tag = LONG_TO_SHORT[key];
  if (key === 'Fn::GetAtt' && Array.isArray(arg) && arg.length === 2 && arg.every((a) => typeof a === 'string')) return `${tag} ${arg.join('.')}`;
  if (arg !== null && typeof arg === 'object') return `${tag} ${yamlFlow(arg, style)}`;
  return `${tag} ${yamlScalar(arg)}`;
}

export function yamlKey(key: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.:/-]*$/.test(key) && !RESERVED.test(key) && !NUMBER.test(key) ? key : yamlScalar(key, "'");
}

/**
 * A mapping entry `key: value` in block style at `indent` spaces; lines joined with the file's line ending,
 * no leading or trailing line break.
 */
export function yamlEntry(key: string, value: JsonValue, indent: number, style: FileStyle): string {
  const pad = ' '.repeat(indent);
  if (isInline(value, style)) return `${pad}${yamlKey(key)}: ${yamlFlow(value, style)}`;
  return `${pad}${yamlKey(key)}:${style.eol}${yamlBlock(value, Array.isArray(value) && !style.indentedSequences ? indent : indent + style.indent, style)}`;
}

/** A collection in block style at `indent` spaces. */
export function yamlBlock(value: JsonValue, indent: number, style: FileStyle): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (isInline(item, style)) return `${pad}- ${yamlFlow(item, style)}`;
        if (Array.isArray(item)) return `${pad}- ${yamlFlow(item, style)}`;
        // A mapping item: first entry on the dash line, the rest aligned under it.
        const body = yamlBlock(item, indent + 2, style);
        return `${pad}- ${body.slice(indent + 2)}`;
      })
      .join(style.eol);
  }
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => yamlEntry(k, v, indent, style)).join(style.eol);
  return `${pad}${yamlScalar(value)}`;
}

function isInline(value: JsonValue, style: FileStyle): boolean {
  if (value === null || typeof value !== 'object') return true;
  const fn = intrinsic(value);
  if (fn && style.shortTags && LONG_TO_SHORT[fn.key]) return true;
  if (Array.isArray(value)) return value.length === 0;
  return Object.keys(value).length === 0;
}
