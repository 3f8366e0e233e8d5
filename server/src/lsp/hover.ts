// Hovers: on a resource's Type — service, HIPAA eligibility (with the list's date and source), what AWS and the
// customer are responsible for, and the PHI verdict with its chain; on a property with a finding — the rule, its
// §164 citations, the resolved value and where it came from, what the fix changes; elsewhere — the spec's docs.
import type { Hover } from 'vscode-languageserver';
import { ALL_RULES } from '../../../rules';
import { citationLabel } from '../../../rules/kit/citations';
import type { FixIntent } from '../../../rules/kit/rule';
import type { PhiVerdict, Resolved, Resource, ValueNode } from '../../../rules/kit/types';
import { eligibilityOf } from '../../../rules/eligibility/eligibility';
import { EngineContext } from '../engine/context';
import type { Analysis, Finding } from '../engine/types';
import { LineIndex } from '../parse/positions';
import { stringify as stringifyYaml } from 'yaml';
import { propertyDoc, resourceDoc } from '../spec';
import { asMap, mapGet, nodeAt } from '../parse/tree';
import { placeAt } from './locate';

export function hoverAt(analysis: Analysis, offset: number, parameterValues: Record<string, unknown> = {}): Hover | undefined {
  const model = analysis.model;
  if (!model) return undefined;
  const index = new LineIndex(analysis.text);
  // Every finding on the narrowest span under the cursor (a resource key can carry several).
  const place = placeAt(model, offset);
  // A finding about the resource as a whole (its span is the whole resource) is not the one of a property inside it.
  const wholeResource = (f: Finding) => !!place && !place.onType && place.property.length > 0 && f.resource === place.resource.id && f.path.join('.') === place.resource.path.join('.');
  const under = analysis.findings.filter((f) => !f.suppressed && offset >= f.span.start && offset <= f.span.end && !wholeResource(f)).sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
  const finding = under[0];
  const here = finding ? under.filter((f) => f.span.start === finding.span.start && f.span.end === finding.span.end) : [];
  const sections: string[] = [];
  for (const f of here) sections.push(findingSection(f, analysis, parameterValues));
  if (place?.onType) sections.push(typeSection(place.resource, analysis.phi[place.resource.id]));
  else if (place && !finding && place.property.length) {
    const top = place.property[0];
    const doc = place.resource.family !== 'terraform-plan' && typeof top === 'string' ? propertyDoc(place.resource.type, top) : undefined;
    const lines: string[] = [];
    if (doc?.doc) lines.push(`**${place.property.join('.')}** — ${doc.doc}${doc.updateType ? `\n\nUpdate: ${doc.updateType}${doc.updateType === 'Immutable' ? ' (changing it replaces the resource)' : ''}` : ''}${doc.docUrl ? `\n\n[CloudFormation reference](${doc.docUrl})` : ''}`);
    const role = typeof top === 'string' ? hipaaRole(place.resource, place.property.filter((k): k is string => typeof k === 'string')) : [];
    if (role.length) {
      if (!lines.length) lines.push(`**${place.property.join('.')}**`);
      lines.push('', `**HIPAA role:** checked by ${role.map((r) => `\`${r.id}\` (${r.title}; ${r.hipaa.map((c) => `§${c}`).join(', ')})`).join(', ')} — no finding here.`);
    }
    if (lines.length) sections.push(lines.join('\n'));
  }
  if (!sections.length) return undefined;
  const span = finding?.span;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: span ? index.rangeOf(span) : undefined };
}

/** What a fix would change, edit by edit (the quick fix renders and verifies it before it is offered). */
function fixPreview(analysis: Analysis, fix: FixIntent): string[] {
  const head = `**Fix — ${fix.title}**${fix.safe ? ' (safe: applied by fix-all)' : ` (review first${fix.consequence && !fix.title.includes(fix.consequence) ? `: ${fix.consequence}` : ''})`}`;
  const model = analysis.model;
  if (!model || model.family === 'terraform-plan') return [head];
  const fmt = model.format;
  const show = (v: unknown) => {
    const text = fmt === 'json' ? JSON.stringify(lower(v), null, 2) : stringifyYaml(lower(v), { lineWidth: 0 }).trimEnd();
    const lines = text.split('\n');
    return ['```' + fmt, ...lines.slice(0, 10), ...(lines.length > 10 ? ['…'] : []), '```'];
  };
  const out = [head];
  for (const e of fix.edits) {
    if (e.op === 'addResource') out.push('', `adds resource \`${e.logicalId}\` (${e.type}) with:`, '', ...show(e.properties));
    else {
      const where = (e.path[0] === 'Resources' ? e.path.slice(e.path[2] === 'Properties' ? 3 : 2) : e.path).join('.') || e.path.join('.');
      out.push('', `${e.op === 'set' ? 'sets' : 'adds to'} \`${where}\`:`, '', ...show(e.value));
    }
  }
  const params = fix.edits.flatMap((e) => collectParameters(e.op === 'addResource' ? e.properties : e.value));
  if (params.length) out.push('', `and declares parameter${params.length > 1 ? 's' : ''} ${params.map((p) => `\`${p}\``).join(', ')} for the value you choose.`);
  return out;
}

/** A `{ newParameter }` value is written as a `Ref` to the parameter the fix declares. */
function lower(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lower);
  if (v && typeof v === 'object') {
    const np = (v as { newParameter?: { name: string } }).newParameter;
    if (np) return { Ref: np.name };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, lower(x)]));
  }
  return v;
}

function collectParameters(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(collectParameters);
  if (v && typeof v === 'object') {
    const np = (v as { newParameter?: { name: string } }).newParameter;
    return np ? [np.name] : Object.values(v).flatMap(collectParameters);
  }
  return [];
}

/**
 * Rules for this resource type whose messages name the property. A Terraform attribute is matched as written in
 * the rule's Terraform wording, and in PascalCase in its CloudFormation wording.
 */
function hipaaRole(resource: Resource, property: string[]) {
  const terraform = resource.family === 'terraform-plan';
  const names = new Set(property.map((k) => (terraform ? k.replace(/(^|_)([a-z0-9])/g, (_m, _u, c: string) => c.toUpperCase()) : k)));
  const last = [...names].pop();
  if (!last || last.length < 4) return [];
  const attribute = property[property.length - 1];
  const mentions = (texts: Record<string, string> | undefined, word: string) => Object.values(texts ?? {}).some((m) => new RegExp(`\\b${word}\\b`).test(m));
  return rulesFor(resource).filter((r) => mentions(r.messages, last) || (terraform && mentions(r.terraformMessages, attribute)));
}

function rulesFor(resource: Resource) {
  return ALL_RULES.filter((r) => {
    const types = resource.family === 'terraform-plan' ? r.appliesTo.terraform : r.appliesTo.cloudformation;
    return types?.includes(resource.type) || types?.includes('*');
  });
}

function findingSection(f: Finding, analysis: Analysis, parameterValues: Record<string, unknown>): string {
  const rule = ALL_RULES.find((r) => r.id === f.ruleId);
  const lines = [`**hipaa-lint ${f.ruleId}** (${f.severity}${f.severity !== f.baseSeverity ? `, rule severity ${f.baseSeverity}` : ''}): ${rule?.title ?? ''}`, '', f.message];
  lines.push('', ...f.hipaa.map((c) => `- ${citationLabel(c)}`));
  if (rule) lines.push('', `**AWS:** ${rule.responsibility.aws}`, '', `**You:** ${rule.responsibility.customer}`);
  const value = resolvedValue(analysis, f, parameterValues);
  if (value) lines.push('', value);
  for (const fix of f.fixes) lines.push('', ...fixPreview(analysis, fix));
  if (rule?.limits) lines.push('', `_What a template cannot show:_ ${rule.limits}`);
  lines.push('', phiLine(f.phi));
  return lines.join('\n');
}

/** "`StorageEncrypted` resolves to `false` because parameter `Env` defaults to `dev`". */
function resolvedValue(analysis: Analysis, f: Finding, parameterValues: Record<string, unknown>): string | undefined {
  const model = analysis.model!;
  const resource = model.byId.get(f.resource);
  if (!resource) return undefined;
  const rel = f.path.slice(resource.propertiesPath.length);
  if (!rel.length || f.path.slice(0, resource.propertiesPath.length).join('.') !== resource.propertiesPath.join('.')) return undefined;
  const lookup = new EngineContext(model, analysis.phi, 32).get(resource, rel);
  const name = `\`${rel.join('.')}\``;
  if (!lookup.present) return `${name} is not set.`;
  const inputs = conditionInputs(model.root, lookup.resolved.kind === 'known' || lookup.resolved.kind === 'oneOf' ? (lookup.resolved.via ?? []) : [], parameterValues);
  return `${name} ${describe(lookup.resolved)}${inputs.length ? ` (${inputs.join('; ')})` : ''}.`;
}

