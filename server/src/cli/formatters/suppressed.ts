import { locate, suppressionPlace, type FileReport, type RunContext, type SuppressionPlace } from '../report';

/** One accepted risk: the finding that is suppressed, why, where the suppression is written, and until when. */
export interface AcceptedRisk {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  resource: string;
  severity: string;
  message: string;
  reason: string;
  source: string;
  until?: string;
  suppressedAt?: SuppressionPlace;
}

export function acceptedRisks(reports: FileReport[], ctx: RunContext): { accepted: AcceptedRisk[]; expired: { file: string; line: number; message: string }[] } {
  const accepted: AcceptedRisk[] = [];
  const expired: { file: string; line: number; message: string }[] = [];
  for (const report of reports) {
    const { findings, problems } = locate(report);
    for (const f of findings) {
      if (!f.suppressed) continue;
      accepted.push({
        file: report.displayPath,
        line: f.line,
        column: f.column,
        ruleId: f.ruleId,
        resource: f.resource,
        severity: f.severity,
        message: f.message,
        reason: f.suppressed.reason,
        source: f.suppressed.source,
        until: f.suppressed.until,
        suppressedAt: suppressionPlace(report, f.suppressed, ctx),
      });
    }
    for (const p of problems) if (p.code === 'expired-suppression') expired.push({ file: report.displayPath, line: p.line, message: p.message });
  }
  return { accepted, expired };
}

/** `--report-suppressed`: the accepted risks as an auditor reads them. */
export function formatSuppressedText(reports: FileReport[], ctx: RunContext): string {
  const { accepted, expired } = acceptedRisks(reports, ctx);
  const out: string[] = [];
  out.push(accepted.length ? `Accepted risks (${accepted.length}):` : 'No accepted risks: nothing is suppressed.');
  for (const a of accepted) {
    out.push('', `  ${a.file}:${a.line}:${a.column}  ${a.ruleId}  ${a.resource}  (${a.severity} if not suppressed)`);
    out.push(`    finding: ${a.message}`);
    out.push(`    reason:  ${a.reason}`);
    const at = a.suppressedAt ? `${a.suppressedAt.file}:${a.suppressedAt.line}` : 'unknown place';
    out.push(`    by:      ${sourceLabel(a.source)} at ${at}`);
    out.push(`    expires: ${a.until ?? 'never (no until date)'}`);
  }
  if (expired.length) {
    out.push('', `Expired suppressions (${expired.length}), reported again:`);
    for (const e of expired) out.push(`  ${e.file}:${e.line}  ${e.message}`);
  }
  return out.join('\n') + '\n';
}

export function formatSuppressedJson(reports: FileReport[], ctx: RunContext): string {
  return JSON.stringify({ version: 1, ...acceptedRisks(reports, ctx) }, null, 2) + '\n';
}

function sourceLabel(source: string): string {
  return source === 'comment' ? 'comment' : source === 'metadata' ? 'resource Metadata' : 'config file';
}
