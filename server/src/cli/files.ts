import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAMES } from '../engine/config-file';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.terraform', '.aws-sam', 'cdk.out', '.serverless', 'dist', 'out', '.venv', '__pycache__']);
const CANDIDATE = /\.(ya?ml|json|template|cfn)$/i;
/** Our own config files sit among the templates; they are never linted as templates. */
const NOT_TEMPLATES = new Set([...CONFIG_FILE_NAMES, '.pre-commit-config.yaml', '.pre-commit-hooks.yaml']);

/** Expand the command-line operands into files: directories are walked, `*`/`**` globs matched. */
export function expandOperands(operands: string[], cwd: string): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const operand of operands) {
    const abs = path.resolve(cwd, operand);
    if (/[*?]/.test(operand)) {
      const matched = globFiles(operand, cwd);
      if (matched.length === 0) missing.push(operand);
      files.push(...matched);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      missing.push(operand);
      continue;
    }
    if (stat.isDirectory()) files.push(...walk(abs));
    else files.push(abs);
  }
  return { files: [...new Set(files)], missing };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(current, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(full);
      } else if (e.isFile() && CANDIDATE.test(e.name) && !NOT_TEMPLATES.has(e.name)) out.push(full);
    }
  }
  return out.sort();
}

/** Glob with `*`, `?` and `**` (any depth). */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function globFiles(glob: string, cwd: string): string[] {
  const fixed = glob.split(/[*?]/)[0];
  const baseDir = path.resolve(cwd, fixed.includes('/') ? fixed.slice(0, fixed.lastIndexOf('/') + 1) : '.');
  const re = globToRegExp(path.resolve(cwd, glob).split(path.sep).join('/'));
  return walk(baseDir).filter((f) => re.test(f.split(path.sep).join('/')));
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Read a file as UTF-8 text; binary files and invalid UTF-8 are refused with a clear message. */
export function readTextFile(file: string, maxBytes: number): ReadResult {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { ok: false, message: `file is ${size} bytes, over the ${maxBytes}-byte budget; not analysed` };
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  return decodeText(bytes);
}

export function decodeText(bytes: Buffer): ReadResult {
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, message: 'binary file (contains NUL bytes); not analysed' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: false, message: 'file is not valid UTF-8; not analysed' };
  }
}
