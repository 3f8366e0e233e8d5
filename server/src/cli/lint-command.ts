import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../../rules';
import type { HipaaConfig } from '../engine/config';
import { ConfigError, ConfigLocator, isIgnored, parametersFor } from '../engine/config-file';
import { isIsoDate } from '../engine/patterns';
import { LineIndex } from '../parse/positions';
import type { CliOptions } from './args';
import type { CliIo } from './cli';
import { configSuppressionReports } from './config-report';
import { expandOperands } from './files';
import { EXIT, exitCodeFor } from './gate';
import type { LintTask } from './lint-task';
import { loadParameterValues } from './parameters';
import { formatPhiInventory } from './phi-inventory';
import { runTasks, workerCount } from './pool';
import { displayPath, type FileReport, type RunContext } from './report';
import { writeOutputs } from './output';
import { unifiedDiff } from '../fix/diff';
import { writeFileAtomically } from '../fix/write-file';

/** What `--fix-type` narrows to: rule categories. */
const FIX_TYPES = ['encryption-at-rest', 'encryption-in-transit', 'public-exposure', 'audit-logging', 'backup-recovery', 'access-control', 'network', 'eligibility'];

/** "fixed 3 problems in 2 files" plus one line per fix, and what was left with its reason. */
function fixSummary(reports: FileReport[], written: boolean): string {
  const lines: string[] = [];
  let applied = 0;
  let files = 0;
  for (const r of reports) {
    if (!r.fix) continue;
    if (r.fix.applied.length) files++;
    for (const a of r.fix.applied) {
      applied++;
      lines.push(`  ${r.displayPath}: ${a.ruleId} on ${a.resource}: ${a.title}`);
    }
    for (const l of r.fix.left) lines.push(`  ${r.displayPath}: left ${l.ruleId} on ${l.resource}: ${l.why}`);
  }
  const head = `hipaa-lint: ${written ? 'fixed' : 'would fix'} ${applied} problem${applied === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  return [head, ...lines, ''].join('\n');
}

/** For tests and reproducible audits: the date suppression expiry is judged against (YYYY-MM-DD). */
export const TODAY_ENV = 'HIPAA_LINT_TODAY';

class Stop extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** `hipaa-lint [options] <files>` and `hipaa-lint phi <files>`. Returns the exit code. */
export function lintCommand(options: CliOptions, io: CliIo): number {
  const fail = (message: string): never => {
    io.stderr(`hipaa-lint: ${message}\n`);
    throw new Stop(EXIT.usage);
  };
  try {
    return run(options, io, fail);
  } catch (e) {
    if (e instanceof Stop) return e.code;
    if (e instanceof ConfigError) {
      io.stderr(`hipaa-lint: invalid config; nothing was linted:\n${e.issues.map((i) => `  ${displayPath(io.cwd, i.file)}:${i.line}:${i.column}: ${i.message}`).join('\n')}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

function run(options: CliOptions, io: CliIo, fail: (message: string) => never): number {
  const today = io.env[TODAY_ENV] ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(today)) fail(`${TODAY_ENV} must be a date written YYYY-MM-DD; got "${today}"`);
  const unknownRules = options.rule.filter((r) => !ALL_RULES.some((x) => x.id === r));
  if (unknownRules.length) fail(`--rule: no rule ${unknownRules.map((r) => `"${r}"`).join(', ')}; see hipaa-lint rules`);
  if (options.reportSuppressed && options.outputs.some((o) => o.format !== 'stylish' && o.format !== 'json')) fail('--report-suppressed prints text (stylish) or json');
  if (options.stdin && options.operands.length) fail('--stdin reads one template from standard input; give no file operands with it');
  if (!options.stdin && options.operands.length === 0) fail('no files given; try hipaa-lint . or hipaa-lint --help');
  if (options.fix && options.stdin) fail('--fix writes files; with --stdin use --fix-dry-run to see the diff');
  if (options.fix && options.fixDryRun) fail('--fix and --fix-dry-run exclude each other');
  const badTypes = options.fixType.filter((t) => !FIX_TYPES.includes(t));
  if (badTypes.length) fail(`--fix-type: unknown ${badTypes.map((t) => `"${t}"`).join(', ')}; one of ${FIX_TYPES.join(', ')}`);
  const fixing = options.fix || options.fixDryRun ? { rules: options.rule, categories: options.fixType } : undefined;

  let cliParameters: Record<string, string> = {};
  try {
    cliParameters = loadParameterValues(options.parameters, io.cwd);
  } catch (e) {
    fail((e as Error).message);
  }
  const explicit = options.config ? path.resolve(io.cwd, options.config) : undefined;
  if (explicit && !fs.existsSync(explicit)) fail(`--config: no such file: ${options.config}`);
  const locator = new ConfigLocator(explicit);
  if (explicit) locator.load(explicit);

  const task = (index: number, file: string, shown: string, stdin?: Uint8Array): LintTask | undefined => {
    const config = locator.configFor(file);
    if (isIgnored(config, file)) return undefined;
    return { index, file, displayPath: shown, config: withOverrides(config, options), parameterValues: { ...parametersFor(config, file), ...cliParameters }, today, stdin, fix: fixing };
  };

  const tasks: LintTask[] = [];
  const directories: string[] = [];
  let unreadable = false;
  if (options.stdin) {
    const name = options.stdinFilename;
    const t = task(0, name ? path.resolve(io.cwd, name) : path.join(io.cwd, '<stdin>'), name ?? '<stdin>', new Uint8Array(io.readStdin()));
    if (t) tasks.push(t);
  } else {
    const { files, missing } = expandOperands(options.operands, io.cwd);
    for (const m of missing) {
      io.stderr(`hipaa-lint: no such file or directory: ${m}\n`);
      unreadable = true;
    }
    for (const operand of options.operands) {
      const abs = path.resolve(io.cwd, operand);
      if (isDirectory(abs)) directories.push(abs);
    }
    for (const file of files) {
      const t = task(tasks.length, file, displayPath(io.cwd, file));
      if (t) tasks.push(t);
    }
  }

  const progress = progressLine(io, tasks.length);
  const reports = runTasks(tasks, workerCount(options.workers, tasks.length), progress.update);
  progress.clear();
  if (reports.some((r) => r.error)) unreadable = true;

  let shown: FileReport[] = reports.filter((r) => r.error || (r.analysis && r.analysis.document.kind !== 'ignored') || (r.analysis?.problems.length ?? 0) > 0);
  shown.push(...configSuppressionReports(locator.all(), reports, directories, today, io.cwd));
  shown = narrow(shown, options);

  if (options.command === 'phi') {
    io.stdout(formatPhiInventory(shown));
    return unreadable ? EXIT.usage : EXIT.clean;
  }
  if (options.fixDryRun) {
    io.stdout(shown.map((r) => (r.fix && r.fix.after !== r.fix.before ? unifiedDiff(r.fix.before, r.fix.after, r.displayPath) : '')).join(''));
    io.stderr(fixSummary(shown, false));
    return unreadable ? EXIT.usage : exitCodeFor(shown, { failOn: options.failOn, maxWarnings: options.maxWarnings });
  }
  if (options.fix) {
    for (const r of shown) {
      if (!r.fix || r.fix.after === r.fix.before) continue;
      const written = writeFileAtomically(r.file, r.fix.before, r.fix.after);
      if (!written.ok) {
        io.stderr(`hipaa-lint: ${written.reason}\n`);
        unreadable = true;
        r.fix = { ...r.fix, applied: [] };
      }
    }
    io.stderr(fixSummary(shown, true));
  }
  const ctx: RunContext = { cwd: io.cwd, configLine: configLines(locator) };
  const color = options.color ?? (io.isTTY && !io.env.NO_COLOR);
  const writeError = writeOutputs(options.outputs, shown, ctx, { color, reportSuppressed: options.reportSuppressed }, io.stdout);
  if (writeError) fail(writeError);
  if (unreadable) return EXIT.usage;
  // The accepted-risk listing is for reading, not a gate.
  if (options.reportSuppressed) return EXIT.clean;
  return exitCodeFor(shown, { failOn: options.failOn, maxWarnings: options.maxWarnings });
}

