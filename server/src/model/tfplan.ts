import type { Edge } from '../../../rules/kit/rule';
import type { JsonValue, MapNode, Path, Resource, TerraformInfo, ValueNode } from '../../../rules/kit/types';
import { asMap, asSeq, mapGet, scalarString, toPlain } from '../parse/tree';
import type { ParsedDocument } from '../parse/tree';
import type { Parameter, TemplateModel } from './model';

/**
 * Build the resource model of a Terraform JSON plan (`terraform show -json plan.out`).
 *
 * - Resources are the instances of `planned_values` (root module and nested `child_modules`), or, when
 *   `planned_values` has no readable `root_module`, the `change.after` objects of `resource_changes`.
 *   Instances whose only planned action is `delete` are left out; deposed objects are ignored.
 * - `after_unknown`, `after_sensitive` and `sensitive_values` become dotted attribute paths
 *   (`a[0].b.c`, the form of `terraformKey`) in `TerraformInfo.unknownPaths` / `sensitivePaths`.
 * - Edges (kind `terraform`) come from the `references` of `configuration` expressions: each planned
 *   instance gets the references of its configuration block, resolved inside its own module instance.
 *
 * Limits:
 * - `var.x` inside a module follows `module_calls.<m>.expressions.x` into the calling module, and
 *   `module.m.out` follows `module_calls.m.module.outputs.out.expression`; both recursively, with a
 *   visited set and a depth cap. `local.*` cannot be followed (the plan does not describe locals), and
 *   attributes of object-typed variables (`var.x.arn`) resolve to whatever the whole variable references.
 * - A reference with a literal index (`aws_s3_bucket.b[0].id`) links to that instance only. An unindexed one
 *   (`aws_s3_bucket.b[count.index]` shows up as `aws_s3_bucket.b` plus `count.index`) links to the instance with
 *   the referring instance's own index when the attribute also names `count.index`/`each.*` and such an
 *   instance exists, else to every instance of it in the same module instance. Other index expressions
 *   (`[var.i]`, `[local.k]`) are not evaluated.
 * - A module call with `count`/`for_each` is matched by module address with its index stripped; the
 *   instance index of the calling module is kept when resolving, so `module.m[0]` never links into `module.m[1]`.
 * - Sensitive values stay in the tree only: nothing here copies values out of `values`/`after`, and root
 *   variables declared `sensitive` in the configuration get no parameter default.
 *
 * Never throws on malformed input: whatever can be read is returned.
 */
export function buildPlanModel(doc: ParsedDocument): TemplateModel {
  const root = doc.root;
  const model: TemplateModel = {
    family: 'terraform-plan',
    format: 'json',
    root,
    usesShortTags: false,
    resources: [],
    byId: new Map(),
    parameters: new Map(),
    conditions: new Map(),
    edges: [],
    resourcesPath: [],
  };
  try {
    model.parameters = planParameters(root);
  } catch {
    // keep the empty map
  }
  const instances: Instance[] = [];
  try {
    instances.push(...planInstances(root));
  } catch {
    // keep what was read
  }
  model.resources = instances.map((i) => i.resource);
  model.byId = new Map(model.resources.map((r) => [r.id, r]));
  try {
    model.edges = planEdges(root, instances, model.byId);
  } catch {
    model.edges = [];
  }
  return model;
}

// ---------------------------------------------------------------------------------------------------------
// Addresses

type Key = string | number;

interface TraversalPart {
  name: string;
  /** Literal index keys (`[0]`, `["k"]`) following the name. */
  keys: Key[];
  /** True when a non-literal index (`[*]`, `[count.index]`) followed the name. */
  splat?: boolean;
}

/** Split `module.a["x"].aws_s3_bucket.b[0].id` into names with their index keys; undefined when malformed. */
function parseTraversal(text: string): TraversalPart[] | undefined {
  const parts: TraversalPart[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '[') {
      const last = parts[parts.length - 1];
      if (!last) return undefined;
      if (text[i + 1] === '"') {
        let j = i + 2;
        while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
        if (j >= n || text[j + 1] !== ']') return undefined;
        try {
          last.keys.push(String(JSON.parse(text.slice(i + 1, j + 1))));
        } catch {
          return undefined;
        }
        i = j + 2;
      } else {
        const j = text.indexOf(']', i);
        if (j < 0) return undefined;
        const content = text.slice(i + 1, j).trim();
        if (/^\d+$/.test(content)) last.keys.push(Number(content));
        else last.splat = true;
        i = j + 1;
      }
      if (text[i] === '.') i++;
      continue;
    }
    let j = i;
    while (j < n && text[j] !== '.' && text[j] !== '[') j++;
    const name = text.slice(i, j);
    if (!name) return undefined;
    parts.push({ name, keys: [] });
    i = j;
    if (text[i] === '.') i++;
  }
  return parts.length ? parts : undefined;
}

