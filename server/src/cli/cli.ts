import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../../rules';
import { citationLabel } from '../../../rules/kit/citations';
import { defaultConfig, type HipaaConfig } from '../engine/config';
import { lint } from '../engine/lint';
import { DEFAULT_BUDGETS } from '../parse/limits';
import { HELP, parseArgs, UsageError, type CliOptions } from './args';
import { expandOperands, readTextFile, decodeText } from './files';
import { formatJson } from './formatters/json';
import { formatStylish } from './formatters/stylish';
import { loadParameterValues } from './parameters';
import { atLeast, type FileReport } from './report';
import { formatPhiInventory } from './phi-inventory';

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  readStdin: () => Buffer;
}

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

export function version(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}

/** The command-line tool. Returns the exit code. */
export function runCli(argv: string[], io: CliIo): number {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`hipaa-lint: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  switch (options.command) {
    case 'help':
      io.stdout(HELP);
      return EXIT.clean;
    case 'version':
      io.stdout(`${version()}\n`);
      return EXIT.clean;
    case 'rules':
      io.stdout(listRules());
      return EXIT.clean;
    case 'explain':
      return explain(options.operands[0], io);
    default:
      return lintFiles(options, io);
  }
}

function listRules(): string {
  const rows = ALL_RULES.map((r) => `${r.id.padEnd(48)} ${r.category.padEnd(22)} ${r.severity.padEnd(8)} ${r.hipaa.join(', ')}`);
  return [`${'id'.padEnd(48)} ${'category'.padEnd(22)} ${'severity'.padEnd(8)} citations`, ...rows, `${ALL_RULES.length} rules`, ''].join('\n');
}

export function ruleDocPath(ruleId: string): string | undefined {
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  // Docs sit beside the rule sources: <repo>/rules/<category>/<id>.md
  const candidates = [path.join(__dirname, '../../../../rules', rule.category, `${rule.id}.md`), path.join(__dirname, '../../../rules', rule.category, `${rule.id}.md`)];
  return candidates.find((c) => fs.existsSync(c));
}

function explain(ruleId: string | undefined, io: CliIo): number {
  if (!ruleId) {
    io.stderr('hipaa-lint: explain needs a rule id; see hipaa-lint rules\n');
    return EXIT.usage;
  }
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  if (!rule) {
    io.stderr(`hipaa-lint: no rule "${ruleId}"; see hipaa-lint rules\n`);
    return EXIT.usage;
  }
  const doc = ruleDocPath(ruleId);
  const header = [`${rule.id}: ${rule.title}`, `category: ${rule.category}   severity: ${rule.severity}`, ...rule.hipaa.map((c) => `  ${citationLabel(c)}`), `AWS: ${rule.responsibility.aws}`, `You: ${rule.responsibility.customer}`, ''].join('\n');
  io.stdout(header + '\n' + (doc ? fs.readFileSync(doc, 'utf8') : ''));
  return EXIT.clean;
}

function lintFiles(options: CliOptions, io: CliIo): number {
  const config: HipaaConfig = defaultConfig();
  if (options.phiAssume) config.phi.mode = options.phiAssume;
  if (options.failOn) config.failOn = options.failOn;
  let parameterValues: Record<string, string>;
  try {
    parameterValues = loadParameterValues(options.parameters, io.cwd);
  } catch (e) {
    io.stderr(`hipaa-lint: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const reports: FileReport[] = [];
  let unreadable = false;
  if (options.stdin) {
    const decoded = decodeText(io.readStdin());
    const name = options.stdinFilename ?? '<stdin>';
    if (!decoded.ok) {
      reports.push({ file: name, displayPath: name, error: decoded.message });
      unreadable = true;
    } else reports.push({ file: name, displayPath: name, analysis: lint(decoded.text, name, { config, parameterValues }) });
  } else {
    if (options.operands.length === 0) {
      io.stderr('hipaa-lint: no files given; try hipaa-lint . or hipaa-lint --help\n');
      return EXIT.usage;
    }
    const { files, missing } = expandOperands(options.operands, io.cwd);
    for (const m of missing) {
      io.stderr(`hipaa-lint: no such file or directory: ${m}\n`);
      unreadable = true;
    }
    for (const file of files) {
      const displayPath = path.relative(io.cwd, file) || file;
      const read = readTextFile(file, DEFAULT_BUDGETS.maxPlanChars);
      if (!read.ok) {
        reports.push({ file, displayPath, error: read.message });
        unreadable = true;
        continue;
      }
      reports.push({ file, displayPath, analysis: lint(read.text, file, { config, parameterValues }) });
    }
  }
  const shown = reports.filter((r) => r.error || (r.analysis && r.analysis.document.kind !== 'ignored') || (r.analysis?.problems.length ?? 0) > 0);
  if (options.quiet) for (const r of shown) if (r.analysis) r.analysis = { ...r.analysis, findings: r.analysis.findings.filter((f) => f.severity === 'error') };

  if (options.command === 'phi') {
    io.stdout(formatPhiInventory(shown));
    return unreadable ? EXIT.usage : EXIT.clean;
  }
  const color = options.color ?? (io.isTTY && !io.env.NO_COLOR);
  for (const [i, format] of options.format.entries()) {
    let text: string;
    if (format === 'stylish') text = formatStylish(shown, { color: color && !(i === 0 && options.outputFile) });
    else if (format === 'json') text = formatJson(shown);
    else {
      io.stderr(`hipaa-lint: unknown format "${format}"; use stylish or json\n`);
      return EXIT.usage;
    }
    if (i === 0 && options.outputFile) fs.writeFileSync(path.resolve(io.cwd, options.outputFile), text);
    else io.stdout(text);
  }
  if (unreadable) return EXIT.usage;
  const active = shown.flatMap((r) => r.analysis?.findings ?? []).filter((f) => !f.suppressed);
  const failing = active.some((f) => atLeast(f.severity, config.failOn)) || shown.some((r) => r.analysis?.problems.some((p) => p.severity === 'error'));
  const warnings = active.filter((f) => f.severity === 'warning').length;
  if (failing || (options.maxWarnings !== undefined && warnings > options.maxWarnings)) return EXIT.findings;
  return EXIT.clean;
}
