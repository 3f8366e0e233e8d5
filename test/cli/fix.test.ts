import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cli, STACK, tempDir } from './run-cli';

const FIXED = STACK.replace(`          Value: PHI
  Db:`, `          Value: PHI
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
  Db:`);

describe('hipaa-lint --fix / --fix-dry-run', () => {
  it('--fix-dry-run prints a unified diff and leaves the file alone', () => {
    const dir = tempDir({ 'stack.yaml': STACK });
    const r = cli(['--fix-dry-run', '--rule', 's3-bucket-default-encryption', 'stack.yaml'], { cwd: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'stack.yaml'), 'utf8'), STACK);
    assert.equal(r.stdout, ['--- a/stack.yaml', '+++ b/stack.yaml', '@@ -6,6 +6,10 @@', '       Tags:', '         - Key: DataClassification', '           Value: PHI', '+      BucketEncryption:', '+        ServerSideEncryptionConfiguration:', '+          - ServerSideEncryptionByDefault:', '+              SSEAlgorithm: AES256', '   Db:', '     Type: AWS::RDS::DBInstance', '     Properties:', ''].join('\n'));
    assert.match(r.stderr, /^hipaa-lint: would fix 1 problem in 1 file\n {2}stack\.yaml: s3-bucket-default-encryption on Scans: Declare default encryption \(SSE-S3\)\n/);
    assert.equal(r.code, 0);
  });

  it('--fix writes the safe fix in place, keeps the file mode, and leaves the unsafe one with its reason', () => {
    const dir = tempDir({ 'stack.yaml': STACK });
    const file = path.join(dir, 'stack.yaml');
    fs.chmodSync(file, 0o640);
    const r = cli(['--fix', '--rule', 's3-bucket-default-encryption', '--rule', 'rds-storage-encrypted', 'stack.yaml'], { cwd: dir });
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.match(r.stderr, /fixed 1 problem in 1 file/);
    assert.match(r.stderr, /left rds-storage-encrypted on Db: only unsafe fixes \(offered in the editor\)/);
    // What is left is reported as usual, and fails the run.
    assert.match(r.stdout, /17:7 +error +Database Db stores data unencrypted/);
    assert.doesNotMatch(r.stdout, /s3-bucket-default-encryption/);
    assert.equal(r.code, 1);
    assert.deepEqual(fs.readdirSync(dir), ['stack.yaml'], 'no temp file is left behind');
  });

  it('--fix-type narrows fixes to categories; an unknown type is a usage error', () => {
    const dir = tempDir({ 'stack.yaml': STACK });
    const r = cli(['--fix-dry-run', '--fix-type', 'public-exposure', '--rule', 's3-bucket-default-encryption', 'stack.yaml'], { cwd: dir });
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /would fix 0 problems in 0 files/);
    const bad = cli(['--fix', '--fix-type', 'encryption', 'stack.yaml'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--fix-type: unknown "encryption"; one of encryption-at-rest, /);
  });

  it('a JSON template is fixed with its own indentation and CRLF line endings kept', () => {
    const json = '{\r\n\t"AWSTemplateFormatVersion": "2010-09-09",\r\n\t"Resources": {\r\n\t\t"Scans": {\r\n\t\t\t"Type": "AWS::S3::Bucket",\r\n\t\t\t"Properties": {\r\n\t\t\t\t"Tags": [{ "Key": "PHI", "Value": "true" }]\r\n\t\t\t}\r\n\t\t}\r\n\t}\r\n}\r\n';
    const dir = tempDir({ 'stack.json': json });
    cli(['--fix', '--rule', 's3-bucket-default-encryption', 'stack.json'], { cwd: dir });
    const out = fs.readFileSync(path.join(dir, 'stack.json'), 'utf8');
    assert.ok(out.startsWith('{\r\n\t"AWSTemplateFormatVersion": "2010-09-09",\r\n\t"Resources": {\r\n\t\t"Scans": {\r\n\t\t\t"Type": "AWS::S3::Bucket",\r\n\t\t\t"Properties": {\r\n\t\t\t\t"Tags": [{ "Key": "PHI", "Value": "true" }]'), out);
    assert.match(out, /\r\n\t\t\t\t"BucketEncryption": \{\r\n\t\t\t\t\t"ServerSideEncryptionConfiguration": \[/);
    assert.doesNotMatch(out.replace(/\r\n/g, ''), /\n/, 'only CRLF line endings');
    assert.deepEqual(JSON.parse(out).Resources.Scans.Properties.BucketEncryption, { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
  });

  it('--fix with --stdin is refused', () => {
    const r = cli(['--fix', '--stdin'], { input: STACK });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /with --stdin use --fix-dry-run/);
  });
});