function formatKey(key: Key): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

function formatPart(part: TraversalPart): string {
  return part.name + part.keys.map(formatKey).join('');
}

interface ParsedAddress {
  /** Module instance segments, e.g. `['module.a["x"]', 'module.b']`. */
  modules: string[];
  /** The same without indexes, joined: `module.a.module.b`. */
  configModule: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  key?: Key;
}

/** Parse an absolute resource instance address. */
function parseAddress(address: string): ParsedAddress | undefined {
  const parts = parseTraversal(address);
  if (!parts) return undefined;
  const modules: string[] = [];
  const config: string[] = [];
  let i = 0;
  while (parts[i]?.name === 'module' && parts[i + 1] && parts.length - i > 2) {
    modules.push(`module.${formatPart(parts[i + 1])}`);
    config.push(`module.${parts[i + 1].name}`);
    i += 2;
  }
  let mode: 'managed' | 'data' = 'managed';
  if (parts[i]?.name === 'data' && parts.length - i >= 3) {
    mode = 'data';
    i++;
  }
  const type = parts[i];
  const name = parts[i + 1];
  if (!type || !name || parts.length !== i + 2) return undefined;
  return { modules, configModule: config.join('.'), mode, type: type.name, name: name.name, key: name.keys[0] };
}

const NON_RESOURCE_ROOTS = new Set(['local', 'each', 'count', 'path', 'terraform', 'self']);

type Reference =
  | { kind: 'resource'; base: string; key?: Key; attribute?: string }
  | { kind: 'var'; name: string }
  | { kind: 'module'; call: string; key?: Key; output?: string }
  | { kind: 'other' };

/** Classify one `references` entry of a configuration expression. */
function classifyReference(text: string): Reference {
  const parts = parseTraversal(text);
  if (!parts) return { kind: 'other' };
  const head = parts[0].name;
  if (head === 'var') return parts[1] ? { kind: 'var', name: parts[1].name } : { kind: 'other' };
  if (head === 'module') return parts[1] ? { kind: 'module', call: parts[1].name, key: parts[1].keys[0], output: parts[2]?.name } : { kind: 'other' };
  if (NON_RESOURCE_ROOTS.has(head)) return { kind: 'other' };
  let i = 0;
  let prefix = '';
  if (head === 'data') {
    prefix = 'data.';
    i = 1;
  }
  const type = parts[i];
  const name = parts[i + 1];
  if (!type || !name || type.keys.length || type.splat) return { kind: 'other' };
  const rest = parts.slice(i + 2).map(formatPart).join('.');
  return { kind: 'resource', base: `${prefix}${type.name}.${name.name}`, key: name.keys[0], attribute: rest || undefined };
}

/** The value of a string scalar (numbers and booleans are not names). */
function stringOf(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

function joinPrefix(modules: readonly string[]): string {
  return modules.length ? `${modules.join('.')}.` : '';
}

// ---------------------------------------------------------------------------------------------------------
// Resources

interface Instance {
  resource: Resource;
  /** Module instance segments (`module.a[0]`). */
  modules: string[];
  /** Module path without indexes (`module.a`), as in `configuration`. */
  configModule: string;
  /** `type.name` or `data.type.name`. */
  base: string;
}

interface Change {
  node: MapNode;
  change?: MapNode;
}

function planParameters(root: ValueNode | undefined): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  const declared = asMap(mapGet(mapGet(mapGet(root, 'configuration'), 'root_module'), 'variables'));
  for (const e of asMap(mapGet(root, 'variables'))?.entries ?? []) {
    const sensitive = mapGet(mapGet(declared, e.key), 'sensitive');
    const isSensitive = sensitive?.kind === 'scalar' && sensitive.value === true;
    const value = mapGet(e.value, 'value');
    parameters.set(e.key, {
      name: e.key,
      // Sensitive variables keep their value in the tree only.
      default: isSensitive || value === undefined ? undefined : (toPlain(value) as JsonValue),
      span: e.keySpan,
    });
  }
  return parameters;
}

