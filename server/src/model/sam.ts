import type { MapEntry, MapNode, Resource } from '../../../rules/kit/types';
import { asMap, mapGet } from '../parse/tree';

/** SAM resource types and the `Globals` section that applies to each. */
const GLOBALS_SECTION: Record<string, string> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
};

/**
 * Merge `Globals` into a resource's properties the way SAM does: the resource's own value wins for
 * scalars, maps merge key by key, lists are concatenated (globals first). Global nodes keep their own
 * spans, so a finding on a global value points at `Globals`.
 */
export function applySamGlobals(type: string, properties: MapNode | undefined, globals: MapNode): MapNode | undefined {
  const section = asMap(mapGet(globals, GLOBALS_SECTION[type] ?? ''));
  if (!section) return properties;
  if (!properties) return { kind: 'map', entries: section.entries.slice(), span: section.span };
  return mergeMaps(section, properties);
}

function mergeMaps(base: MapNode, own: MapNode): MapNode {
  const entries: MapEntry[] = [];
  const ownKeys = new Map(own.entries.map((e) => [e.key, e]));
  for (const g of base.entries) {
    const o = ownKeys.get(g.key);
    if (!o) entries.push(g);
  }
  for (const o of own.entries) {
    const g = base.entries.find((e) => e.key === o.key);
    if (g && g.value.kind === 'map' && o.value.kind === 'map' && !o.value.shortTag && !isIntrinsicMap(o.value)) {
      entries.push({ ...o, value: mergeMaps(g.value, o.value) });
    } else if (g && g.value.kind === 'seq' && o.value.kind === 'seq') {
      entries.push({ ...o, value: { kind: 'seq', items: [...g.value.items, ...o.value.items], span: o.value.span } });
    } else entries.push(o);
  }
  return { kind: 'map', entries, span: own.span };
}

function isIntrinsicMap(m: MapNode): boolean {
  return m.entries.length === 1 && (m.entries[0].key === 'Ref' || m.entries[0].key.startsWith('Fn::'));
}

/** Resources SAM creates without them appearing in the template: a function's role (unless given) and its log group. */
export function samImpliedResources(resources: Resource[]): Resource[] {
  const implied: Resource[] = [];
  const groups = logGroupIndex(resources);
  for (const r of resources) {
    if (r.type !== 'AWS::Serverless::Function' && r.type !== 'AWS::Serverless::StateMachine') continue;
    if (!mapGet(r.properties, 'Role')) {
      implied.push({ id: `${r.id}Role`, type: 'AWS::IAM::Role', family: r.family, path: r.path, propertiesPath: r.propertiesPath, dependsOn: [], implicitFrom: r.id });
    }
    if (r.type === 'AWS::Serverless::Function') {
      // Lambda creates /aws/lambda/<name> only when the function does not log to a group of its own.
      const ownGroup = !!mapGet(mapGet(r.properties, 'LoggingConfig'), 'LogGroup');
      const name = mapGet(r.properties, 'FunctionName');
      const literal = name?.kind === 'scalar' && name.value !== null ? `/aws/lambda/${name.value}` : undefined;
      const explicit = ownGroup || (literal !== undefined && groups.names.has(literal)) || groups.namesFunction(r.id);
      if (!explicit) {
        implied.push({ id: `${r.id}LogGroup`, type: 'AWS::Logs::LogGroup', family: r.family, path: r.path, propertiesPath: r.propertiesPath, dependsOn: [], implicitFrom: r.id });
      }
    }
  }
  return implied;
}

/**
 * The log groups' names, indexed once so the test for each function does not scan every log group: exact
 * names, and whether a name under `/aws/lambda/` contains a given function id anywhere.
 */
function logGroupIndex(resources: Resource[]): { names: Set<string>; namesFunction: (id: string) => boolean } {
  const names = new Set<string>();
  const lambdaNames: string[] = [];
  const functionIds = new Set<string>();
  for (const r of resources) {
    if (r.type === 'AWS::Serverless::Function') functionIds.add(r.id);
    if (r.type !== 'AWS::Logs::LogGroup') continue;
    for (const n of logGroupNames(r)) {
      names.add(n);
      if (n.includes('/aws/lambda/')) lambdaNames.push(n);
    }
  }
  let contained: Set<string> | undefined;
  return { names, namesFunction: (id) => (contained ??= idsContainedIn(lambdaNames, functionIds)).has(id) };
}

/**
 * The ids that occur as a substring of some name. An occurrence lies inside a run of characters that ids use, so
 * only the substrings of such runs with the length of some id are looked up.
 */
function idsContainedIn(names: string[], ids: Set<string>): Set<string> {
  const found = new Set<string>();
  if (!names.length) return found;
  const lengths = [...new Set([...ids].map((id) => id.length))];
  const alphabet = new Set([...ids].join('').split(''));
  for (const n of names) {
    let start = 0;
    for (let i = 0; i <= n.length; i++) {
      if (i < n.length && alphabet.has(n[i])) continue;
      for (const length of lengths) for (let s = start; s + length <= i; s++) if (ids.has(n.slice(s, s + length))) found.add(n.slice(s, s + length));
      start = i + 1;
    }
  }
  return found;
}

function logGroupNames(r: Resource): string[] {
  const name = mapGet(r.properties, 'LogGroupName');
  if (!name) return [];
  return name.kind === 'scalar' && name.value !== null ? [String(name.value)] : [JSON.stringify(name)];
}
