/** Small matching helpers shared by suppressions and the config file: globs, ISO dates, "did you mean". */

/**
 * File glob, matched against a path relative to the config file's folder (forward slashes):
 * `*` and `?` stay inside one path segment, `**` crosses folders. A pattern without `/` matches at any depth,
 * and a pattern that matches a folder covers everything under it (as in .gitignore).
 */
export function matchesPath(pattern: string, relativePath: string): boolean {
  const rel = relativePath.split('\\').join('/').replace(/^\.\//, '');
  let glob = pattern.split('\\').join('/').replace(/^\.\//, '');
  if (glob.endsWith('/')) glob += '**';
  if (!glob.includes('/')) glob = `**/${glob}`;
  else if (glob.startsWith('/')) glob = glob.slice(1);
  const re = fileGlobToRegExp(glob);
  if (re.test(rel)) return true;
  // A folder pattern covers the files below it.
  const parts = rel.split('/');
  for (let i = parts.length - 1; i > 0; i--) if (re.test(parts.slice(0, i).join('/'))) return true;
  return false;
}

export function fileGlobToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

/** Resource pattern: logical id or Terraform address; `*` matches any run of characters, `?` one. */
export function matchesResource(pattern: string, id: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === id;
  const re = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escape(c))).join('');
  return new RegExp(`^${re}$`).test(id);
}

function escape(c: string): string {
  return c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** ` (did you mean "x"?)` when a candidate is close enough to the word, else ''. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? ` (did you mean "${best}"?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
