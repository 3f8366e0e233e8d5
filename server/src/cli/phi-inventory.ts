import type { FileReport } from './report';

/** `hipaa-lint phi`: every resource whose verdict is not "no-phi", with its reason chain. */
export function formatPhiInventory(reports: FileReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    const a = report.analysis;
    if (!a || !report.resources) continue;
    const rows: string[] = [];
    for (const r of report.resources) {
      const v = a.phi[r.id];
      if (!v || v.verdict === 'no-phi' || v.verdict === 'unknown') continue;
      rows.push(`  ${r.id} (${r.type}): ${v.verdict}${v.protectsPhi ? ', protects PHI' : ''}`);
      v.chain.forEach((step, i) => rows.push(`      ${i + 1}. ${step.why}${step.path.length ? `  [${step.path.join('.')}]` : ''}`));
    }
    if (rows.length) out.push(report.displayPath, ...rows, '');
  }
  return out.length ? out.join('\n') : 'No resource with PHI (declared, propagated or possible) was found.\n';
}
