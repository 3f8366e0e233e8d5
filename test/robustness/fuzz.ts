import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FixIntent } from '../../rules/kit/rule';
import { lint, type EngineOptions } from '../../server/src/engine/lint';
import type { Analysis, Finding } from '../../server/src/engine/types';
import { fixAll } from '../../server/src/fix/fix-all';
import { verifyFix } from '../../server/src/fix/verify';
import { PrototypeWatch, timed, watchedRules } from './fuzz-guards';
import { fuzzSources } from './fuzz-sources';
import { below, mulberry32, mutate, pick, type Random } from './mutate';

export interface FuzzOptions {
  seed: number;
  /** The run stops once this much time is spent (checked between cases); it bounds the run, it is not an assertion. */
  budgetMs: number;
  maxCases: number;
  /** One lint, fix verification or fix-all over this is a hang: a failure. */
  perFileBudgetMs: number;
  /** Verification re-lints, so only this many fixes per case are verified, chosen at random. */
  fixesPerCase?: number;
  /** Run fix-all on every n-th case that parses cleanly (limited to one rule, so it stays cheap). */
  fixAllEvery?: number;
  /** The first case index: with `maxCases: 1` this replays one case. */
  firstCase?: number;
}

export type FailureKind = 'lint-throws' | 'rule-throws' | 'pollutes-prototype' | 'too-slow' | 'verify-throws' | 'fix-corrupts-text' | 'fix-breaks-syntax' | 'fix-leaves-finding' | 'fix-all-throws' | 'fix-all-breaks-syntax';

export interface FuzzFailure {
  caseIndex: number;
  kind: FailureKind;
  detail: string;
  source: string;
  mutations: string[];
  /** The mutated text, saved so the failure replays with the CLI or the engine. */
  replayFile: string;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  elapsedMs: number;
  slowestMs: number;
  /** Cases whose mutated text still parsed without syntax errors or duplicate keys. */
  parsedCleanly: number;
  fixesTried: number;
  fixesVerified: number;
  fixesDeclined: Record<string, number>;
  fixAllRuns: number;
  fixAllApplied: number;
  failures: FuzzFailure[];
}

/** One mutated text and what the checks need to report on it. */
interface Case {
  random: Random;
  text: string;
  uri: string;
  engine: EngineOptions;
  report: FuzzReport;
  fail(kind: FailureKind, detail: string): void;
  /** Runs one step against the per-file budget. */
  guarded<T>(what: string, run: () => T): T;
}

const MAX_SAVED_FAILURES = 20;
const REPLAY_DIR = path.join(os.tmpdir(), 'hipaa-lint-fuzz');
const isParseProblem = (a: Analysis) => a.problems.some((p) => p.code === 'syntax-error' || p.code === 'duplicate-key');
const sameFinding = (a: Finding, b: Finding) => a.ruleId === b.ruleId && a.resource === b.resource && a.path.join('.') === b.path.join('.');
const message = (e: unknown) => String((e as Error).stack ?? e);
/** Each case has its own generator, so one case replays without running the ones before it. */
const caseRandom = (seed: number, index: number) => mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0);

export function fuzz(options: FuzzOptions): FuzzReport {
  const { seed, budgetMs, maxCases, perFileBudgetMs, fixesPerCase = 2, fixAllEvery = 20, firstCase = 0 } = options;
  const sources = fuzzSources();
  const thrown: string[] = [];
  const engine: EngineOptions = { today: '2026-01-01', rules: watchedRules(thrown) };
  const prototypes = new PrototypeWatch();
  const report: FuzzReport = { seed, cases: 0, elapsedMs: 0, slowestMs: 0, parsedCleanly: 0, fixesTried: 0, fixesVerified: 0, fixesDeclined: {}, fixAllRuns: 0, fixAllApplied: 0, failures: [] };
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;

  for (let index = firstCase; index < firstCase + maxCases && elapsed() < budgetMs; index++) {
    const random = caseRandom(seed, index);
    const source = pick(random, sources);
    const mutated = mutate(source.text, random, 1 + below(random, 3));
    const fail = (kind: FailureKind, detail: string) => {
      const replayFile = path.join(REPLAY_DIR, `seed${seed}-case${index}-${source.name}`);
      // Every failure names its file; only the first few are written, so a systematic bug does not flood the disk.
      if (report.failures.length < MAX_SAVED_FAILURES) {
        fs.mkdirSync(REPLAY_DIR, { recursive: true });
        fs.writeFileSync(replayFile, mutated.text);
      }
      report.failures.push({ caseIndex: index, kind, detail, source: source.name, mutations: mutated.applied, replayFile });
    };
    const guarded = <T>(what: string, run: () => T): T => {
      const { value, ms } = timed(run);
      report.slowestMs = Math.max(report.slowestMs, ms);
      if (ms > perFileBudgetMs) fail('too-slow', `${what} took ${ms.toFixed(0)} ms (budget ${perFileBudgetMs} ms)`);
      return value;
    };
    report.cases++;
    thrown.length = 0;
    runCase({ random, text: mutated.text, uri: `file:///fuzz/${source.name}`, engine, report, fail, guarded }, fixesPerCase, fixAllEvery);
    for (const t of new Set(thrown)) fail('rule-throws', t);
    const polluted = prototypes.takeAdded();
    if (polluted.length) fail('pollutes-prototype', `set ${polluted.join(', ')}`);
  }
  report.elapsedMs = elapsed();
  return report;
}