/** The parameters behind the conditions a value went through: "parameter `Env` defaults to `dev`". */
function conditionInputs(root: ValueNode | undefined, via: string[], parameterValues: Record<string, unknown>): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const refs = (node: ValueNode | undefined): void => {
    if (!node) return;
    if (node.kind === 'seq') node.items.forEach(refs);
    if (node.kind !== 'map') return;
    for (const e of node.entries) {
      if (e.key === 'Ref' && e.value.kind === 'scalar' && typeof e.value.value === 'string') names.add(e.value.value);
      else if (e.key === 'Condition' && e.value.kind === 'scalar' && typeof e.value.value === 'string') condition(e.value.value);
      else refs(e.value);
    }
  };
  const condition = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    refs(nodeAt(root, ['Conditions', id]));
  };
  for (const v of via) for (const m of v.matchAll(/condition (\S+?) is (?:true|false)/g)) condition(m[1]);
  const out: string[] = [];
  for (const name of names) {
    const param = asMap(nodeAt(root, ['Parameters', name]));
    if (!param) continue;
    const fallback = mapGet(param, 'Default');
    if (name in parameterValues) out.push(`parameter \`${name}\` is \`${String(parameterValues[name])}\` from the project's parameter values`);
    else if (fallback?.kind === 'scalar') out.push(`parameter \`${name}\` defaults to \`${String(fallback.value)}\``);
    else out.push(`parameter \`${name}\` has no default`);
  }
  return out;
}

