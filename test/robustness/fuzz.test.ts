import { strict as assert } from 'assert';
import { lint } from '../../server/src/engine/lint';
import { fuzz, type FuzzReport } from './fuzz';
import { fuzzSources } from './fuzz-sources';
import { MUTATIONS, mulberry32, mutate } from './mutate';

// A short, fixed-seed run of the mutation fuzzer; `npm run fuzz` runs it longer with any seed.

describe('mutation fuzzing of the example templates', function () {
  this.timeout(60_000);
  let report: FuzzReport;
  before(() => {
    report = fuzz({ seed: 20260101, budgetMs: 8000, maxCases: 3000, perFileBudgetMs: 5000 });
  });

  it('no lint, rule, verification or fix-all fails on any case', () => {
    const shown = report.failures.slice(0, 5).map((f) => `case ${f.caseIndex} (${f.source}; ${f.mutations.join(', ')}) ${f.kind}: ${f.detail}\n  replay: ${f.replayFile}`);
    assert.equal(report.failures.length, 0, `${report.failures.length} failures, the first:\n${shown.join('\n')}`);
  });

  it('runs enough cases, some of them still valid templates, to mean something', () => {
    assert.ok(report.cases >= 300, `only ${report.cases} cases in ${report.elapsedMs.toFixed(0)} ms`);
    assert.ok(report.parsedCleanly >= report.cases / 10, `only ${report.parsedCleanly} of ${report.cases} mutated texts parsed cleanly`);
  });

  it('verifies fixes and checks each verified one, and runs fix-all', () => {
    assert.ok(report.fixesVerified >= 50, `only ${report.fixesVerified} of ${report.fixesTried} fixes verified`);
    assert.ok(report.fixAllRuns >= 3 && report.fixAllApplied >= 1, JSON.stringify({ runs: report.fixAllRuns, applied: report.fixAllApplied }));
  });
});

describe('the mutator', () => {
  const [source] = fuzzSources();

  it('is a function of the seed: the same seed gives the same text', () => {
    const once = mutate(source.text, mulberry32(7), 3);
    assert.deepEqual(mutate(source.text, mulberry32(7), 3), once);
    assert.notEqual(mutate(source.text, mulberry32(8), 3).text, once.text);
  });

  it('uses every mutation, and each changes the text on its own', () => {
    const random = mulberry32(1);
    for (const m of MUTATIONS) {
      const changed = Array.from({ length: 20 }, () => m.apply(source.text, random)).filter((t) => t !== source.text);
      assert.ok(changed.length >= 15, `${m.name} changed the text ${changed.length} times in 20`);
    }
  });

  it('starts from sources that are clean templates with fixable findings', () => {
    for (const s of fuzzSources()) {
      const a = lint(s.text, `file:///${s.name}`, { today: '2026-01-01' });
      assert.equal(a.document.kind, 'template', s.name);
      assert.deepEqual(a.problems, [], s.name);
      assert.ok(a.findings.length > 0, s.name);
    }
  });
});
