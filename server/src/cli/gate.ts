import type { Severity } from '../engine/types';
import { atLeast, type FileReport } from './report';

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

export interface GateOptions {
  /** --fail-on; else each file's config decides (default warning). */
  failOn?: Severity;
  maxWarnings?: number;
}

/**
 * 1 when an unsuppressed finding or a file problem is at or above the failing severity, or there are more
 * warnings than --max-warnings; else 0. (2, for unreadable inputs, is decided by the caller.)
 * `unsupported-format` says what hipaa-lint cannot read yet; it never fails a run.
 */
export function exitCodeFor(reports: FileReport[], options: GateOptions): number {
  let failing = false;
  let warnings = 0;
  for (const r of reports) {
    const threshold = options.failOn ?? r.failOn ?? 'warning';
    const severities = [
      ...(r.analysis?.findings ?? []).filter((f) => !f.suppressed).map((f) => f.severity),
      ...(r.analysis?.problems ?? []).filter((p) => p.code !== 'unsupported-format').map((p) => p.severity),
    ];
    if (severities.some((s) => atLeast(s, threshold))) failing = true;
    warnings += severities.filter((s) => s === 'warning').length;
  }
  if (failing || (options.maxWarnings !== undefined && warnings > options.maxWarnings)) return EXIT.findings;
  return EXIT.clean;
}
