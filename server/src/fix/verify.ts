import type { FixIntent } from '../../../rules/kit/rule';
import { lint, type EngineOptions } from '../engine/lint';
import { severityRank } from '../engine/severity';
import type { Analysis, Finding } from '../engine/types';
import { renderIntent, type Rendered } from './render';

export type Verified = { ok: true; text: string; edit: { start: number; end: number; newText: string } } | { ok: false; reason: string };

const sameFinding = (a: Finding, b: Finding) => a.ruleId === b.ruleId && a.resource === b.resource && a.messageId === b.messageId;

/**
 * Apply in memory, re-parse, re-lint: the finding must be gone, no new finding of equal or higher severity may
 * appear, and the document must read back as exactly the intended change (which keeps every other byte's meaning).
 */
export function verifyFix(analysis: Analysis, finding: Finding, intent: FixIntent, options: EngineOptions = {}): Verified {
  const model = analysis.model;
  if (!model || model.family === 'terraform-plan') return { ok: false, reason: 'Terraform plans are generated files: change the .tf source' };
  const rendered: Rendered = renderIntent(analysis.text, model.format, intent);
  if (!rendered.ok) return debug(rendered, finding, intent);
  const after = lint(rendered.text, analysis.uri, options);
  if (after.problems.some((p) => p.code === 'syntax-error' || p.code === 'duplicate-key')) return debug({ ok: false, reason: 'the fixed file has parse problems' }, finding, intent);
  if (after.findings.some((f) => sameFinding(f, finding) && f.path.join('.') === finding.path.join('.'))) return debug({ ok: false, reason: 'the finding is still there after the fix' }, finding, intent);
  const before = analysis.findings;
  // A fix that asks for a value through a new parameter leaves the rule unable to decide until it is given.
  // That holds for a resource the fix adds too (a function's log group declared with a key given as a parameter).
  const asksForValue = JSON.stringify(intent.edits).includes('"newParameter"');
  const added = new Set(intent.edits.flatMap((e) => (e.op === 'addResource' ? [e.logicalId] : [])));
  const awaited = (f: Finding) => asksForValue && f.ruleId === finding.ruleId && (f.resource === finding.resource || added.has(f.resource)) && f.status === 'unknown';
  const introduced = after.findings.filter((f) => !before.some((b) => sameFinding(b, f)) && !awaited(f) && severityRank(f.severity) >= severityRank(finding.severity));
  if (introduced.length) return debug({ ok: false, reason: `the fix introduces ${introduced.map((f) => `${f.ruleId} on ${f.resource}`).join(', ')}` }, finding, intent);
  return rendered;
}

function debug(result: { ok: false; reason: string }, finding: Finding, intent: FixIntent): { ok: false; reason: string } {
  if (process.env.HIPAA_LINT_DEBUG) process.stderr.write(`hipaa-lint: fix "${intent.title}" for ${finding.ruleId} on ${finding.resource} not offered: ${result.reason}\n`);
  return result;
}
