// The server against a hostile client: requests for documents it never opened, malformed params, documents
// closed while they are linted, garbage notifications. Waits are on messages, never on the clock.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ResponseError } from 'vscode-jsonrpc/node';
import { ALL_RULES } from '../../rules';
import { lint } from '../../server/src/engine/lint';
import { RuleIndex } from '../../server/src/engine/registry';
import { cfnYamlOfSize } from '../bench/generate';
import { TestClient, type Published } from './client';

const ROOT = path.resolve(__dirname, '../../..');
const RECORDS = fs.readFileSync(path.join(ROOT, 'test/vscode/fixtures/records.yaml'), 'utf8');
const URI = 'file:///virtual/records.yaml';
const NEVER_OPENED = 'file:///virtual/never-opened.yaml';
const RESOLVE = { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } };
const PULL = { textDocument: { ...RESOLVE.textDocument, diagnostic: {} } };
const CLEAN = "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n";
const ORIGIN = { line: 0, character: 0 };

type Diagnostic = Published['diagnostics'][number];
type Action = { title: string; kind?: string; data?: unknown; edit?: unknown };
type Answer = { result: unknown } | { code: number; message: string };

/** A request's result, or its error's code and message. */
async function answer(reply: Promise<unknown>): Promise<Answer> {
  try {
    return { result: await reply };
  } catch (e) {
    const { code, message } = e as { code: number; message: string };
    return { code, message };
  }
}

/** The first line of every failure the server logged (a handler, a lint, or an uncaught error). */
const failuresLogged = (c: TestClient) => c.logs.filter((l) => / failed|unexpected error/.test(l)).map((l) => l.split('\n')[0]);

