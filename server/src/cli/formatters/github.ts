import { compareIds } from '../../../../rules/kit/order';
import type { Severity } from '../../engine/types';
import { locate, type FileReport } from '../report';

/** GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding or problem. */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(reports: FileReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    const file = report.displayPath.split('\\').join('/');
    if (report.error) out.push(`::error file=${property(file)},title=${property('hipaa-lint')}::${data(report.error)}`);
    const { findings, problems } = locate(report);
    const items = [
      ...problems.map((p) => ({ ...p, id: p.code, text: p.message })),
      ...findings.filter((f) => !f.suppressed).map((f) => ({ ...f, id: f.ruleId, text: `${f.message} (45 CFR ${f.hipaa.map((c) => `§${c}`).join(', ')})` })),
    ].sort((a, b) => a.line - b.line || a.column - b.column || compareIds(a.id, b.id));
    for (const i of items) {
      const props = [`file=${property(file)}`, `line=${i.line}`, `endLine=${i.endLine}`, `col=${i.column}`, ...(i.endLine === i.line ? [`endColumn=${i.endColumn}`] : []), `title=${property(`hipaa-lint ${i.id}`)}`];
      out.push(`::${COMMAND[i.severity]} ${props.join(',')}::${data(i.text)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
