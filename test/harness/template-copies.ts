import * as fs from 'fs';
import * as path from 'path';
import { EngineContext } from '../../server/src/engine/context';
import { lint } from '../../server/src/engine/lint';
import { defaultRuleIndex } from '../../server/src/engine/registry';
import type { RuleCase, RuleTable } from './rule-tester';
import { yamlToJson } from './yaml-to-json';

// Large inputs made of the rule test cases: every case of a family, copied k times with every logical id,
// reference and literal name renamed per copy (Terraform: each copy is an instance of its own module), so
// joins stay inside a copy and a rule's work over k copies should grow as k.

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export interface CollectedCase extends RuleCase {
  rule: string;
}

/**
 * The cases every `test/rules/*.test.js` passes to `testRule`. Each compiled file is run again with `testRule`
 * and mocha's globals stubbed, from a fresh module entry that is then put back, so nothing is registered with
 * mocha and the modules mocha loaded stay as they were. Call it while tests run, not while files load.
 */
export function collectRuleCases(dir = path.join(__dirname, '..', 'rules')): CollectedCase[] {
  const tester = require('./rule-tester') as { testRule: (rule: { id: string }, table: RuleTable) => void };
  const g = globalThis as Obj;
  const stubbed = ['describe', 'context', 'it', 'specify', 'xit', 'xdescribe', 'before', 'after', 'beforeEach', 'afterEach'];
  const saved = { testRule: tester.testRule, globals: stubbed.map((k) => [k, g[k]] as const) };
  const cases: CollectedCase[] = [];
  const noop = Object.assign(() => undefined, { skip: () => undefined, only: () => undefined });
  const suite = Object.assign((_name: string, fn?: () => void) => fn?.call({ timeout() {}, slow() {}, retries() {} }), { skip: () => undefined });
  tester.testRule = (rule, table) => {
    for (const c of [...table.valid, ...table.invalid]) cases.push({ ...c, rule: rule.id });
  };
  for (const k of stubbed) g[k] = /describe|context/.test(k) && k !== 'xdescribe' ? Object.assign(suite, { only: suite }) : noop;
  try {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) {
      const full = path.join(dir, file);
      const loaded = require.cache[full];
      delete require.cache[full];
      try {
        require(full);
      } finally {
        if (loaded) require.cache[full] = loaded;
        else delete require.cache[full];
      }
    }
  } finally {
    tester.testRule = saved.testRule;
    for (const [k, v] of saved.globals) g[k] = v;
  }
  return cases;
}

export type Family = 'cloudformation' | 'sam' | 'terraform-plan';

/** Each case's template as plain data, by family; a form that does not parse is counted as skipped. */
export function templatesByFamily(cases: CollectedCase[]): { templates: Record<Family, Obj[]>; skipped: Record<Family, number> } {
  const templates: Record<Family, Obj[]> = { cloudformation: [], sam: [], 'terraform-plan': [] };
  const skipped: Record<Family, number> = { cloudformation: 0, sam: 0, 'terraform-plan': 0 };
  const isSam = (t: Obj) => [t.Transform].flat().includes('AWS::Serverless-2016-10-31');
  const add = (family: Family | ((t: Obj) => Family), parse: () => unknown) => {
    let t: any;
    try {
      t = parse();
    } catch {
      skipped[typeof family === 'string' ? family : 'cloudformation']++;
      return;
    }
    const f = typeof family === 'string' ? family : isObj(t) ? family(t) : 'cloudformation';
    const usable = isObj(t) && (f === 'terraform-plan' ? isObj(t.planned_values) : isObj(t.Resources) && Object.keys(t.Resources).length > 0);
    try {
      if (!usable) throw new Error('no resources');
      if (f === 'terraform-plan') planCopies([t], 1);
      else renameCfn(t, 'probe');
      templates[f].push(t);
    } catch {
      skipped[f]++;
    }
  };
  for (const c of cases) {
    const cfnOrSam = (t: Obj): Family => (isSam(t) ? 'sam' : 'cloudformation');
    if (c.yaml !== undefined) add(cfnOrSam, () => JSON.parse(yamlToJson(c.yaml!)));
    if (c.json !== undefined) add(cfnOrSam, () => JSON.parse(c.json!));
    if (c.sam !== undefined) add('sam', () => JSON.parse(yamlToJson(c.sam!)));
    if (c.plan !== undefined) add('terraform-plan', () => (typeof c.plan === 'string' ? JSON.parse(c.plan) : structuredClone(c.plan)));
  }
  return { templates, skipped };
}

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Appends `suffix` to every whole-word occurrence of the given names (ARNs, numbers and `${}` left alone). */
function literalRenamer(names: string[], suffix: string): (s: string) => string {
  const list = [...new Set(names)].filter((n) => n.length >= 3 && !n.includes('${') && !n.startsWith('arn:') && !/^(true|false|\d+)$/i.test(n)).sort((a, b) => b.length - a.length);
  if (!list.length) return (s) => s;
  const re = new RegExp(`(?<![A-Za-z0-9_-])(${list.map(escape).join('|')})(?![A-Za-z0-9_-])`, 'g');
  return (s) => s.replace(re, (m) => m + suffix);
}

