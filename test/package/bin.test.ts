import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

/** bin/hipaa-lint.js in a scratch tree whose bundle and compiled entry only say which one was loaded. */
function scratchTree(): { dir: string; touch: (file: string, secondsAgo: number) => void; run: () => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-bin-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  fs.mkdirSync(path.join(dir, 'bin'));
  for (const file of ['bin/hipaa-lint.js', 'bin/load-bundle.js']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  write('dist/server.js', "exports.main = () => process.stdout.write('bundle in ' + require('path').basename(__dirname));");
  write('dist/worker.js', '');
  write('out/server/src/main.js', "exports.main = () => process.stdout.write('compiled');");
  write('out/tsbuildinfo/server.tsbuildinfo', '{}');
  write('out/tsbuildinfo/rules.tsbuildinfo', '{}');
  const touch = (file: string, secondsAgo: number) => {
    const t = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(path.join(dir, file), t, t);
  };
  return { dir, touch, run: () => execFileSync(process.execPath, [path.join(dir, 'bin/hipaa-lint.js')], { encoding: 'utf8' }) };
}

describe('bin/hipaa-lint.js picks the bundle only while it is current', () => {
  let tree: ReturnType<typeof scratchTree>;
  beforeEach(() => {
    tree = scratchTree();
  });
  afterEach(() => fs.rmSync(tree.dir, { recursive: true, force: true }));
  const builtBeforeTheBundle = () => {
    tree.touch('out/tsbuildinfo/server.tsbuildinfo', 60);
    tree.touch('out/tsbuildinfo/rules.tsbuildinfo', 60);
  };

  it('runs the bundle when it is newer than the last build of the server and the rules', () => {
    builtBeforeTheBundle();
    assert.equal(tree.run(), 'bundle in dist');
  });

  it('runs the bundle when its code cache is for other bytes (V8 rejects it and compiles)', () => {
    builtBeforeTheBundle();
    fs.writeFileSync(path.join(tree.dir, 'dist/server.js.cache'), Buffer.from('not a code cache'));
    assert.equal(tree.run(), 'bundle in dist');
  });

  it('runs the compiled tree when a build of the rules came after the bundle', () => {
    tree.touch('dist/server.js', 60);
    tree.touch('out/tsbuildinfo/server.tsbuildinfo', 120);
    assert.equal(tree.run(), 'compiled');
  });

  it('runs the compiled tree when the bundle has no worker beside it', () => {
    builtBeforeTheBundle();
    fs.rmSync(path.join(tree.dir, 'dist/worker.js'));
    assert.equal(tree.run(), 'compiled');
  });

  it('runs the compiled tree when there is no bundle', () => {
    fs.rmSync(path.join(tree.dir, 'dist'), { recursive: true });
    assert.equal(tree.run(), 'compiled');
  });
});
