import type { Rule } from '../../../rules/kit/rule';
import { compareIds } from '../../../rules/kit/order';
import type { Resource } from '../../../rules/kit/types';
import { buildCfnModel } from '../model/cfn';
import type { TemplateModel } from '../model/model';
import { buildPlanModel } from '../model/tfplan';
import { detect, mightBeTemplate } from '../parse/detect';
import { parseJson } from '../parse/json';
import { DEFAULT_BUDGETS, type Budgets } from '../parse/limits';
import { EntryIndex, spanOfPath, type ParsedDocument } from '../parse/tree';
import { parseYaml } from '../parse/yaml';
import { reparseYamlEdit, type PreviousParse } from '../parse/yaml-reparse';
import { computePhi } from '../phi';
import { defaultConfig, type HipaaConfig } from './config';
import { EngineContext, terraformKey } from './context';
import { formatMessage } from './messages';
import { defaultRuleIndex, type RuleIndex } from './registry';
import { gradeForScope } from './severity';
import { applySuppressions } from './suppress';
import type { Analysis, Finding, LintOptions, Problem } from './types';

export interface EngineOptions extends LintOptions {
  budgets?: Budgets;
  rules?: RuleIndex;
  /** The previous version of this document and its parse (the language server): an edit inside one resource re-parses only that resource. */
  previous?: PreviousParse;
}

