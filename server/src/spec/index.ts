import * as fs from 'fs';
import * as path from 'path';

/** What hovers and fix safety need from the CloudFormation spec, per resource type. */
export interface TypeSpec {
  description?: string;
  docUrl?: string;
  properties: Record<string, { doc?: string; updateType?: string; docUrl?: string }>;
}

export type SpecIndex = Record<string, TypeSpec>;

let loaded: SpecIndex | undefined;

/**
 * The only reader of `@aws-cdk/cfnspec`. The bundled extension ships a compact extract (`cfn-spec.json`, written
 * at build time next to the server bundle); the CLI reads the package itself. Loaded on first use so a cold
 * start that needs no hover does not pay for it.
 */
export function specIndex(): SpecIndex {
  if (loaded) return loaded;
  const extract = path.join(__dirname, 'cfn-spec.json');
  if (fs.existsSync(extract)) loaded = JSON.parse(fs.readFileSync(extract, 'utf8')) as SpecIndex;
  else {
    try {
      loaded = buildSpecIndex();
    } catch {
      loaded = {};
    }
  }
  return loaded;
}

/** Build the compact index from `@aws-cdk/cfnspec` (also used by the bundler to write the extract). */
export function buildSpecIndex(): SpecIndex {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const cfnspec = require('@aws-cdk/cfnspec');
  const spec = cfnspec.specification() as { ResourceTypes: Record<string, { Documentation?: string; Properties?: Record<string, { Documentation?: string; UpdateType?: string }> }> };
  const docFile = require.resolve('@aws-cdk/cfnspec/spec/cfn-docs.json');
  const cfnDocs = JSON.parse(fs.readFileSync(docFile, 'utf8')).Types as Record<string, { description?: string; properties?: Record<string, string> }>;
  const out: SpecIndex = {};
  for (const [type, def] of Object.entries(spec.ResourceTypes)) {
    const d = cfnDocs[type];
    const properties: TypeSpec['properties'] = {};
    for (const [name, p] of Object.entries(def.Properties ?? {})) {
      properties[name] = { doc: firstParagraph(d?.properties?.[name]), updateType: p.UpdateType, docUrl: p.Documentation };
    }
    out[type] = { description: firstParagraph(d?.description), docUrl: def.Documentation, properties };
  }
  return out;
}

function firstParagraph(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const p = text.split(/\n\s*\n/)[0].trim();
  return p.length > 600 ? `${p.slice(0, 597)}…` : p;
}

/** `Immutable` means changing the property replaces the resource (and, for a data store, the data in it). */
export function updateType(type: string, property: string): string | undefined {
  return specIndex()[type]?.properties[property]?.updateType;
}

export function propertyDoc(type: string, property: string): { doc?: string; updateType?: string; docUrl?: string } | undefined {
  return specIndex()[type]?.properties[property];
}

export function resourceDoc(type: string): { description?: string; docUrl?: string } | undefined {
  const t = specIndex()[type];
  return t ? { description: t.description, docUrl: t.docUrl } : undefined;
}
