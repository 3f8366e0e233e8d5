// Hovers: on a resource's Type — service, HIPAA eligibility (with the list's date and source), what AWS and the
// customer are responsible for, and the PHI verdict with its chain; on a property with a finding — the rule, its
// §164 citations, the resolved value and where it came from, what the fix changes; elsewhere — the spec's docs.
import type { Hover } from 'vscode-languageserver';
import { ALL_RULES } from '../../../rules';
import { citationLabel } from '../../../rules/kit/citations';
import type { PhiVerdict, Resolved, Resource } from '../../../rules/kit/types';
import { eligibilityOf } from '../../../rules/eligibility/eligibility';
import { EngineContext } from '../engine/context';
import type { Analysis, Finding } from '../engine/types';
import { LineIndex } from '../parse/positions';
import { propertyDoc, resourceDoc } from '../spec';
import { placeAt } from './locate';

export function hoverAt(analysis: Analysis, offset: number): Hover | undefined {
  const model = analysis.model;
  if (!model) return undefined;
  const index = new LineIndex(analysis.text);
  const finding = analysis.findings.filter((f) => !f.suppressed && offset >= f.span.start && offset <= f.span.end).sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
  const place = placeAt(model, offset);
  const sections: string[] = [];
  if (finding) sections.push(findingSection(finding, analysis));
  if (place?.onType) sections.push(typeSection(place.resource, analysis.phi[place.resource.id]));
  else if (place && !finding && place.property.length) {
    const doc = place.resource.family !== 'terraform-plan' && typeof place.property[0] === 'string' ? propertyDoc(place.resource.type, place.property[0]) : undefined;
    if (doc?.doc) sections.push(`**${place.property.join('.')}** — ${doc.doc}${doc.updateType ? `\n\nUpdate: ${doc.updateType}${doc.updateType === 'Immutable' ? ' (changing it replaces the resource)' : ''}` : ''}${doc.docUrl ? `\n\n[CloudFormation reference](${doc.docUrl})` : ''}`);
  }
  if (!sections.length) return undefined;
  const span = finding?.span;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: span ? index.rangeOf(span) : undefined };
}

function rulesFor(resource: Resource) {
  return ALL_RULES.filter((r) => {
    const types = resource.family === 'terraform-plan' ? r.appliesTo.terraform : r.appliesTo.cloudformation;
    return types?.includes(resource.type) || types?.includes('*');
  });
}

function findingSection(f: Finding, analysis: Analysis): string {
  const rule = ALL_RULES.find((r) => r.id === f.ruleId);
  const lines = [`**hipaa-lint ${f.ruleId}** (${f.severity}${f.severity !== f.baseSeverity ? `, rule severity ${f.baseSeverity}` : ''}): ${rule?.title ?? ''}`, '', f.message];
  lines.push('', ...f.hipaa.map((c) => `- ${citationLabel(c)}`));
  if (rule) lines.push('', `**AWS:** ${rule.responsibility.aws}`, '', `**You:** ${rule.responsibility.customer}`);
  const value = resolvedValue(analysis, f);
  if (value) lines.push('', value);
  if (f.fixes.length) lines.push('', `**Fix:** ${f.fixes.map((x) => `${x.title}${x.safe ? '' : ' — review before applying'}`).join('; ')}`);
  if (rule?.limits) lines.push('', `_What a template cannot show:_ ${rule.limits}`);
  lines.push('', phiLine(f.phi));
  return lines.join('\n');
}

/** "`StorageEncrypted` resolves to `false` because parameter `Env` defaults to `dev`". */
function resolvedValue(analysis: Analysis, f: Finding): string | undefined {
  const model = analysis.model!;
  const resource = model.byId.get(f.resource);
  if (!resource) return undefined;
  const rel = f.path.slice(resource.propertiesPath.length);
  if (!rel.length || f.path.slice(0, resource.propertiesPath.length).join('.') !== resource.propertiesPath.join('.')) return undefined;
  const lookup = new EngineContext(model, analysis.phi, 32).get(resource, rel);
  const name = `\`${rel.join('.')}\``;
  if (!lookup.present) return `${name} is not set.`;
  return `${name} ${describe(lookup.resolved)}.`;
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
