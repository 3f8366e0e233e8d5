// The PHI stage: declarations → propagation along data flows → inference → defaults. Rules read the verdicts.
import type { Edge } from '../../../rules/kit/rule';
import type { PhiStep, PhiVerdict, Resource } from '../../../rules/kit/types';
import type { PhiSettings } from '../engine/config';
import type { TemplateModel } from '../model/model';
import type { Resolver } from '../model/intrinsics';
import { carriesData, dataClassOf } from './data-classes';
import { declarationOf, templateDeclaration, type Declaration } from './declarations';
import { dataLinks, edgesBySource, type Link } from './links';
import { inferredStep } from './inference';

export interface PhiInput {
  model: TemplateModel;
  resolver: Resolver;
  settings: PhiSettings;
  maxDepth: number;
}

export function computePhi(input: PhiInput): Record<string, PhiVerdict> {
  const { model, resolver, settings, maxDepth } = input;
  const verdicts = new Map<string, PhiVerdict>();
  const declared = declarations(model, settings, resolver);
  for (const [id, d] of declared) verdicts.set(id, { verdict: d.phi ? 'phi' : 'no-phi', chain: [d.step] });

  const links = dataLinks(model, resolver);
  const blocked = (id: string) => declared.has(id) || !accepts(model.byId.get(id));
  spread('phi', [...declared].filter(([, d]) => d.phi).map(([id]) => id), verdicts, links, blocked, maxDepth);

  if (settings.mode === 'all') {
    for (const r of model.resources) {
      if (verdicts.has(r.id) || !carriesData(r.type)) continue;
      verdicts.set(r.id, { verdict: 'phi', chain: [{ resource: r.id, path: r.path, why: "assumed PHI: mode 'all' treats every resource that can store or carry customer data as PHI" }] });
    }
  } else if (settings.mode === 'inferred' && settings.inferFromNames) {
    const seeds: string[] = [];
    for (const r of model.resources) {
      if (verdicts.has(r.id) || !carriesData(r.type)) continue;
      const step = inferredStep(r, settings.nameWords, resolver);
      if (step) {
        verdicts.set(r.id, { verdict: 'possible', chain: [step] });
        seeds.push(r.id);
      }
    }
    spread('possible', seeds, verdicts, links, blocked, maxDepth);
  }

  markKeys(model, verdicts);
  const out: Record<string, PhiVerdict> = {};
  for (const r of model.resources) out[r.id] = verdicts.get(r.id) ?? fallback(r);
  return out;
}

function declarations(model: TemplateModel, settings: PhiSettings, resolver: Resolver): Map<string, Declaration> {
  const out = new Map<string, Declaration>();
  const templateWide = templateDeclaration(model.metadata, resolver);
  for (const r of model.resources) {
    const own = declarationOf(r, settings, resolver);
    if (own) out.set(r.id, own);
    else if (templateWide !== undefined && carriesData(r.type)) {
      out.set(r.id, { phi: templateWide, step: { resource: r.id, path: ['Metadata', 'hipaa-lint', 'phi'], why: templateWide ? 'declared PHI by the template Metadata (hipaa-lint.phi: true), which covers every data store and carrier in the file' : 'declared to hold no PHI by the template Metadata (hipaa-lint.phi: false)' } });
    }
  }
  return out;
}

/** Only resources that can hold or move data receive PHI; IAM, networking and keys do not. */
function accepts(r: Resource | undefined): boolean {
  if (!r) return false;
  const c = dataClassOf(r.type);
  return c !== 'no-data' && c !== 'key';
}

/** Breadth-first, so every resource gets its shortest chain; visited-set makes cycles harmless. */
function spread(level: 'phi' | 'possible', seeds: string[], verdicts: Map<string, PhiVerdict>, links: Map<string, Link[]>, blocked: (id: string) => boolean, maxDepth: number): void {
  let frontier = seeds;
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      const here = verdicts.get(id)!;
      for (const link of links.get(id) ?? []) {
        if (blocked(link.to)) continue;
        const existing = verdicts.get(link.to);
        if (existing && existing.verdict !== 'unknown') continue;
        const step: PhiStep = { resource: link.to, path: link.path, why: link.why };
        if (here.chain.length >= maxDepth) {
          if (!existing) verdicts.set(link.to, { verdict: 'unknown', chain: [...here.chain, { ...step, why: `${step.why}; PHI may reach it, but the chain is longer than the ${maxDepth}-step budget (maxPhiDepth)` }] });
          continue;
        }
        verdicts.set(link.to, { verdict: level, chain: [...here.chain, step] });
        next.push(link.to);
      }
    }
    frontier = next;
  }
}