function describe(r: Resolved): string {
  switch (r.kind) {
    case 'absent':
      return 'is not set';
    case 'unknown':
      return `cannot be resolved statically: ${r.reason}`;
    case 'known':
      return `resolves to \`${JSON.stringify(r.value)}\`${r.via?.length ? ` because ${r.via.join('; ')}` : ''}`;
    case 'oneOf':
      return `may be any of ${r.options.map((o) => (o.kind === 'known' ? `\`${JSON.stringify(o.value)}\`` : o.kind)).join(', ')}${r.via?.length ? ` (${r.via.join('; ')})` : ''}`;
  }
}

function typeSection(resource: Resource, verdict: PhiVerdict | undefined): string {
  const e = eligibilityOf(resource.type, resource.family);
  const status: Record<string, string> = { eligible: 'HIPAA-eligible', 'not-eligible': '**not** HIPAA-eligible: keep PHI out of it', ambiguous: 'eligibility depends on the feature used (see the note)', 'no-customer-data': 'holds no customer data (eligibility does not apply)', unknown: 'not on the HIPAA-eligible services list' };
  const lines = [`**${resource.type}** — ${e.service}: ${status[e.status] ?? e.status}${e.note ? ` (${e.note})` : ''}`, '', `_Source: AWS HIPAA Eligible Services Reference, revision of ${e.listDate} (${e.listSource})._`];
  const doc = resource.family !== 'terraform-plan' ? resourceDoc(resource.type) : undefined;
  if (doc?.description) lines.push('', doc.description);
  const rules = rulesFor(resource);
  if (rules.length) {
    lines.push('', '**Shared responsibility.** AWS secures the infrastructure of the service; what this template must configure:');
    for (const r of rules.slice(0, 8)) lines.push(`- ${r.responsibility.customer} (\`${r.id}\`)`);
    if (rules.length > 8) lines.push(`- …and ${rules.length - 8} more checks`);
  }
  if (verdict) lines.push('', phiLine(verdict));
  return lines.join('\n');
}

export function phiLine(v: PhiVerdict): string {
  const head = { phi: 'PHI', possible: 'possible PHI', 'no-phi': 'no PHI', unknown: 'PHI unknown (not declared)' }[v.verdict];
  const chain = v.chain.map((s, i) => `${i + 1}. ${s.why}`).join('\n');
  return `**PHI verdict:** ${head}${v.protectsPhi ? ' (this key protects PHI)' : ''}${chain ? `\n\n${chain}` : ''}`;
}
