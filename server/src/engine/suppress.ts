import * as path from 'path';
import { fileURLToPath } from 'url';
import { ALL_RULES } from '../../../rules';
import type { MapNode, Span, ValueNode } from '../../../rules/kit/types';
import { asMap, asSeq, mapEntry, mapGet, type ParsedDocument } from '../parse/tree';
import type { ConfigSuppression, HipaaConfig } from './config';
import { didYouMean, isIsoDate, matchesPath, matchesResource } from './patterns';
import type { Finding, Problem, Suppression } from './types';

/**
 * Accepted risks, written where an auditor can read them:
 * - YAML comments: `# hipaa-lint-disable-next-line <rule>[, <rule>] -- <reason> [until YYYY-MM-DD]`, and the
 *   `-resource` (above a resource) and `-file` (anywhere) forms;
 * - `Metadata: { hipaa-lint: { suppress: [{ rule, reason, until }] } }` on a resource, or at template level for the file;
 * - `suppressions:` entries of the config file.
 * Every suppression needs a reason; an expired one no longer applies; one that matches nothing is reported.
 */

export const DIRECTIVES = ['hipaa-lint-disable-next-line', 'hipaa-lint-disable-resource', 'hipaa-lint-disable-file'] as const;
export const METADATA_KEY = 'hipaa-lint';
const METADATA_ENTRY_KEYS = ['rule', 'reason', 'until'];

let knownRules: Set<string> | undefined;
function ruleIds(): Set<string> {
  knownRules ??= new Set(ALL_RULES.map((r) => r.id));
  return knownRules;
}

interface Directive {
  source: Suppression['source'];
  /** How it reads in messages: `hipaa-lint-disable-next-line`, `Metadata suppression`, `config suppression`. */
  label: string;
  rules: string[];
  reason: string;
  until?: string;
  span: Span;
  file?: string;
  covers: (f: Finding) => boolean;
  used: Set<string>;
}

