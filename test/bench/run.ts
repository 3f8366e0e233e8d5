// `npm run bench`: the product against the floor (same parser, every node visited), in one run, as ratios.
// Writes .bench/results.json so two commits can be compared. Never part of `npm test`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { floorParse } from './floor';
import { generate } from './generate';
import { benchServer } from './lsp-bench';
import { median, paired, percentile, spread, type Sample } from './measure';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'bin/hipaa-lint.js');
const FLOOR = path.join(ROOT, 'out/test/bench/floor.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Row {
  name: string;
  ratio: number;
  target?: number;
  product: string;
  floor: string;
  note?: string;
}

function row(name: string, product: Sample[], floor: Sample[], target?: number, what: 'ms' | 'rss' = 'ms'): Row {
  const pick = (s: Sample) => (what === 'ms' ? s.ms : s.rssKb / 1024);
  const p = product.map(pick);
  const f = floor.map(pick);
  const unit = what === 'ms' ? 'ms' : 'MB';
  return { name, ratio: median(p) / median(f), target, product: `${Math.round(median(p))} ${unit} (${spread(p)})`, floor: `${Math.round(median(f))} ${unit} (${spread(f)})` };
}

async function main(): Promise<void> {
  const benchDir = path.join(ROOT, '.bench');
  const inputs = generate(path.join(benchDir, 'inputs'));
  const rows: Row[] = [];
  const cliVsFloor = (name: string, file: string, target?: number) => {
    const r = paired([CLI, '--no-color', file], [FLOOR, file], ROOT, RUNS);
    rows.push(row(`CLI time: ${name}`, r.product, r.floor, target));
    rows.push(row(`CLI peak RSS: ${name}`, r.product, r.floor, undefined, 'rss'));
  };
  cliVsFloor('cold start, 10-resource template', inputs.files['cfn-10.yaml'], 1.5);
  cliVsFloor('CloudFormation YAML, 100 resources', inputs.files['cfn-100.yaml']);
  cliVsFloor('CloudFormation YAML, 500 resources', inputs.files['cfn-500.yaml']);
  cliVsFloor(`CloudFormation YAML, 1 MB (${fs.statSync(inputs.files['cfn-1mb.yaml']).size} bytes)`, inputs.files['cfn-1mb.yaml'], 1.5);
  cliVsFloor('CloudFormation JSON, 10 resources', inputs.files['cfn-10.json']);
  cliVsFloor('CloudFormation JSON, 100 resources', inputs.files['cfn-100.json']);
  cliVsFloor('CloudFormation JSON, 500 resources', inputs.files['cfn-500.json']);
  cliVsFloor('SAM, 100 resources', inputs.files['sam-100.yaml']);
  cliVsFloor('Terraform plan, 100 resources', inputs.files['plan-100.json']);
  cliVsFloor('Terraform plan, 1,000 resources', inputs.files['plan-1000.json']);
  cliVsFloor('Terraform plan, 10,000 resources', inputs.files['plan-10000.json'], 1.5);
  cliVsFloor('one resource in 100,000 lines of comments', inputs.files['comments-100k.yaml']);

  const ws = paired([CLI, '--no-color', '--workers', String(Math.max(2, os.cpus().length)), inputs.workspace], [CLI, '--no-color', '--workers', '1', inputs.workspace], ROOT, Math.max(2, RUNS - 2));
  rows.push({ ...row('CLI workspace of 500 templates: parallel vs one worker', ws.product, ws.floor), floor: `${Math.round(median(ws.floor.map((s) => s.ms)))} ms with one worker` });

  // In-process floor: full parse of the 1 MB template, the yardstick for the server's edit latency.
  const big = inputs.files['cfn-1mb.yaml'];
  const bigText = fs.readFileSync(big, 'utf8');
  const parseMs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = process.hrtime.bigint();
    floorParse(bigText, big);
    parseMs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const floorParseMs = median(parseMs);
  const floorPeak = paired([FLOOR, big], [FLOOR, big], ROOT, 1).floor[0].rssKb;
  let lsp: Awaited<ReturnType<typeof benchServer>> | { error: string };
  try {
    const workspaceFiles = fs.readdirSync(inputs.workspace).map((f) => path.join(inputs.workspace, f));
    lsp = await benchServer(big, workspaceFiles, 50);
    rows.push({ name: 'server: open 1 MB template → diagnostics', ratio: lsp.openMs / floorParseMs, product: `${Math.round(lsp.openMs)} ms`, floor: `${Math.round(floorParseMs)} ms in-process parse` });
    rows.push({ name: 'server: edit → diagnostics p50 (1 MB template)', ratio: percentile(lsp.editMs, 50) / floorParseMs, product: `${Math.round(percentile(lsp.editMs, 50))} ms`, floor: `${Math.round(floorParseMs)} ms in-process parse` });
    rows.push({ name: 'server: edit → diagnostics p95 (1 MB template)', ratio: percentile(lsp.editMs, 95) / floorParseMs, target: 1, product: `${Math.round(percentile(lsp.editMs, 95))} ms`, floor: `${Math.round(floorParseMs)} ms in-process parse` });
    rows.push({ name: 'server: RSS with the 1 MB template open', ratio: lsp.rssAfterOpenKb / floorPeak, target: 3, product: `${Math.round(lsp.rssAfterOpenKb / 1024)} MB`, floor: `${Math.round(floorPeak / 1024)} MB floor peak` });
    rows.push({ name: 'server: RSS growth over 3 open/close cycles of 500 files', ratio: lsp.rssCyclesKb[2] / lsp.rssCyclesKb[0], target: 1.1, product: lsp.rssCyclesKb.map((k) => `${Math.round(k / 1024)}`).join(' → ') + ' MB', floor: 'after cycle 1' });
  } catch (e) {
    lsp = { error: (e as Error).message };
    rows.push({ name: 'server', ratio: NaN, product: 'failed', floor: '', note: (e as Error).message });
  }

  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = [`hipaa-lint bench — ${RUNS} runs each, medians with (min–max); ratio = product / floor`, ''];
  lines.push(`${'measure'.padEnd(width)}  ratio  target  product              floor`);
  for (const r of rows) lines.push(`${r.name.padEnd(width)}  ${Number.isFinite(r.ratio) ? r.ratio.toFixed(2).padStart(5) : '  n/a'}  ${r.target ? `≤${r.target}`.padEnd(6) : '      '}  ${r.product.padEnd(19)}  ${r.floor}${r.note ? `  ${r.note}` : ''}`);
  console.log(lines.join('\n'));
  const result = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, runs: RUNS, rows, lsp };
  fs.writeFileSync(path.join(benchDir, 'results.json'), JSON.stringify(result, null, 2));
  console.log(`\nwrote ${path.relative(ROOT, path.join(benchDir, 'results.json'))}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
