import { lint, type EngineOptions } from '../engine/lint';
import type { Analysis, Finding } from '../engine/types';
import { verifyFix } from './verify';

export interface FixFilter {
  /** Only these rules (ids); empty = all. */
  rules?: string[];
  /** Only these categories; empty = all. */
  categories?: string[];
}

export interface FixAllResult {
  text: string;
  /** The analysis of the fixed text. */
  analysis: Analysis;
  applied: { ruleId: string; resource: string; title: string }[];
  /** Findings still open, with why no fix was applied. */
  left: { ruleId: string; resource: string; why: string }[];
}

const MAX_ROUNDS = 500;

function wanted(f: Finding, filter: FixFilter): boolean {
  if (f.suppressed) return false;
  if (filter.rules?.length && !filter.rules.includes(f.ruleId)) return false;
  if (filter.categories?.length && !filter.categories.includes(f.category)) return false;
  return true;
}

/**
 * Apply every safe fix, one at a time, re-linting after each: the result is the same as applying them one by one,
 * and no two edits can overlap. Unsafe fixes are never applied here.
 */
export function fixAll(initial: Analysis, options: EngineOptions = {}, filter: FixFilter = {}): FixAllResult {
  let analysis = initial;
  const applied: FixAllResult['applied'] = [];
  const declined = new Map<string, string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let progressed = false;
    for (const finding of analysis.findings.filter((f) => wanted(f, filter))) {
      const key = `${finding.ruleId}|${finding.resource}|${finding.messageId}|${finding.path.join('.')}`;
      if (declined.has(key)) continue;
      const intent = finding.fixes.find((x) => x.safe);
      if (!intent) {
        declined.set(key, finding.fixes.length ? 'only unsafe fixes (offered in the editor)' : 'no automatic fix');
        continue;
      }
      const verified = verifyFix(analysis, finding, intent, options);
      if (!verified.ok) {
        declined.set(key, verified.reason);
        continue;
      }
      applied.push({ ruleId: finding.ruleId, resource: finding.resource, title: intent.title });
      analysis = lint(verified.text, analysis.uri, options);
      progressed = true;
      break;
    }
    if (!progressed) break;
  }
  const left = analysis.findings
    .filter((f) => wanted(f, filter))
    .map((f) => ({ ruleId: f.ruleId, resource: f.resource, why: declined.get(`${f.ruleId}|${f.resource}|${f.messageId}|${f.path.join('.')}`) ?? 'no automatic fix' }));
  return { text: analysis.text, analysis, applied, left };
}
