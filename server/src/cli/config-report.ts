import * as path from 'path';
import type { LoadedConfig } from '../engine/config-file';
import { matchesResource } from '../engine/patterns';
import { appliesToFile } from '../engine/suppress';
import type { Problem } from '../engine/types';
import { displayPath, type FileReport } from './report';

/**
 * Problems with config-file suppressions, reported once against the config file rather than in every template:
 * expired entries always; unused entries only when the run covered the config's whole folder (a directory
 * operand at or above it), since a pre-commit run over a few staged files cannot know what the others hold.
 */
export function configSuppressionReports(configs: ReadonlyMap<string, LoadedConfig>, reports: FileReport[], directoryOperands: string[], today: string, cwd: string): FileReport[] {
  const out: FileReport[] = [];
  for (const [source, { config, text }] of configs) {
    if (!config.suppressions.length) continue;
    const dir = path.dirname(source);
    const fullRun = directoryOperands.some((d) => d === dir || !path.relative(d, dir).startsWith('..'));
    const problems: Problem[] = [];
    for (const s of config.suppressions) {
      const span = s.span ?? { start: 0, end: 0 };
      if (s.until && s.until < today) {
        problems.push({ code: 'expired-suppression', severity: 'info', span, message: `Suppression of ${s.rule}${s.resource ? ` on ${s.resource}` : ''} expired on ${s.until} (reason: "${s.reason}"); its findings are reported again. Fix the templates, or renew the date after review.` });
        continue;
      }
      if (!fullRun) continue;
      const used = reports.some(
        (r) => r.configSource === source && appliesToFile(s, r.file, source) && (r.analysis?.findings ?? []).some((f) => f.ruleId === s.rule && (s.resource === undefined || matchesResource(s.resource, f.resource))),
      );
      if (!used) {
        problems.push({ code: 'unused-suppression', severity: 'warning', span, message: `Unused suppression: no ${s.rule} finding${s.resource ? ` on ${s.resource}` : ''}${s.file ? ` in ${s.file}` : ''} to suppress. Remove the entry so the list of accepted risks stays true.` });
      }
    }
    if (problems.length) {
      out.push({ file: source, displayPath: displayPath(cwd, source), analysis: { uri: source, document: { kind: 'ignored' }, findings: [], problems, phi: {}, text } });
    }
  }
  return out;
}
