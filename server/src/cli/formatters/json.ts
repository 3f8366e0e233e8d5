import { CITATIONS } from '../../../../rules/kit/citations';
import { locate, suppressionPlace, type FileReport, type RunContext } from '../report';

/** Machine-readable output: one entry per file, findings with rule, resource, range, citations and PHI verdict. */
export function formatJson(reports: FileReport[], ctx: RunContext): string {
  const files = reports.map((report) => {
    const { findings, problems } = locate(report);
    return {
      file: report.displayPath,
      kind: report.analysis?.document.kind ?? 'error',
      family: report.analysis?.document.kind === 'template' ? report.analysis.document.family : undefined,
      error: report.error,
      findings: findings.map((f) => ({
        ruleId: f.ruleId,
        messageId: f.messageId,
        category: f.category,
        severity: f.severity,
        baseSeverity: f.baseSeverity,
        status: f.status,
        resource: f.resource,
        resourceType: f.resourceType,
        path: f.path.join('.'),
        file: report.displayPath,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        message: f.message,
        hipaa: f.hipaa.map((key) => ({ section: key, title: CITATIONS[key]?.title, kind: CITATIONS[key]?.kind })),
        phi: f.phi,
        fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe })),
        suppressed: f.suppressed ? { source: f.suppressed.source, reason: f.suppressed.reason, until: f.suppressed.until, at: suppressionPlace(report, f.suppressed, ctx) } : undefined,
      })),
      problems: problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn })),
    };
  });
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}
