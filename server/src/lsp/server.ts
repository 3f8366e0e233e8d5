// The language server: the same engine as the CLI behind LSP. stdout carries only JSON-RPC; logs go to the
// connection console. A request that fails is logged and answered with an error; the server keeps serving.
import { pathToFileURL } from 'url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../engine/lint';
import { Analyses, filePathOf, type Analysed } from './documents';
import { codeActions, FIX_ALL_KIND, OPEN_RULE_DOC, resolveFix } from './code-actions';
import { codeLenses, inventory } from './code-lens';
import { toDiagnostics } from './diagnostics';
import { hoverAt } from './hover';
import { codeActionItem, codeActionParams, documentParams, positionParams, uriParams, type ParamsCheck } from './params';
import { ruleDocFile } from './rule-doc';
import { readTemplateFile, scanWorkspace } from './workspace-scan';

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
  let trusted = true;
  let workspaceFolders: string[] = [];

  const logFailure = (name: string, e: unknown) => connection.console.error(`hipaa-lint: ${name} failed: ${(e as Error)?.stack ?? e}`);
  /** Background work (linting on change): a failure is logged, nothing else. */
  const safe = <A extends unknown[], R>(name: string, fn: (...args: A) => R, fallback: R) => (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      logFailure(name, e);
      return fallback;
    }
  };
  /**
   * A request: parameters without the fields it reads are answered InvalidParams; a failure is logged and
   * answered as an InternalError, and the next request is served as usual.
   */
  const guard = <A extends unknown[], R>(name: string, fn: (...args: A) => R, check?: ParamsCheck) => (...args: A): R | ResponseError<never> => {
    const problem = check?.(args[0]);
    if (problem) return new ResponseError<never>(ErrorCodes.InvalidParams, `hipaa-lint: ${name}: ${problem}`);
    try {
      return fn(...args);
    } catch (e) {
      logFailure(name, e);
      return new ResponseError<never>(ErrorCodes.InternalError, `hipaa-lint: ${name} failed: ${(e as Error)?.message ?? e}`);
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
    // The lint itself runs inside `safe`: it runs from a timer, where a throw would escape every handler.
    analyses.schedule(doc, delay, () => documents.get(doc.uri), safe('lint', (latest: TextDocument) => publish(latest, analyses.get(latest)), undefined));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { debounceMs?: number; run?: string; trusted?: boolean };
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    lintOnType = options.run !== 'onSave';
    // An untrusted workspace gets read-only features: diagnostics, hovers, lenses, inventory — no edits.
    trusted = options.trusted !== false;
    pull = !!params.capabilities.textDocument?.diagnostic;
    canResolve = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
    workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : [])).map((f) => filePathOf(f.uri)).filter((p): p is string => !!p);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: trusted ? [CodeActionKind.QuickFix, FIX_ALL_KIND] : [CodeActionKind.QuickFix], resolveProvider: canResolve },
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

  // Pull: a version not analysed yet waits out the debounce first; if a newer version arrives meanwhile (or the
  // client cancels), the request is answered ServerCancelled and the client asks again for the newest one.
  connection.languages.diagnostics.on(async (params, token) => {
    const problem = documentParams(params);
    if (problem) return new ResponseError(ErrorCodes.InvalidParams, `hipaa-lint: pull diagnostics: ${problem}`, { retriggerRequest: false });
    try {
      let doc = documents.get(params.textDocument.uri);
      if (!doc || analyses.isIgnored(doc.uri)) return { kind: 'full' as const, items: [] };
      if (!analyses.has(doc) && lintOnType && debounceMs > 0) {
        const version = doc.version;
        await new Promise((resolve) => setTimeout(resolve, debounceMs));
        doc = documents.get(params.textDocument.uri);
        if (!doc) return { kind: 'full' as const, items: [] };
        if (token.isCancellationRequested || (doc.version !== version && !analyses.has(doc))) {
          return new ResponseError(LSPErrorCodes.ServerCancelled, 'hipaa-lint: a newer version arrived', { retriggerRequest: !token.isCancellationRequested });
        }
      }
      return { kind: 'full' as const, items: diagnosticsOf(doc, analyses.get(doc)) };
    } catch (e) {
      logFailure('pull diagnostics', e);
      return new ResponseError(ErrorCodes.InternalError, `hipaa-lint: pull diagnostics failed: ${(e as Error)?.message ?? e}`, { retriggerRequest: false });
    }
  });

  connection.onHover(
    guard('hover', (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const analysed = analyses.get(doc);
      return hoverAt(analysed.analysis, doc.offsetAt(params.position), analysed.options.parameterValues ?? {}) ?? null;
    }, positionParams),
  );

  connection.onCodeLens(
    guard('code lens', (params) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? codeLenses(analyses.get(doc).analysis) : [];
    }, documentParams),
  );

  connection.onCodeAction(
    guard('code actions', (params) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? codeActions(doc, analyses.get(doc), params, canResolve, trusted) : [];
    }, codeActionParams),
  );

  connection.onCodeActionResolve(
    guard('code action resolve', (action) => {
      const uri = (action.data as { uri?: string } | undefined)?.uri;
      const doc = uri ? documents.get(uri) : undefined;
      return doc && trusted ? resolveFix(action, doc, analyses.get(doc)) : action;
    }, codeActionItem),
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command !== OPEN_RULE_DOC) return undefined;
    // Only a string names a rule: String() of an object sent as `{ "toString": 1 }` throws.
    const argument = params.arguments?.[0];
    const ruleId = typeof argument === 'string' ? argument : '';
    const doc = ruleDocFile(ruleId);
    if (!doc) {
      // A notification: the warning needs no answer, and a client refusing window/showMessageRequest left an unhandled rejection.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `hipaa-lint: no rule "${ruleId}"` });
      return undefined;
    }
    await connection.window.showDocument({ uri: pathToFileURL(doc).href, takeFocus: true }).catch(() => undefined);
    return doc;
  });

  connection.onRequest(
    'hipaaLint/phiInventory',
    guard('phiInventory', (params: { uri: string }) => {
      const doc = documents.get(params.uri);
      if (doc) return inventory(analyses.get(doc).analysis);
      const file = filePathOf(params.uri);
      const text = file && !analyses.isIgnored(params.uri) ? readTemplateFile(file) : undefined;
      return text === undefined ? [] : inventory(lint(text, params.uri, analyses.optionsFor(params.uri)));
    }, uriParams),
  );

  // Lint every template under the workspace folders and publish the results (open files keep their live state).
  // Progress goes to the client's token when it sent one, else to a server-created progress (if supported).
  connection.onRequest('hipaaLint/scanWorkspace', async (params: { workDoneToken?: string | number } | undefined, token: CancellationToken) => {
    try {
      const progress = params?.workDoneToken !== undefined ? connection.window.attachWorkDoneProgress(params.workDoneToken) : await connection.window.createWorkDoneProgress();
      const cancel = 'token' in progress ? (progress as { token: CancellationToken }).token : undefined;
      const cancelled = () => token.isCancellationRequested || !!cancel?.isCancellationRequested;
      return await scanWorkspace(connection, analyses, workspaceFolders, (uri) => !!documents.get(uri), progress, cancelled);
    } catch (e) {
      logFailure('scanWorkspace', e);
      return new ResponseError<never>(ErrorCodes.InternalError, `hipaa-lint: scanWorkspace failed: ${(e as Error)?.message ?? e}`);
    }
  });

  documents.listen(connection);
}