describe('language server survives hostile clients', function () {
  const clients: TestClient[] = [];
  const tmpDirs: string[] = [];
  let barriers = 0;
  const start = async (capabilities: object = RESOLVE, options: object = { debounceMs: 0 }) => {
    const c = new TestClient();
    clients.push(c);
    await c.initialize(capabilities, options);
    return c;
  };
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-lint-survival-'));
    tmpDirs.push(d);
    return d;
  };
  /**
   * Resolves once everything sent before is handled: a fresh document's lint is scheduled after every earlier one
   * (`debounced`: after every earlier debounced one), and timers of one delay fire in the order they were set.
   */
  const barrier = async (c: TestClient, debounced = false) => {
    const uri = `file:///virtual/barrier-${++barriers}.yaml`;
    c.open(uri, CLEAN);
    if (!debounced) return c.diagnostics(uri, 1);
    c.change(uri, 2, [{ text: CLEAN }]);
    return c.diagnostics(uri, 2);
  };
  const openRecords = async (c: TestClient, uri = URI) => {
    c.open(uri, RECORDS);
    return (await c.diagnostics(uri, 1)).diagnostics;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) {
      assert.deepEqual(c.stderr, [], 'nothing but JSON-RPC on the streams');
      if (c.child.exitCode === null) assert.equal(await c.stop(), 0, 'the server was still alive and exits cleanly');
    }
    for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  describe('requests for documents never opened', () => {
    it('hover, code lens, code actions, resolve and inventory answer null, [] or the action unchanged; an opened document is still linted', async () => {
      const c = await start();
      const live = await openRecords(c, 'file:///virtual/live.yaml');
      const finding = live.find((d) => d.code === 's3-bucket-default-encryption')!;
      // Diagnostics and an action from a live document, sent as if they belonged to one the server never saw.
      const liveActions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri: 'file:///virtual/live.yaml' }, range: finding.range, context: { diagnostics: [finding] } });
      const fix = { ...liveActions[0], data: { ...(liveActions[0].data as object), uri: NEVER_OPENED } };
      assert.equal(fix.title, 'Declare default encryption (SSE-S3)');

      assert.equal(await c.request('textDocument/hover', { textDocument: { uri: NEVER_OPENED }, position: finding.range.start }), null);
      assert.deepEqual(await c.request('textDocument/codeLens', { textDocument: { uri: NEVER_OPENED } }), []);
      assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri: NEVER_OPENED }, range: finding.range, context: { diagnostics: [finding] } }), []);
      assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri: NEVER_OPENED }, range: finding.range, context: { diagnostics: [], only: ['source.fixAll.hipaa-lint'] } }), []);
      assert.deepEqual(await c.request('codeAction/resolve', fix), fix, 'returned as sent: no edit for a document the server does not hold');
      assert.deepEqual(await c.request('hipaaLint/phiInventory', { uri: NEVER_OPENED }), [], 'not open and not on disk');

      const diagnostics = await openRecords(c);
      assert.deepEqual(diagnostics.find((d) => d.code === 'rds-storage-encrypted')!.range, { start: { line: 6, character: 6 }, end: { line: 6, character: 22 } });
      assert.deepEqual(c.publishedFor(NEVER_OPENED), []);
      assert.deepEqual(failuresLogged(c), []);
    });

    it('the inventory of a file on disk that was never opened is read from the disk', async () => {
      const dir = tmp();
      fs.writeFileSync(path.join(dir, 'records.yaml'), RECORDS);
      const c = await start();
      const inventory = await c.request<{ resource: string; verdict: string }[]>('hipaaLint/phiInventory', { uri: pathToFileURL(path.join(dir, 'records.yaml')).href });
      assert.deepEqual(inventory.map((e) => `${e.resource}:${e.verdict}`), ['PatientDb:phi', 'ScansBucket:phi']);
    });

    it('pull: a diagnostic request for a document never opened gets an empty full report', async () => {
      const c = await start(PULL, { debounceMs: 100 });
      assert.deepEqual(await c.request('textDocument/diagnostic', { textDocument: { uri: NEVER_OPENED } }), { kind: 'full', items: [] });
      c.open(URI, RECORDS);
      const report = await c.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: URI } });
      assert.ok(report.items.some((d) => d.code === 'rds-storage-encrypted'));
    });

    it('a workspace scan without params and without workspace folders reports nothing scanned', async () => {
      const c = await start();
      assert.deepEqual(await c.conn.sendRequest('hipaaLint/scanWorkspace'), { files: 0, templates: 0, findings: 0, ignored: 0, cancelled: false });
    });
  });

  describe('malformed params', () => {
    it('hover: no textDocument or no position is InvalidParams naming the field; positions out of range are clamped into the document', async () => {
      const c = await start();
      await openRecords(c);
      const hover = (position: object) => c.request('textDocument/hover', { textDocument: { uri: URI }, position });
      assert.deepEqual(await answer(c.request('textDocument/hover', { position: ORIGIN })), { code: -32602, message: 'hipaa-lint: hover: params.textDocument.uri must be a string' });
      assert.deepEqual(await answer(c.request('textDocument/hover', { textDocument: { uri: URI } })), { code: -32602, message: 'hipaa-lint: hover: params.position must be { line, character } with non-negative integers' });
      assert.deepEqual(await answer(hover({ line: -1, character: -5 })), { code: -32602, message: 'hipaa-lint: hover: params.position must be { line, character } with non-negative integers' });
      assert.equal(await hover({ line: 0, character: 0 }), null, 'the start of the document, outside every resource');
      const atEnd = await hover({ line: 16, character: 0 });
      assert.match((atEnd as { contents: { value: string } }).contents.value, /^\*\*Tags\.0\*\* — /);
      assert.deepEqual(await hover({ line: 1_000_000, character: 0 }), atEnd, 'a line past the end is the end');
      assert.deepEqual(await hover({ line: 6, character: 10_000 }), await hover({ line: 6, character: 29 }), 'a character past the end of a line is its end');
      assert.equal(await c.request('textDocument/hover', { textDocument: { uri: 'https://example.com/records.yaml' }, position: ORIGIN }), null);
      assert.deepEqual(failuresLogged(c), [], 'a malformed request is the client\'s mistake, not a server failure');
      assert.match(((await hover({ line: 6, character: 10 })) as { contents: { value: string } }).contents.value, /rds-storage-encrypted/, 'still serving');
    });

    it('code actions, lenses and resolve: a missing field is InvalidParams, garbage finds nothing, a reversed range is the same range', async () => {
      const c = await start();
      const finding = (await openRecords(c)).find((d) => d.code === 's3-bucket-default-encryption')!;
      const actions = (range: object, diagnostics: object[]) => c.request<Action[]>('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics } });
      const forward = await actions(finding.range, [finding]);
      assert.deepEqual(forward.map((a) => a.title), ['Declare default encryption (SSE-S3)', 'Suppress s3-bucket-default-encryption for ScansBucket…', 'Show documentation for s3-bucket-default-encryption']);
      assert.deepEqual(await actions({ start: finding.range.end, end: finding.range.start }, [finding]), forward);
      assert.deepEqual(await actions(finding.range, [{ ...finding, data: 'garbage' }, { ...finding, data: { key: 5 } }, { ...finding, data: { key: { ruleId: 7 } } }]), []);
      assert.deepEqual(await answer(c.request('textDocument/codeAction', { textDocument: { uri: URI }, range: finding.range })), { code: -32602, message: 'hipaa-lint: code actions: params.context.diagnostics must be a list' });
      assert.deepEqual(await answer(c.request('textDocument/codeLens', {})), { code: -32602, message: 'hipaa-lint: code lens: params.textDocument.uri must be a string' });

      const data = forward[0].data as { version: number };
      for (const garbage of [{ title: 'x', data: 'garbage' }, { title: 'x' }, { title: 'x', data: { uri: URI, version: 1, key: 'k', fix: 'z' } }, { ...forward[0], data: { ...data, version: 99 } }, { ...forward[0], data: { ...data, fix: 7 } }]) {
        assert.deepEqual(await c.request('codeAction/resolve', garbage), garbage, 'returned as sent, without an edit');
      }
      assert.deepEqual(await answer(c.request('codeAction/resolve', { data: { uri: URI } })), { code: -32602, message: 'hipaa-lint: code action resolve: the code action must be an object with a title' });
      assert.deepEqual(failuresLogged(c), []);
      const resolved = await c.request<Action>('codeAction/resolve', forward[0]);
      assert.ok(resolved.edit, 'still serving: the real action resolves to an edit');
    });

    it('inventory: no uri or a number is InvalidParams; a folder or a device answers [] at once (a device is never read)', async () => {
      const c = await start();
      const folder = tmp();
      const invalid = { code: -32602, message: 'hipaa-lint: phiInventory: params.uri must be a string' };
      assert.deepEqual(await answer(c.request('hipaaLint/phiInventory', {})), invalid);
      assert.deepEqual(await answer(c.request('hipaaLint/phiInventory', { uri: 5 })), invalid);
      assert.deepEqual(await c.request('hipaaLint/phiInventory', { uri: pathToFileURL(folder).href }), [], 'a folder is not a template');
      // Reading /dev/zero never ends: before the fix this request blocked the server for good.
      if (fs.existsSync('/dev/zero')) assert.deepEqual(await c.request('hipaaLint/phiInventory', { uri: 'file:///dev/zero' }), []);
      assert.deepEqual(failuresLogged(c), []);
      assert.equal((await openRecords(c)).length > 0, true, 'still serving');
    });

    it('executeCommand: an unknown command or a rule id that is not a string answers null', async () => {
      const c = await start();
      assert.equal(await c.request('workspace/executeCommand', { command: 'hipaaLint.noSuchCommand', arguments: ['rds-storage-encrypted'] }), null);
      assert.equal(await c.request('workspace/executeCommand', { command: 'hipaaLint.openRuleDoc' }), null);
      assert.equal(await c.request('workspace/executeCommand', { command: 'hipaaLint.openRuleDoc', arguments: [{ toString: 1 }] }), null, 'String() of this object throws');
      assert.match(await c.request<string>('workspace/executeCommand', { command: 'hipaaLint.openRuleDoc', arguments: ['rds-storage-encrypted'] }), /rules\/encryption-at-rest\/rds-storage-encrypted\.md$/);
      await barrier(c);
      assert.deepEqual(failuresLogged(c), []);
    });

    it('executeCommand for an unknown rule shows a warning; a client refusing window/showMessageRequest leaves no error behind', async () => {
      const c = await start();
      const shown: { type: number; message: string }[] = [];
      c.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
        shown.push(p);
      });
      c.conn.onRequest('window/showMessageRequest', () => new ResponseError(-32601, 'this client shows no message requests'));
      assert.equal(await c.request('workspace/executeCommand', { command: 'hipaaLint.openRuleDoc', arguments: ['no-such-rule'] }), null);
      assert.deepEqual(shown, [{ type: 2, message: 'hipaa-lint: no rule "no-such-rule"' }]);
      await barrier(c);
      assert.deepEqual(failuresLogged(c), []);
    });

    it('pull diagnostics without textDocument: InvalidParams that does not ask to retrigger', async () => {
      const c = await start(PULL);
      const e = await c.request('textDocument/diagnostic', {}).then(
        () => assert.fail('answered'),
        (error: { code: number; message: string; data?: unknown }) => error,
      );
      assert.deepEqual([e.code, e.message, e.data], [-32602, 'hipaa-lint: pull diagnostics: params.textDocument.uri must be a string', { retriggerRequest: false }]);
      assert.deepEqual(failuresLogged(c), []);
      c.open(URI, RECORDS);
      const report = await c.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: URI } });
      assert.ok(report.items.some((d) => d.code === 'rds-storage-encrypted'));
    });

    it('a document under a non-file URI is linted like any other', async () => {
      const c = await start();
      const diagnostics = await openRecords(c, 'untitled:Untitled-1');
      assert.ok(diagnostics.some((d) => d.code === 'rds-storage-encrypted'));
      assert.deepEqual(failuresLogged(c), []);
    });
  });

  describe('documents closed while they are linted, and notifications out of order', () => {
    it('closed before its debounced lint runs: the last publication is the empty one of the close, and no error is logged', async () => {
      const c = await start(RESOLVE, { debounceMs: 500 });
      c.open(URI, RECORDS);
      c.change(URI, 2, [{ range: { start: { line: 6, character: 24 }, end: { line: 6, character: 29 } }, text: 'true' }]);
      c.notify('textDocument/didClose', { textDocument: { uri: URI } });
      await barrier(c, true);
      const published = c.publishedFor(URI);
      assert.deepEqual(published[published.length - 1], { uri: URI, diagnostics: [] });
      assert.deepEqual(published.filter((p) => p.version === 2), [], 'the close cancelled the debounced lint of version 2');
      assert.deepEqual(failuresLogged(c), []);
    });

    it('a 1 MB template opened, changed and closed back to back ends with empty diagnostics, and the next document is served', async function () {
      this.timeout(60_000);
      const big = cfnYamlOfSize(500, 1_000_000);
      assert.ok(big.length > 900_000);
      const c = await start();
      const uri = 'file:///virtual/big.yaml';
      c.open(uri, big);
      // The hover lints version 1 in its handler, so the change and the close arrive while that lint runs.
      const hoverDuringLint = answer(c.request('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 6 } }));
      c.change(uri, 2, [{ range: { start: ORIGIN, end: ORIGIN }, text: '# edited\n' }]);
      c.notify('textDocument/didClose', { textDocument: { uri } });
      assert.ok('result' in (await hoverDuringLint), 'answered, not an error');
      await openRecords(c);
      const h = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 6, character: 10 } });
      assert.match(h.contents.value, /rds-storage-encrypted/);
      assert.deepEqual(c.publishedFor(uri).slice(-1), [{ uri, diagnostics: [] }]);
      assert.equal(await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 6 } }), null, 'the closed document is gone');
      assert.deepEqual(failuresLogged(c), []);
    });

    it('didChange for a document never opened and a second didClose publish nothing', async () => {
      const c = await start();
      const before = await openRecords(c);
      c.notify('textDocument/didClose', { textDocument: { uri: URI } });
      c.notify('textDocument/didClose', { textDocument: { uri: URI } });
      c.change(NEVER_OPENED, 2, [{ range: { start: ORIGIN, end: ORIGIN }, text: 'x' }]);
      c.notify('textDocument/didClose', { textDocument: { uri: NEVER_OPENED } });
      await barrier(c);
      assert.deepEqual(c.publishedFor(URI), [{ uri: URI, version: 1, diagnostics: before }, { uri: URI, diagnostics: [] }]);
      assert.deepEqual(c.publishedFor(NEVER_OPENED), []);
      assert.deepEqual(failuresLogged(c), []);
    });

    it('a uri opened again without a close, with the same version, is linted afresh and not answered from the old text', async () => {
      const c = await start();
      assert.ok((await openRecords(c)).length > 0);
      const next = c.nextDiagnostics(URI);
      c.open(URI, CLEAN);
      assert.deepEqual(await next, { uri: URI, version: 1, diagnostics: [] });
      assert.deepEqual(await c.request('textDocument/codeLens', { textDocument: { uri: URI } }), []);
      assert.equal(await c.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 3 } }), null);
    });

    it('malformed notifications are logged by the protocol layer, and the document keeps its last good text', async () => {
      const c = await start();
      const before = await openRecords(c);
      c.notify('textDocument/didChange', { textDocument: { uri: URI }, contentChanges: [{ text: CLEAN }] });
      c.notify('textDocument/didOpen', {});
      c.notify('textDocument/didClose', {});
      await barrier(c);
      assert.deepEqual(failuresLogged(c), [
        `Notification handler 'textDocument/didChange' failed with message: Received document change event for ${URI} without valid version identifier`,
        "Notification handler 'textDocument/didOpen' failed with message: Cannot read properties of undefined (reading 'uri')",
        "Notification handler 'textDocument/didClose' failed with message: Cannot read properties of undefined (reading 'uri')",
      ]);
      assert.deepEqual(c.publishedFor(URI).map((p) => p.diagnostics), [before]);
      const lenses = await c.request<unknown[]>('textDocument/codeLens', { textDocument: { uri: URI } });
      assert.equal(lenses.length, 2, 'PatientDb and ScansBucket: the text is still RECORDS');
    });

    it('a document opened without text: its lint failure is logged as one, nothing is published, and the server keeps serving', async () => {
      const c = await start();
      const uri = 'file:///virtual/no-text.yaml';
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1 } });
      await barrier(c);
      const failures = failuresLogged(c);
      assert.equal(failures.length, 1, failures.join('\n'));
      assert.match(failures[0], /^hipaa-lint: lint failed: TypeError: Cannot read properties of undefined/, 'caught by the lint wrapper, not as an uncaught error');
      assert.deepEqual(c.publishedFor(uri), []);
      assert.ok((await openRecords(c)).some((d) => d.code === 'rds-storage-encrypted'));
    });
  });

  // The server runs the engine in-process, so what keeps a rule's throw from reaching the server is lint's safeCheck.
  it('a rule that throws becomes a rule-error problem, and the other rules still report', () => {
    const rds = ALL_RULES.find((r) => r.id === 'rds-storage-encrypted')!;
    const throwing = { ...rds, id: 'always-throws', check: () => { throw new Error('a bug in the rule'); } };
    const analysis = lint(RECORDS, URI, { rules: new RuleIndex([throwing, rds]) });
    assert.deepEqual(analysis.findings.map((f) => `${f.ruleId}:${f.resource}`), ['rds-storage-encrypted:PatientDb']);
    assert.deepEqual(analysis.problems.map((p) => p.code), ['rule-error']);
  });
});
