// Explicit PHI declarations: project config, resource Metadata, tags, template Metadata.
import type { MapNode, PhiStep, Resolved, Resource, ValueNode } from '../../../rules/kit/types';
import type { PhiSettings } from '../engine/config';
import { matchesResource } from '../engine/patterns';
import type { Resolver } from '../model/intrinsics';
import { asMap, mapEntry, mapGet, scalarString } from '../parse/tree';

export const METADATA_KEY = 'hipaa-lint';

export interface Declaration {
  phi: boolean;
  step: PhiStep;
}

const TRUE = new Set(['true', 'yes', '1', 'y', 'on']);
const FALSE = new Set(['false', 'no', '0', 'n', 'off']);

/** The strongest declaration for a resource: config, then its Metadata, then its tags. */
export function declarationOf(resource: Resource, settings: PhiSettings, resolver: Resolver): Declaration | undefined {
  return fromConfig(resource, settings) ?? fromMetadata(resource, resolver) ?? fromTags(resource, settings, resolver);
}

function fromConfig(resource: Resource, settings: PhiSettings): Declaration | undefined {
  const no = settings.noPhiResources.find((p) => matchesResource(p, resource.id));
  if (no) return { phi: false, step: { resource: resource.id, path: [], why: `declared to hold no PHI by the config entry "${no}"` } };
  const yes = settings.resources.find((p) => matchesResource(p, resource.id));
  if (yes) return { phi: true, step: { resource: resource.id, path: [], why: `declared PHI by the config entry "${yes}"` } };
  return undefined;
}

function fromMetadata(resource: Resource, resolver: Resolver): Declaration | undefined {
  const entry = mapEntry(asMap(resource.metadata), METADATA_KEY);
  const phi = mapEntry(asMap(entry?.value), 'phi');
  if (!phi) return undefined;
  const value = truth(resolver.resolve(phi.value));
  if (value === undefined) return undefined;
  const path = [...resource.path, 'Metadata', METADATA_KEY, 'phi'];
  return { phi: value, step: { resource: resource.id, path, why: value ? 'declared PHI in its Metadata (hipaa-lint.phi: true)' : 'declared to hold no PHI in its Metadata (hipaa-lint.phi: false)' } };
}

/** Template-level `Metadata: { hipaa-lint: { phi: true } }`: every data store and carrier of the file. */
export function templateDeclaration(metadata: MapNode | undefined, resolver: Resolver): boolean | undefined {
  const phi = mapGet(asMap(mapGet(metadata, METADATA_KEY)), 'phi');
  return phi ? truth(resolver.resolve(phi)) : undefined;
}

interface TagVocabulary {
  /** The four lists it was made from: a config that replaces one (the config file is read into defaults) gets a new vocabulary. */
  from: string[][];
  classification: Set<string>;
  booleans: Set<string>;
  phiValues: Set<string>;
  noPhiValues: Set<string>;
}

const vocabularies = new WeakMap<PhiSettings, TagVocabulary>();

/** The settings' tag keys and values, lower-cased once per settings object rather than once per resource. */
function vocabularyOf(settings: PhiSettings): TagVocabulary {
  const from = [settings.classificationTagKeys, settings.booleanTagKeys, settings.phiValues, settings.noPhiValues];
  let v = vocabularies.get(settings);
  if (!v || v.from.some((list, i) => list !== from[i])) {
    const lower = (list: string[]) => new Set(list.map((k) => k.toLowerCase()));
    v = { from, classification: lower(settings.classificationTagKeys), booleans: lower(settings.booleanTagKeys), phiValues: lower(settings.phiValues), noPhiValues: lower(settings.noPhiValues) };
    vocabularies.set(settings, v);
  }
  return v;
}

function fromTags(resource: Resource, settings: PhiSettings, resolver: Resolver): Declaration | undefined {
  const { classification, booleans, phiValues, noPhiValues } = vocabularyOf(settings);
  let negative: Declaration | undefined;
  for (const tag of tagsOf(resource, (key) => classification.has(key) || booleans.has(key))) {
    const isClass = classification.has(tag.key.toLowerCase());
    for (const value of strings(resolver.resolve(tag.value))) {
      const v = value.toLowerCase();
      const says = isClass ? (phiValues.has(v) ? true : noPhiValues.has(v) ? false : undefined) : TRUE.has(v) ? true : FALSE.has(v) ? false : undefined;
      if (says === undefined) continue;
      const step: PhiStep = { resource: resource.id, path: tag.path, why: says ? `declared PHI by its tag ${tag.key}=${value}` : `declared to hold no PHI by its tag ${tag.key}=${value}` };
      // A tag that may say PHI (one branch of a condition) wins over one that says none.
      if (says) return { phi: true, step };
      negative ??= { phi: false, step };
    }
  }
  return negative;
}

interface Tag {
  key: string;
  value: ValueNode | undefined;
  path: (string | number)[];
}

/** List-form `[{Key, Value}]` and map-form tags; Terraform `tags` and `tags_all`; those whose lower-cased key `wanted` accepts. */
function tagsOf(resource: Resource, wanted: (lowerCaseKey: string) => boolean): Tag[] {
  const names = resource.family === 'terraform-plan' ? ['tags', 'tags_all'] : ['Tags'];
  const out: Tag[] = [];
  for (const name of names) {
    const node = mapGet(resource.properties, name);
    const base = resource.propertiesPath;
    if (node?.kind === 'seq') {
      node.items.forEach((item, i) => {
        const key = scalarString(mapGet(item, 'Key'));
        if (key !== undefined && wanted(key.toLowerCase())) out.push({ key, value: mapGet(item, 'Value'), path: [...base, name, i, 'Value'] });
      });
    } else if (node?.kind === 'map' && !isIntrinsicMap(node)) {
      for (const e of node.entries) if (wanted(e.key.toLowerCase())) out.push({ key: e.key, value: e.value, path: [...base, name, e.key] });
    }
  }
  return out;
}

function isIntrinsicMap(node: MapNode): boolean {
  return node.entries.length === 1 && (node.entries[0].key === 'Ref' || node.entries[0].key.startsWith('Fn::'));
}

function strings(r: Resolved): string[] {
  if (r.kind === 'known') return typeof r.value === 'string' || typeof r.value === 'boolean' || typeof r.value === 'number' ? [String(r.value)] : [];
  if (r.kind === 'oneOf') return r.options.flatMap(strings);
  return [];
}

function truth(r: Resolved): boolean | undefined {
  const values = strings(r).map((s) => s.toLowerCase());
  if (values.some((v) => TRUE.has(v))) return true;
  if (values.length && values.every((v) => FALSE.has(v))) return false;
  return undefined;
}