function planInstances(root: ValueNode | undefined): Instance[] {
  const changes = new Map<string, Change>();
  const deleted = new Set<string>();
  const changeSeq = asSeq(mapGet(root, 'resource_changes'));
  for (const item of changeSeq?.items ?? []) {
    const node = asMap(item);
    const address = stringOf(mapGet(node, 'address'));
    if (!node || !address) continue;
    // A deposed object is an old copy being destroyed; the current instance has its own entry.
    if (scalarString(mapGet(node, 'deposed')) !== undefined) continue;
    const change = asMap(mapGet(node, 'change'));
    const actions = asSeq(mapGet(change, 'actions'));
    if (actions && actions.items.length === 1 && scalarString(actions.items[0]) === 'delete') deleted.add(address);
    if (!changes.has(address)) changes.set(address, { node, change });
  }

  const instances: Instance[] = [];
  const seen = new Set<string>();
  const add = (instance: Instance | undefined) => {
    if (!instance || seen.has(instance.resource.id) || deleted.has(instance.resource.id)) return;
    seen.add(instance.resource.id);
    instances.push(instance);
  };

  const rootModule = asMap(mapGet(asMap(mapGet(root, 'planned_values')), 'root_module'));
  if (rootModule) {
    walkPlannedModule(rootModule, ['planned_values', 'root_module'], 0, (item, path, moduleAddress) => {
      const values = asMap(mapGet(item, 'values'));
      const instance = makeInstance(item, path, [...path, 'values'], values, moduleAddress);
      if (!instance) return;
      const change = changes.get(instance.resource.id)?.change;
      const tf = instance.resource.terraform!;
      flattenTrue(mapGet(change, 'after_unknown'), '', tf.unknownPaths, 0);
      flattenTrue(mapGet(item, 'sensitive_values'), '', tf.sensitivePaths, 0);
      flattenTrue(mapGet(change, 'after_sensitive'), '', tf.sensitivePaths, 0);
      add(instance);
    });
  } else {
    changeSeq?.items.forEach((item, i) => {
      const node = asMap(item);
      if (!node || scalarString(mapGet(node, 'deposed')) !== undefined) return;
      const change = asMap(mapGet(node, 'change'));
      const path: Path = ['resource_changes', i];
      const after = asMap(mapGet(change, 'after'));
      const instance = makeInstance(node, path, [...path, 'change', 'after'], after, stringOf(mapGet(node, 'module_address')));
      if (!instance) return;
      const tf = instance.resource.terraform!;
      flattenTrue(mapGet(change, 'after_unknown'), '', tf.unknownPaths, 0);
      flattenTrue(mapGet(change, 'after_sensitive'), '', tf.sensitivePaths, 0);
      add(instance);
    });
  }
  return instances;
}

function walkPlannedModule(module: MapNode, path: Path, depth: number, visit: (item: MapNode, path: Path, moduleAddress: string | undefined) => void): void {
  if (depth > 64) return;
  const moduleAddress = stringOf(mapGet(module, 'address'));
  asSeq(mapGet(module, 'resources'))?.items.forEach((item, i) => {
    const map = asMap(item);
    if (map) visit(map, [...path, 'resources', i], moduleAddress);
  });
  asSeq(mapGet(module, 'child_modules'))?.items.forEach((item, i) => {
    const child = asMap(item);
    if (child) walkPlannedModule(child, [...path, 'child_modules', i], depth + 1, visit);
  });
}

