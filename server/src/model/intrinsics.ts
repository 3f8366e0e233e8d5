import type { JsonValue, Resolved, ValueNode } from '../../../rules/kit/types';
import { mapGet, setKey, toPlain } from '../parse/tree';
import type { TemplateModel } from './model';

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
]);

/** The intrinsic function a node is, if it is one: a single-key map whose key is `Ref`, `Condition` or `Fn::…`. */
export function intrinsicOf(node: ValueNode | undefined): { fn: string; arg: ValueNode } | undefined {
  if (!node || node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const { key, value } = node.entries[0];
  if (key === 'Ref' || key.startsWith('Fn::') || (key === 'Condition' && value.kind === 'scalar')) return { fn: key, arg: value };
  return undefined;
}

const unknown = (reason: string, via?: string[]): Resolved => ({ kind: 'unknown', reason, via });

/** One shared answer per pseudo parameter (templates name AWS::Region and AWS::Partition in most ARNs). */
const pseudoAnswers = new Map<string, Resolved>();
function pseudoParameter(name: string): Resolved {
  let r = pseudoAnswers.get(name);
  if (!r) pseudoAnswers.set(name, (r = Object.freeze(unknown(`pseudo parameter ${name} is known at deploy time`))));
  return r;
}

/**
 * Static evaluation of CloudFormation values. Decodes intrinsics; never executes anything.
 * Depth-limited so reference chains and cycles (a condition referring to itself) always end.
 */
export class Resolver {
  /** Whole-value resolutions: many rules read the same policy documents and names of a resource. Treat as read-only. */
  private readonly resolved = new WeakMap<ValueNode, Resolved>();

  constructor(private readonly model: TemplateModel, private readonly maxDepth: number) {}

  resolve(node: ValueNode | undefined, depth = 0): Resolved {
    if (!node) return { kind: 'absent' };
    if (depth > 0) return this.evaluate(node, depth);
    let r = this.resolved.get(node);
    if (!r) this.resolved.set(node, (r = this.evaluate(node, 0)));
    return r;
  }

  private evaluate(node: ValueNode, depth: number): Resolved {
    if (depth > this.maxDepth) return unknown(`reference chain longer than ${this.maxDepth} steps (budget maxReferenceDepth)`);
    if (node.kind === 'scalar') {
      if (typeof node.value === 'string' && node.value.includes('{{resolve:')) return unknown(`dynamic reference ${node.value} is resolved at deploy time`);
      return { kind: 'known', value: node.value };
    }
    const intrinsic = intrinsicOf(node);
    if (intrinsic) return this.resolveIntrinsic(intrinsic.fn, intrinsic.arg, depth);
    if (node.kind === 'seq') {
      const items: JsonValue[] = [];
      for (const item of node.items) {
        const r = this.resolve(item, depth + 1);
        if (r.kind === 'absent') continue;
        items.push(r.kind === 'known' ? r.value : (toPlain(item) as JsonValue));
      }
      return { kind: 'known', value: items };
    }
    const out: { [k: string]: JsonValue } = {};
    for (const e of node.entries) {
      const r = this.resolve(e.value, depth + 1);
      if (r.kind === 'absent') continue;
      setKey(out, e.key, r.kind === 'known' ? r.value : (toPlain(e.value) as JsonValue));
    }
    return { kind: 'known', value: out };
  }

  private resolveIntrinsic(fn: string, arg: ValueNode, depth: number): Resolved {
    switch (fn) {
      case 'Ref':
        return this.resolveRef(arg, depth);
      case 'Fn::If':
        return this.resolveIf(arg, depth);
      case 'Fn::Sub':
        return this.resolveSub(arg, depth);
      case 'Fn::Join':
        return this.resolveJoin(arg, depth);
      case 'Fn::Select':
        return this.resolveSelect(arg, depth);
      case 'Fn::FindInMap':
        return this.resolveFindInMap(arg, depth);
      case 'Fn::GetAtt': {
        const plain = toPlain(arg);
        const name = Array.isArray(plain) ? plain.join('.') : String(plain);
        return unknown(`Fn::GetAtt ${name} is known only after deployment`);
      }
      case 'Fn::ImportValue':
        return unknown('Fn::ImportValue comes from another stack');
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
      case 'Condition': {
        const b = this.evaluateCondition({ kind: 'map', entries: [{ key: fn, keySpan: arg.span, value: arg }], span: arg.span }, depth);
        return b === undefined ? unknown(`condition ${fn} cannot be decided statically`) : { kind: 'known', value: b };
      }
      default:
        return unknown(`${fn} is evaluated by CloudFormation at deploy time`);
    }
  }

  private resolveRef(arg: ValueNode, depth: number): Resolved {
    const name = arg.kind === 'scalar' ? String(arg.value) : '';
    if (name === 'AWS::NoValue') return { kind: 'absent' };
    if (PSEUDO_PARAMETERS.has(name)) return pseudoParameter(name);
    const parameter = this.model.parameters.get(name);
    if (parameter) {
      if (parameter.given !== undefined) return { kind: 'known', value: parameter.given, via: [`parameter ${name} is given as ${JSON.stringify(parameter.given)}`] };
      if (parameter.default !== undefined) return { kind: 'known', value: parameter.default, via: [`parameter ${name} defaults to ${JSON.stringify(parameter.default)}`] };
      if (parameter.allowedValues && parameter.allowedValues.length > 0) {
        return { kind: 'oneOf', options: parameter.allowedValues.map((v) => ({ kind: 'known', value: v })), via: [`parameter ${name} has no default; allowed values ${JSON.stringify(parameter.allowedValues)}`] };
      }
      return unknown(`parameter ${name} has no default value`);
    }
    if (this.model.byId.has(name)) return unknown(`Ref ${name} is the resource's physical id, known only after deployment`);
    return unknown(`Ref ${name} does not name a parameter or resource`);
  }

  private resolveIf(arg: ValueNode, depth: number): Resolved {
    if (arg.kind !== 'seq' || arg.items.length !== 3) return unknown('Fn::If needs [condition, value-if-true, value-if-false]');
    const conditionName = arg.items[0].kind === 'scalar' ? String(arg.items[0].value) : '';
    const decided = this.evaluateNamedCondition(conditionName, depth + 1);
    if (decided === true) return withVia(this.resolve(arg.items[1], depth + 1), `condition ${conditionName} is true`);
    if (decided === false) return withVia(this.resolve(arg.items[2], depth + 1), `condition ${conditionName} is false`);
    return { kind: 'oneOf', options: [this.resolve(arg.items[1], depth + 1), this.resolve(arg.items[2], depth + 1)], via: [`condition ${conditionName} decides`] };
  }

  private resolveSub(arg: ValueNode, depth: number): Resolved {
    let template: string | undefined;
    let variables: ValueNode | undefined;
    if (arg.kind === 'scalar') template = String(arg.value);
    else if (arg.kind === 'seq' && arg.items[0]?.kind === 'scalar') {
      template = String(arg.items[0].value);
      variables = arg.items[1];
    }
    if (template === undefined) return unknown('Fn::Sub needs a string');
    // `${Name}` and `${Res.Attr}` (a `${!Literal}` stays as written); the first variable without a value decides.
    const via: string[] = [];
    let result = '';
    let from = 0;
    for (let open = template.indexOf('${'); open >= 0; open = template.indexOf('${', from)) {
      const close = template.indexOf('}', open + 2);
      if (close < 0) break;
      const name = template.slice(open + 2, close);
      result += template.slice(from, open);
      from = close + 1;
      if (name.startsWith('!')) {
        result += '${' + name.slice(1) + '}';
        continue;
      }
      const local = mapGet(variables, name);
      const r = local ? this.resolve(local, depth + 1) : name.includes('.') ? unknown(`\${${name}} is known only after deployment`) : this.resolveRef({ kind: 'scalar', value: name, span: arg.span }, depth + 1);
      if (r.kind !== 'known' || !(typeof r.value === 'string' || typeof r.value === 'number' || typeof r.value === 'boolean')) return unknown(r.kind === 'unknown' ? r.reason : `\${${name}} has no single value`);
      if (r.via) via.push(...r.via);
      result += String(r.value);
    }
    result += template.slice(from);
    return { kind: 'known', value: result, via: via.length ? via : undefined };
  }

  private resolveJoin(arg: ValueNode, depth: number): Resolved {
    if (arg.kind !== 'seq' || arg.items.length !== 2) return unknown('Fn::Join needs [delimiter, list]');
    const delimiter = this.resolve(arg.items[0], depth + 1);
    const list = this.resolve(arg.items[1], depth + 1);
    if (delimiter.kind !== 'known' || list.kind !== 'known' || !Array.isArray(list.value)) return unknown('Fn::Join over values known only at deploy time');
    const parts: string[] = [];
    const items = arg.items[1].kind === 'seq' ? arg.items[1].items : [];
    for (const item of items) {
      const r = this.resolve(item, depth + 1);
      if (r.kind === 'absent') continue;
      if (r.kind !== 'known' || typeof r.value === 'object') return r.kind === 'unknown' ? r : unknown('Fn::Join over a value known only at deploy time');
      parts.push(String(r.value));
    }
    if (items.length === 0) parts.push(...list.value.map(String));
    return { kind: 'known', value: parts.join(String(delimiter.value)) };
  }

  private resolveSelect(arg: ValueNode, depth: number): Resolved {
    if (arg.kind !== 'seq' || arg.items.length !== 2) return unknown('Fn::Select needs [index, list]');
    const index = this.resolve(arg.items[0], depth + 1);
    if (index.kind !== 'known') return unknown('Fn::Select index is not known');
    const listNode = arg.items[1];
    if (listNode.kind === 'seq') return this.resolve(listNode.items[Number(index.value)], depth + 1);
    const list = this.resolve(listNode, depth + 1);
    if (list.kind === 'known' && Array.isArray(list.value)) {
      const v = list.value[Number(index.value)];
      return v === undefined ? unknown('Fn::Select index out of range') : { kind: 'known', value: v };
    }
    return list.kind === 'unknown' ? list : unknown('Fn::Select over a list known only at deploy time');
  }

  private resolveFindInMap(arg: ValueNode, depth: number): Resolved {
    if (arg.kind !== 'seq' || arg.items.length < 3) return unknown('Fn::FindInMap needs [map, top-level key, second-level key]');
    const keys = arg.items.slice(0, 3).map((k) => this.resolve(k, depth + 1));
    const bad = keys.find((k) => k.kind !== 'known');
    if (bad) return unknown(`Fn::FindInMap key is not known${bad.kind === 'unknown' ? ` (${bad.reason})` : ''}`);
    const [m, top, second] = keys.map((k) => String((k as { value: JsonValue }).value));
    const found = mapGet(mapGet(mapGet(this.model.mappings, m), top), second);
    if (!found) return unknown(`mapping ${m}.${top}.${second} does not exist`);
    return withVia(this.resolve(found, depth + 1), `mapping ${m}.${top}.${second}`);
  }

  /** true/false when the named condition can be decided from known values; undefined otherwise. */
  evaluateNamedCondition(name: string, depth: number): boolean | undefined {
    const node = this.model.conditions.get(name);
    if (!node || depth > this.maxDepth) return undefined;
    return this.evaluateCondition(node, depth + 1);
  }

  evaluateCondition(node: ValueNode, depth: number): boolean | undefined {
    if (depth > this.maxDepth) return undefined;
    const intrinsic = intrinsicOf(node);
    if (!intrinsic) {
      const r = this.resolve(node, depth + 1);
      return r.kind === 'known' && typeof r.value === 'boolean' ? r.value : r.kind === 'known' && (r.value === 'true' || r.value === 'false') ? r.value === 'true' : undefined;
    }
    const { fn, arg } = intrinsic;
    const items = arg.kind === 'seq' ? arg.items : [arg];
    switch (fn) {
      case 'Condition':
        return this.evaluateNamedCondition(String(arg.kind === 'scalar' ? arg.value : ''), depth + 1);
      case 'Fn::Equals': {
        if (items.length !== 2) return undefined;
        const [a, b] = items.map((i) => this.resolve(i, depth + 1));
        if (a.kind !== 'known' || b.kind !== 'known') return undefined;
        return JSON.stringify(normalise(a.value)) === JSON.stringify(normalise(b.value));
      }
      case 'Fn::Not': {
        const v = items[0] ? this.evaluateCondition(items[0], depth + 1) : undefined;
        return v === undefined ? undefined : !v;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = items.map((i) => this.evaluateCondition(i, depth + 1));
        if (fn === 'Fn::And') return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
        return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
      }
      default:
        return undefined;
    }
  }
}

function normalise(v: JsonValue): JsonValue {
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
}

function withVia(r: Resolved, step: string): Resolved {
  if (r.kind === 'absent') return r;
  return { ...r, via: [step, ...(r.via ?? [])] } as Resolved;
}

/**
 * The `${Name}` and `${Resource.Attribute}` variables of a Fn::Sub string (not `${!Literal}` escapes), split at
 * the first dot. A scan, not a regex: Sub strings are in most ARNs of a template.
 */
export function subVariables(template: string): { name: string; attribute?: string }[] {
  const out: { name: string; attribute?: string }[] = [];
  for (let open = template.indexOf('${'); open >= 0; ) {
    const close = template.indexOf('}', open + 2);
    if (close < 0) break;
    if (close > open + 2 && template.charCodeAt(open + 2) !== 0x21) {
      const variable = template.slice(open + 2, close);
      const dot = variable.indexOf('.');
      const attribute = dot < 0 ? '' : variable.slice(dot + 1);
      out.push(attribute ? { name: variable.slice(0, dot), attribute } : { name: dot < 0 ? variable : variable.slice(0, dot) });
      open = template.indexOf('${', close + 1);
    } else open = template.indexOf('${', open + 1);
  }
  return out;
}

/** Every resource or parameter name a node refers to, with the intrinsic kind. */
export function referencesIn(node: ValueNode | undefined, out: { name: string; kind: 'ref' | 'getatt' | 'sub'; attribute?: string; node: ValueNode }[] = [], depth = 0): typeof out {
  if (!node || depth > 200) return out;
  const intrinsic = intrinsicOf(node);
  if (intrinsic) {
    const { fn, arg } = intrinsic;
    if (fn === 'Ref' && arg.kind === 'scalar') out.push({ name: String(arg.value), kind: 'ref', node });
    else if (fn === 'Fn::GetAtt') {
      const plain = toPlain(arg);
      const parts = Array.isArray(plain) ? plain.map(String) : String(plain).split('.');
      if (parts[0]) out.push({ name: parts[0], kind: 'getatt', attribute: parts.slice(1).join('.'), node });
    } else if (fn === 'Fn::Sub') {
      const template = arg.kind === 'scalar' ? String(arg.value) : arg.kind === 'seq' && arg.items[0]?.kind === 'scalar' ? String(arg.items[0].value) : '';
      const locals = arg.kind === 'seq' ? arg.items[1] : undefined;
      for (const { name, attribute } of subVariables(template)) if (!mapGet(locals, name)) out.push({ name, kind: 'sub', attribute, node });
      if (locals) referencesIn(locals, out, depth + 1);
      return out;
    }
  }
  if (node.kind === 'seq') for (const i of node.items) referencesIn(i, out, depth + 1);
  else if (node.kind === 'map') for (const e of node.entries) referencesIn(e.value, out, depth + 1);
  return out;
}
