import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { cli, ROOT, tempDir } from '../cli/run-cli';
import { TestClient } from './client';

// The editor and the CLI run one engine: same files and config, same findings (rule, line, column, severity, message).
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

describe('same engine, same answers: language server and CLI', function () {
  this.timeout(60_000);
  const files = ['examples/patient-records.yaml', 'examples/patient-records.json', 'examples/patient-api-sam.yaml', 'examples/clinic-plan.json'];

  it('gives identical findings on the examples with a project config', async () => {
    const copies: Record<string, string> = { '.hipaa-lint.yaml': 'phi:\n  mode: inferred\n  resources: [ClaimsTable]\nrules:\n  cloudwatch-log-retention: off\n  kms-key-management: warning\n' };
    for (const f of files) copies[path.basename(f)] = fs.readFileSync(path.join(ROOT, f), 'utf8');
    const dir = tempDir(copies);
    const out = JSON.parse(cli(['-f', 'json', '.'], { cwd: dir }).stdout) as { files: { file: string; findings: { ruleId: string; line: number; column: number; severity: string; message: string; suppressed?: unknown }[] }[] };
    const client = new TestClient();
    await client.initialize();
    for (const f of files) {
      const name = path.basename(f);
      const uri = pathToFileURL(path.join(dir, name)).href;
      client.open(uri, copies[name], 1, name.endsWith('.json') ? 'json' : 'yaml');
      const published = await client.diagnostics(uri, 1);
      const fromServer = published.diagnostics.filter((d) => !/^(syntax-error|duplicate-key|budget|invalid|unused|expired)/.test(d.code)).map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity]} ${d.message}`).sort();
      const fromCli = (out.files.find((x) => x.file === name)?.findings ?? []).filter((x) => !x.suppressed).map((x) => `${x.ruleId} ${x.line}:${x.column} ${x.severity} ${x.message}`).sort();
      assert.ok(fromCli.length > 5, `${name}: the CLI found ${fromCli.length} findings`);
      assert.deepEqual(fromServer, fromCli, name);
    }
    await client.stop();
  });

  it('gives the CLI findings after edits inside resources, which the server re-parses in part', async () => {
    const name = 'patient-records.yaml';
    let text = fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
    const dir = tempDir({ [name]: text });
    const uri = pathToFileURL(path.join(dir, name)).href;
    const client = new TestClient();
    await client.initialize();
    client.open(uri, text, 1);
    await client.diagnostics(uri, 1);
    // Each edit stays inside one resource: a new line before one property, then a value changed further down.
    const edits: [string, string][] = [
      ['      VersioningConfiguration:', '      AccessControl: Private\n      VersioningConfiguration:'],
      ['Status: Enabled', 'Status: Suspended'],
    ];
    let version = 1;
    for (const [from, to] of edits) {
      const at = text.indexOf(from);
      assert.ok(at > 0, from);
      const start = positionOf(text, at);
      const end = positionOf(text, at + from.length);
      text = text.slice(0, at) + to + text.slice(at + from.length);
      client.change(uri, ++version, [{ range: { start, end }, text: to }]);
    }
    const published = await client.diagnostics(uri, version);
    fs.writeFileSync(path.join(dir, name), text);
    const out = JSON.parse(cli(['-f', 'json', name], { cwd: dir }).stdout) as { files: { findings: { ruleId: string; line: number; column: number; message: string; suppressed?: unknown }[] }[] };
    const fromServer = published.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).sort();
    const fromCli = out.files[0].findings.filter((x) => !x.suppressed).map((x) => `${x.ruleId} ${x.line}:${x.column} ${x.message}`).sort();
    assert.ok(fromCli.length > 5);
    assert.deepEqual(fromServer, fromCli);
    await client.stop();
  });
});

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
