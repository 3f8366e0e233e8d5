import { compareIds } from '../../../../rules/kit/order';
import { locate, type FileReport } from '../report';

export interface StyleOptions {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1, underline: 4 } as const;

export function formatStylish(reports: FileReport[], options: StyleOptions): string {
  const paint = (code: keyof typeof CODES, s: string) => (options.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let suppressed = 0;
  for (const report of reports) {
    const { findings, problems } = locate(report);
    suppressed += findings.filter((f) => f.suppressed).length;
    const rows: string[] = [];
    if (report.error) rows.push(`  ${paint('red', 'error')}  ${report.error}`);
    const items = [
      ...problems.map((p) => ({ line: p.line, column: p.column, severity: p.severity, id: p.code, message: p.message, suppressed: false })),
      ...findings.map((f) => ({ line: f.line, column: f.column, severity: f.severity, id: f.ruleId, message: f.message, suppressed: !!f.suppressed })),
    ]
      .filter((i) => !i.suppressed)
      .sort((a, b) => a.line - b.line || a.column - b.column || compareIds(a.id, b.id));
    for (const i of items) {
      counts[i.severity]++;
      const sev = i.severity === 'error' ? paint('red', 'error  ') : i.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', i.severity.padEnd(7));
      rows.push(`  ${paint('gray', `${i.line}:${i.column}`.padEnd(8))} ${sev}  ${i.message}  ${paint('gray', i.id)}`);
    }
    if (report.error) counts.error++;
    if (rows.length) out.push(paint('underline', report.displayPath), ...rows, '');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total > 0) {
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info + counts.hint} info)`;
    out.push(paint(counts.error ? 'red' : 'yellow', summary + suppressedNote(suppressed)), '');
  } else if (suppressed > 0) out.push(`No problems${suppressedNote(suppressed)}`, '');
  return out.join('\n');
}

function suppressedNote(n: number): string {
  return n ? `; ${n} suppressed (list them with --report-suppressed)` : '';
}
