import type { Edge } from '../../../rules/kit/rule';
import type { Family, JsonValue, MapNode, Path, Resource, Span, ValueNode } from '../../../rules/kit/types';
import { asMap, mapEntry, mapGet, scalarString, toPlain } from '../parse/tree';
import type { ParsedDocument } from '../parse/tree';
import { intrinsicOf, subVariables } from './intrinsics';
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
  const shapeIssues = shapeOf(root);
  const declared = asMap(mapGet(root, 'Resources'))?.entries ?? [];
  // A duplicated logical ID is reported by the parser; as there, the later declaration is the one analysed.
  const last = new Map(declared.map((e, i) => [e.key, i]));
  for (const [i, e] of declared.entries()) {
    if (last.get(e.key) !== i) continue;
    const typeNode = mapGet(e.value, 'Type');
    const type = typeNode?.kind === 'scalar' && typeof typeNode.value === 'string' ? typeNode.value : undefined;
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
    shapeIssues,
  };
  model.edges = cfnEdges(model);
  return model;
}

const KIND_NAMES = { map: 'a mapping', seq: 'a list', scalar: 'a single value' } as const;

/** What CloudFormation would reject before any check could apply: a resource that is not read says so. */
function shapeOf(root: ValueNode | undefined): { message: string; span: Span }[] {
  const issues: { message: string; span: Span }[] = [];
  const section = mapEntry(root, 'Resources');
  if (!section) return issues;
  if (section.value.kind !== 'map') {
    issues.push({ message: `Resources must be a mapping of logical IDs to resources, not ${KIND_NAMES[section.value.kind]}; nothing in it was analysed.`, span: section.keySpan });
    return issues;
  }
  for (const e of section.value.entries) {
    if (e.value.kind !== 'map') {
      issues.push({ message: `Resource ${e.key} must be a mapping with a Type, not ${KIND_NAMES[e.value.kind]}; it was not analysed.`, span: e.keySpan });
      continue;
    }
    const type = mapEntry(e.value, 'Type');
    if (!type) issues.push({ message: `Resource ${e.key} has no Type; it was not analysed.`, span: e.keySpan });
    else if (type.value.kind !== 'scalar' || typeof type.value.value !== 'string') {
      issues.push({ message: `The Type of resource ${e.key} must be a type name such as AWS::S3::Bucket, not ${type.value.kind === 'scalar' ? 'a number or boolean' : KIND_NAMES[type.value.kind]}; it was not analysed.`, span: type.keySpan });
    }
    const properties = mapEntry(e.value, 'Properties');
    if (properties && properties.value.kind !== 'map' && !(properties.value.kind === 'scalar' && properties.value.value === null)) {
      issues.push({ message: `The Properties of resource ${e.key} must be a mapping, not ${KIND_NAMES[properties.value.kind]}; its checks read them as empty.`, span: properties.keySpan });
    }
  }
  return issues;
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

/** `path` is a stack shared by the walk (copied only into an edge), so visiting a node allocates nothing. */
function collect(node: ValueNode, path: (string | number)[], from: string, model: TemplateModel, edges: Edge[], depth = 0, inEvents = false): void {
  if (depth > 200) return;
  const intrinsic = intrinsicOf(node);
  if (intrinsic) {
    const { fn, arg } = intrinsic;
    const add = (to: string, kind: Edge['kind'], attribute?: string) => {
      if (to !== from && model.byId.has(to)) edges.push({ from, to, path: [...path], kind: inEvents ? 'event' : kind, attribute });
    };
    if (fn === 'Ref' && arg.kind === 'scalar') add(String(arg.value), 'ref');
    else if (fn === 'Fn::GetAtt') {
      const plain = toPlain(arg);
      const parts = Array.isArray(plain) ? plain.map(String) : String(plain).split('.');
      add(parts[0], 'getatt', parts.slice(1).join('.'));
    } else if (fn === 'Fn::Sub') {
      const template = arg.kind === 'scalar' ? String(arg.value) : arg.kind === 'seq' && arg.items[0]?.kind === 'scalar' ? String(arg.items[0].value) : '';
      const locals = arg.kind === 'seq' ? arg.items[1] : undefined;
      for (const { name, attribute } of subVariables(template)) if (!mapGet(locals, name)) add(name, 'sub', attribute);
    }
  }
  if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      path.push(i);
      collect(item, path, from, model, edges, depth + 1, inEvents);
      path.pop();
    });
  } else if (node.kind === 'map') {
    for (const e of node.entries) {
      path.push(e.key);
      collect(e.value, path, from, model, edges, depth + 1, inEvents || e.key === 'Events');
      path.pop();
    }
  }
}

export type { MapNode };
