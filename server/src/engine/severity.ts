import type { PhiVerdict, Severity } from '../../../rules/kit/types';

const ORDER: Severity[] = ['hint', 'info', 'warning', 'error'];

export function severityRank(s: Severity): number {
  return ORDER.indexOf(s);
}

export function lower(s: Severity): Severity {
  return ORDER[Math.max(0, severityRank(s) - 1)];
}

/**
 * A rule's base severity applies where PHI is (or is propagated); possible or unknown PHI lowers it one
 * step, and the message says so; no PHI gives a hint (or nothing, by setting).
 */
export function adjustForPhi(base: Severity, verdict: PhiVerdict, noPhiFindings: 'hint' | 'off'): { severity: Severity | 'off'; note?: string } {
  switch (verdict.verdict) {
    case 'phi':
      return { severity: base };
    case 'possible':
      return { severity: lower(base), note: `severity lowered one step: ${verdict.chain[0]?.why ?? 'PHI is only inferred'}` };
    case 'unknown':
      return { severity: lower(base), note: 'severity lowered one step: no PHI declared for this resource; tag it or list it in .hipaa-lint.yaml' };
    case 'no-phi':
      return noPhiFindings === 'off' ? { severity: 'off' } : { severity: 'hint', note: `reported as a hint: ${verdict.chain[0]?.why ?? 'declared to hold no PHI'}` };
  }
}

/** Grading by the rule's PHI scope (see `RuleMeta.phiScope`). */
export function gradeForScope(scope: 'phi' | 'phi-only' | 'phi-path' | 'account' | 'all', base: Severity, verdict: PhiVerdict, fileCarriesPhi: boolean, noPhiFindings: 'hint' | 'off'): { severity: Severity | 'off'; note?: string } {
  if (scope === 'phi') return adjustForPhi(base, verdict, noPhiFindings);
  if (scope === 'phi-only') {
    if (verdict.verdict === 'phi' || verdict.verdict === 'possible') return adjustForPhi(base, verdict, noPhiFindings);
    return noPhiFindings === 'off' && verdict.verdict === 'no-phi' ? { severity: 'off' } : { severity: 'hint', note: 'reported as a hint: no PHI is declared for or propagated to this resource' };
  }
  if (scope === 'phi-path' && !fileCarriesPhi) return { severity: lower(base), note: 'severity lowered one step: nothing in this file is declared or propagated PHI' };
  return { severity: base };
}
