// Whole-process measurements: wall time (hrtime around the child) and peak RSS (from the probe).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const PROBE = path.resolve(__dirname, '../../../test/bench/rss-probe.js');

export interface Sample {
  ms: number;
  rssKb: number;
}

export function runProcess(args: string[], cwd: string): Sample {
  const rssFile = path.join(os.tmpdir(), `hipaa-bench-rss-${process.pid}`);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', PROBE, ...args], { cwd, env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rssKb = Number(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(rssFile, { force: true });
  return { ms, rssKb };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export interface Paired {
  product: Sample[];
  floor: Sample[];
}

/** Alternate product and floor runs so both see the same machine load. */
export function paired(product: string[], floor: string[], cwd: string, runs: number): Paired {
  const out: Paired = { product: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    out.floor.push(runProcess(floor, cwd));
    out.product.push(runProcess(product, cwd));
  }
  return out;
}

export function spread(samples: number[]): string {
  return `${Math.round(Math.min(...samples))}–${Math.round(Math.max(...samples))}`;
}
