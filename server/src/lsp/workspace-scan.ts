// `hipaaLint/scanWorkspace`: lint every template under the workspace folders (skipping what the project config
// ignores and what .gitignore excludes), publish their diagnostics, and report progress. Open documents keep
// their live state. The scan yields between files, so edits and hovers are still answered while it runs.
import * as fs from 'fs';
import { pathToFileURL } from 'url';
import type { Connection, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { expandOperands } from '../cli/files';
import { lint } from '../engine/lint';
import type { Analyses } from './documents';
import { toDiagnostics } from './diagnostics';
import { GitIgnore } from './gitignore';

export interface ScanResult {
  files: number;
  templates: number;
  findings: number;
  ignored: number;
  cancelled: boolean;
}

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The text of a file that can be a template, else undefined: only a regular file (reading a device such as
 * /dev/zero never ends, a folder throws) within the size the scan reads.
 */
export function readTemplateFile(file: string): string | undefined {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() && stat.size <= MAX_BYTES ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    // Unreadable (permissions, removed meanwhile): nothing to lint.
    return undefined;
  }
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function scanWorkspace(
  connection: Connection,
  analyses: Analyses,
  folders: string[],
  isOpen: (uri: string) => boolean,
  progress: WorkDoneProgressReporter,
  cancelled: () => boolean = () => false,
): Promise<ScanResult> {
  const result: ScanResult = { files: 0, templates: 0, findings: 0, ignored: 0, cancelled: false };
  const candidates: string[] = [];
  for (const folder of folders) {
    const git = new GitIgnore(folder);
    for (const file of expandOperands([folder], folder).files) {
      if (git.ignores(file) || analyses.isIgnored(pathToFileURL(file).href)) result.ignored++;
      else candidates.push(file);
    }
  }
  progress.begin('hipaa-lint: scanning the workspace', 0, `${candidates.length} files`, true);
  try {
    for (const [i, file] of candidates.entries()) {
      if (cancelled()) {
        result.cancelled = true;
        break;
      }
      if (i % 10 === 0) {
        progress.report(Math.round((100 * i) / Math.max(1, candidates.length)), `${i}/${candidates.length} files`);
        await yieldToEvents();
      }
      const uri = pathToFileURL(file).href;
      result.files++;
      if (isOpen(uri)) continue;
      const text = readTemplateFile(file);
      if (text === undefined) continue;
      const analysis = lint(text, uri, analyses.optionsFor(uri));
      if (analysis.document.kind !== 'template') continue;
      result.templates++;
      const diagnostics = toDiagnostics(analysis);
      result.findings += diagnostics.length;
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  } finally {
    progress.done();
  }
  return result;
}
