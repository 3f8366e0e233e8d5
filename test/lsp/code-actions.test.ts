import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, resolveFix } from '../../server/src/lsp/code-actions';
import { keyOf, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { Analyses } from '../../server/src/lsp/documents';

const ROOT = path.resolve(__dirname, '../../..');
const RECORDS = fs.readFileSync(path.join(ROOT, 'test/vscode/fixtures/records.yaml'), 'utf8');

describe('code actions: a fix that fails verification', () => {
  it('is withheld on resolve with the reason, and not offered again for that version', () => {
    const doc = TextDocument.create('file:///virtual/records.yaml', 'yaml', 1, RECORDS);
    const analysed = new Analyses(() => undefined).get(doc);
    const finding = analysed.analysis.findings.find((f) => f.ruleId === 's3-bucket-default-encryption')!;
    // A fix that changes something unrelated: re-linting still finds the problem, so verification must refuse it.
    finding.fixes = [{ title: 'Touch the engine', safe: true, edits: [{ op: 'set', path: ['Resources', 'PatientDb', 'Properties', 'Engine'], value: 'mysql' }] }];
    const diagnostic = toDiagnostics(analysed.analysis).find((d) => d.code === 's3-bucket-default-encryption')!;
    const params = { textDocument: { uri: doc.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
    const first = codeActions(doc, analysed, params, true);
    const offered = first.find((a) => a.title === 'Touch the engine')!;
    assert.deepEqual(offered.data, { uri: doc.uri, version: 1, key: keyOf(finding), fix: 0 });
    const resolved = resolveFix(offered, doc, analysed);
    assert.equal(resolved.edit, undefined);
    assert.deepEqual(resolved.disabled, { reason: 'not applied: the finding is still there after the fix' });
    assert.deepEqual(codeActions(doc, analysed, params, true).map((a) => a.title), ['Suppress s3-bucket-default-encryption for ScansBucket…', 'Show documentation for s3-bucket-default-encryption']);
    // Without resolve support the fix is verified up front and left out.
    assert.equal(codeActions(doc, analysed, params, false).some((a) => a.title === 'Touch the engine'), false);
  });
});
