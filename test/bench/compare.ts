// `npm run bench:compare -- before.json after.json`: two bench results side by side, ratio against ratio, so
// two commits are compared by what each measured against its own floor in its own run.
import * as fs from 'fs';

interface Row {
  name: string;
  ratio: number;
  target?: number;
}

interface Result {
  date: string;
  rows: Row[];
}

export function compare(before: Result, after: Result): string {
  const width = Math.max(7, ...after.rows.map((r) => r.name.length));
  const fmt = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '  n/a' : n.toFixed(2).padStart(5));
  const lines = [`${'measure'.padEnd(width)}  before  after  change  target`];
  for (const row of after.rows) {
    const old = before.rows.find((r) => r.name === row.name)?.ratio;
    const change = old === undefined || !Number.isFinite(old) ? '' : `${row.ratio <= old ? '' : '+'}${(((row.ratio - old) / old) * 100).toFixed(0)}%`;
    const verdict = row.target === undefined ? '' : row.ratio <= row.target ? `≤${row.target} met` : `≤${row.target} missed`;
    lines.push(`${row.name.padEnd(width)}  ${fmt(old)}   ${fmt(row.ratio)}  ${change.padStart(6)}  ${verdict}`);
  }
  for (const row of before.rows) if (!after.rows.some((r) => r.name === row.name)) lines.push(`${row.name.padEnd(width)}  ${fmt(row.ratio)}     gone`);
  return `${before.date} → ${after.date}\n${lines.join('\n')}\n`;
}

if (require.main === module) {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) {
    process.stderr.write('usage: npm run bench:compare -- <before.json> <after.json>\n');
    process.exit(2);
  }
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Result;
  process.stdout.write(compare(read(a), read(b)));
}