/** Text → findings. Pure: no file system, no network, no global state. Used unchanged by the CLI and the language server. */
export function lint(text: string, uri: string, options: EngineOptions = {}): Analysis {
  const config = options.config ?? defaultConfig();
  const budgets = options.budgets ?? DEFAULT_BUDGETS;
  const empty = (document: Analysis['document'], problems: Problem[] = []): Analysis => ({ uri, document, findings: [], problems, phi: {}, text });

  const looksJson = /\.json$/i.test(uri) || /^\s*[{[]/.test(text.slice(0, 1000));
  const looksPlan = looksJson && /"format_version"/.test(text.slice(0, 4096));
  const limit = looksPlan ? budgets.maxPlanChars : budgets.maxTemplateChars;
  // Big or binary files that do not look like templates are someone else's (package-lock.json, images): skip quietly.
  if ((text.length > limit || text.includes('\u0000')) && !mightBeTemplate(text) && !/\.tf\.json$/i.test(uri)) return empty({ kind: 'ignored' });
  if (text.length > limit) {
    return empty({ kind: 'ignored' }, [{ code: 'budget-exceeded', severity: 'error', span: { start: 0, end: 0 }, message: `File is ${text.length} characters, over the ${limit}-character budget; it was not analysed.` }]);
  }
  if (text.includes('\u0000')) {
    return empty({ kind: 'ignored' }, [{ code: 'invalid-input', severity: 'error', span: { start: 0, end: 0 }, message: 'File contains NUL characters (binary data); it was not analysed.' }]);
  }
  if (!mightBeTemplate(text) && !/\.tf\.json$/i.test(uri)) return empty({ kind: 'ignored' });

  // A plan's tree is built as the model and rules read it; parse issues are collected after the rules ran.
  const doc: ParsedDocument = looksJson ? parseJson(text, budgets, looksPlan) : (options.previous && reparsed(options.previous, text, budgets)) || parseYaml(text, budgets);
  const document = detect(doc.root, uri);
  // An error at the very end (a truncated file) is reported as the parser saw it, one past the last character.
  const inText = (n: number) => Math.min(n, text.length);
  const parseProblems = (): Problem[] => doc.issues.map((i) => ({ code: i.code, message: i.message, span: { start: inText(i.span.start), end: inText(i.span.end) }, severity: 'error' }));
  let problems = parseProblems();
  if (document.kind === 'ignored') {
    // A file that fails to parse but names CloudFormation keys is a broken template: say so.
    return empty(document, problems.length && /AWSTemplateFormatVersion|AWS::/.test(text) ? problems : []);
  }
  if (document.kind === 'unsupported') {
    return empty(document, [{ code: 'unsupported-format', severity: 'info', span: { start: 0, end: 0 }, message: document.message }]);
  }

  const model: TemplateModel = document.family === 'terraform-plan' ? buildPlanModel(doc) : buildCfnModel(doc, document.family, options.parameterValues ?? {});
  const probe = new EngineContext(model, {}, budgets.maxReferenceDepth);
  const phi = computePhi({ model, resolver: probe.resolver, settings: config.phi, maxDepth: budgets.maxPhiDepth });
  const ctx = new EngineContext(model, phi, budgets.maxReferenceDepth, probe.resolver);
  const ruleErrors: Problem[] = [];
  const findings = runRules(model, ctx, options.rules ?? defaultRuleIndex(), config, ruleErrors);
  // After a syntax error the tree is a guess: its shape says nothing more.
  const parsedCleanly = !doc.issues.some((i) => i.code === 'syntax-error');
  const shapeProblems: Problem[] = (parsedCleanly ? (model.shapeIssues ?? []) : []).map((i) => ({ code: 'invalid-template', severity: 'error', span: i.span, message: i.message }));
  problems = [...parseProblems(), ...shapeProblems, ...ruleErrors];
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  problems.push(...applySuppressions(findings, doc, text, uri, config, today));
  findings.sort((a, b) => a.span.start - b.span.start || compareIds(a.ruleId, b.ruleId));
  return { uri, document, findings, problems, phi, model, text, parsed: doc };
}

function reparsed(previous: PreviousParse, text: string, budgets: Budgets): ParsedDocument | undefined {
  const result = reparseYamlEdit(previous, text, budgets);
  return 'parsed' in result ? result.parsed : undefined;
}

function runRules(model: TemplateModel, ctx: EngineContext, index: RuleIndex, config: HipaaConfig, ruleErrors: Problem[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const fileCarriesPhi = model.resources.some((r) => ctx.phi(r.id).verdict === 'phi');
  const entries = new EntryIndex();
  for (const resource of model.resources) {
    if (resource.terraform?.mode === 'data') continue;
    for (const rule of index.forType(model.family, resource.type)) {
      const setting = config.rules[rule.id];
      if (setting && !setting.enabled) continue;
      for (const result of safeCheck(rule, resource, ctx, model, ruleErrors)) {
        const owner = (result.resourceId && ctx.byId(result.resourceId)) || resource;
        const verdict = ctx.phi(resource.id);
        const base = setting?.severity ?? rule.severity;
        const adjusted = gradeForScope(rule.phiScope ?? 'phi', base, verdict, fileCarriesPhi, config.noPhiFindings);
        if (adjusted.severity === 'off') continue;
        const data: Record<string, string> = { resource: resource.id, type: resource.type, ...(result.data ?? {}) };
        let message = formatMessage(messageTemplate(rule, result.messageId, model.family), data);
        if (owner.terraform) message += terraformHint(owner, result.path);
        if ('note' in adjusted && adjusted.note) message += ` (${adjusted.note})`;
        const span = findingSpan(model, owner, owner.implicitFrom ? owner.path : result.path, entries);
        const key = `${rule.id}|${owner.id}|${result.path.join('.')}|${result.messageId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push({
          ruleId: rule.id,
          messageId: result.messageId,
          message,
          category: rule.category,
          severity: adjusted.severity,
          baseSeverity: base,
          status: result.status,
          resource: owner === resource ? resource.id : owner.id,
          resourceType: owner.type,
          path: result.path,
          span,
          hipaa: rule.hipaa,
          phi: verdict,
          fixes: result.fixes ?? [],
        });
      }
    }
  }
  return findings;
}

/**
 * A rule that throws is a bug in the rule, not in the template: its check did not run on this resource, which
 * the user must know (the resource is not shown compliant), so it becomes a problem instead of a crash.
 */
function safeCheck(rule: Rule, resource: Resource, ctx: EngineContext, model: TemplateModel, ruleErrors: Problem[]) {
  try {
    return rule.check(resource, ctx);
  } catch (e) {
    if (process.env.HIPAA_LINT_DEBUG) console.error(`rule ${rule.id} failed on ${resource.id}:`, e);
    const message = `Rule ${rule.id} failed on ${resource.id} (${firstLine(String((e as Error)?.message ?? e))}); that check did not run on this resource. This is a bug in hipaa-lint: please report it.`;
    ruleErrors.push({ code: 'rule-error', severity: 'warning', span: spanOfPath(model.root, resource.path as (string | number)[]).span, message });
    return [];
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 200);
}

/** The rule's text for a message id, in the words of the template's family. */
function messageTemplate(rule: Rule, messageId: string, family: TemplateModel['family']): string {
  return (family === 'terraform-plan' ? rule.terraformMessages?.[messageId] : undefined) ?? rule.messages[messageId] ?? messageId;
}

/** Plans are generated: say which resource and attribute to change in the .tf source. */
function terraformHint(resource: Resource, path: readonly (string | number)[]): string {
  const tf = resource.terraform!;
  const base = resource.propertiesPath.length;
  const attribute = path.length > base && path.slice(0, base).every((seg, i) => seg === resource.propertiesPath[i]) ? terraformKey(path.slice(base)) : '';
  const where = `${resource.type}.${tf.name}${tf.modulePath ? ` in ${tf.modulePath}` : ''}`;
  return attribute ? ` Change ${attribute} on ${where} in the Terraform source.` : ` Change ${where} in the Terraform source.`;
}

const GLOBAL_SECTIONS: Record<string, string> = { 'AWS::Serverless::Function': 'Function', 'AWS::Serverless::Api': 'Api', 'AWS::Serverless::HttpApi': 'HttpApi', 'AWS::Serverless::SimpleTable': 'SimpleTable', 'AWS::Serverless::StateMachine': 'StateMachine' };

/** The key a finding points at; a SAM value merged from `Globals` points at the Globals key it came from. */
function findingSpan(model: TemplateModel, resource: Resource, path: readonly (string | number)[], entries: EntryIndex) {
  const here = spanOfPath(model.root, path as (string | number)[], entries);
  const section = GLOBAL_SECTIONS[resource.type];
  const base = resource.propertiesPath.length;
  if (model.family !== 'sam' || !section || here.found >= path.length || path.length <= base) return here.span;
  const global = spanOfPath(model.root, ['Globals', section, ...path.slice(base)], entries);
  return global.found > 2 + (here.found - base) ? global.span : here.span;
}
