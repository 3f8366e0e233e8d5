import * as fs from 'fs';
import * as path from 'path';
import type { OutputSpec } from './args';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { formatSuppressedJson, formatSuppressedText } from './formatters/suppressed';
import type { FileReport, RunContext } from './report';

export interface RenderOptions {
  color: boolean;
  reportSuppressed: boolean;
}

export function render(spec: OutputSpec, reports: FileReport[], ctx: RunContext, options: RenderOptions): string {
  if (options.reportSuppressed) return spec.format === 'json' ? formatSuppressedJson(reports, ctx) : formatSuppressedText(reports, ctx);
  switch (spec.format) {
    case 'stylish':
      return formatStylish(reports, { color: options.color && !spec.file });
    case 'json':
      return formatJson(reports, ctx);
    case 'sarif':
      return formatSarif(reports, ctx);
    case 'github':
      return formatGithub(reports);
    case 'junit':
      return formatJunit(reports);
  }
}

/** Write every requested report; returns an error message for the first file that could not be written. */
export function writeOutputs(outputs: OutputSpec[], reports: FileReport[], ctx: RunContext, options: RenderOptions, stdout: (s: string) => void): string | undefined {
  for (const spec of outputs) {
    const text = render(spec, reports, ctx, options);
    if (!spec.file) {
      stdout(text);
      continue;
    }
    const file = path.resolve(ctx.cwd, spec.file);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    } catch (e) {
      return `cannot write ${spec.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
    }
  }
  return undefined;
}