/** Marks suppressed findings (`finding.suppressed`) and returns the problems with suppressions themselves. */
export function applySuppressions(findings: Finding[], doc: ParsedDocument, text: string, uri: string, config: HipaaConfig, today: string): Problem[] {
  const problems: Problem[] = [];
  const directives: Directive[] = [];
  if (doc.format === 'yaml') directives.push(...commentDirectives(doc, text, problems));
  directives.push(...metadataDirectives(doc.root, problems));
  const configDirectives = config.suppressions.filter((s) => appliesToFile(s, uri, config.source)).map((s) => configDirective(s, config.source));

  const active: Directive[] = [];
  for (const d of directives) {
    if (d.until && d.until < today) {
      problems.push({
        code: 'expired-suppression',
        severity: 'info',
        span: d.span,
        message: `Suppression of ${d.rules.join(', ')} expired on ${d.until} (reason: "${d.reason}"); its findings are reported again. Fix the template, or renew the date after review.`,
      });
    } else active.push(d);
  }
  // Config entries that expired are reported once per config file by the CLI, not in every template.
  active.push(...configDirectives.filter((d) => !(d.until && d.until < today)));

  for (const finding of findings) {
    for (const d of active) {
      if (!d.rules.includes(finding.ruleId) || !d.covers(finding)) continue;
      d.used.add(finding.ruleId);
      // The most specific suppression (the first: comments, then Metadata, then config) is the one shown.
      finding.suppressed ??= { source: d.source, reason: d.reason, until: d.until, span: d.span, file: d.file };
    }
  }
  for (const d of active) {
    if (d.source === 'config') continue;
    for (const rule of d.rules) {
      // A rule switched off in the config produces nothing to suppress; that is not the suppression's fault.
      if (d.used.has(rule) || config.rules[rule]?.enabled === false) continue;
      problems.push({
        code: 'unused-suppression',
        severity: 'warning',
        span: d.span,
        message: `Unused suppression: ${d.label} names ${rule}, but no ${rule} finding is there to suppress. Remove it (or the rule id) so the list of accepted risks stays true.`,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------- comments

const COMMENT = /^([ \t]*)#[ \t]*(hipaa-lint-disable[\w-]*)(.*)$/;

function commentDirectives(doc: ParsedDocument, text: string, problems: Problem[]): Directive[] {
  const out: Directive[] = [];
  // Most templates have no directive: skip the line split and the two walks of the tree.
  if (!text.includes('hipaa-lint-disable')) return out;
  const lines = splitLines(text);
  const insideScalar = multiLineScalarSpans(doc.root);
  const ranges = nodeRanges(doc.root);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = COMMENT.exec(line.text);
    if (!m) continue;
    const start = line.start + m[1].length;
    if (insideScalar.some((s) => s.start <= start && start < s.end)) continue;
    const span: Span = { start, end: line.start + line.text.length };
    const name = m[2];
    const invalid = (message: string) => problems.push({ code: 'invalid-suppression', severity: 'error', span, message });
    if (!(DIRECTIVES as readonly string[]).includes(name)) {
      invalid(`Unknown suppression "${name}"; use ${DIRECTIVES.join(', ')}. Nothing was suppressed.`);
      continue;
    }
    const body = parseBody(m[3]);
    if ('error' in body) {
      invalid(`${name}: ${body.error} Nothing was suppressed. Form: # ${name} <rule-id>[, <rule-id>] -- <reason> [until YYYY-MM-DD]`);
      continue;
    }
    const base = { source: 'comment' as const, label: `${name} (line ${i + 1})`, rules: body.rules, reason: body.reason, until: body.until, span, used: new Set<string>() };
    if (name === 'hipaa-lint-disable-file') {
      out.push({ ...base, covers: () => true });
      continue;
    }
    const target = nextContentLine(lines, i);
    if (!target) {
      invalid(`${name} has no line below it to apply to. Nothing was suppressed.`);
      continue;
    }
    if (name === 'hipaa-lint-disable-resource') {
      const resource = resourceStartingAt(doc.root, target.offsets);
      if (!resource) {
        invalid(`${name} must sit on the line above a resource (a key under Resources). Nothing was suppressed.`);
        continue;
      }
      const within = { start: resource.keySpan.start, end: Math.max(resource.keySpan.end, resource.value.span.end) };
      out.push({ ...base, covers: (f) => f.resource === resource.key || (f.span.start >= within.start && f.span.start < within.end) });
      continue;
    }
    // next-line: the line below, and the whole property, resource or list item that starts on it.
    let end = target.lineEnd;
    for (const o of target.offsets) end = Math.max(end, ranges.get(o) ?? end);
    const from = target.lineStart;
    out.push({ ...base, covers: (f) => f.span.start >= from && (f.span.start < end || f.span.start === from) });
  }
  return out;
}

type Body = { rules: string[]; reason: string; until?: string } | { error: string };

/** `<rules> -- <reason> [until YYYY-MM-DD]` */
export function parseBody(raw: string): Body {
  const sep = /(^|\s)--(\s|$)/.exec(raw);
  const rulesPart = sep ? raw.slice(0, sep.index) : raw;
  const rules = rulesPart.split(/[\s,]+/).filter(Boolean);
  if (rules.length === 0) return { error: 'it names no rule.' };
  const unknown = rules.filter((r) => !ruleIds().has(r));
  if (unknown.length) return { error: unknown.map((r) => `no rule "${r}"${didYouMean(r, [...ruleIds()])}`).join('; ') + '; see hipaa-lint rules.' };
  if (!sep) return { error: 'a reason is required after " -- ".' };
  let reason = raw.slice(sep.index + sep[0].length).trim();
  let until: string | undefined;
  const expiry = /(?:^|\s)until\s+(\d{2,4}-\d{1,2}-\d{1,2})\s*$/.exec(reason);
  if (expiry) {
    if (!isIsoDate(expiry[1])) return { error: `"until ${expiry[1]}" is not a date; write until YYYY-MM-DD.` };
    until = expiry[1];
    reason = reason.slice(0, expiry.index).trim();
  }
  if (!reason) return { error: 'a reason is required after " -- ".' };
  return { rules: [...new Set(rules)], reason, until };
}

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, text: text.slice(start) });
  return out;
}

/** The first line after `index` that is neither blank nor a comment; offsets where a node may start on it. */
function nextContentLine(lines: Line[], index: number): { lineStart: number; lineEnd: number; offsets: number[] } | undefined {
  for (let j = index + 1; j < lines.length; j++) {
    const t = lines[j].text;
    const indent = /^[ \t]*/.exec(t)![0].length;
    if (indent === t.length || t[indent] === '#') continue;
    const offsets = [lines[j].start + indent];
    // `- - Key: v`: a node may start after each sequence dash.
    let k = indent;
    while (t[k] === '-' && (t[k + 1] === ' ' || t[k + 1] === '\t')) {
      k++;
      while (t[k] === ' ' || t[k] === '\t') k++;
      offsets.push(lines[j].start + k);
    }
    return { lineStart: lines[j].start, lineEnd: lines[j].start + t.length, offsets };
  }
  return undefined;
}

/** Start offset → end offset of every map entry (key to end of value) and sequence item. */
function nodeRanges(root: ValueNode | undefined): Map<number, number> {
  const out = new Map<number, number>();
  const put = (start: number, end: number) => out.set(start, Math.max(end, out.get(start) ?? end));
  const visit = (node: ValueNode, depth: number) => {
    if (depth > 300) return;
    if (node.kind === 'map') {
      for (const e of node.entries) {
        put(e.keySpan.start, Math.max(e.keySpan.end, e.value.span.end));
        visit(e.value, depth + 1);
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) {
        put(item.span.start, item.span.end);
        visit(item, depth + 1);
      }
    }
  };
  if (root) visit(root, 0);
  return out;
}

/** Block scalars (`|`, `>`) and other multi-line strings: a `#` inside them is content, not a comment. */
function multiLineScalarSpans(root: ValueNode | undefined): Span[] {
  const out: Span[] = [];
  const visit = (node: ValueNode, depth: number) => {
    if (depth > 300) return;
    if (node.kind === 'scalar') {
      if (typeof node.value === 'string' && node.value.includes('\n')) out.push(node.span);
    } else if (node.kind === 'map') for (const e of node.entries) visit(e.value, depth + 1);
    else for (const item of node.items) visit(item, depth + 1);
  };
  if (root) visit(root, 0);
  return out;
}

function resourceStartingAt(root: ValueNode | undefined, offsets: number[]) {
  return asMap(mapGet(root, 'Resources'))?.entries.find((e) => offsets.includes(e.keySpan.start));
}

// ---------------------------------------------------------------------------------------------- Metadata

function metadataDirectives(root: ValueNode | undefined, problems: Problem[]): Directive[] {
  const out: Directive[] = [];
  const templateLevel = mapEntry(asMap(mapGet(root, 'Metadata')), METADATA_KEY);
  if (templateLevel) out.push(...metadataEntries(templateLevel.value, 'template Metadata', () => true, problems));
  for (const r of asMap(mapGet(root, 'Resources'))?.entries ?? []) {
    const own = mapEntry(asMap(mapGet(r.value, 'Metadata')), METADATA_KEY);
    if (!own) continue;
    const within = { start: r.keySpan.start, end: Math.max(r.keySpan.end, r.value.span.end) };
    out.push(...metadataEntries(own.value, `Metadata of ${r.key}`, (f) => f.resource === r.key || (f.span.start >= within.start && f.span.start < within.end), problems));
  }
  return out;
}

function metadataEntries(node: ValueNode, where: string, covers: (f: Finding) => boolean, problems: Problem[]): Directive[] {
  const list = mapEntry(asMap(node), 'suppress');
  if (!list) return [];
  const invalid = (span: Span, message: string) => problems.push({ code: 'invalid-suppression', severity: 'error', span, message: `${where}: ${message} Nothing was suppressed by it.` });
  const items = asSeq(list.value);
  if (!items) {
    invalid(list.keySpan, `${METADATA_KEY}.suppress must be a list of { rule, reason, until? }.`);
    return [];
  }
  const out: Directive[] = [];
  for (const item of items.items) {
    const parsed = metadataEntry(item);
    if ('error' in parsed) invalid(item.span, parsed.error);
    else out.push({ source: 'metadata', label: `${where} (${METADATA_KEY}.suppress)`, ...parsed, span: item.span, covers, used: new Set() });
  }
  return out;
}

function metadataEntry(item: ValueNode): { rules: string[]; reason: string; until?: string } | { error: string } {
  const map: MapNode | undefined = asMap(item);
  if (!map) return { error: 'each suppress entry must be a map { rule, reason, until? }.' };
  const extra = map.entries.filter((e) => !METADATA_ENTRY_KEYS.includes(e.key)).map((e) => e.key);
  if (extra.length) return { error: `unknown key ${extra.map((k) => `"${k}"`).join(', ')}; allowed: ${METADATA_ENTRY_KEYS.join(', ')}.` };
  const rule = scalarText(mapGet(map, 'rule'));
  if (!rule) return { error: 'rule is required (a rule id; see hipaa-lint rules).' };
  if (!ruleIds().has(rule)) return { error: `no rule "${rule}"${didYouMean(rule, [...ruleIds()])}; see hipaa-lint rules.` };
  const reason = scalarText(mapGet(map, 'reason'))?.trim();
  if (!reason) return { error: `a reason is required for ${rule}: say why this risk is accepted.` };
  const untilNode = mapGet(map, 'until');
  const until = untilNode === undefined ? undefined : scalarText(untilNode);
  if (untilNode !== undefined && (!until || !isIsoDate(until))) return { error: `until must be a date written YYYY-MM-DD; got ${JSON.stringify(until ?? null)}.` };
  return { rules: [rule], reason, until };
}

function scalarText(node: ValueNode | undefined): string | undefined {
  return node && node.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

// ---------------------------------------------------------------------------------------------- config

function configDirective(s: ConfigSuppression, source: string | undefined): Directive {
  return {
    source: 'config',
    label: 'config suppression',
    rules: [s.rule],
    reason: s.reason,
    until: s.until,
    span: s.span ?? { start: 0, end: 0 },
    file: source,
    covers: (f) => s.resource === undefined || matchesResource(s.resource, f.resource),
    used: new Set(),
  };
}

/** Does a config suppression's `file` pattern cover this document? Patterns are relative to the config file's folder. */
export function appliesToFile(s: ConfigSuppression, uri: string, configSource: string | undefined): boolean {
  if (s.file === undefined) return true;
  const file = uri.startsWith('file:') ? safeFileUrl(uri) : uri;
  const rel = configSource ? path.relative(path.dirname(configSource), file) : file;
  return matchesPath(s.file, rel.split(path.sep).join('/'));
}

function safeFileUrl(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
