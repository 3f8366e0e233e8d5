/** A unified diff of two texts (one hunk per changed region, 3 lines of context), for `--fix-dry-run`. */
export function unifiedDiff(before: string, after: string, file: string): string {
  if (before === after) return '';
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  const ops = lineOps(a, b);
  const out = [`--- a/${file}\n`, `+++ b/${file}\n`];
  const CONTEXT = 3;
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - CONTEXT);
    let end = i;
    // Extend the hunk while changes are within 2*CONTEXT lines of each other.
    while (end < ops.length) {
      if (ops[end].kind !== ' ') {
        end++;
        continue;
      }
      let run = 0;
      while (end + run < ops.length && ops[end + run].kind === ' ') run++;
      if (end + run >= ops.length || run > 2 * CONTEXT) {
        end = Math.min(ops.length, end + CONTEXT);
        break;
      }
      end += run;
    }
    const hunk = ops.slice(start, end);
    const aStart = hunk[0].aIndex + 1;
    const bStart = hunk[0].bIndex + 1;
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@\n`);
    for (const o of hunk) out.push(o.kind + (o.line.endsWith('\n') ? o.line : `${o.line}\n\\ No newline at end of file\n`));
    i = end;
    start = end;
  }
  return out.join('');
}

interface Op {
  kind: ' ' | '-' | '+';
  line: string;
  aIndex: number;
  bIndex: number;
}

/** Common prefix and suffix, and a plain LCS over the (small) middle: fix edits touch few lines. */
function lineOps(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const ops: Op[] = [];
  for (let k = 0; k < pre; k++) ops.push({ kind: ' ', line: a[k], aIndex: k, bIndex: k });
  if (am.length * bm.length > 4_000_000) {
    am.forEach((line, k) => ops.push({ kind: '-', line, aIndex: pre + k, bIndex: pre }));
    bm.forEach((line, k) => ops.push({ kind: '+', line, aIndex: pre + am.length, bIndex: pre + k }));
  } else {
    const dp: number[][] = Array.from({ length: am.length + 1 }, () => new Array<number>(bm.length + 1).fill(0));
    for (let x = am.length - 1; x >= 0; x--) for (let y = bm.length - 1; y >= 0; y--) dp[x][y] = am[x] === bm[y] ? dp[x + 1][y + 1] + 1 : Math.max(dp[x + 1][y], dp[x][y + 1]);
    let x = 0;
    let y = 0;
    while (x < am.length || y < bm.length) {
      if (x < am.length && y < bm.length && am[x] === bm[y]) {
        ops.push({ kind: ' ', line: am[x], aIndex: pre + x, bIndex: pre + y });
        x++;
        y++;
      } else if (x < am.length && (y >= bm.length || dp[x + 1][y] >= dp[x][y + 1])) {
        ops.push({ kind: '-', line: am[x], aIndex: pre + x, bIndex: pre + y });
        x++;
      } else {
        ops.push({ kind: '+', line: bm[y], aIndex: pre + x, bIndex: pre + y });
        y++;
      }
    }
  }
  const offA = a.length - suf;
  const offB = b.length - suf;
  for (let k = 0; k < suf; k++) ops.push({ kind: ' ', line: a[offA + k], aIndex: offA + k, bIndex: offB + k });
  return ops;
}
