import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

const ROOT = path.resolve(__dirname, '../../..');
const VSIX = path.join(ROOT, 'hipaa-lint.vsix');

describe('the packaged extension (.vsix)', function () {
  this.timeout(180_000);
  let entries: { name: string; size: number }[] = [];

  before(() => {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'pipe' });
    // `unzip -Z1`-style listing with sizes: "  size  date time   name".
    const listing = execFileSync('unzip', ['-l', VSIX], { encoding: 'utf8' });
    entries = listing
      .split('\n')
      .map((l) => /^\s*(\d+)\s+\S+\s+\S+\s+(\S.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m && m[2] !== 'Name')
      .map((m) => ({ name: m[2], size: Number(m[1]) }));
  });

  const names = () => entries.map((e) => e.name);

  it('holds the bundles, the spec extract, the grammar and the manifest', () => {
    for (const required of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cfn-spec.json', 'extension/syntaxes/suppression.tmLanguage.json', 'extension/package.json', 'extension/readme.md']) {
      assert.ok(names().includes(required), `${required} missing`);
    }
  });

  it('holds a doc for every rule', () => {
    const { ALL_RULES } = require(path.join(ROOT, 'out/rules/index.js')) as { ALL_RULES: { id: string; category: string }[] };
    const missing = ALL_RULES.filter((r) => !names().includes(`extension/rules/${r.category}/${r.id}.md`)).map((r) => r.id);
    assert.deepEqual(missing, []);
  });

  it('holds no sources, tests, dev dependencies or build output other than the bundles', () => {
    const bad = names().filter((n) => /\.ts$|\/test\/|node_modules\/|\/out\/|\.map$|\/\.e2e\/|\/examples\//.test(n));
    assert.deepEqual(bad, []);
  });

  it('the bundled server starts on its own and publishes diagnostics', async () => {
    const { TestClient } = require('../lsp/client') as typeof import('../lsp/client');
    const client = new TestClient(path.join(ROOT, 'dist/server.js'));
    await client.initialize();
    const uri = 'file:///virtual/records.yaml';
    client.open(uri, fs.readFileSync(path.join(ROOT, 'test/vscode/fixtures/records.yaml'), 'utf8'));
    const published = await client.diagnostics(uri, 1);
    const db = published.diagnostics.find((d) => d.code === 'rds-storage-encrypted')!;
    // Bundled, the server finds the rule docs in rules/ next to dist/.
    assert.equal(db.codeDescription?.href, pathToFileURL(path.join(ROOT, 'rules/encryption-at-rest/rds-storage-encrypted.md')).href);
    assert.equal(await client.stop(), 0);
  });

  it('the CLI bundle comes with a V8 code cache that this Node accepts', () => {
    const { loadBundle } = require(path.join(ROOT, 'bin/load-bundle.js')) as { loadBundle: (file: string) => { script: { cachedDataRejected?: boolean } } };
    assert.equal(loadBundle(path.join(ROOT, 'dist/server.js')).script.cachedDataRejected, false);
    assert.ok(!names().includes('extension/dist/server.js.cache'), 'the extension does not ship the CLI cache');
  });

  it('stays small', () => {
    const size = fs.statSync(VSIX).size;
    assert.ok(size < 3 * 1024 * 1024, `vsix is ${size} bytes`);
  });
});
