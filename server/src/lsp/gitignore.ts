// Just enough of .gitignore for the workspace scan: comments, negation, directory-only and anchored patterns,
// `*`, `?` and `**`. Each folder's .gitignore applies to the paths under it (later rules win, as in git).
import * as fs from 'fs';
import * as path from 'path';

interface Pattern {
  negate: boolean;
  dirOnly: boolean;
  re: RegExp;
}

function parse(text: string): Pattern[] {
  const out: Pattern[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    line = line.replace(/(?<!\\)\s+$/, '');
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    // A pattern with a slash (other than a trailing one) is anchored to its folder; otherwise it matches any depth.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    out.push({ negate, dirOnly, re: toRegExp(anchored ? line : `**/${line}`) });
  }
  return out;
}

function toRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      re += '(?:/.*)?';
      i += 2;
    } else if (c === '*') re += glob[i + 1] === '*' ? (i++, '.*') : '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < glob.length) re += glob[++i].replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export class GitIgnore {
  private readonly perDir = new Map<string, Pattern[]>();

  constructor(private readonly root: string) {}

  private patternsOf(dir: string): Pattern[] {
    let p = this.perDir.get(dir);
    if (!p) {
      try {
        p = parse(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
      } catch {
        p = [];
      }
      this.perDir.set(dir, p);
    }
    return p;
  }

  /** True when `file` (absolute, under the root) or one of its folders is ignored. */
  ignores(file: string): boolean {
    const rel = path.relative(this.root, file).split(path.sep);
    if (rel[0] === '..' || path.isAbsolute(rel.join('/'))) return false;
    // Check each ancestor folder first: git does not look inside an ignored folder.
    for (let depth = 1; depth <= rel.length; depth++) {
      const isDir = depth < rel.length;
      let ignored = false;
      for (let base = 0; base < depth; base++) {
        const dir = path.join(this.root, ...rel.slice(0, base));
        const sub = rel.slice(base, depth).join('/');
        for (const p of this.patternsOf(dir)) {
          if (p.dirOnly && !isDir) continue;
          if (p.re.test(sub)) ignored = !p.negate;
        }
      }
      if (ignored) return true;
    }
    return false;
  }
}
