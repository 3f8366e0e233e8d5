// A JSON-RPC client for the real server process (`node out/server/src/main.js --stdio`), for tests.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import type { MessageConnection } from 'vscode-jsonrpc/node';

const rpc: typeof import('vscode-jsonrpc/node') = require('vscode-jsonrpc/node');
const SERVER = path.resolve(__dirname, '../../server/src/main.js');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; code: string; source: string; message: string; codeDescription?: { href: string }; relatedInformation?: { message: string; location: { range: { start: { line: number } } } }[]; data?: unknown }[];
}

export class TestClient {
  readonly child: ChildProcess;
  readonly conn: MessageConnection;
  private readonly published: Published[] = [];
  private readonly waiters: { accept: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  readonly progress: { kind: string; message?: string; percentage?: number }[] = [];

  constructor(server = SERVER) {
    this.child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => this.stderr.push(String(d)));
    this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout!), new rpc.StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      for (const w of [...this.waiters]) if (w.accept(p)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('$/progress', (p: { token: unknown; value: { kind: string; message?: string; percentage?: number } }) => {
      this.progress.push(p.value);
    });
    this.conn.onRequest('window/showDocument', () => ({ success: true }));
    this.conn.listen();
  }

  async initialize(capabilities: object = {}, initializationOptions: object = { debounceMs: 0 }, workspaceFolders: { uri: string; name: string }[] | null = null): Promise<{ capabilities: Record<string, unknown> }> {
    const r = await this.conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, workspaceFolders, capabilities, initializationOptions });
    this.conn.sendNotification('initialized', {});
    return r;
  }

  /** Resolves with the first diagnostics for `uri` (at `version`, when given) — already received or still to come. */
  diagnostics(uri: string, version?: number): Promise<Published> {
    const accept = (p: Published) => p.uri === uri && (version === undefined || p.version === version);
    const seen = this.published.find(accept);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ accept, resolve }));
  }

  /** Resolves with the next diagnostics for `uri` published after this call. */
  nextDiagnostics(uri: string): Promise<Published> {
    return new Promise((resolve) => this.waiters.push({ accept: (p) => p.uri === uri, resolve }));
  }

  notify(method: string, params: object): void {
    this.conn.sendNotification(method, params);
  }

  /** Every publication received so far for `uri`. */
  publishedFor(uri: string): Published[] {
    return this.published.filter((p) => p.uri === uri);
  }

  open(uri: string, text: string, version = 1, languageId = 'yaml'): void {
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: object[]): void {
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  request<R>(method: string, params: object): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.on('exit', (code) => resolve(code)));
    await this.conn.sendRequest('shutdown');
    this.conn.sendNotification('exit');
    const code = await exited;
    this.conn.dispose();
    return code;
  }
}
