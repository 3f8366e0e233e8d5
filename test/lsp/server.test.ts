import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TestClient } from './client';

const ROOT = path.resolve(__dirname, '../../..');
const RECORDS = fs.readFileSync(path.join(ROOT, 'test/vscode/fixtures/records.yaml'), 'utf8');
const URI = 'file:///virtual/records.yaml';
const RESOLVE = { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } };

type Action = { title: string; isPreferred?: boolean; kind?: string; edit?: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> }; command?: { command: string; arguments: unknown[] }; data?: unknown };

function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('language server over stdio', function () {
  let client: TestClient;
  beforeEach(async () => {
    client = new TestClient();
    await client.initialize(RESOLVE);
  });
  afterEach(async () => {
    if (client.child.exitCode === null) await client.stop();
  });

  it('publishes versioned diagnostics with exact ranges, rule codes, doc links and the PHI chain', async () => {
    client.open(URI, RECORDS);
    const p = await client.diagnostics(URI, 1);
    const db = p.diagnostics.find((d) => d.code === 'rds-storage-encrypted')!;
    assert.deepEqual(db.range, { start: { line: 6, character: 6 }, end: { line: 6, character: 22 } });
    assert.equal(db.severity, 1);
    assert.equal(db.source, 'hipaa-lint');
    assert.equal(db.message, 'Database PatientDb stores data unencrypted: StorageEncrypted is not true.');
    assert.match(db.codeDescription!.href, /^file:\/\/.*\/rules\/encryption-at-rest\/rds-storage-encrypted\.md$/);
    assert.deepEqual(db.relatedInformation!.map((r) => [r.location.range.start.line, r.message]), [[9, 'declared PHI by its tag DataClassification=PHI']]);
  });

  it('re-lints on change and publishes for the new version; the fixed finding is gone', async () => {
    client.open(URI, RECORDS);
    await client.diagnostics(URI, 1);
    client.change(URI, 2, [{ range: { start: { line: 6, character: 24 }, end: { line: 6, character: 29 } }, text: 'true' }]);
    const p = await client.diagnostics(URI, 2);
    assert.deepEqual(p.diagnostics.filter((d) => d.code === 'rds-storage-encrypted'), []);
  });

  it('only the newest of rapid edits is linted (debounced), and it is published with its version', async () => {
    const slow = new TestClient();
    await slow.initialize(RESOLVE, { debounceMs: 200 });
    slow.open(URI, RECORDS);
    await slow.diagnostics(URI, 1);
    for (let v = 2; v <= 6; v++) slow.change(URI, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    const p = await slow.diagnostics(URI, 6);
    assert.equal(p.diagnostics.length, (await slow.diagnostics(URI, 1)).diagnostics.length);
    assert.deepEqual(slow.publishedFor(URI).map((x) => x.version), [1, 6], 'versions 2-5 were never linted');
    await slow.stop();
  });

  it('a Kubernetes manifest gets an empty diagnostics list and no hover', async () => {
    const uri = 'file:///virtual/deployment.yaml';
    client.open(uri, fs.readFileSync(path.join(ROOT, 'test/vscode/fixtures/deployment.yaml'), 'utf8'));
    assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics, []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }), null);
  });

  it('hover on a finding cites §164 with titles, shared responsibility and the resolved value', async () => {
    client.open(URI, RECORDS);
    await client.diagnostics(URI, 1);
    const h = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 6, character: 10 } });
    assert.match(h.contents.value, /- 45 CFR §164\.312\(a\)\(2\)\(iv\) Encryption and decryption \(addressable\)/);
    assert.match(h.contents.value, /\*\*AWS:\*\* AWS runs the database hosts/);
    assert.match(h.contents.value, /`StorageEncrypted` resolves to `false`/);
    assert.match(h.contents.value, /\*\*PHI verdict:\*\* PHI\n\n1\. declared PHI by its tag DataClassification=PHI/);
  });

  it('hover on a Type names the service, its eligibility with the list date, and the customer side', async () => {
    client.open(URI, RECORDS);
    await client.diagnostics(URI, 1);
    const h = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 3, character: 14 } });
    assert.match(h.contents.value, /^\*\*AWS::RDS::DBInstance\*\* — .*HIPAA-eligible/);
    assert.match(h.contents.value, /revision of 2025-06-17/);
    assert.match(h.contents.value, /\*\*Shared responsibility\.\*\*/);
  });

  it('a quick fix resolves to an edit that, applied, removes the finding and changes nothing else', async () => {
    client.open(URI, RECORDS);
    const p = await client.diagnostics(URI, 1);
    const d = p.diagnostics.find((x) => x.code === 's3-bucket-default-encryption')!;
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } });
    assert.deepEqual(actions.map((a) => a.title), ['Declare default encryption (SSE-S3)', 'Suppress s3-bucket-default-encryption for ScansBucket…', 'Show documentation for s3-bucket-default-encryption']);
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[0].edit, undefined, 'computed lazily');
    const resolved = await client.request<Action>('codeAction/resolve', actions[0]);
    const fixed = applyEdits(RECORDS, resolved.edit!.changes[URI]);
    assert.equal(fixed, `${RECORDS}      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n`);
    client.change(URI, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 16, character: 0 } }, text: fixed }]);
    assert.deepEqual((await client.diagnostics(URI, 2)).diagnostics.filter((x) => x.code === 's3-bucket-default-encryption'), []);
  });

  it('the suppress action writes a comment with a reason placeholder above the resource', async () => {
    client.open(URI, RECORDS);
    const p = await client.diagnostics(URI, 1);
    const d = p.diagnostics.find((x) => x.code === 's3-bucket-default-encryption')!;
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } });
    const suppress = actions.find((a) => a.title.startsWith('Suppress'))!;
    assert.deepEqual(suppress.edit!.changes[URI], [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, newText: '  # hipaa-lint-disable-resource s3-bucket-default-encryption -- REASON: why this risk is accepted\n' }]);
  });

  it('source.fixAll applies every safe fix as one edit; unsafe ones are left', async () => {
    client.open(URI, RECORDS);
    await client.diagnostics(URI, 1);
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.hipaa-lint'] } });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.hipaa-lint']);
    const fixed = applyEdits(RECORDS, actions[0].edit!.changes[URI]);
    assert.match(fixed, /SSEAlgorithm: AES256/);
    assert.match(fixed, /StorageEncrypted: false/, 'the replacement of the database is not done unattended');
  });

  it('code lenses show the verdict and the finding count; the inventory lists the chain', async () => {
    client.open(URI, RECORDS);
    const p = await client.diagnostics(URI, 1);
    const count = (id: string) => p.diagnostics.filter((d) => (d.data as { key?: { resource: string } } | undefined)?.key?.resource === id).length;
    const label = (n: number) => `${n} finding${n === 1 ? '' : 's'}`;
    const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command.title]), [[2, `PHI — declared by tag · ${label(count('PatientDb'))}`], [10, `PHI — declared by tag · ${label(count('ScansBucket'))}`]]);
    const inventory = await client.request<{ resource: string; verdict: string; findings: number }[]>('hipaaLint/phiInventory', { uri: URI });
    assert.deepEqual(inventory.map((e) => `${e.resource}:${e.verdict}:${e.findings}`), [`PatientDb:phi:${count('PatientDb')}`, `ScansBucket:phi:${count('ScansBucket')}`]);
  });

  it('broken YAML gets a syntax diagnostic and the server keeps answering', async () => {
    client.open(URI, "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n   Properties: [\n");
    const p = await client.diagnostics(URI, 1);
    assert.ok(p.diagnostics.some((d) => d.code === 'syntax-error'));
    const bomb = "AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n  f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\nResources: {}\n";
    client.open('file:///virtual/bomb.yaml', bomb);
    assert.ok((await client.diagnostics('file:///virtual/bomb.yaml', 1)).diagnostics.some((d) => d.code === 'budget-exceeded'));
    client.open('file:///virtual/ok.yaml', RECORDS);
    assert.ok((await client.diagnostics('file:///virtual/ok.yaml', 1)).diagnostics.length > 0);
    assert.deepEqual(client.stderr, []);
  });

  it('writes nothing but JSON-RPC to stdout and exits 0 after shutdown/exit', async () => {
    client.open(URI, RECORDS);
    await client.diagnostics(URI, 1);
    assert.equal(await client.stop(), 0);
  });
});
