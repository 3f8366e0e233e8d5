// A lens above each resource that can carry PHI: its verdict in a few words and its open findings.
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../engine/types';
import { LineIndex } from '../parse/positions';
import { spanOfPath } from '../parse/tree';

export const SHOW_CHAIN = 'hipaaLint.showPhiInventory';

export function codeLenses(analysis: Analysis): CodeLens[] {
  const model = analysis.model;
  if (!model) return [];
  const index = new LineIndex(analysis.text);
  const out: CodeLens[] = [];
  for (const r of model.resources) {
    const v = analysis.phi[r.id];
    if (!v || r.implicitFrom || (v.verdict !== 'phi' && v.verdict !== 'possible' && !v.protectsPhi)) continue;
    const open = analysis.findings.filter((f) => f.resource === r.id && !f.suppressed).length;
    const origin = v.chain[0];
    const how = v.protectsPhi ? 'protects PHI' : v.chain.length > 1 ? `PHI — via ${v.chain[v.chain.length - 2].resource}` : origin && /tag/.test(origin.why) ? 'PHI — declared by tag' : origin && /Metadata/.test(origin.why) ? 'PHI — declared in Metadata' : origin && /config/.test(origin.why) ? 'PHI — declared in .hipaa-lint.yaml' : v.verdict === 'possible' ? 'possible PHI — inferred from its name' : 'PHI';
    const title = `${how} · ${open ? `${open} finding${open === 1 ? '' : 's'}` : 'no findings'}`;
    const range = index.rangeOf(spanOfPath(model.root, r.path).span);
    out.push({ range: { start: range.start, end: range.start }, command: { title, command: SHOW_CHAIN, arguments: [analysis.uri, r.id] } });
  }
  return out;
}

/** `hipaaLint/phiInventory`: every resource that is not no-PHI, with its chain. */
export function inventory(analysis: Analysis): { resource: string; type: string; verdict: string; protectsPhi: boolean; findings: number; chain: { resource: string; why: string }[] }[] {
  return (analysis.model?.resources ?? [])
    .filter((r) => analysis.phi[r.id] && analysis.phi[r.id].verdict !== 'no-phi')
    .map((r) => ({
      resource: r.id,
      type: r.type,
      verdict: analysis.phi[r.id].verdict,
      protectsPhi: !!analysis.phi[r.id].protectsPhi,
      findings: analysis.findings.filter((f) => f.resource === r.id && !f.suppressed).length,
      chain: analysis.phi[r.id].chain.map((s) => ({ resource: s.resource, why: s.why })),
    }));
}
