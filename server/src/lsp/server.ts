// The language server: the same engine as the CLI behind LSP. stdout carries only JSON-RPC; logs go to the
// connection console. Handlers never throw to the client: a failure is logged and answered with nothing.
import * as fs from 'fs';
import { pathToFileURL } from 'url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocPath } from '../cli/rule-docs';
import { expandOperands } from '../cli/files';
import { lint } from '../engine/lint';
import { Analyses, filePathOf, type Analysed } from './documents';
import { codeActions, FIX_ALL_KIND, OPEN_RULE_DOC, resolveFix } from './code-actions';
import { codeLenses, inventory } from './code-lens';
import { toDiagnostics } from './diagnostics';
import { hoverAt } from './hover';

const DEFAULT_DEBOUNCE_MS = 150;

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  // Anything printed by accident must not corrupt the JSON-RPC stream.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  process.on('uncaughtException', (e) => connection.console.error(`hipaa-lint: unexpected error: ${e.stack ?? e}`));
  serve(connection);
  connection.listen();
}

export function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Analyses((m) => connection.console.log(m));
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let lintOnType = true;
  let pull = false;
  let canResolve = false;
  let workspaceFolders: string[] = [];

  const safe = <A extends unknown[], R>(name: string, fn: (...args: A) => R, fallback: R) => (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      connection.console.error(`hipaa-lint: ${name} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };

  const diagnosticsOf = (doc: TextDocument, analysed: Analysed) => {
    const items = toDiagnostics(analysed.analysis);
    const configError = analyses.configError(doc.uri);
    if (configError) items.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'hipaa-lint', code: 'invalid-config', message: `The project config is invalid, so defaults apply: ${configError}` });
    return items;
  };
  const publish = (doc: TextDocument, analysed: Analysed) => {
    if (pull) return;
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnosticsOf(doc, analysed) });
  };
  const relint = (doc: TextDocument, delay: number) => {
    if (analyses.isIgnored(doc.uri)) {
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    analyses.schedule(doc, delay, () => documents.get(doc.uri), safe('lint', (a: Analysed) => publish(doc, a), undefined));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { debounceMs?: number; run?: string };
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    lintOnType = options.run !== 'onSave';
    pull = !!params.capabilities.textDocument?.diagnostic;
    canResolve = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => filePathOf(f.uri)).filter((p): p is string => !!p);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: canResolve },
        executeCommandProvider: { commands: [OPEN_RULE_DOC] },
        diagnosticProvider: pull ? { identifier: 'hipaa-lint', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'hipaa-lint' },
    };
  });

  connection.onInitialized(() => {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.hipaa-lint.{yaml,yml,json}' }] }).catch(() => undefined);
  });

  documents.onDidOpen((e) => relint(e.document, 0));
  documents.onDidChangeContent((e) => {
    if (lintOnType) relint(e.document, debounceMs);
  });
  documents.onDidSave((e) => relint(e.document, 0));
  documents.onDidClose((e) => {
    analyses.forget(e.document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles(() => {
    analyses.invalidateConfigs();
    for (const doc of documents.all()) relint(doc, 0);
    if (pull) void connection.languages.diagnostics.refresh().catch(() => undefined);
  });

  connection.languages.diagnostics.on(
    safe('pull diagnostics', (params: { textDocument: { uri: string } }) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || analyses.isIgnored(doc.uri)) return { kind: 'full' as const, items: [] };
      return { kind: 'full' as const, items: diagnosticsOf(doc, analyses.get(doc)) };
    }, { kind: 'full' as const, items: [] }),
  );

  connection.onHover(
    safe('hover', (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      return hoverAt(analyses.get(doc).analysis, doc.offsetAt(params.position)) ?? null;
    }, null),
  );

  connection.onCodeLens(
    safe('code lens', (params) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? codeLenses(analyses.get(doc).analysis) : [];
    }, []),
  );

  connection.onCodeAction(
    safe('code actions', (params) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? codeActions(doc, analyses.get(doc), params, canResolve) : [];
    }, []),
  );

  connection.onCodeActionResolve(
    safe('code action resolve', (action) => {
      const uri = (action.data as { uri?: string } | undefined)?.uri;
      const doc = uri ? documents.get(uri) : undefined;
      return doc ? resolveFix(action, doc, analyses.get(doc)) : action;
    }, {} as never),
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command !== OPEN_RULE_DOC) return undefined;
    const ruleId = String(params.arguments?.[0] ?? '');
    const doc = ruleDocPath(ruleId);
    if (!doc) {
      void connection.window.showWarningMessage(`hipaa-lint: no rule "${ruleId}"`);
      return undefined;
    }
    await connection.window.showDocument({ uri: pathToFileURL(doc).href, takeFocus: true }).catch(() => undefined);
    return doc;
  });

  connection.onRequest(
    'hipaaLint/phiInventory',
    safe('phiInventory', (params: { uri: string }) => {
      const doc = documents.get(params.uri);
      if (doc) return inventory(analyses.get(doc).analysis);
      const file = filePathOf(params.uri);
      return file && fs.existsSync(file) ? inventory(lint(fs.readFileSync(file, 'utf8'), params.uri)) : [];
    }, []),
  );

  // Lint every template under the workspace folders and publish the results (open files keep their live state).
  connection.onRequest(
    'hipaaLint/scanWorkspace',
    safe('scanWorkspace', () => {
      const { files } = expandOperands(workspaceFolders, workspaceFolders[0] ?? process.cwd());
      let templates = 0;
      let findings = 0;
      for (const file of files) {
        const uri = pathToFileURL(file).href;
        if (documents.get(uri) || analyses.isIgnored(uri)) continue;
        let text: string;
        try {
          text = fs.readFileSync(file, 'utf8');
        } catch {
          continue;
        }
        const analysis = lint(text, uri, { config: undefined });
        if (analysis.document.kind !== 'template') continue;
        templates++;
        const items = toDiagnostics(analysis);
        findings += items.length;
        void connection.sendDiagnostics({ uri, diagnostics: items });
      }
      return { files: files.length, templates, findings };
    }, { files: 0, templates: 0, findings: 0 }),
  );

  documents.listen(connection);
}
