import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from './client';

const ROOT = path.resolve(__dirname, '../../..');
const RECORDS = fs.readFileSync(path.join(ROOT, 'test/vscode/fixtures/records.yaml'), 'utf8');
const RESOLVE = { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } };

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Edit = { range: Range; newText: string };
type Action = { title: string; kind?: string; isPreferred?: boolean; edit?: { changes: Record<string, Edit[]> }; data?: unknown };

function applyEdits(text: string, edits: Edit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

const wholeDocument = (text: string): Range => {
  const lines = text.split('\n');
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
};

const JSON_DB = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "PatientDb": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {
        "Engine": "postgres",
        "StorageEncrypted": false,
        "Tags": [{ "Key": "DataClassification", "Value": "PHI" }]
      }
    }
  }
}
`;

const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  PatientsTable:
    Type: AWS::Serverless::SimpleTable
    Properties:
      Tags:
        DataClassification: PHI
`;

describe('language server: formats, pull diagnostics, config, trust, scan, errors', function () {
  const clients: TestClient[] = [];
  const tmpDirs: string[] = [];
  const start = async (capabilities: object = RESOLVE, options: object = { debounceMs: 0 }, folders: string[] = []) => {
    const c = new TestClient();
    clients.push(c);
    await c.initialize(capabilities, options, folders.length ? folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })) : null);
    return c;
  };
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-lint-lsp-'));
    tmpDirs.push(d);
    return d;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) if (c.child.exitCode === null) await c.stop();
    for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('JSON template: exact range of the finding; the Metadata suppression, applied, removes it', async () => {
    const c = await start();
    const uri = 'file:///virtual/db.json';
    c.open(uri, JSON_DB, 1, 'json');
    const p = await c.diagnostics(uri, 1);
    const db = p.diagnostics.find((d) => d.code === 'rds-storage-encrypted')!;
    assert.deepEqual(db.range, { start: { line: 7, character: 8 }, end: { line: 7, character: 26 } });
    assert.equal(db.severity, 1);
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: db.range, context: { diagnostics: [db] } });
    const suppress = actions.find((a) => a.title === 'Suppress rds-storage-encrypted for PatientDb…')!;
    const suppressed = applyEdits(JSON_DB, suppress.edit!.changes[uri]);
    assert.deepEqual(JSON.parse(suppressed).Resources.PatientDb.Metadata, { 'hipaa-lint': { suppress: [{ rule: 'rds-storage-encrypted', reason: 'REASON: why this risk is accepted' }] } });
    c.change(uri, 2, [{ range: wholeDocument(JSON_DB), text: suppressed }]);
    const after = await c.diagnostics(uri, 2);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'rds-storage-encrypted' || d.code === 'unused-suppression'), []);
    assert.equal(after.diagnostics.length, p.diagnostics.length - 1);
  });

  it('SAM template: the table finding is reported on the SAM resource', async () => {
    const c = await start();
    const uri = 'file:///virtual/sam.yaml';
    c.open(uri, SAM);
    const p = await c.diagnostics(uri, 1);
    const pitr = p.diagnostics.find((d) => d.code === 'dynamodb-pitr')!;
    assert.deepEqual(pitr.range.start, { line: 5, character: 4 });
    assert.equal(pitr.severity, 2);
    assert.match(pitr.message, /^Table PatientsTable has no point-in-time recovery/);
  });

  it('Terraform plan: diagnostics at the planned value; no edit is offered on a generated file', async () => {
    const c = await start();
    const uri = 'file:///virtual/clinic-plan.json';
    const plan = fs.readFileSync(path.join(ROOT, 'examples/clinic-plan.json'), 'utf8');
    c.open(uri, plan, 1, 'json');
    const p = await c.diagnostics(uri, 1);
    const db = p.diagnostics.find((d) => d.code === 'rds-storage-encrypted')!;
    assert.equal(db.range.start.line, plan.split('\n').findIndex((l) => l.includes('"storage_encrypted"')));
    assert.equal(db.severity, 1);
    assert.match(db.message, /Change storage_encrypted on aws_db_instance\.main in module\.records in the Terraform source\.$/);
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: db.range, context: { diagnostics: [db] } });
    assert.deepEqual(actions.map((a) => a.title), ['Show documentation for rds-storage-encrypted']);
    const typeLine = plan.split('\n').findIndex((l) => l.includes('"type": "aws_db_instance"'));
    const h = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: typeLine, character: plan.split('\n')[typeLine].indexOf('aws_db') } });
    assert.match(h.contents.value, /\*\*aws_db_instance\*\* — Amazon Relational Database Service: HIPAA-eligible\n\n_Source: AWS HIPAA Eligible Services Reference, revision of 2025-06-17/);
  });

  it('pull diagnostics when the client supports them, and nothing pushed', async () => {
    const c = await start({ ...RESOLVE, textDocument: { ...RESOLVE.textDocument, diagnostic: { dynamicRegistration: false } } });
    const uri = 'file:///virtual/records.yaml';
    c.open(uri, RECORDS);
    const report = await c.request<{ kind: string; items: { code: string; range: Range }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.find((d) => d.code === 'rds-storage-encrypted')!.range, { start: { line: 6, character: 6 }, end: { line: 6, character: 22 } });
    await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(c.publishedFor(uri), []);
  });

  it('a newly opened document is linted at once, not after the typing debounce', async function () {
    this.timeout(10_000);
    // With a 60 s debounce, only an immediate lint of the opened version can answer within the test's timeout.
    const c = await start(RESOLVE, { debounceMs: 60_000 });
    const uri = 'file:///virtual/records.yaml';
    c.open(uri, RECORDS);
    assert.ok((await c.diagnostics(uri, 1)).diagnostics.some((d) => d.code === 'rds-storage-encrypted'));
  });

  it('pull: a request for a version superseded during the debounce is answered ServerCancelled, the newest in full', async () => {
    const c = await start({ ...RESOLVE, textDocument: { ...RESOLVE.textDocument, diagnostic: {} } }, { debounceMs: 100 });
    const uri = 'file:///virtual/records.yaml';
    c.open(uri, RECORDS);
    const edit = (version: number, text: string) => c.change(uri, version, [{ range: { start: { line: 6, character: 24 }, end: { line: 6, character: 29 } }, text }]);
    edit(2, 'true ');
    const stale = c.request('textDocument/diagnostic', { textDocument: { uri } });
    edit(3, 'false');
    const current = c.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    await assert.rejects(stale, (e: { code: number; data?: { retriggerRequest: boolean } }) => e.code === -32802 && e.data?.retriggerRequest === true);
    const report = await current;
    assert.equal(report.kind, 'full');
    assert.ok(report.items.some((d) => d.code === 'rds-storage-encrypted'), 'version 3 (StorageEncrypted: false) was linted');
  });

  it('finds the config per document and re-lints when .hipaa-lint.yaml changes', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, '.hipaa-lint.yaml'), 'rules:\n  rds-storage-encrypted: off\n');
    const uri = pathToFileURL(path.join(dir, 'template.yaml')).href;
    const c = await start();
    c.open(uri, RECORDS);
    const before = await c.diagnostics(uri, 1);
    assert.equal(before.diagnostics.some((d) => d.code === 'rds-storage-encrypted'), false);
    assert.equal(before.diagnostics.some((d) => d.code === 's3-bucket-default-encryption'), true);
    fs.writeFileSync(path.join(dir, '.hipaa-lint.yaml'), 'rules: {}\n');
    const next = c.nextDiagnostics(uri);
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.hipaa-lint.yaml')).href, type: 2 }] });
    const after = await next;
    assert.equal(after.version, 1);
    assert.equal(after.diagnostics.some((d) => d.code === 'rds-storage-encrypted'), true);
    fs.writeFileSync(path.join(dir, '.hipaa-lint.yaml'), 'rulez: {}\n');
    const broken = c.nextDiagnostics(uri);
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.hipaa-lint.yaml')).href, type: 2 }] });
    const invalid = (await broken).diagnostics.find((d) => d.code === 'invalid-config')!;
    assert.match(invalid.message, /^The project config is invalid, so defaults apply: .*unknown key "rulez"/);
  });

  it('an untrusted workspace gets read-only features: diagnostics and docs, no edits', async () => {
    const c = await start(RESOLVE, { debounceMs: 0, trusted: false });
    const uri = 'file:///virtual/records.yaml';
    c.open(uri, RECORDS);
    const p = await c.diagnostics(uri, 1);
    const d = p.diagnostics.find((x) => x.code === 's3-bucket-default-encryption')!;
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.deepEqual(actions.map((a) => a.title), ['Show documentation for s3-bucket-default-encryption']);
    const fixAll = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [], only: ['source.fixAll.hipaa-lint'] } });
    assert.deepEqual(fixAll, []);
  });

  it('a request that throws is answered with an error, and the server keeps serving', async () => {
    const c = await start();
    const uri = 'file:///virtual/records.yaml';
    c.open(uri, RECORDS);
    await c.diagnostics(uri, 1);
    await assert.rejects(c.request('codeAction/resolve', { title: 'x', data: { uri, version: 1, key: null, fix: 0 } }), (e: { code: number; message: string }) => e.code === -32603 && /code action resolve failed/.test(e.message));
    const h = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 10 } });
    assert.match(h.contents.value, /rds-storage-encrypted/);
    assert.ok(c.logs.some((l) => /code action resolve failed: TypeError/.test(l)));
  });

  it('scans the workspace with progress, skipping .gitignore and config ignores, non-templates and open files', async () => {
    const dir = tmp();
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('.gitignore', '# build output\nbuild/\n*.tmp.yaml\n');
    write('.hipaa-lint.yaml', 'ignore:\n  - legacy\n');
    write('stacks/records.yaml', RECORDS);
    write('stacks/db.json', JSON_DB);
    write('stacks/open.yaml', RECORDS);
    write('build/records.yaml', RECORDS);
    write('stacks/scratch.tmp.yaml', RECORDS);
    write('legacy/records.yaml', RECORDS);
    write('k8s/deployment.yaml', fs.readFileSync(path.join(ROOT, 'test/vscode/fixtures/deployment.yaml'), 'utf8'));
    const c = await start({ ...RESOLVE, window: { workDoneProgress: true } }, { debounceMs: 0 }, [dir]);
    const openUri = pathToFileURL(path.join(dir, 'stacks/open.yaml')).href;
    c.open(openUri, RECORDS);
    await c.diagnostics(openUri, 1);
    const result = await c.request<{ files: number; templates: number; findings: number; ignored: number; cancelled: boolean }>('hipaaLint/scanWorkspace', {});
    const count = (rel: string) => c.publishedFor(pathToFileURL(path.join(dir, rel)).href).reduce((n, p) => n + p.diagnostics.length, 0);
    assert.deepEqual(result, { files: 4, templates: 2, findings: count('stacks/records.yaml') + count('stacks/db.json'), ignored: 3, cancelled: false });
    const published = (rel: string) => c.publishedFor(pathToFileURL(path.join(dir, rel)).href);
    assert.ok(published('stacks/records.yaml')[0].diagnostics.some((d) => d.code === 'rds-storage-encrypted'));
    assert.ok(published('stacks/db.json')[0].diagnostics.some((d) => d.code === 'rds-storage-encrypted'));
    for (const rel of ['build/records.yaml', 'stacks/scratch.tmp.yaml', 'legacy/records.yaml', 'k8s/deployment.yaml']) assert.deepEqual(published(rel), [], rel);
    assert.equal(published('stacks/open.yaml').length, 1, 'the open file keeps its live diagnostics');
    assert.deepEqual([c.progress[0].kind, c.progress[c.progress.length - 1].kind], ['begin', 'end']);
  });

  it('hover: the resolved value and why, what the fix sets, and spec docs on a property without a finding', async () => {
    const c = await start();
    const uri = 'file:///virtual/param.yaml';
    c.open(uri, fs.readFileSync(path.join(__dirname, '../../../test/lsp/fixtures/conditional-db.yaml'), 'utf8'));
    await c.diagnostics(uri, 1);
    const hover = async (line: number, character: number) => (await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } }))?.contents.value ?? '';
    const onFinding = await hover(12, 8);
    assert.match(onFinding, /`StorageEncrypted` resolves to `false` because condition IsProd is false \(parameter `Env` defaults to `dev`\)\./);
    assert.match(onFinding, /\*\*Fix — Encrypt the database storage \(replaces the DB instance\)\*\* \(review first\)\n\nsets `StorageEncrypted`:\n\n```yaml\ntrue\n```/);
    const onEngine = await hover(11, 8);
    assert.match(onEngine, /^\*\*Engine\*\* — The name of the database engine/);
    assert.match(onEngine, /\[CloudFormation reference\]\(http:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/latest\/UserGuide\/aws-resource-rds-dbinstance\.html#cfn-rds-dbinstance-engine\)/);
  });

  it('files the engine refuses unread (too big, binary) stay quiet unless they look like templates', async () => {
    const c = await start();
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${'  k: "v"\n'.repeat(1_000_000)}`;
    c.open('file:///virtual/big.yaml', big);
    c.open('file:///virtual/blob.json', '{"a": "\u0000"}', 1, 'json');
    c.open('file:///virtual/bin.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n# \u0000\n");
    assert.deepEqual((await c.diagnostics('file:///virtual/big.yaml', 1)).diagnostics, []);
    assert.deepEqual((await c.diagnostics('file:///virtual/blob.json', 1)).diagnostics, []);
    assert.deepEqual((await c.diagnostics('file:///virtual/bin.yaml', 1)).diagnostics.map((d) => d.code), ['invalid-input']);
  });

  it('memory stays bounded when a document is opened and closed repeatedly', async () => {
    const c = await start();
    for (let i = 0; i < 30; i++) {
      const uri = `file:///virtual/churn-${i}.yaml`;
      c.open(uri, RECORDS);
      await c.diagnostics(uri, 1);
      const cleared = c.nextDiagnostics(uri);
      c.notify('textDocument/didClose', { textDocument: { uri } });
      assert.deepEqual((await cleared).diagnostics, []);
    }
    // Closed documents are gone from the server: a hover on one answers nothing.
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: 'file:///virtual/churn-0.yaml' }, position: { line: 6, character: 10 } }), null);
  });
});
