import type { HipaaConfig } from '../engine/config';
import { lint } from '../engine/lint';
import { fixAll } from '../fix/fix-all';
import { DEFAULT_BUDGETS } from '../parse/limits';
import { decodeText, readTextFile } from './files';
import type { FileReport } from './report';

/** One file to lint, as plain data so it can cross to a worker thread. */
export interface LintTask {
  index: number;
  /** Absolute path (for stdin: the --stdin-filename resolved, or `<stdin>`). */
  file: string;
  displayPath: string;
  config: HipaaConfig;
  parameterValues: Record<string, string>;
  today: string;
  /** Standard input's bytes, when the text does not come from the file. */
  stdin?: Uint8Array;
  /** Apply safe fixes (in memory; the main thread writes), narrowed to these rules and categories. */
  fix?: { rules: string[]; categories: string[] };
}

/** Read and lint one file. Never throws: a failure becomes the report's `error`. */
export function runTask(task: LintTask): FileReport {
  const base: FileReport = { file: task.file, displayPath: task.displayPath, configSource: task.config.source, failOn: task.config.failOn };
  try {
    const read = task.stdin ? decodeText(Buffer.from(task.stdin)) : readTextFile(task.file, DEFAULT_BUDGETS.maxPlanChars);
    if (!read.ok) return { ...base, error: read.message };
    const engine = { config: task.config, parameterValues: task.parameterValues, today: task.today };
    let analysis = lint(read.text, task.file, engine);
    let fix: FileReport['fix'];
    if (task.fix && analysis.document.kind === 'template') {
      const fixed = fixAll(analysis, engine, task.fix);
      fix = { before: read.text, after: fixed.text, applied: fixed.applied, left: fixed.left };
      analysis = fixed.analysis;
    }
    const resources = analysis.model?.resources.map((r) => ({ id: r.id, type: r.type }));
    // The model and the parse hold the whole document's tree; the formatters need none of it.
    return { ...base, analysis: { ...analysis, model: undefined, parsed: undefined }, resources, fix };
  } catch (e) {
    return { ...base, error: `internal error while linting: ${(e as Error).message}` };
  }
}
