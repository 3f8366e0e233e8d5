import { createHash } from 'crypto';
import { pathToFileURL } from 'url';
import { ALL_RULES } from '../../../../rules';
import type { Rule } from '../../../../rules/kit/rule';
import { CITATIONS, citationLabel } from '../../../../rules/kit/citations';
import type { Finding, Severity } from '../../engine/types';
import { locate, suppressionPlace, type FileReport, type LocatedProblem, type RunContext } from '../report';
import { projectUrl, ruleDocText, ruleHelpUri, version } from '../rule-docs';
import { PROBLEM_DESCRIPTIONS } from './problems';

/**
 * SARIF 2.1.0, one run: every rule with its full description, help and help URI; the HIPAA citations as a
 * taxonomy (and in properties); PHI verdict and chain in result properties; suppressions with their reason.
 */

const TAXONOMY = 'HIPAA';
const SRCROOT = '%SRCROOT%';
type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub code scanning ranks security results by this score (0–10). */
const SECURITY_SEVERITY: Record<string, string> = { error: '8.0', warning: '5.5', info: '3.0' };
const TAXA = Object.keys(CITATIONS);

export function formatSarif(reports: FileReport[], ctx: RunContext): string {
  const rules = ALL_RULES.map(ruleDescriptor);
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const problemCodes: string[] = [];
  const results: unknown[] = [];
  const notifications: unknown[] = [];

  for (const report of reports) {
    const location = artifactLocation(report.displayPath);
    if (report.error) {
      notifications.push({ level: 'error', message: { text: `${report.displayPath}: ${report.error}` }, locations: [{ physicalLocation: { artifactLocation: location } }] });
      continue;
    }
    const { findings, problems } = locate(report);
    for (const f of findings) results.push(findingResult(f, report, location, ruleIndex.get(f.ruleId), ctx));
    for (const p of problems) {
      if (!problemCodes.includes(p.code)) problemCodes.push(p.code);
      results.push(problemResult(p, location, ALL_RULES.length + problemCodes.indexOf(p.code)));
    }
  }
  const problemRules = problemCodes.map((code) => ({
    id: code,
    name: pascal(code),
    shortDescription: { text: PROBLEM_DESCRIPTIONS[code]?.short ?? code },
    fullDescription: { text: PROBLEM_DESCRIPTIONS[code]?.full ?? code },
    defaultConfiguration: { level: 'error' },
    properties: { category: 'file', tags: ['hipaa-lint'] },
  }));

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hipaa-lint',
            version: version(),
            semanticVersion: version(),
            ...(projectUrl() ? { informationUri: projectUrl() } : {}),
            rules: [...rules, ...problemRules],
            supportedTaxonomies: [{ name: TAXONOMY, index: 0 }],
          },
        },
        taxonomies: [
          {
            name: TAXONOMY,
            fullName: 'HIPAA Security and Privacy Rules, 45 CFR Part 164',
            organization: 'U.S. Department of Health and Human Services',
            informationUri: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164',
            isComprehensive: false,
            taxa: TAXA.map((key) => ({
              id: key,
              name: CITATIONS[key].title,
              shortDescription: { text: citationLabel(key) },
              properties: { kind: CITATIONS[key].kind, rule: CITATIONS[key].rule },
            })),
          },
        ],
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(ctx.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: Rule): object {
  const doc = ruleDocText(rule.id);
  const citations = rule.hipaa.map(citationLabel);
  const helpText = [rule.title, '', ...citations, '', `AWS: ${rule.responsibility.aws}`, `You: ${rule.responsibility.customer}`, ...(rule.limits ? ['', `Limits: ${rule.limits}`] : [])].join('\n');
  const helpUri = ruleHelpUri(rule.id);
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title}. Cites ${citations.join('; ')}. AWS: ${rule.responsibility.aws} You: ${rule.responsibility.customer}${rule.limits ? ` Limits: ${rule.limits}` : ''}` },
    help: { text: helpText, ...(doc ? { markdown: doc } : {}) },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      category: rule.category,
      tags: ['security', 'hipaa', rule.category],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[rule.severity],
      hipaa: rule.hipaa.map(citation),
      controls: rule.controls,
    },
    relationships: rule.hipaa.filter((key) => TAXA.includes(key)).map((key) => ({ target: { id: key, index: TAXA.indexOf(key), toolComponent: { name: TAXONOMY, index: 0 } }, kinds: ['relevant'] })),
  };
}

function findingResult(f: Finding & { line: number; column: number; endLine: number; endColumn: number }, report: FileReport, location: { uri: string; uriBaseId?: string }, ruleIndex: number | undefined, ctx: RunContext): object {
  const result: Record<string, unknown> = {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: location, region: region(f) },
        logicalLocations: [{ name: f.resource, fullyQualifiedName: f.path.join('.') || f.resource, kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'hipaaLintFinding/v1': fingerprint([report.displayPath, f.ruleId, f.resource, f.messageId, f.path.join('.')]) },
    taxa: f.hipaa.filter((key) => TAXA.includes(key)).map((key) => ({ id: key, index: TAXA.indexOf(key), toolComponent: { name: TAXONOMY, index: 0 } })),
    properties: {
      category: f.category,
      status: f.status,
      resource: f.resource,
      resourceType: f.resourceType,
      path: f.path.join('.'),
      baseSeverity: f.baseSeverity,
      severity: f.severity,
      hipaa: f.hipaa.map(citation),
      phi: { verdict: f.phi.verdict, chain: f.phi.chain.map((s) => ({ resource: s.resource, path: s.path.join('.'), why: s.why })), ...(f.phi.protectsPhi ? { protectsPhi: true } : {}) },
    },
  };
  if (f.suppressed) {
    const place = suppressionPlace(report, f.suppressed, ctx);
    result.suppressions = [
      {
        kind: f.suppressed.source === 'config' ? 'external' : 'inSource',
        status: 'accepted',
        justification: f.suppressed.reason,
        ...(place ? { location: { physicalLocation: { artifactLocation: artifactLocation(place.file), region: { startLine: place.line, startColumn: place.column } } } } : {}),
        properties: { source: f.suppressed.source, ...(f.suppressed.until ? { until: f.suppressed.until } : {}) },
      },
    ];
  }
  return result;
}

function problemResult(p: LocatedProblem, location: { uri: string; uriBaseId?: string }, ruleIndex: number): object {
  return {
    ruleId: p.code,
    ruleIndex,
    level: LEVEL[p.severity],
    message: { text: p.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(p) } }],
  };
}

/** SARIF regions are one-based; the end column is the column after the last character, as ours is. */
function region(x: { line: number; column: number; endLine: number; endColumn: number }): object {
  return { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: Math.max(x.endColumn, x.endLine === x.line ? x.column : 1) };
}

function citation(key: string): object {
  return { section: key, title: CITATIONS[key]?.title, kind: CITATIONS[key]?.kind, label: citationLabel(key) };
}

/** Relative paths resolve against %SRCROOT% (the working folder); absolute ones are file URIs of their own. */
function artifactLocation(displayPath: string): { uri: string; uriBaseId?: string } {
  const p = displayPath.split('\\').join('/');
  if (/^\//.test(p)) return { uri: pathToFileURL(p).href };
  return { uri: p.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascal(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