/** String values of keys matching `key`, at most three maps deep. */
function namesIn(value: unknown, key: RegExp, out: string[] = [], depth = 0): string[] {
  if (!isObj(value) || depth > 2) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && key.test(k)) out.push(v);
    else if (isObj(v)) namesIn(v, key, out, depth + 1);
  }
  return out;
}

function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

/**
 * Types an AWS account (per Region) has at most one of. Only the first copy keeps them: k copies of every
 * case would otherwise make k account settings that each bucket or volume rightly consults.
 */
export const ACCOUNT_SINGLETONS = new Set([
  'aws_ebs_encryption_by_default',
  'aws_ebs_default_kms_key',
  'aws_s3_account_public_access_block',
  'aws_iam_account_password_policy',
  'aws_glue_data_catalog_encryption_settings',
  'AWS::Glue::DataCatalogEncryptionSettings',
]);

/** One CloudFormation/SAM copy: logical ids, parameters, conditions, mappings, outputs and names get `sfx`. */
export function renameCfn(t: Obj, sfx: string): Obj {
  const ids = new Set([t.Resources, t.Parameters, t.Conditions, t.Mappings].flatMap((s) => (isObj(s) ? Object.keys(s) : [])));
  const n = (x: unknown) => (typeof x === 'string' && ids.has(x) ? x + sfx : x);
  const lit = literalRenamer(Object.values(t.Resources as Obj).flatMap((r) => (isObj(r) ? namesIn(r.Properties, /(Name|Identifier)$/) : [])), sfx);
  const sub = (s: string, vars?: unknown) =>
    lit(s.replace(/\$\{([A-Za-z0-9]+)((?:\.[A-Za-z0-9.]+)?)\}/g, (m, id: string, attr: string) => (ids.has(id) && !(isObj(vars) && id in vars) ? '${' + id + sfx + attr + '}' : m)));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return lit(v);
    if (Array.isArray(v)) return v.map(walk);
    if (!isObj(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const [k] = keys;
      const a = v[k];
      if (k === 'Ref' || (k === 'Condition' && typeof a === 'string')) return { [k]: n(a) };
      if (k === 'Fn::GetAtt') {
        if (typeof a === 'string') return { [k]: ids.has(a.split('.')[0]) ? a.split('.')[0] + sfx + a.slice(a.indexOf('.')) : a };
        if (Array.isArray(a)) return { [k]: [n(a[0]), ...a.slice(1).map(walk)] };
      }
      if (k === 'Fn::Sub') {
        if (typeof a === 'string') return { [k]: sub(a) };
        if (Array.isArray(a)) return { [k]: [typeof a[0] === 'string' ? sub(a[0], a[1]) : walk(a[0]), walk(a[1])] };
      }
      if ((k === 'Fn::If' || k === 'Fn::FindInMap') && Array.isArray(a)) return { [k]: [n(a[0]), ...a.slice(1).map(walk)] };
    }
    return Object.fromEntries(keys.map((k) => [k, walk(v[k])]));
  };
  const out: Obj = { Resources: {} };
  for (const [id, r] of Object.entries(t.Resources as Obj)) {
    if (!isObj(r)) continue;
    const c = walk(r) as Obj;
    if (typeof r.Condition === 'string') c.Condition = n(r.Condition);
    if (r.DependsOn !== undefined) c.DependsOn = Array.isArray(r.DependsOn) ? r.DependsOn.map(n) : n(r.DependsOn);
    out.Resources[id + sfx] = c;
  }
  for (const section of ['Parameters', 'Conditions', 'Mappings', 'Outputs']) {
    if (!isObj(t[section])) continue;
    out[section] = Object.fromEntries(Object.entries(t[section]).map(([k, v]) => [section === 'Outputs' ? k + sfx : n(k), walk(v)]));
  }
  return out;
}

