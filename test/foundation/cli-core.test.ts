import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/hipaa-lint.js');

function run(args: string[], options: { cwd?: string; input?: string | Buffer } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, input: options.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-lint-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

// Configuration only, nothing that can hold data: no rule has anything to say about it.
const CLEAN = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Ready:
    Type: AWS::CloudFormation::WaitConditionHandle
`;
const UNENCRYPTED_DB = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PatientDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false
      Tags:
        - Key: DataClassification
          Value: PHI
`;

describe('CLI core', () => {
  it('--help prints usage and exit codes, exit 0', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^hipaa-lint — /);
    assert.match(r.stdout, /Exit codes: 0/);
  });
  it('--version prints the package version', () => {
    const r = run(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
  it('an unknown option is a usage error, exit 2', () => {
    const r = run(['--frobnicate', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option --frobnicate/);
  });
  it('a missing file is exit 2', () => {
    const r = run(['does-not-exist.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file or directory: does-not-exist.yaml/);
  });
  it('a clean template is exit 0 with no output', () => {
    const dir = tempDir({ 'ok.yaml': CLEAN });
    const r = run(['ok.yaml'], { cwd: dir });
    assert.deepEqual([r.code, r.stdout], [0, '']);
  });
  it('a finding at the failing severity is exit 1, with file:line:column, severity, message and rule id', () => {
    const dir = tempDir({ 'db.yaml': UNENCRYPTED_DB });
    const r = run(['--rule', 'rds-storage-encrypted', 'db.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^db\.yaml\n {2}7:7 +error +Database PatientDb stores data unencrypted: StorageEncrypted is not true\. {2}rds-storage-encrypted$/m);
  });
  it('--format json carries rule, category, severity, resource, type, file, range and citations', () => {
    const dir = tempDir({ 'db.yaml': UNENCRYPTED_DB });
    const r = run(['--format', 'json', 'db.yaml'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    const f = out.files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'rds-storage-encrypted');
    assert.deepEqual(
      { ruleId: f.ruleId, category: f.category, severity: f.severity, resource: f.resource, resourceType: f.resourceType, file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, hipaa: f.hipaa.map((h: { section: string }) => h.section) },
      { ruleId: 'rds-storage-encrypted', category: 'encryption-at-rest', severity: 'error', resource: 'PatientDb', resourceType: 'AWS::RDS::DBInstance', file: 'db.yaml', line: 7, column: 7, endLine: 7, endColumn: 23, hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'] },
    );
  });
  it('walks directories, skipping node_modules and .git, and ignores non-templates', () => {
    const dir = tempDir({ 'a/db.yaml': UNENCRYPTED_DB, 'node_modules/x/db.yaml': UNENCRYPTED_DB, '.git/db.yaml': UNENCRYPTED_DB, 'k8s.yaml': 'apiVersion: v1\nkind: Pod\n' });
    const r = run(['--format', 'json', '.'], { cwd: dir });
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file), ['a/db.yaml']);
  });
  it('bad inputs get a clear message each and the run goes on (exit 2)', () => {
    const dir = tempDir({
      'binary.json': Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff]),
      'latin1.yaml': Buffer.from('AWSTemplateFormatVersion: x\nDescription: caf\xe9\n', 'latin1'),
      'empty.yaml': '',
      'db.yaml': UNENCRYPTED_DB,
    });
    const r = run(['--format', 'json', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    const files = JSON.parse(r.stdout).files as { file: string; error?: string; findings: unknown[] }[];
    assert.deepEqual(
      files.map((f) => [f.file, f.error ?? 'analysed']),
      [
        ['binary.json', 'binary file (contains NUL bytes); not analysed'],
        ['db.yaml', 'analysed'],
        ['latin1.yaml', 'file is not valid UTF-8; not analysed'],
      ],
    );
    assert.ok(files[1].findings.some((f) => (f as { ruleId: string }).ruleId === 'rds-storage-encrypted'));
  });
  it('a broken template reports the syntax error with its line and is exit 1', () => {
    const dir = tempDir({ 'broken.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [unclosed\n" });
    const r = run(['broken.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /syntax-error/);
  });
  it('--parameters Key=Value changes the resolved value', () => {
    const dir = tempDir({
      'p.yaml': `AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Enc: { Type: String, Default: 'false' }\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: !Ref Enc\n`,
    });
    assert.equal(run(['--phi-assume', 'all', '--rule', 'rds-storage-encrypted', 'p.yaml'], { cwd: dir }).code, 1);
    assert.equal(run(['--phi-assume', 'all', '--rule', 'rds-storage-encrypted', '--parameters', 'Enc=true', 'p.yaml'], { cwd: dir }).code, 0);
  });
  it('Terraform plan: sensitive values never appear in any output', () => {
    for (const format of ['stylish', 'json']) {
      const r = run(['--format', format, 'examples/clinic-plan.json']);
      assert.ok(!r.stdout.includes('REDACTED-NEVER-PRINT'), `${format} output leaks a sensitive value`);
      assert.ok(r.stdout.length > 0);
    }
  });
});