const KEY_TYPES = new Set(['AWS::KMS::Key', 'AWS::KMS::ReplicaKey', 'aws_kms_key', 'aws_kms_replica_key']);
const ALIAS_TYPES = new Set(['AWS::KMS::Alias', 'aws_kms_alias']);

/** Keys that encrypt a PHI (or possible PHI) store protect PHI: their policy and deletion window matter. */
function markKeys(model: TemplateModel, verdicts: Map<string, PhiVerdict>): void {
  const rank = (v?: PhiVerdict) => (v?.verdict === 'phi' ? 2 : v?.verdict === 'possible' ? 1 : 0);
  const protect = (keyId: string, via: PhiVerdict, path: PhiStep['path'], why: string) => {
    const current = verdicts.get(keyId);
    if (current?.protectsPhi && rank(current) >= rank(via)) return;
    if (current && !current.protectsPhi && current.verdict !== 'unknown') return; // declared on the key itself
    verdicts.set(keyId, { verdict: via.verdict, chain: [...via.chain, { resource: keyId, path, why }], protectsPhi: true });
  };
  let outgoing: Map<string, Edge[]> | undefined;
  const edgesFrom = (id: string) => (outgoing ??= edgesBySource(model.edges)).get(id) ?? [];
  for (const edge of model.edges) {
    if (edge.kind === 'depends-on') continue;
    const from = model.byId.get(edge.from);
    const to = model.byId.get(edge.to);
    if (!from || !to || dataClassOf(from.type) === 'key' || !(KEY_TYPES.has(to.type) || ALIAS_TYPES.has(to.type))) continue;
    const carrier = encryptedStore(from, verdicts, edgesFrom, model);
    if (!carrier) continue;
    const { v } = carrier;
    const what = carrier.through ? `${carrier.store} (through ${carrier.through})` : carrier.store;
    if (KEY_TYPES.has(to.type)) protect(to.id, v, edge.path, `${to.id} encrypts ${what}, which carries PHI`);
    else {
      for (const e of edgesFrom(to.id)) {
        const key = model.byId.get(e.to);
        if (key && KEY_TYPES.has(key.type)) protect(key.id, v, edge.path, `${key.id} encrypts ${what} (through alias ${to.id}), which carries PHI`);
      }
    }
  }
}

/**
 * Resources that hold a store's encryption settings apart from the store, by the attribute naming the store
 * (AWS provider v4+ moved S3 default encryption out of aws_s3_bucket): the key they name encrypts that store.
 */
const ENCRYPTION_COMPANIONS: Record<string, string> = { aws_s3_bucket_server_side_encryption_configuration: 'bucket' };

/** The PHI-carrying store a reference from `from` to a key encrypts: `from` itself, or the store its companion names. */
function encryptedStore(from: Resource, verdicts: Map<string, PhiVerdict>, edgesFrom: (id: string) => Edge[], model: TemplateModel): { v: PhiVerdict; store: string; through?: string } | undefined {
  const carries = (v?: PhiVerdict): v is PhiVerdict => v?.verdict === 'phi' || v?.verdict === 'possible';
  const own = verdicts.get(from.id);
  if (carries(own)) return { v: own, store: from.id };
  const attribute = ENCRYPTION_COMPANIONS[from.type];
  if (!attribute) return undefined;
  for (const e of edgesFrom(from.id)) {
    const store = model.byId.get(e.to);
    const v = store && verdicts.get(store.id);
    if (e.kind !== 'depends-on' && e.path[from.propertiesPath.length] === attribute && carries(v)) return { v, store: store!.id, through: from.id };
  }
  return undefined;
}

function fallback(r: Resource): PhiVerdict {
  const c = dataClassOf(r.type);
  if (c === 'no-data') return { verdict: 'no-phi', chain: [{ resource: r.id, path: r.path, why: `${r.type} holds no customer data (configuration only)` }] };
  if (c === 'key') return { verdict: 'no-phi', chain: [{ resource: r.id, path: r.path, why: 'a KMS key holds no data, and it encrypts nothing that carries PHI in this file' }] };
  return { verdict: 'unknown', chain: [] };
}
