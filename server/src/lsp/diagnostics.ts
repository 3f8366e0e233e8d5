import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { pathToFileURL } from 'url';
import type { Analysis, Finding, Problem, Severity } from '../engine/types';
import { LineIndex } from '../parse/positions';
import { mightBeTemplate } from '../parse/detect';
import { spanOfPath } from '../parse/tree';
import { ruleDocFile } from './rule-doc';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/** What a code action needs to find the finding again in the cached analysis. */
export interface FindingKey {
  ruleId: string;
  resource: string;
  messageId: string;
  path: string;
}

export const keyOf = (f: Finding): FindingKey => ({ ruleId: f.ruleId, resource: f.resource, messageId: f.messageId, path: f.path.join('.') });
export const matches = (f: Finding, k: FindingKey) => f.ruleId === k.ruleId && f.resource === k.resource && f.messageId === k.messageId && f.path.join('.') === k.path;

export function toDiagnostics(analysis: Analysis): Diagnostic[] {
  const index = new LineIndex(analysis.text);
  const out: Diagnostic[] = [];
  for (const f of analysis.findings) {
    if (f.suppressed) continue;
    const doc = ruleDocFile(f.ruleId);
    out.push({
      range: index.rangeOf(f.span),
      severity: SEVERITY[f.severity],
      code: f.ruleId,
      codeDescription: doc ? { href: pathToFileURL(doc).href } : undefined,
      source: 'hipaa-lint',
      message: f.message,
      relatedInformation: related(analysis, f, index),
      data: { key: keyOf(f), fixes: f.fixes.length },
    });
  }
  // A file the engine refused before looking (too big, binary) is only reported when it looks like a template:
  // a large package-lock.json or a binary blob opened in the editor is not our business.
  const refused = analysis.document.kind === 'ignored' && !mightBeTemplate(analysis.text.slice(0, 65_536));
  if (!refused) for (const p of analysis.problems) out.push(problemDiagnostic(p, index));
  return out;
}

function problemDiagnostic(p: Problem, index: LineIndex): Diagnostic {
  return { range: index.rangeOf(p.span), severity: SEVERITY[p.severity], code: p.code, source: 'hipaa-lint', message: p.message };
}

/** The PHI chain as locations: where PHI was declared and each resource it went through. */
function related(analysis: Analysis, f: Finding, index: LineIndex): DiagnosticRelatedInformation[] | undefined {
  const root = analysis.model?.root;
  if (!root || f.phi.verdict === 'no-phi' || f.phi.chain.length === 0) return undefined;
  return f.phi.chain
    .filter((s) => s.path.length > 0)
    .map((s) => ({ location: { uri: analysis.uri, range: index.rangeOf(spanOfPath(root, s.path).span) }, message: s.why }));
}