function withOverrides(config: HipaaConfig, options: CliOptions): HipaaConfig {
  return { ...config, phi: { ...config.phi, mode: options.phiAssume ?? config.phi.mode }, failOn: options.failOn ?? config.failOn };
}

/** --rule keeps those rules' findings; --quiet keeps errors only (findings and problems), in output and exit code. */
function narrow(reports: FileReport[], options: CliOptions): FileReport[] {
  if (!options.rule.length && !options.quiet) return reports;
  return reports.map((r) => {
    if (!r.analysis) return r;
    let { findings, problems } = r.analysis;
    if (options.rule.length) findings = findings.filter((f) => options.rule.includes(f.ruleId));
    if (options.quiet) {
      findings = findings.filter((f) => f.severity === 'error');
      problems = problems.filter((p) => p.severity === 'error');
    }
    return { ...r, analysis: { ...r.analysis, findings, problems } };
  });
}

function configLines(locator: ConfigLocator): RunContext['configLine'] {
  const indexes = new Map<string, LineIndex>();
  return (file, offset) => {
    const loaded = locator.all().get(file);
    if (!loaded) return undefined;
    let index = indexes.get(file);
    if (!index) indexes.set(file, (index = new LineIndex(loaded.text)));
    return index.positionAt(offset).line + 1;
  };
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** `linted 12/340 files` on stderr, rewritten in place, only when stderr is a terminal. */
function progressLine(io: CliIo, total: number): { update: (done: number, total: number) => void; clear: () => void } {
  const on = (io.stderrIsTTY ?? !!process.stderr.isTTY) && total > 1;
  let last = 0;
  let shown = false;
  return {
    update: (done, all) => {
      if (!on) return;
      const now = Date.now();
      if (done < all && now - last < 100) return;
      last = now;
      shown = true;
      io.stderr(`\rhipaa-lint: linted ${done}/${all} files`);
    },
    clear: () => {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}