function runCase(c: Case, fixesPerCase: number, fixAllEvery: number): void {
  let analysis: Analysis;
  try {
    analysis = c.guarded('lint', () => lint(c.text, c.uri, c.engine));
  } catch (e) {
    return c.fail('lint-throws', message(e));
  }
  const clean = !isParseProblem(analysis);
  if (clean) c.report.parsedCleanly++;
  for (const [finding, intent] of chooseFixes(analysis, c.random, fixesPerCase)) {
    c.report.fixesTried++;
    const what = `${finding.ruleId} on ${finding.resource}, "${intent.title}"`;
    try {
      const problem = c.guarded(`verifying ${what}`, () => checkFix(c, analysis, finding, intent));
      if (problem) c.fail(problem.kind, `${what}: ${problem.detail}`);
    } catch (e) {
      c.fail('verify-throws', `${what}: ${message(e)}`);
    }
  }
  // Fix-all keeps a clean file clean; on a broken one it can only decline.
  if (clean && c.report.parsedCleanly % fixAllEvery === 1) checkFixAll(c, analysis);
}

/** Up to `limit` (finding, fix) pairs, chosen at random among all fixes offered. */
function chooseFixes(analysis: Analysis, random: Random, limit: number): [Finding, FixIntent][] {
  const all = analysis.findings.flatMap((f) => f.fixes.map((x): [Finding, FixIntent] => [f, x]));
  const chosen: [Finding, FixIntent][] = [];
  while (all.length && chosen.length < limit) chosen.push(all.splice(below(random, all.length), 1)[0]);
  return chosen;
}

/** A fix that verifies must change only its edit's range, parse cleanly and make its finding go away. */
function checkFix(c: Case, analysis: Analysis, finding: Finding, intent: FixIntent): { kind: FailureKind; detail: string } | undefined {
  const verified = verifyFix(analysis, finding, intent, c.engine);
  if (!verified.ok) {
    c.report.fixesDeclined[verified.reason] = (c.report.fixesDeclined[verified.reason] ?? 0) + 1;
    return undefined;
  }
  c.report.fixesVerified++;
  const { start, end, newText } = verified.edit;
  if (verified.text !== analysis.text.slice(0, start) + newText + analysis.text.slice(end)) return { kind: 'fix-corrupts-text', detail: `text outside the edit ${start}..${end} changed` };
  const after = lint(verified.text, analysis.uri, c.engine);
  if (isParseProblem(after)) return { kind: 'fix-breaks-syntax', detail: after.problems.map((p) => p.message).join('; ') };
  // A fix that asks for the value through a new parameter leaves the finding `unknown` until the value is given.
  const awaited = (f: Finding) => f.status === 'unknown' && JSON.stringify(intent.edits).includes('"newParameter"');
  const left = after.findings.find((f) => sameFinding(f, finding) && !awaited(f));
  return left && { kind: 'fix-leaves-finding', detail: `still reported at ${finding.path.join('.')}: ${left.message}` };
}

/** Fix-all of one rule (chosen at random among those with safe fixes) keeps a clean file clean. */
function checkFixAll(c: Case, analysis: Analysis): void {
  const rules = [...new Set(analysis.findings.filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.ruleId))];
  if (!rules.length) return;
  const rule = pick(c.random, rules);
  c.report.fixAllRuns++;
  try {
    const result = c.guarded(`fix-all of ${rule}`, () => fixAll(analysis, c.engine, { rules: [rule] }));
    c.report.fixAllApplied += result.applied.length;
    if (isParseProblem(result.analysis)) c.fail('fix-all-breaks-syntax', `fix-all of ${rule} applied ${result.applied.map((a) => a.title).join('; ')}: ${result.analysis.problems.map((p) => p.message).join('; ')}`);
  } catch (e) {
    c.fail('fix-all-throws', `${rule}: ${message(e)}`);
  }
}
