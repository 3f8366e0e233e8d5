import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/hipaa-lint.js');

export function cli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, input: options.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HIPAA_LINT_TODAY: '2026-12-03', ...options.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-lint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A PHI bucket without default encryption and a PHI database without storage encryption. */
export const STACK = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Scans:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: DataClassification
          Value: PHI
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false
      Tags:
        - Key: DataClassification
          Value: PHI
`;

/** Narrow output to the two rules the stack is about, so tests do not depend on the rest of the rule set. */
export const TWO_RULES = ['--rule', 'rds-storage-encrypted', '--rule', 's3-bucket-default-encryption'];
