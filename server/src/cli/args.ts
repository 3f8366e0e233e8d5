import type { Severity } from '../engine/types';
import type { PhiMode } from '../engine/config';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

/** One report to write: a format and where it goes (standard output when `file` is absent). */
export interface OutputSpec {
  format: FormatName;
  file?: string;
}

export interface CliOptions {
  command: 'lint' | 'rules' | 'explain' | 'phi' | 'help' | 'version';
  operands: string[];
  /** Format specs as given: `name` or `name:file`. */
  format: string[];
  /** The formats resolved: each with its destination. */
  outputs: OutputSpec[];
  outputFile?: string;
  failOn?: Severity;
  phiAssume?: PhiMode;
  parameters: string[];
  config?: string;
  quiet: boolean;
  maxWarnings?: number;
  color?: boolean;
  stdin: boolean;
  stdinFilename?: string;
  fix: boolean;
  fixDryRun: boolean;
  fixType: string[];
  rule: string[];
  reportSuppressed: boolean;
  workers?: number;
}

export class UsageError extends Error {}

const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const MODES = ['declared', 'inferred', 'all'];

/** Parse argv (without node and script). Throws UsageError with a message for the user. */
export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { command: 'lint', operands: [], format: [], outputs: [], parameters: [], quiet: false, stdin: false, fix: false, fixDryRun: false, fixType: [], rule: [], reportSuppressed: false };
  const args = [...argv];
  if (args[0] === 'rules' || args[0] === 'explain' || args[0] === 'phi') o.command = args.shift() as CliOptions['command'];
  const value = (flag: string, inline: string | undefined): string => {
    const v = inline ?? args.shift();
    if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (args.length) {
    const raw = args.shift()!;
    if (raw === '--') {
      o.operands.push(...args.splice(0));
      break;
    }
    if (!raw.startsWith('-') || raw === '-') {
      o.operands.push(raw);
      continue;
    }
    const eq = raw.indexOf('=');
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    switch (flag) {
      case '-h':
      case '--help':
        o.command = 'help';
        break;
      case '-v':
      case '--version':
        o.command = 'version';
        break;
      case '-f':
      case '--format':
        o.format.push(...value(flag, inline).split(','));
        break;
      case '-o':
      case '--output-file':
        o.outputFile = value(flag, inline);
        break;
      case '--fail-on': {
        const v = value(flag, inline);
        if (!SEVERITIES.includes(v)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}; got "${v}"`);
        o.failOn = v as Severity;
        break;
      }
      case '--phi-assume': {
        const v = value(flag, inline);
        if (!MODES.includes(v)) throw new UsageError(`--phi-assume must be one of ${MODES.join(', ')}; got "${v}"`);
        o.phiAssume = v as PhiMode;
        break;
      }
      case '--parameters':
        o.parameters.push(value(flag, inline));
        break;
      case '-c':
      case '--config':
        o.config = value(flag, inline);
        break;
      case '-q':
      case '--quiet':
        o.quiet = true;
        break;
      case '--max-warnings': {
        const v = value(flag, inline);
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a non-negative integer; got "${v}"`);
        o.maxWarnings = Number(v);
        break;
      }
      case '--color':
        o.color = true;
        break;
      case '--no-color':
        o.color = false;
        break;
      case '--stdin':
        o.stdin = true;
        break;
      case '--stdin-filename':
        o.stdinFilename = value(flag, inline);
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--fix-dry-run':
        o.fixDryRun = true;
        break;
      case '--fix-type':
        o.fixType.push(...value(flag, inline).split(','));
        break;
      case '--rule':
        o.rule.push(...value(flag, inline).split(','));
        break;
      case '--report-suppressed':
        o.reportSuppressed = true;
        break;
      case '--workers': {
        const v = value(flag, inline);
        if (!/^\d+$/.test(v)) throw new UsageError(`--workers needs a positive integer; got "${v}"`);
        o.workers = Math.max(1, Number(v));
        break;
      }
      default:
        throw new UsageError(`unknown option ${flag}; see hipaa-lint --help`);
    }
  }
  if (o.format.length === 0) o.format.push('stylish');
  o.outputs = resolveOutputs(o.format, o.outputFile);
  return o;
}

/** `name[:file]` specs → outputs; `--output-file` takes the first spec without a file; one report at most on stdout. */
function resolveOutputs(specs: string[], outputFile: string | undefined): OutputSpec[] {
  const outputs: OutputSpec[] = [];
  let outputFileUsed = false;
  for (const spec of specs) {
    const colon = spec.indexOf(':');
    const name = (colon >= 0 ? spec.slice(0, colon) : spec).trim();
    const file = colon >= 0 ? spec.slice(colon + 1) : undefined;
    if (!(FORMATS as readonly string[]).includes(name)) throw new UsageError(`unknown format "${name}"; use ${FORMATS.join(', ')}`);
    if (file === '') throw new UsageError(`--format ${name}: needs a file name after the colon`);
    if (file === undefined && outputFile && !outputFileUsed) {
      outputFileUsed = true;
      outputs.push({ format: name as FormatName, file: outputFile });
    } else outputs.push({ format: name as FormatName, file });
  }
  if (outputs.filter((x) => !x.file).length > 1) throw new UsageError('only one format can go to standard output; send the others to files: --format sarif:results.sarif');
  return outputs;
}

export const HELP = `hipaa-lint — find where PHI could end up unprotected in AWS infrastructure-as-code

Usage:
  hipaa-lint [options] <file|directory|glob>...   lint CloudFormation, SAM and Terraform plan JSON
  hipaa-lint phi <file|directory>...              print the PHI inventory with reason chains
  hipaa-lint rules                                list every rule (id, category, severity, citations)
  hipaa-lint explain <rule-id>                    print a rule's documentation
  hipaa-lint --stdio | --node-ipc                 run as a language server

Options:
  -f, --format <name>[:<file>]   stylish (default), json, sarif, github, junit; comma-separated or repeated
                            for several, each to its own file (e.g. -f stylish,sarif:results.sarif)
  -o, --output-file <file>  write the (first) report to a file
  --fail-on <severity>      exit 1 when a finding is at or above: error, warning (default), info, hint
  --max-warnings <n>        exit 1 when there are more than n warnings
  --phi-assume <mode>       declared | inferred (default) | all
  --parameters <file|K=V>   template parameter values (deploy --parameter-overrides JSON, or Key=Value)
  -c, --config <file>       project config (default: nearest .hipaa-lint.yaml)
  -q, --quiet               report errors only
  --stdin                   read the template from standard input (with --stdin-filename)
  --fix, --fix-dry-run      apply safe fixes in place / print them as a diff
  --fix-type <kind>, --rule <id>   narrow fixes or findings
  --report-suppressed       list accepted risks (suppressions with reasons and expiry)
  --no-color, --color       force colors off or on (off when not a TTY or NO_COLOR is set)
  --workers <n>             lint in n worker threads (default: one per core but one, when there are many files)
  -h, --help, -v, --version

Exit codes: 0 no finding at or above the failing severity; 1 findings at or above it (or too many
warnings); 2 usage error, invalid config, or an input that could not be read.
`;