function makeInstance(item: MapNode, path: Path, propertiesPath: Path, properties: MapNode | undefined, moduleAddress: string | undefined): Instance | undefined {
  const type = stringOf(mapGet(item, 'type'));
  if (!type) return undefined;
  const modeText = stringOf(mapGet(item, 'mode'));
  const indexNode = mapGet(item, 'index');
  const index = indexNode?.kind === 'scalar' && (typeof indexNode.value === 'number' || typeof indexNode.value === 'string') ? indexNode.value : undefined;
  let address = stringOf(mapGet(item, 'address'));
  let name = stringOf(mapGet(item, 'name'));
  let parsed = address ? parseAddress(address) : undefined;
  if (!address) {
    // Rebuild the address from its parts.
    if (!name) return undefined;
    const modulePrefix = moduleAddress ? `${moduleAddress}.` : '';
    address = `${modulePrefix}${modeText === 'data' ? 'data.' : ''}${type}.${name}${index === undefined ? '' : formatKey(index)}`;
    parsed = parseAddress(address);
  }
  name = name ?? parsed?.name ?? '';
  const mode: 'managed' | 'data' = modeText === 'data' || (modeText === undefined && parsed?.mode === 'data') ? 'data' : 'managed';
  const modules = parsed?.modules ?? (moduleAddress ? (parseTraversal(moduleAddress) ?? []).filter((_, i) => i % 2 === 1).map((p) => `module.${formatPart(p)}`) : []);
  const configModule = parsed?.configModule ?? modules.map((m) => m.replace(/\[.*$/, '')).join('.');
  const terraform: TerraformInfo = {
    address,
    modulePath: modules.join('.'),
    name,
    mode,
    unknownPaths: new Set(),
    sensitivePaths: new Set(),
    references: {},
  };
  // `index` as written in the plan; the address's own key when the field is missing.
  const key = index ?? parsed?.key;
  if (key !== undefined) terraform.index = key;
  const resource: Resource = { id: address, type, family: 'terraform-plan', path, propertiesPath, properties, dependsOn: [], terraform };
  return { resource, modules, configModule, base: `${mode === 'data' ? 'data.' : ''}${type}.${parsed?.name ?? name}` };
}

/** Add the dotted path of every `true` leaf of a boolean tree (`after_unknown`, `sensitive_values`). */
function flattenTrue(node: ValueNode | undefined, prefix: string, out: Set<string>, depth: number): void {
  if (!node || depth > 256) return;
  if (node.kind === 'scalar') {
    if (node.value === true && prefix) out.add(prefix);
  } else if (node.kind === 'map') {
    for (const e of node.entries) flattenTrue(e.value, prefix ? `${prefix}.${e.key}` : e.key, out, depth + 1);
  } else {
    node.items.forEach((item, i) => flattenTrue(item, `${prefix}[${i}]`, out, depth + 1));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Configuration references and edges

interface ConfigResource {
  /** Raw references by top-level attribute name. */
  refs: Map<string, string[]>;
  dependsOn: string[];
}

interface ConfigModule {
  parent?: string;
  callExpressions?: MapNode;
  outputs?: MapNode;
  resources: Map<string, ConfigResource>;
}

function readConfiguration(root: ValueNode | undefined): Map<string, ConfigModule> {
  const modules = new Map<string, ConfigModule>();
  const walk = (module: MapNode, path: string, parent: string | undefined, callExpressions: MapNode | undefined, depth: number) => {
    if (depth > 64 || modules.has(path)) return;
    const cm: ConfigModule = { parent, callExpressions, outputs: asMap(mapGet(module, 'outputs')), resources: new Map() };
    modules.set(path, cm);
    for (const item of asSeq(mapGet(module, 'resources'))?.items ?? []) {
      const base = configBase(item);
      if (!base || cm.resources.has(base)) continue;
      const refs = new Map<string, string[]>();
      for (const e of asMap(mapGet(item, 'expressions'))?.entries ?? []) {
        const found: string[] = [];
        collectReferences(e.value, found, 0);
        if (found.length) refs.set(e.key, [...(refs.get(e.key) ?? []), ...found]);
      }
      const dependsOn = (asSeq(mapGet(item, 'depends_on'))?.items ?? []).map(stringOf).filter((s): s is string => !!s);
      cm.resources.set(base, { refs, dependsOn });
    }
    for (const call of asMap(mapGet(module, 'module_calls'))?.entries ?? []) {
      const child = asMap(mapGet(call.value, 'module'));
      const childPath = path ? `${path}.module.${call.key}` : `module.${call.key}`;
      if (child) walk(child, childPath, path, asMap(mapGet(call.value, 'expressions')), depth + 1);
    }
  };
  const rootModule = asMap(mapGet(asMap(mapGet(root, 'configuration')), 'root_module'));
  if (rootModule) walk(rootModule, '', undefined, undefined, 0);
  return modules;
}

function configBase(item: ValueNode): string | undefined {
  const type = stringOf(mapGet(item, 'type'));
  const name = stringOf(mapGet(item, 'name'));
  if (type && name) return `${stringOf(mapGet(item, 'mode')) === 'data' ? 'data.' : ''}${type}.${name}`;
  const address = stringOf(mapGet(item, 'address'));
  const parsed = address ? parseAddress(address) : undefined;
  return parsed && !parsed.modules.length ? `${parsed.mode === 'data' ? 'data.' : ''}${parsed.type}.${parsed.name}` : undefined;
}

/** Every `references` list inside an expression or nested block (constant values are not looked into). */
function collectReferences(node: ValueNode | undefined, out: string[], depth: number): void {
  if (!node || depth > 256) return;
  if (node.kind === 'seq') {
    for (const item of node.items) collectReferences(item, out, depth + 1);
  } else if (node.kind === 'map') {
    for (const e of node.entries) {
      if (e.key === 'constant_value') continue;
      if (e.key === 'references' && e.value.kind === 'seq') {
        for (const r of e.value.items) {
          const s = stringOf(r);
          if (s) out.push(s);
        }
        continue;
      }
      collectReferences(e.value, out, depth + 1);
    }
  }
}

interface Target {
  to: string;
  attribute?: string;
}

/** Variable and module-output hops followed for one reference. */
const MAX_RESOLVE_DEPTH = 32;

class ReferenceResolver {
  private readonly byBase = new Map<string, string[]>();
  /** Each reference text is classified once: it is read again for every instance of its resource and by `resolveList`. */
  private readonly classified = new Map<string, Reference>();
  /** `childConfigModule|parentInstancePath` → instance segments of that child module. */
  private readonly moduleInstances = new Map<string, string[][]>();

  constructor(
    private readonly config: Map<string, ConfigModule>,
    instances: Instance[],
    private readonly byId: Map<string, Resource>,
  ) {
    const seenModules = new Set<string>();
    for (const i of instances) {
      const key = `${i.modules.join('.')}|${i.base}`;
      const list = this.byBase.get(key);
      if (list) list.push(i.resource.id);
      else this.byBase.set(key, [i.resource.id]);
      for (let k = 1; k <= i.modules.length; k++) {
        const segments = i.modules.slice(0, k);
        const full = segments.join('.');
        if (seenModules.has(full)) continue;
        seenModules.add(full);
        const cfg = segments.map(stripIndex).join('.');
        const mapKey = `${cfg}|${segments.slice(0, -1).join('.')}`;
        const known = this.moduleInstances.get(mapKey);
        if (known) known.push(segments);
        else this.moduleInstances.set(mapKey, [segments]);
      }
    }
  }

  /**
   * Resource instances a list of references (one attribute's, written in `configModule`, evaluated in module
   * instance `modules`) points at. Terraform lists an indexed reference together with its containing resource
   * (`aws_s3_bucket.b[0].id`, `aws_s3_bucket.b[0]`, `aws_s3_bucket.b`): the unindexed entry then adds nothing.
   * `instanceKey` is the index of the referring instance: when the list also names `count.index` (or
   * `each.key`/`each.value`), an unindexed reference picks the target instance with the same index if any.
   */
  resolveList(raws: readonly string[], configModule: string, modules: string[], instanceKey?: Key, seen = new Set<string>(), depth = 0): Target[] {
    if (depth > MAX_RESOLVE_DEPTH) return [];
    const refs = raws.map((raw) => ({ raw, ref: this.classify(raw) }));
    const indexed = new Set<string>();
    for (const { ref } of refs) if (ref.kind === 'resource' && ref.key !== undefined) indexed.add(ref.base);
    const usesCount = raws.includes('count.index') && typeof instanceKey === 'number';
    const usesEach = (raws.includes('each.key') || raws.includes('each.value')) && typeof instanceKey === 'string';
    const hint = usesCount || usesEach ? instanceKey : undefined;
    const out: Target[] = [];
    for (const { raw, ref } of refs) {
      if (ref.kind === 'resource' && ref.key === undefined && indexed.has(ref.base)) continue;
      out.push(...this.resolveOne(raw, ref, configModule, modules, hint, seen, depth));
    }
    return out;
  }

  classify(raw: string): Reference {
    let ref = this.classified.get(raw);
    if (!ref) this.classified.set(raw, (ref = classifyReference(raw)));
    return ref;
  }

  private resolveOne(raw: string, ref: Reference, configModule: string, modules: string[], hint: Key | undefined, seen: Set<string>, depth: number): Target[] {
    const visitKey = `${raw}|${configModule}|${modules.join('.')}`;
    if (seen.has(visitKey)) return [];
    seen.add(visitKey);
    switch (ref.kind) {
      case 'resource': {
        const prefix = joinPrefix(modules);
        const withAttribute = (to: string): Target => (ref.attribute ? { to, attribute: ref.attribute } : { to });
        if (ref.key !== undefined) {
          const id = `${prefix}${ref.base}${formatKey(ref.key)}`;
          return this.byId.has(id) ? [withAttribute(id)] : [];
        }
        if (hint !== undefined) {
          const id = `${prefix}${ref.base}${formatKey(hint)}`;
          if (this.byId.has(id)) return [withAttribute(id)];
        }
        return (this.byBase.get(`${modules.join('.')}|${ref.base}`) ?? []).map(withAttribute);
      }
      case 'var': {
        const cm = this.config.get(configModule);
        if (!configModule || !cm || cm.parent === undefined) return [];
        const found: string[] = [];
        collectReferences(mapGet(cm.callExpressions, ref.name), found, 0);
        const parentModules = modules.slice(0, -1);
        // The calling module's own instance key stands for `count.index`/`each.*` in the call's arguments.
        const callKey = parseTraversal(modules[modules.length - 1] ?? '')?.[1]?.keys[0];
        return this.resolveList(found, cm.parent, parentModules, callKey, seen, depth + 1);
      }
      case 'module': {
        if (!ref.output) return [];
        const childConfig = configModule ? `${configModule}.module.${ref.call}` : `module.${ref.call}`;
        const cm = this.config.get(childConfig);
        if (!cm) return [];
        const found: string[] = [];
        collectReferences(mapGet(mapGet(cm.outputs, ref.output), 'expression'), found, 0);
        if (!found.length) return [];
        let children = this.moduleInstances.get(`${childConfig}|${modules.join('.')}`) ?? [];
        if (ref.key !== undefined) {
          const wanted = `module.${ref.call}${formatKey(ref.key)}`;
          children = children.filter((c) => c[c.length - 1] === wanted);
        }
        return children.flatMap((child) => this.resolveList(found, childConfig, child, undefined, seen, depth + 1));
      }
      default:
        return [];
    }
  }
}

function stripIndex(segment: string): string {
  const i = segment.indexOf('[');
  return i < 0 ? segment : segment.slice(0, i);
}

function planEdges(root: ValueNode | undefined, instances: Instance[], byId: Map<string, Resource>): Edge[] {
  const config = readConfiguration(root);
  if (!config.size) return [];
  const resolver = new ReferenceResolver(config, instances, byId);
  const edges: Edge[] = [];
  for (const instance of instances) {
    const cr = config.get(instance.configModule)?.resources.get(instance.base);
    if (!cr) continue;
    const r = instance.resource;
    const tf = r.terraform!;
    const prefix = joinPrefix(instance.modules);
    for (const [name, raws] of cr.refs) {
      const listed: string[] = [];
      for (const raw of raws) {
        const ref = resolver.classify(raw);
        if (ref.kind === 'resource') listed.push(`${prefix}${ref.base}${ref.key === undefined ? '' : formatKey(ref.key)}`);
        else {
          listed.push(raw);
          // References through variables and module outputs also name the resources they reach.
          if (ref.kind === 'var' || ref.kind === 'module') listed.push(...resolver.resolveList([raw], instance.configModule, instance.modules).map((t) => t.to));
        }
      }
      tf.references[name] = [...new Set(listed)];
      // Target → the attributes of it this one attribute names ('' when only the bare resource was named).
      const grouped = new Map<string, Set<string>>();
      for (const t of resolver.resolveList(raws, instance.configModule, instance.modules, tf.index)) {
        if (t.to === r.id) continue;
        const attributes = grouped.get(t.to) ?? grouped.set(t.to, new Set()).get(t.to)!;
        attributes.add(t.attribute ?? '');
      }
      for (const [to, attributes] of grouped) {
        const named = [...attributes].filter((a) => a);
        const path: Path = [...r.propertiesPath, name];
        if (named.length) for (const attribute of named) edges.push({ from: r.id, to, path, kind: 'terraform', attribute });
        else edges.push({ from: r.id, to, path, kind: 'terraform' });
      }
    }
    const dependsOn: string[] = [];
    for (const t of resolver.resolveList(cr.dependsOn, instance.configModule, instance.modules)) if (t.to !== r.id) dependsOn.push(t.to);
    r.dependsOn = [...new Set(dependsOn)];
  }
  return edges;
}
