// Quick fixes (each fix alternative, verified on resolve), "Suppress … for this resource", "Show rule
// documentation", and source.fixAll.hipaa-lint (every safe fix, as one minimal edit).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import { fixAll } from '../fix/fix-all';
import { diffAsEdit } from '../fix/types';
import { jsonSet } from '../fix/json-edit';
import { detectStyle } from '../fix/style';
import { verifyFix } from '../fix/verify';
import { LineIndex } from '../parse/positions';
import { asMap, asSeq, mapGet } from '../parse/tree';
import type { Analysed } from './documents';
import { keyOf, matches, type FindingKey } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hipaa-lint`;
export const OPEN_RULE_DOC = 'hipaaLint.openRuleDoc';

interface FixData {
  uri: string;
  version: number;
  key: FindingKey;
  fix: number;
}

/**
 * `trusted: false` (an untrusted workspace): read-only features only, so no action that edits the file is offered;
 * the rule documentation stays available.
 */
export function codeActions(doc: TextDocument, analysed: Analysed, params: CodeActionParams, canResolve: boolean, trusted = true): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const key = (diagnostic.data as { key?: FindingKey } | undefined)?.key;
      const finding = key && analysed.analysis.findings.find((f) => matches(f, key));
      if (!finding) continue;
      if (trusted) {
        finding.fixes.forEach((intent, i) => {
          const action: CodeAction = { title: intent.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: intent.safe, data: { uri: doc.uri, version: doc.version, key, fix: i } satisfies FixData };
          const known = analysed.verified.get(verificationKey(key, i));
          // A fix already found to fail verification is not offered again; one verified before comes with its edit.
          if (known && !known.ok) return;
          if (canResolve && !known) out.push(action);
          else {
            const resolved = resolveFix(action, doc, analysed);
            if (resolved.edit) out.push(resolved);
          }
        });
        const suppress = suppressAction(doc, analysed, finding, diagnostic);
        if (suppress) out.push(suppress);
      }
      out.push({ title: `Show documentation for ${finding.ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: 'Show rule documentation', command: OPEN_RULE_DOC, arguments: [finding.ruleId] } });
    }
  }
  if (trusted && wants(FIX_ALL_KIND) && (only?.length ?? 0) > 0) {
    const edit = fixAllEdit(doc, analysed);
    if (edit) out.push({ title: 'Apply every safe hipaa-lint fix', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: [edit] } } });
  }
  return out;
}

/** Render, re-lint and check the fix; an action whose fix fails verification gets no edit (and is not shown). */
export function resolveFix(action: CodeAction, doc: TextDocument, analysed: Analysed): CodeAction {
  const data = action.data as FixData | undefined;
  if (!data || data.version !== doc.version) return action;
  const finding = analysed.analysis.findings.find((f) => matches(f, data.key));
  const intent = finding?.fixes[data.fix];
  if (!finding || !intent) return action;
  const cacheKey = verificationKey(data.key, data.fix);
  let verified = analysed.verified.get(cacheKey);
  if (!verified) {
    const v = verifyFix(analysed.analysis, finding, intent, analysed.options);
    verified = v.ok ? { ok: true, edit: v.edit } : { ok: false, reason: v.reason };
    analysed.verified.set(cacheKey, verified);
  }
  // The client asked to resolve an action it already shows: answer without an edit, with the reason it is withheld.
  if (!verified.ok) return { ...action, disabled: { reason: `not applied: ${verified.reason}` } };
  const index = new LineIndex(analysed.analysis.text);
  const edit: TextEdit = { range: index.rangeOf({ start: verified.edit.start, end: verified.edit.end }), newText: verified.edit.newText };
  return { ...action, edit: { changes: { [doc.uri]: [edit] } } };
}

const verificationKey = (key: FindingKey, fix: number) => `${key.ruleId}|${key.resource}|${key.messageId}|${key.path}#${fix}`;

function fixAllEdit(doc: TextDocument, analysed: Analysed): TextEdit | undefined {
  if (analysed.analysis.document.kind !== 'template' || analysed.analysis.model?.family === 'terraform-plan') return undefined;
  const result = fixAll(analysed.analysis, analysed.options);
  const edit = diffAsEdit(analysed.analysis.text, result.text);
  if (!edit) return undefined;
  return { range: new LineIndex(analysed.analysis.text).rangeOf({ start: edit.start, end: edit.end }), newText: edit.newText };
}

/** YAML: a comment above the resource. JSON (no comments): an entry in the resource's Metadata. */
function suppressAction(doc: TextDocument, analysed: Analysed, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  const model = analysed.analysis.model;
  const resource = model?.byId.get(finding.resource);
  if (!model || !resource || model.family === 'terraform-plan' || resource.implicitFrom) return undefined;
  const title = `Suppress ${finding.ruleId} for ${finding.resource}…`;
  const text = analysed.analysis.text;
  const entry = asMap(mapGet(model.root, 'Resources'))?.entries.find((e) => e.key === finding.resource);
  if (!entry) return undefined;
  const index = new LineIndex(text);
  if (model.format === 'yaml') {
    const keyStart = index.positionAt(entry.keySpan.start);
    const lineStart = index.offsetAt({ line: keyStart.line, character: 0 });
    const indent = text.slice(lineStart, entry.keySpan.start);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const newText = `${indent}# hipaa-lint-disable-resource ${finding.ruleId} -- REASON: why this risk is accepted${eol}`;
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [doc.uri]: [{ range: { start: { line: keyStart.line, character: 0 }, end: { line: keyStart.line, character: 0 } }, newText }] } } };
  }
  const existing = asSeq(mapGet(asMap(mapGet(asMap(mapGet(entry.value, 'Metadata')), 'hipaa-lint')), 'suppress'));
  const path = [...resource.path, 'Metadata', 'hipaa-lint', 'suppress', existing ? existing.items.length : 0];
  const rendered = jsonSet(text, path, { rule: finding.ruleId, reason: 'REASON: why this risk is accepted' }, detectStyle(text, false));
  if (!rendered.ok) return undefined;
  const edits = rendered.edits.map((e) => ({ range: index.rangeOf({ start: e.start, end: e.end }), newText: e.newText }));
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [doc.uri]: edits } } };
}

export { keyOf };
