import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const workspace = () => vscode.workspace.workspaceFolders![0].uri;
const fixture = (name: string) => vscode.Uri.joinPath(workspace(), name);

/** Resolves when the document has hipaa-lint diagnostics matching `accept` (waits on the event, never the clock). */
function diagnosticsFor(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'hipaa-lint');
  return new Promise((resolve) => {
    if (accept(ours())) return resolve(ours());
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && accept(ours())) {
        sub.dispose();
        resolve(ours());
      }
    });
  });
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('hipaa-lint in VS Code', () => {
  it('reports an unencrypted PHI database at the StorageEncrypted key', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('records.yaml'));
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'rds-storage-encrypted'));
    const db = diags.find((d) => codeOf(d) === 'rds-storage-encrypted')!;
    assert.equal(db.range.start.line, 6);
    assert.equal(db.range.start.character, 6);
    assert.equal(db.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(diags.some((d) => codeOf(d) === 's3-bucket-default-encryption'));
  });

  it('hover on the flagged property cites the Security Rule', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('records.yaml'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(6, 10));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /164\.312\(a\)\(2\)\(iv\)/);
    assert.match(text, /Encryption and decryption/);
  });

  it('links each diagnostic to its rule documentation, shipped in the package', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('records.yaml'));
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'rds-storage-encrypted'));
    const code = diags.find((d) => codeOf(d) === 'rds-storage-encrypted')!.code as { value: string; target: vscode.Uri };
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'hipaa-lint')!;
    assert.equal(code.target.fsPath, path.join(ext.extensionPath, 'rules/encryption-at-rest/rds-storage-encrypted.md'));
    assert.ok(fs.existsSync(code.target.fsPath));
  });

  it('shows a code lens with the PHI verdict above each PHI resource', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('records.yaml'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title.split(' · ')[0]]),
      [
        [2, 'PHI — declared by tag'],
        [10, 'PHI — declared by tag'],
      ],
    );
  });

  it('lists the PHI inventory of the active file', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('records.yaml'));
    await vscode.window.showTextDocument(doc);
    const inventory = await vscode.commands.executeCommand<{ resource: string; verdict: string }[]>('hipaaLint.showPhiInventory');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.deepEqual(inventory.map((e) => `${e.resource}:${e.verdict}`), ['PatientDb:phi', 'ScansBucket:phi']);
  });

  it('scans the workspace: templates that are not open get their diagnostics too', async () => {
    const result = await vscode.commands.executeCommand<{ templates: number; findings: number; cancelled: boolean }>('hipaaLint.scanWorkspace');
    // records.yaml is open (live diagnostics), deployment.yaml is not a template: closed-stack.json is scanned.
    assert.equal(result.templates, 1, JSON.stringify(result));
    assert.equal(result.cancelled, false);
    const closed = await diagnosticsFor(fixture('closed-stack.json'), (d) => d.length > 0);
    assert.equal(closed.length, result.findings);
    assert.ok(closed.some((d) => codeOf(d) === 'rds-storage-encrypted'));
  });

  it('offers source.fixAll.hipaa-lint for codeActionsOnSave', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('records.yaml'));
    await vscode.window.showTextDocument(doc);
    await diagnosticsFor(doc.uri, (d) => d.length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.hipaa-lint');
    assert.deepEqual(actions.map((a) => a.kind?.value), ['source.fixAll.hipaa-lint']);
    assert.ok(actions[0].edit && actions[0].edit.size === 1);
  });

  it('offers a quick fix that removes the finding when applied', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('records.yaml'));
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsFor(doc.uri, (d) => d.some((x) => codeOf(x) === 's3-bucket-default-encryption'));
    const bucket = diags.find((d) => codeOf(d) === 's3-bucket-default-encryption')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, bucket.range, vscode.CodeActionKind.QuickFix.value, 10);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Suppress s3-bucket-default-encryption')), titles.join(' | '));
    const fix = actions.find((a) => a.title.startsWith('Declare default encryption'));
    assert.ok(fix && fix.edit, `no resolved fix among: ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    assert.match(doc.getText(), /BucketEncryption:\n\s+ServerSideEncryptionConfiguration:/);
    await diagnosticsFor(doc.uri, (d) => !d.some((x) => codeOf(x) === 's3-bucket-default-encryption'));
  });

  it('leaves a Kubernetes manifest alone', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('deployment.yaml'));
    await vscode.window.showTextDocument(doc);
    // The records file is re-linted after this edit; once its diagnostics arrive the server has seen both files.
    const records = await vscode.workspace.openTextDocument(fixture('records.yaml'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(records.uri, new vscode.Position(records.lineCount, 0), '# touched\n');
    await vscode.workspace.applyEdit(edit);
    await diagnosticsFor(records.uri, (d) => d.length > 0);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'hipaa-lint'), []);
  });

  it('explain rule opens the rule documentation', async () => {
    // Last of the editor tests: the doc replaces the preview tab, and pulled diagnostics follow the open tabs.
    await vscode.commands.executeCommand('hipaaLint.explainRule', 'rds-storage-encrypted');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith('/rules/encryption-at-rest/rds-storage-encrypted.md'), editor?.document.uri.toString());
    assert.match(editor!.document.getText(), /^# /);
  });

  it('contributes the CloudFormation tags to the YAML extension', () => {
    // Without the YAML extension installed the setting is not registered, so read our contribution itself.
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'hipaa-lint')!;
    const tags: string[] = vscode.workspace.getConfiguration('yaml').get<string[]>('customTags') ?? ext.packageJSON.contributes.configurationDefaults['yaml.customTags'];
    assert.ok(tags.includes('!Ref scalar') && tags.includes('!GetAtt sequence'));
  });

  it('declares support for untrusted workspaces', () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'hipaa-lint')!;
    assert.equal(ext.packageJSON.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(path.basename(ext.extensionPath).length > 0);
  });
});
