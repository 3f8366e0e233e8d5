import type { Edge } from '../../../rules/kit/rule';
import type { Family, JsonValue, MapNode, Path, Resource, ValueNode } from '../../../rules/kit/types';
import { asMap, mapGet, scalarString, toPlain } from '../parse/tree';
import type { ParsedDocument } from '../parse/tree';
import { intrinsicOf } from './intrinsics';
import type { Parameter, TemplateModel } from './model';
import { applySamGlobals, samImpliedResources } from './sam';

/** Build the resource model of a CloudFormation or SAM template. */
export function buildCfnModel(doc: ParsedDocument, family: Family, parameterValues: Record<string, string> = {}): TemplateModel {
  const root = doc.root;
  const parameters = new Map<string, Parameter>();
  for (const e of asMap(mapGet(root, 'Parameters'))?.entries ?? []) {
    const allowed = toPlain(mapGet(e.value, 'AllowedValues'));
    const def = mapGet(e.value, 'Default');
    parameters.set(e.key, {
      name: e.key,
      type: scalarString(mapGet(e.value, 'Type')),
      default: def === undefined ? undefined : (toPlain(def) as JsonValue),
      allowedValues: Array.isArray(allowed) ? (allowed as JsonValue[]) : undefined,
      given: parameterValues[e.key],
      span: e.keySpan,
    });
  }
  const conditions = new Map<string, ValueNode>();
  for (const e of asMap(mapGet(root, 'Conditions'))?.entries ?? []) conditions.set(e.key, e.value);

  const globals = family === 'sam' ? asMap(mapGet(root, 'Globals')) : undefined;
  const resources: Resource[] = [];
  for (const e of asMap(mapGet(root, 'Resources'))?.entries ?? []) {
    const type = scalarString(mapGet(e.value, 'Type'));
    if (!type) continue;
    const path: Path = ['Resources', e.key];
    let properties = asMap(mapGet(e.value, 'Properties'));
    if (globals) properties = applySamGlobals(type, properties, globals);
    const dependsOn = toPlain(mapGet(e.value, 'DependsOn'));
    resources.push({
      id: e.key,
      type,
      family,
      path,
      propertiesPath: [...path, 'Properties'],
      properties,
      metadata: asMap(mapGet(e.value, 'Metadata')),
      condition: scalarString(mapGet(e.value, 'Condition')),
      deletionPolicy: scalarString(mapGet(e.value, 'DeletionPolicy')),
      updateReplacePolicy: scalarString(mapGet(e.value, 'UpdateReplacePolicy')),
      dependsOn: Array.isArray(dependsOn) ? dependsOn.map(String) : typeof dependsOn === 'string' ? [dependsOn] : [],
    });
  }
  if (family === 'sam') resources.push(...samImpliedResources(resources));
  const byId = new Map(resources.map((r) => [r.id, r]));
  const model: TemplateModel = {
    family,
    format: doc.format,
    root,
    usesShortTags: doc.usesShortTags,
    resources,
    byId,
    parameters,
    mappings: asMap(mapGet(root, 'Mappings')),
    conditions,
    outputs: asMap(mapGet(root, 'Outputs')),
    metadata: asMap(mapGet(root, 'Metadata')),
    globals,
    edges: [],
    resourcesPath: ['Resources'],
  };
  model.edges = cfnEdges(model);
  return model;
}

/** Reference edges: Ref, GetAtt and Sub variables naming a resource; DependsOn kept apart; SAM event sources marked. */
function cfnEdges(model: TemplateModel): Edge[] {
  const edges: Edge[] = [];
  for (const r of model.resources) {
    if (r.implicitFrom) {
      edges.push({ from: r.implicitFrom, to: r.id, path: model.byId.get(r.implicitFrom)?.path ?? r.path, kind: 'implicit' });
      continue;
    }
    if (r.properties) collect(r.properties, [...r.propertiesPath], r.id, model, edges);
    for (const d of r.dependsOn) if (model.byId.has(d)) edges.push({ from: r.id, to: d, path: [...r.path, 'DependsOn'], kind: 'depends-on' });
  }
  return edges;
}

function collect(node: ValueNode, path: Path, from: string, model: TemplateModel, edges: Edge[], depth = 0): void {
  if (depth > 200) return;
  const intrinsic = intrinsicOf(node);
  const inEvents = path.includes('Events');
  if (intrinsic) {
    const { fn, arg } = intrinsic;
    const add = (to: string, kind: Edge['kind'], attribute?: string) => {
      if (to !== from && model.byId.has(to)) edges.push({ from, to, path, kind: inEvents ? 'event' : kind, attribute });
    };
    if (fn === 'Ref' && arg.kind === 'scalar') add(String(arg.value), 'ref');
    else if (fn === 'Fn::GetAtt') {
      const plain = toPlain(arg);
      const parts = Array.isArray(plain) ? plain.map(String) : String(plain).split('.');
      add(parts[0], 'getatt', parts.slice(1).join('.'));
    } else if (fn === 'Fn::Sub') {
      const template = arg.kind === 'scalar' ? String(arg.value) : arg.kind === 'seq' && arg.items[0]?.kind === 'scalar' ? String(arg.items[0].value) : '';
      const locals = arg.kind === 'seq' ? arg.items[1] : undefined;
      for (const m of template.matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const [name, ...attr] = m[1].split('.');
        if (!mapGet(locals, name)) add(name, 'sub', attr.join('.') || undefined);
      }
    }
  }
  if (node.kind === 'seq') node.items.forEach((item, i) => collect(item, [...path, i], from, model, edges, depth + 1));
  else if (node.kind === 'map') for (const e of node.entries) collect(e.value, [...path, e.key], from, model, edges, depth + 1);
}

export type { MapNode };
