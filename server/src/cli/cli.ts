import * as fs from 'fs';
import { ALL_RULES } from '../../../rules';
import { citationLabel } from '../../../rules/kit/citations';
import { ELIGIBILITY_SOURCE } from '../../../rules/eligibility/eligibility';
import { HELP, parseArgs, UsageError, type CliOptions } from './args';
import { EXIT } from './gate';
import { lintCommand } from './lint-command';
import { ruleDocPath, version } from './rule-docs';

export { EXIT } from './gate';
export { ruleDocPath, version } from './rule-docs';

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  readStdin: () => Buffer;
  /** Whether stderr is a terminal (for the progress line); defaults to the process's stderr. */
  stderrIsTTY?: boolean;
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
      return lintCommand(options, io);
  }
}

function listRules(): string {
  const rows = ALL_RULES.map((r) => `${r.id.padEnd(48)} ${r.category.padEnd(22)} ${r.severity.padEnd(8)} ${r.hipaa.join(', ')}`);
  return [`${'id'.padEnd(48)} ${'category'.padEnd(22)} ${'severity'.padEnd(8)} citations`, ...rows, `${ALL_RULES.length} rules`, ''].join('\n');
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
  const header = [`${rule.id}: ${rule.title}`, `category: ${rule.category}   severity: ${rule.severity}`, ...rule.hipaa.map((c) => `  ${citationLabel(c)}`), `AWS: ${rule.responsibility.aws}`, `You: ${rule.responsibility.customer}`, ...(rule.category === 'eligibility' ? [`Eligibility list: ${ELIGIBILITY_SOURCE.title}, revision of ${ELIGIBILITY_SOURCE.revision} (${ELIGIBILITY_SOURCE.url})`] : []), ''].join('\n');
  io.stdout(header + '\n' + (doc ? fs.readFileSync(doc, 'utf8') : ''));
  return EXIT.clean;
}

