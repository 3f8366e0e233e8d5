import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export type WriteResult = { ok: true } | { ok: false; reason: string };

/**
 * Replace a file's content atomically (temp file in the same folder, then rename), keeping its permissions.
 * Refuses when the file changed since it was read (`expectedBefore` no longer matches what is on disk).
 */
export function writeFileAtomically(file: string, expectedBefore: string, content: string): WriteResult {
  let stat: fs.Stats;
  let current: string;
  try {
    stat = fs.statSync(file);
    current = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, reason: `cannot read ${file} again before writing: ${(e as NodeJS.ErrnoException).code ?? e}` };
  }
  const bom = current.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  if (current.slice(bom.length) !== expectedBefore) return { ok: false, reason: `${file} changed since it was read; not written` };
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.hipaa-lint-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, bom + content, { mode: stat.mode & 0o7777 });
    fs.chmodSync(temp, stat.mode & 0o7777);
    fs.renameSync(temp, file);
    return { ok: true };
  } catch (e) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The temp file may not exist; nothing else to clean.
    }
    return { ok: false, reason: `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? e}` };
  }
}
