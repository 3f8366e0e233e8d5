import { citationLabel } from '../../../../rules/kit/citations';
import { locate, type FileReport } from '../report';

/** JUnit XML: a test suite per file, a failing test case per finding or problem, suppressed findings as skipped. */
export function formatJunit(reports: FileReport[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const report of reports) {
    const cases: string[] = [];
    const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const name = report.displayPath;
    if (report.error) {
      counts.tests++;
      counts.errors++;
      cases.push(`    <testcase name="${attr('read')}" classname="${attr(name)}"><error message="${attr(report.error)}"/></testcase>`);
    }
    const { findings, problems } = locate(report);
    for (const p of problems) {
      counts.tests++;
      counts.failures++;
      cases.push(`    <testcase name="${attr(`${p.code} at ${p.line}:${p.column}`)}" classname="${attr(name)}"><failure type="${p.severity}" message="${attr(p.message)}">${text(`${name}:${p.line}:${p.column} ${p.severity} ${p.message} (${p.code})`)}</failure></testcase>`);
    }
    for (const f of findings) {
      counts.tests++;
      const caseName = attr(`${f.ruleId} ${f.resource} at ${f.line}:${f.column}`);
      if (f.suppressed) {
        counts.skipped++;
        cases.push(`    <testcase name="${caseName}" classname="${attr(name)}"><skipped message="${attr(`suppressed (${f.suppressed.source}): ${f.suppressed.reason}${f.suppressed.until ? ` until ${f.suppressed.until}` : ''}`)}"/></testcase>`);
        continue;
      }
      counts.failures++;
      const body = [`${name}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`, ...f.hipaa.map(citationLabel), `PHI: ${f.phi.verdict}`].join('\n');
      cases.push(`    <testcase name="${caseName}" classname="${attr(name)}"><failure type="${f.severity}" message="${attr(f.message)}">${text(body)}</failure></testcase>`);
    }
    if (counts.tests === 0) {
      counts.tests++;
      cases.push(`    <testcase name="hipaa-lint" classname="${attr(name)}"/>`);
    }
    tests += counts.tests;
    failures += counts.failures;
    errors += counts.errors;
    skipped += counts.skipped;
    suites.push(`  <testsuite name="${attr(name)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="hipaa-lint" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">`, ...suites, `</testsuites>`, ''].join('\n');
}

function text(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
