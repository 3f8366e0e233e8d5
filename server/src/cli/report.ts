import type { Analysis, Finding, Problem, Severity } from '../engine/types';
import { LineIndex, oneBased } from '../parse/positions';

/** One file's result as the CLI formatters see it: positions are one-based. */
export interface FileReport {
  file: string;
  /** Path as given/relative to cwd, for display. */
  displayPath: string;
  analysis?: Analysis;
  /** Set when the file could not be read or analysed at all. */
  error?: string;
}

export interface LocatedFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LocatedProblem extends Problem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function locate(report: FileReport): { findings: LocatedFinding[]; problems: LocatedProblem[] } {
  const a = report.analysis;
  if (!a) return { findings: [], problems: [] };
  const index = new LineIndex(a.text);
  const at = <T extends { span: { start: number; end: number } }>(x: T) => {
    const r = index.rangeOf(x.span);
    const s = oneBased(r.start);
    const e = oneBased(r.end);
    return { ...x, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  return { findings: a.findings.map(at), problems: a.problems.map(at) };
}

export const SEVERITY_ORDER: Severity[] = ['hint', 'info', 'warning', 'error'];

export function atLeast(s: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER.indexOf(s) >= SEVERITY_ORDER.indexOf(threshold);
}
