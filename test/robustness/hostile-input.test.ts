import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig } from '../../server/src/engine/config';
import { lint } from '../../server/src/engine/lint';
import { cli, tempDir } from '../cli/run-cli';

// Hostile inputs: each gets a clear message, never a crash, a stack trace or a hang. The CLI runs as a
// child process with a generous timeout so a hang fails the test instead of stalling the suite.

const HEAD = "AWSTemplateFormatVersion: '2010-09-09'\n";

const aliasBomb = () => {
  let text = `${HEAD}Metadata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n`;
  for (let i = 1; i < 12; i++) text += `  a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
  return `${text}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *a11\n`;
};

const CASES: { name: string; file: string; content: string | Buffer; code: number | undefined; message: RegExp }[] = [
  { name: 'broken YAML', file: 'broken.yaml', content: `${HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\n   Properties: [\n`, code: 1, message: /^ {2}5:1 +error +YAML syntax error: All mapping items must start at the same column +syntax-error$/m },
  { name: 'a binary file with a template name', file: 'image.yaml', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), code: 2, message: /image\.yaml\n {2}error {2}binary file \(contains NUL bytes\); not analysed/ },
  { name: 'a YAML alias bomb', file: 'bomb.yaml', content: aliasBomb(), code: 1, message: /alias/i },
  { name: 'a condition cycle', file: 'cycle.yaml', content: `${HEAD}Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Condition: A\n    Properties:\n      Engine: postgres\n      StorageEncrypted: !If [A, true, false]\n`, code: 1, message: /rds-storage-encrypted/ },
  { name: 'a resource reference cycle', file: 'refs.yaml', content: `${HEAD}Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      RedrivePolicy: { deadLetterTargetArn: !GetAtt B.Arn, maxReceiveCount: 1 }\n      Tags: [{ Key: PHI, Value: 'true' }]\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn: A\n    Properties:\n      RedrivePolicy: { deadLetterTargetArn: !GetAtt A.Arn, maxReceiveCount: 1 }\n`, code: undefined, message: /^(refs\.yaml\n[\s\S]*)?$/ },
  { name: 'nesting 100,000 levels deep', file: 'deep.json', content: `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"B":{"Type":"AWS::S3::Bucket","Metadata":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}`, code: 1, message: /deep\.json\n {2}1:\d+ +error +Nesting deeper than 2000 levels; the file was not analysed\./ },
  { name: 'an empty file', file: 'empty.yaml', content: '', code: 0, message: /^$/ },
  { name: 'invalid UTF-8', file: 'latin1.yaml', content: Buffer.concat([Buffer.from(`${HEAD}Description: `), Buffer.from([0xe9, 0xe8, 0xff]), Buffer.from('\nResources:\n  B:\n    Type: AWS::SNS::Topic\n')]), code: 2, message: /latin1\.yaml\n {2}error {2}file is not valid UTF-8; not analysed/ },
];

describe('hostile input: the CLI', () => {
  for (const c of CASES) {
    it(`${c.name}: a clear message, exit ${c.code ?? '0 or 1'}, no stack trace`, () => {
      const dir = tempDir({});
      fs.writeFileSync(path.join(dir, c.file), c.content);
      const r = cli([c.file], { cwd: dir });
      if (c.code === undefined) assert.ok(r.code === 0 || r.code === 1, r.stdout + r.stderr);
      else assert.equal(r.code, c.code, r.stdout + r.stderr);
      assert.match(r.stdout + r.stderr, c.message);
      assert.doesNotMatch(r.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
    });
  }

  it('a template over the size budget is reported, not analysed', () => {
    const dir = tempDir({});
    fs.writeFileSync(path.join(dir, 'huge.yaml'), `${HEAD}Description: ${'x'.repeat(9 * 1024 * 1024)}\nResources: {}\n`);
    const r = cli(['huge.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /over the 8388608-character budget; it was not analysed/);
  });

  it('one bad file does not stop the others', () => {
    const dir = tempDir({ 'a.yaml': `${HEAD}Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n`, 'b.yaml': aliasBomb() });
    const r = cli(['--rule', 'rds-storage-encrypted', '.'], { cwd: dir });
    assert.match(r.stdout, /^a\.yaml\n {2}5:5 +warning +Database Db stores data unencrypted.*rds-storage-encrypted$/m);
    assert.match(r.stdout, /^b\.yaml\n {2}3:18 +error +YAML aliases expand to more than 100000 nodes \(budget maxAliasNodes\); the file was not analysed\. +budget-exceeded$/m);
  });
});

describe('hostile input: the engine', () => {
  it('the alias bomb stops at the expansion budget with a positioned problem', () => {
    const a = lint(aliasBomb(), 'file:///bomb.yaml', { config: defaultConfig() });
    const p = a.problems.find((x) => /alias/i.test(x.message));
    assert.ok(p, JSON.stringify(a.problems));
    assert.equal(p.severity, 'error');
  });

  it('every resource of a reference cycle gets a verdict, and linting finishes', () => {
    const a = lint(CASES.find((c) => c.file === 'refs.yaml')!.content as string, 'file:///refs.yaml', { config: defaultConfig() });
    assert.deepEqual([a.phi.A.verdict, a.phi.B.verdict], ['phi', 'phi']);
  });
});