/** A CloudFormation (or, with `sam`, SAM) template of `k` renamed copies of every template. */
export function cfnCopies(templates: Obj[], k: number, sam = false): Obj {
  const tpl: Obj = { AWSTemplateFormatVersion: '2010-09-09', ...(sam ? { Transform: 'AWS::Serverless-2016-10-31' } : {}), Parameters: {}, Conditions: {}, Mappings: {}, Resources: {}, Outputs: {} };
  for (let copy = 0; copy < k; copy++) {
    templates.forEach((t, i) => {
      const r = renameCfn(t, `z${i}k${copy}`);
      if (copy > 0) for (const [id, res] of Object.entries(r.Resources as Obj)) if (ACCOUNT_SINGLETONS.has(res.Type)) delete r.Resources[id];
      for (const section of Object.keys(r)) Object.assign(tpl[section], r[section]);
    });
  }
  for (const s of ['Parameters', 'Conditions', 'Mappings', 'Outputs']) if (!Object.keys(tpl[s]).length) delete tpl[s];
  return tpl;
}

function prefixModule(mod: Obj, prefix: string, lit: (s: string) => string, keep: (r: Obj) => boolean): Obj {
  return {
    address: mod.address === undefined ? prefix : `${prefix}.${mod.address}`,
    resources: ((mod.resources ?? []) as Obj[]).filter(keep).map((r) => ({ ...r, address: `${prefix}.${r.address}`, values: mapStrings(r.values, lit) })),
    child_modules: ((mod.child_modules ?? []) as Obj[]).map((c) => prefixModule(c, prefix, lit, keep)),
  };
}

/** A Terraform plan in which copy `c` of plan `i` is instance `module.c<i>[c]`, so references resolve inside it. */
export function planCopies(plans: Obj[], k: number): Obj {
  const calls: Obj = {};
  const out: Obj = {
    format_version: '1.2',
    terraform_version: '1.9.5',
    variables: {},
    planned_values: { root_module: { resources: [], child_modules: [] } },
    resource_changes: [],
    configuration: { root_module: { resources: [], module_calls: calls } },
  };
  for (let copy = 0; copy < k; copy++) {
    plans.forEach((t, i) => {
      const root: Obj = { ...(t.planned_values?.root_module ?? {}), address: undefined };
      const names: string[] = [];
      const visit = (m: Obj) => {
        for (const r of m.resources ?? []) namesIn(r.values, /(^|_)(name|identifier|id|bucket)$/, names);
        (m.child_modules ?? []).forEach(visit);
      };
      visit(root);
      const lit = literalRenamer(names, `z${i}k${copy}`);
      const prefix = `module.c${i}[${copy}]`;
      const keep = (r: Obj) => copy === 0 || !ACCOUNT_SINGLETONS.has(r.type);
      out.planned_values.root_module.child_modules.push(prefixModule(root, prefix, lit, keep));
      for (const rc of ((t.resource_changes ?? []) as Obj[]).filter(keep)) {
        out.resource_changes.push({ ...rc, address: `${prefix}.${rc.address}`, module_address: rc.module_address ? `${prefix}.${rc.module_address}` : prefix, change: mapStrings(rc.change, lit) });
      }
      if (copy === 0) {
        const expressions = Object.fromEntries(Object.keys(t.variables ?? {}).map((v) => [v, { references: [`var.${v}`] }]));
        calls[`c${i}`] = { source: `./c${i}`, count_expression: { constant_value: k }, expressions, module: t.configuration?.root_module ?? {} };
      }
      for (const [v, value] of Object.entries((t.variables ?? {}) as Obj)) if (!(v in out.variables)) out.variables[v] = value;
    });
  }
  return out;
}

/**
 * Each rule's work when every applicable rule checks every resource of `text`: one per property lookup, plus
 * the resources and edges that type and edge queries return. Counted, not timed.
 */
export function ruleWork(text: string, uri: string): Map<string, number> {
  const analysis = lint(text, uri);
  if (!analysis.model) throw new Error(`${uri} gave no model: ${JSON.stringify(analysis.problems.slice(0, 3))}`);
  const ctx = new EngineContext(analysis.model, analysis.phi, 32);
  const work = new Map<string, number>();
  let current = '';
  const count = (n: number) => work.set(current, (work.get(current) ?? 0) + n);
  const [get, ofType, edgesFrom, edgesTo] = [ctx.get.bind(ctx), ctx.ofType.bind(ctx), ctx.edgesFrom.bind(ctx), ctx.edgesTo.bind(ctx)];
  const counted = <A extends unknown[], R extends unknown[]>(f: (...a: A) => R) => (...a: A): R => {
    const found = f(...a);
    count(found.length);
    return found;
  };
  ctx.get = (resource, p) => (count(1), get(resource, p));
  ctx.ofType = counted(ofType);
  ctx.edgesFrom = counted(edgesFrom);
  ctx.edgesTo = counted(edgesTo);
  const index = defaultRuleIndex();
  for (const resource of analysis.model.resources) {
    for (const rule of index.forType(analysis.model.family, resource.type)) {
      current = rule.id;
      rule.check(resource, ctx);
    }
  }
  return work;
}
