import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../../rules';
import type { Severity, Span, ValueNode } from '../../../rules/kit/types';
import { parseJson } from '../parse/json';
import { LineIndex } from '../parse/positions';
import { parseYaml } from '../parse/yaml';
import { defaultConfig, type ConfigSuppression, type HipaaConfig, type RuleSetting } from './config';
import { didYouMean, isIsoDate, matchesPath } from './patterns';

/**
 * The project config file (.hipaa-lint.yaml): found by walking up from each linted file, validated on load.
 * This is the only engine module that reads the file system; the CLI and the language server both use it.
 */

export const CONFIG_FILE_NAMES = ['.hipaa-lint.yaml', '.hipaa-lint.yml', '.hipaa-lint.json'];

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];
const TOP_LEVEL = ['phi', 'rules', 'failOn', 'noPhiFindings', 'ignore', 'parameters', 'suppressions'];
const SUPPRESSION_KEYS = ['rule', 'resource', 'file', 'reason', 'until'];
const PHI_ENUMS: Record<string, string[]> = { mode: ['declared', 'inferred', 'all'] };

export interface ConfigIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** An invalid config: every problem found, each with file, line, what is wrong and what is allowed. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`).join('\n'));
  }
}

export interface LoadedConfig {
  config: HipaaConfig;
  /** The file's text, to turn spans of suppression entries into lines. */
  text: string;
}

export type ReadFile = (file: string) => string;
const readUtf8: ReadFile = (file) => fs.readFileSync(file, 'utf8');

/** Read and validate one config file. Throws ConfigError. */
export function loadConfigFile(file: string, readFile: ReadFile = readUtf8): LoadedConfig {
  let text: string;
  try {
    text = readFile(file);
  } catch (e) {
    throw new ConfigError([{ file, line: 1, column: 1, message: `cannot read the config file (${(e as NodeJS.ErrnoException).code ?? String(e)})` }]);
  }
  return { config: parseConfig(text, file, readFile), text };
}

/** Validate config text. Parameter files named in it are read relative to its folder. Throws ConfigError. */
export function parseConfig(text: string, file: string, readFile: ReadFile = readUtf8): HipaaConfig {
  const v = new Validator(file, text, readFile);
  const config = v.run();
  if (v.issues.length) throw new ConfigError(v.issues);
  return config;
}

/** The nearest config file at or above `dir`, or undefined. */
export function findConfigFile(dir: string, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (exists(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Config per file, cached per folder: `explicit` (from --config) wins; else the nearest file; else defaults. */
export class ConfigLocator {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(private readonly explicit?: string, private readonly readFile: ReadFile = readUtf8) {}

  /** Throws ConfigError when the config that applies is invalid. */
  configFor(file: string): HipaaConfig {
    const source = this.explicit ?? this.sourceFor(path.dirname(path.resolve(file)));
    if (!source) return defaultConfig();
    return this.load(source).config;
  }

  load(source: string): LoadedConfig {
    let entry = this.loaded.get(source);
    if (!entry) {
      entry = loadConfigFile(source, this.readFile);
      entry.config.source = source;
      this.loaded.set(source, entry);
    }
    return entry;
  }

  /** Every config loaded so far, by file. */
  all(): ReadonlyMap<string, LoadedConfig> {
    return this.loaded;
  }

  private sourceFor(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const found = findConfigFile(dir);
    this.byDir.set(dir, found);
    return found;
  }
}

/** Path of `file` relative to the config's folder, with forward slashes (the form patterns are written in). */
export function relativeToConfig(config: HipaaConfig, file: string): string {
  const base = config.source ? path.dirname(config.source) : process.cwd();
  return path.relative(base, path.resolve(file)).split(path.sep).join('/');
}

export function isIgnored(config: HipaaConfig, file: string): boolean {
  if (!config.ignore.length) return false;
  const rel = relativeToConfig(config, file);
  return config.ignore.some((p) => matchesPath(p, rel));
}

/** Parameter values the config gives this template (every matching entry, in order). */
export function parametersFor(config: HipaaConfig, file: string): Record<string, string> {
  const rel = relativeToConfig(config, file);
  const out: Record<string, string> = {};
  for (const [pattern, values] of Object.entries(config.parameters)) if (matchesPath(pattern, rel)) Object.assign(out, values);
  return out;
}

/**
 * Parameter values in the shapes `aws cloudformation deploy --parameter-overrides` and `create-stack` accept:
 * `["Key=Value"]`, `{"Key": "Value"}`, `{"Parameters": {...}}`, `[{"ParameterKey", "ParameterValue"}]`, or
 * `Key=Value` lines. Throws Error with a message naming `name`.
 */
export function parseParameterText(text: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    for (const line of text.split(/\r?\n/)) if (line.trim() && !line.trim().startsWith('#')) addPair(line.trim(), out, name);
    return out;
  }
  const params = data && typeof data === 'object' && !Array.isArray(data) && 'Parameters' in data ? (data as { Parameters: unknown }).Parameters : data;
  if (Array.isArray(params)) {
    for (const item of params) {
      if (typeof item === 'string') addPair(item, out, name);
      else if (item && typeof item === 'object' && 'ParameterKey' in item) out[String(item.ParameterKey)] = String((item as { ParameterValue?: unknown }).ParameterValue ?? '');
      else throw new Error(`${name}: unexpected entry ${JSON.stringify(item)}`);
    }
  } else if (params && typeof params === 'object') {
    for (const [k, v] of Object.entries(params)) out[k] = String(v);
  } else throw new Error(`${name}: expected a list or an object of parameter values`);
  return out;
}

export function addPair(pair: string, out: Record<string, string>, name: string): void {
  const eq = pair.indexOf('=');
  if (eq <= 0) throw new Error(`${name}: "${pair}" is not Key=Value`);
  out[pair.slice(0, eq)] = pair.slice(eq + 1);
}

// ---------------------------------------------------------------------------------------------- validation

type Entry = { key: string; keySpan: Span; value: ValueNode };

class Validator {
  readonly issues: ConfigIssue[] = [];
  private readonly index: LineIndex;
  private readonly ruleIds = ALL_RULES.map((r) => r.id);

  constructor(private readonly file: string, private readonly text: string, private readonly readFile: ReadFile) {
    this.index = new LineIndex(text);
  }

  run(): HipaaConfig {
    const config = defaultConfig();
    const doc = /\.json$/i.test(this.file) ? parseJson(this.text) : parseYaml(this.text);
    for (const i of doc.issues) this.issue(i.span, i.message);
    if (doc.issues.length) return config;
    const root = doc.root;
    if (!root || (root.kind === 'scalar' && root.value === null)) return config;
    if (root.kind !== 'map') {
      this.issue(root.span, `the config must be a map with keys ${TOP_LEVEL.join(', ')}`);
      return config;
    }
    for (const e of root.entries) {
      switch (e.key) {
        case 'phi':
          this.phi(e, config);
          break;
        case 'rules':
          this.rules(e, config);
          break;
        case 'failOn': {
          const s = this.oneOf(e, SEVERITIES);
          if (s) config.failOn = s as Severity;
          break;
        }
        case 'noPhiFindings': {
          const s = this.oneOf(e, ['hint', 'off']);
          if (s) config.noPhiFindings = s as 'hint' | 'off';
          break;
        }
        case 'ignore': {
          const list = this.stringList(e, e.key);
          if (list) config.ignore = list;
          break;
        }
        case 'parameters':
          this.parameters(e, config);
          break;
        case 'suppressions':
          this.suppressions(e, config);
          break;
        default:
          this.issue(e.keySpan, `unknown key "${e.key}"${didYouMean(e.key, TOP_LEVEL)}; allowed: ${TOP_LEVEL.join(', ')}`);
      }
    }
    return config;
  }

  private issue(span: Span, message: string): void {
    const p = this.index.positionAt(span.start);
    this.issues.push({ file: this.file, line: p.line + 1, column: p.character + 1, message });
  }

  private map(e: Entry, where: string): Entry[] | undefined {
    if (e.value.kind === 'map') return e.value.entries;
    if (e.value.kind === 'scalar' && e.value.value === null) return [];
    this.issue(e.value.span, `${where} must be a map`);
    return undefined;
  }

  private scalar(node: ValueNode): string | number | boolean | null | undefined {
    return node.kind === 'scalar' ? node.value : undefined;
  }

  private oneOf(e: Entry, allowed: readonly string[], where = e.key): string | undefined {
    const v = this.scalar(e.value);
    if (typeof v === 'string' && allowed.includes(v)) return v;
    this.issue(e.value.span, `${where} is ${describe(e.value)}; allowed: ${allowed.join(', ')}`);
    return undefined;
  }

  private stringList(e: Entry, where: string): string[] | undefined {
    const v = e.value;
    if (v.kind === 'scalar' && typeof v.value === 'string') return [v.value];
    if (v.kind === 'seq') {
      const out: string[] = [];
      for (const item of v.items) {
        const s = this.scalar(item);
        if (typeof s === 'string' || typeof s === 'number') out.push(String(s));
        else this.issue(item.span, `${where} entries must be strings; this one is ${describe(item)}`);
      }
      return out;
    }
    this.issue(v.span, `${where} must be a list of strings; it is ${describe(v)}`);
    return undefined;
  }

  private text1(e: Entry, where: string): string | undefined {
    const s = this.scalar(e.value);
    if (typeof s === 'string' || typeof s === 'number') return String(s);
    this.issue(e.value.span, `${where} must be a string; it is ${describe(e.value)}`);
    return undefined;
  }

  /** PHI settings: the keys and value types are those of the defaults, so new settings are validated as they appear. */
  private phi(e: Entry, config: HipaaConfig): void {
    const entries = this.map(e, 'phi');
    if (!entries) return;
    const defaults = config.phi as unknown as Record<string, unknown>;
    const allowed = Object.keys(defaults);
    for (const p of entries) {
      const where = `phi.${p.key}`;
      if (!allowed.includes(p.key)) {
        this.issue(p.keySpan, `unknown key "${p.key}"${didYouMean(p.key, allowed)}; allowed under phi: ${allowed.join(', ')}`);
        continue;
      }
      const def = defaults[p.key];
      if (PHI_ENUMS[p.key]) {
        const s = this.oneOf(p, PHI_ENUMS[p.key], where);
        if (s) defaults[p.key] = s;
      } else if (Array.isArray(def)) {
        const list = this.stringList(p, where);
        if (list) defaults[p.key] = list;
      } else if (typeof def === 'boolean') {
        const s = this.scalar(p.value);
        if (typeof s === 'boolean') defaults[p.key] = s;
        else this.issue(p.value.span, `${where} is ${describe(p.value)}; allowed: true, false`);
      } else if (typeof def === 'number') {
        const s = this.scalar(p.value);
        if (typeof s === 'number') defaults[p.key] = s;
        else this.issue(p.value.span, `${where} is ${describe(p.value)}; allowed: a number`);
      } else if (typeof def === 'string') {
        const s = this.text1(p, where);
        if (s !== undefined) defaults[p.key] = s;
      } else {
        this.issue(p.keySpan, `${where} cannot be set in the config file`);
      }
    }
  }

  private rules(e: Entry, config: HipaaConfig): void {
    const entries = this.map(e, 'rules');
    if (!entries) return;
    const levels = ['off', 'on', ...SEVERITIES];
    for (const r of entries) {
      const where = `rules.${r.key}`;
      if (!this.ruleIds.includes(r.key)) {
        this.issue(r.keySpan, `no rule "${r.key}"${didYouMean(r.key, this.ruleIds)}; the rules are listed by hipaa-lint rules`);
        continue;
      }
      const v = r.value;
      const scalar = this.scalar(v);
      let setting: RuleSetting | undefined;
      if (typeof scalar === 'boolean') setting = { enabled: scalar };
      else if (typeof scalar === 'string' && levels.includes(scalar)) setting = scalar === 'off' ? { enabled: false } : scalar === 'on' ? { enabled: true } : { enabled: true, severity: scalar as Severity };
      else if (v.kind === 'map') {
        setting = { enabled: true };
        for (const k of v.entries) {
          if (k.key === 'enabled') {
            const b = this.scalar(k.value);
            if (typeof b === 'boolean') setting.enabled = b;
            else this.issue(k.value.span, `${where}.enabled is ${describe(k.value)}; allowed: true, false`);
          } else if (k.key === 'severity') {
            const s = this.oneOf(k, SEVERITIES, `${where}.severity`);
            if (s) setting.severity = s as Severity;
          } else this.issue(k.keySpan, `unknown key "${k.key}" under ${where}; allowed: enabled, severity`);
        }
      } else {
        this.issue(v.span, `${where} is ${describe(v)}; allowed: ${levels.join(', ')}, true, false, or { enabled, severity }`);
        continue;
      }
      config.rules[r.key] = setting;
    }
  }

  private parameters(e: Entry, config: HipaaConfig): void {
    const entries = this.map(e, 'parameters');
    if (!entries) return;
    const dir = path.dirname(path.resolve(this.file));
    for (const p of entries) {
      const where = `parameters."${p.key}"`;
      const v = p.value;
      if (v.kind === 'map') {
        const values: Record<string, string> = {};
        for (const kv of v.entries) {
          const s = this.scalar(kv.value);
          if (s === undefined || s === null) this.issue(kv.value.span, `${where}.${kv.key} must be a string, number or boolean; it is ${describe(kv.value)}`);
          else values[kv.key] = String(s);
        }
        config.parameters[p.key] = values;
        continue;
      }
      const files = this.stringList(p, where);
      if (!files) continue;
      const values: Record<string, string> = {};
      const spans = v.kind === 'seq' ? v.items.map((i) => i.span) : [v.span];
      files.forEach((f, i) => {
        try {
          Object.assign(values, parseParameterText(this.readFile(path.resolve(dir, f)), f));
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          this.issue(spans[i] ?? v.span, code ? `${where}: cannot read parameter file ${f} (${code}); paths are relative to the config file` : `${where}: ${(err as Error).message}`);
        }
      });
      config.parameters[p.key] = values;
    }
  }

  private suppressions(e: Entry, config: HipaaConfig): void {
    const v = e.value;
    if (v.kind === 'scalar' && v.value === null) return;
    if (v.kind !== 'seq') {
      this.issue(v.span, `suppressions must be a list of { rule, reason, resource?, file?, until? }; it is ${describe(v)}`);
      return;
    }
    v.items.forEach((item, n) => {
      const where = `suppressions[${n}]`;
      if (item.kind !== 'map') {
        this.issue(item.span, `${where} must be a map { rule, reason, resource?, file?, until? }; it is ${describe(item)}`);
        return;
      }
      const s: Partial<ConfigSuppression> = { span: item.span, line: this.index.positionAt(item.span.start).line + 1 };
      let ok = true;
      for (const k of item.entries) {
        if (!SUPPRESSION_KEYS.includes(k.key)) {
          this.issue(k.keySpan, `unknown key "${k.key}" in ${where}${didYouMean(k.key, SUPPRESSION_KEYS)}; allowed: ${SUPPRESSION_KEYS.join(', ')}`);
          ok = false;
          continue;
        }
        const text = this.text1(k, `${where}.${k.key}`);
        if (text === undefined) {
          ok = false;
          continue;
        }
        (s as Record<string, unknown>)[k.key] = k.key === 'reason' ? text.trim() : text;
      }
      const rule = item.entries.find((k) => k.key === 'rule');
      if (!rule) {
        this.issue(item.span, `${where}: rule is required (a rule id; see hipaa-lint rules)`);
        ok = false;
      } else if (s.rule !== undefined && !this.ruleIds.includes(s.rule)) {
        this.issue(rule.value.span, `${where}.rule: no rule "${s.rule}"${didYouMean(s.rule, this.ruleIds)}; the rules are listed by hipaa-lint rules`);
        ok = false;
      }
      if (!item.entries.some((k) => k.key === 'reason') || s.reason === '') {
        this.issue(item.span, `${where}: reason is required: say why this risk is accepted, so an auditor can read it`);
        ok = false;
      }
      const until = item.entries.find((k) => k.key === 'until');
      if (until && s.until !== undefined && !isIsoDate(s.until)) {
        this.issue(until.value.span, `${where}.until is "${s.until}"; allowed: a date written YYYY-MM-DD`);
        ok = false;
      }
      if (ok) config.suppressions.push(s as ConfigSuppression);
    });
  }
}

function describe(node: ValueNode): string {
  if (node.kind === 'map') return 'a map';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'empty';
  return typeof node.value === 'string' ? `"${node.value}"` : String(node.value);
}
