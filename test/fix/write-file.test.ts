import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomically } from '../../server/src/fix/write-file';

describe('writeFileAtomically', () => {
  const temp = (content: string, mode = 0o644) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-write-'));
    const file = path.join(dir, 'stack.yaml');
    fs.writeFileSync(file, content);
    fs.chmodSync(file, mode);
    return { dir, file };
  };

  it('replaces the content, keeps the mode and leaves no temp file', () => {
    const { dir, file } = temp('a: 1\n', 0o600);
    assert.deepEqual(writeFileAtomically(file, 'a: 1\n', 'a: 2\n'), { ok: true });
    assert.equal(fs.readFileSync(file, 'utf8'), 'a: 2\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(dir), ['stack.yaml']);
  });

  it('refuses a file that changed since it was read', () => {
    const { file } = temp('a: 1\n');
    fs.writeFileSync(file, 'a: 3\n');
    const r = writeFileAtomically(file, 'a: 1\n', 'a: 2\n');
    assert.equal(r.ok, false);
    assert.match((r as { reason: string }).reason, /changed since it was read; not written/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'a: 3\n');
  });

  it('keeps a byte-order mark the reader stripped', () => {
    const { file } = temp('\ufeffa: 1\n');
    assert.deepEqual(writeFileAtomically(file, 'a: 1\n', 'a: 2\n'), { ok: true });
    assert.equal(fs.readFileSync(file, 'utf8'), '\ufeffa: 2\n');
  });

  it('reports a file that disappeared', () => {
    const { file } = temp('a: 1\n');
    fs.rmSync(file);
    const r = writeFileAtomically(file, 'a: 1\n', 'a: 2\n');
    assert.match((r as { reason: string }).reason, /cannot read .* again before writing: ENOENT/);
  });
});
