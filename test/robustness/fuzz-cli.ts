import { fuzz, type FuzzReport } from './fuzz';

// `npm run fuzz -- --seed 7 --seconds 300 --cases 100000`; `--from N --cases 1` replays case N of a seed.

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} needs a whole number, got ${args[i + 1] ?? 'nothing'}`);
    process.exit(2);
  }
  return value;
}

function summary(r: FuzzReport): string {
  const perSecond = r.cases / (r.elapsedMs / 1000);
  const declined = Object.entries(r.fixesDeclined).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([why, n]) => `    ${n} × ${why}`);
  return [
    `seed ${r.seed}: ${r.cases} cases in ${(r.elapsedMs / 1000).toFixed(1)} s (${perSecond.toFixed(0)}/s), ${r.parsedCleanly} still parsed cleanly, slowest step ${r.slowestMs.toFixed(0)} ms`,
    `fixes: ${r.fixesTried} tried, ${r.fixesVerified} verified and checked; fix-all: ${r.fixAllRuns} runs, ${r.fixAllApplied} fixes applied`,
    ...(declined.length ? ['  most frequent reasons verification declined a fix (not offered, so not a failure):', ...declined] : []),
    `${r.failures.length} failures`,
    ...r.failures.map((f) => `  case ${f.caseIndex} (${f.source}; ${f.mutations.join(', ')}): ${f.kind}: ${f.detail}\n    replay: ${f.replayFile}`),
  ].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const report = fuzz({
    seed: flag(args, 'seed', Date.now() % 1_000_000),
    budgetMs: flag(args, 'seconds', 120) * 1000,
    maxCases: flag(args, 'cases', Number.MAX_SAFE_INTEGER),
    firstCase: flag(args, 'from', 0),
    perFileBudgetMs: 5000,
  });
  console.log(summary(report));
  process.exitCode = report.failures.length ? 1 : 0;
}

main();
