// Language-server measurements over stdio JSON-RPC: open → diagnostics, edit → diagnostics, RSS over
// open/close cycles of a workspace.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { MessageConnection } from 'vscode-jsonrpc/node';
const rpc: typeof import('vscode-jsonrpc/node') = require('vscode-jsonrpc/node');

const SERVER = path.resolve(__dirname, '../../server/src/main.js');

export interface LspResult {
  openMs: number;
  editMs: number[];
  rssAfterOpenKb: number;
  rssCyclesKb: number[];
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

export async function benchServer(bigFile: string, workspace: string[], edits: number): Promise<LspResult> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn: MessageConnection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout!), new rpc.StreamMessageWriter(child.stdin!));
  const waiters = new Map<string, { version?: number; resolve: () => void }>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const w = waiters.get(p.uri);
    if (w && (w.version === undefined || p.version === undefined || p.version >= w.version)) {
      waiters.delete(p.uri);
      w.resolve();
    }
  });
  conn.onRequest(() => null);
  conn.listen();
  // A server that dies must fail the measurement, not leave it waiting forever.
  let died: (e: Error) => void = () => undefined;
  const death = new Promise<never>((_, reject) => (died = reject));
  death.catch(() => undefined);
  child.on('exit', (code) => died(new Error(`language server exited (code ${code})`)));
  const diagnostics = (uri: string, version?: number) => Promise.race([death, new Promise<void>((resolve) => waiters.set(uri, { version, resolve }))]);
  try {
    await Promise.race([death, conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { synchronization: { didSave: true } } }, initializationOptions: { debounceMs: 0 } })]);
    conn.sendNotification('initialized', {});
    const text = fs.readFileSync(bigFile, 'utf8');
    const uri = `file://${bigFile}`;
    let t = process.hrtime.bigint();
    const opened = diagnostics(uri, 1);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await opened;
    const openMs = Number(process.hrtime.bigint() - t) / 1e6;
    const rssAfterOpenKb = rssOf(child.pid!);
    // Edits inside a description in the middle of the file: one character each, incremental sync.
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > lines.length / 2 && l.includes('Description:'));
    const editMs: number[] = [];
    for (let v = 2; v < 2 + edits; v++) {
      t = process.hrtime.bigint();
      const done = diagnostics(uri, v);
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character: 20 }, end: { line, character: 20 } }, text: 'x' }] });
      await done;
      editMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const rssCyclesKb: number[] = [];
    for (let cycle = 0; cycle < 3; cycle++) {
      for (const file of workspace) {
        const u = `file://${file}`;
        const d = diagnostics(u, 1);
        conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') } });
        await d;
        conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
      }
      rssCyclesKb.push(rssOf(child.pid!));
    }
    child.removeAllListeners('exit');
    await conn.sendRequest('shutdown');
    conn.sendNotification('exit');
    return { openMs, editMs, rssAfterOpenKb, rssCyclesKb };
  } finally {
    conn.dispose();
    child.kill();
  }
}
