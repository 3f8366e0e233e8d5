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
      const explicit = ownGroup || resources.some((other) => other.type === 'AWS::Logs::LogGroup' && logGroupNames(other).some((n) => n === literal || (n.includes('/aws/lambda/') && n.includes(r.id))));
      if (!explicit) {
        implied.push({ id: `${r.id}LogGroup`, type: 'AWS::Logs::LogGroup', family: r.family, path: r.path, propertiesPath: r.propertiesPath, dependsOn: [], implicitFrom: r.id });
      }
    }
  }
  return implied;
}

function logGroupNames(r: Resource): string[] {
  const name = mapGet(r.properties, 'LogGroupName');
  if (!name) return [];
  return name.kind === 'scalar' && name.value !== null ? [String(name.value)] : [JSON.stringify(name)];
}
