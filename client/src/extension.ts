import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { editorSettings } from './settings';
import { registerCommands } from './commands';
import { StatusItem } from './status';

let client: LanguageClient | undefined;

/** Start the language server over IPC and register the commands; nothing else happens here. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const settings = editorSettings();
  if (!settings.enable) return;
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args: ['--node-ipc'] },
    debug: { module: serverModule, transport: TransportKind.ipc, args: ['--node-ipc'], options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
    ],
    // A function, so a restart after the workspace is trusted sends the new state.
    initializationOptions: () => ({ debounceMs: settings.debounceMs, run: settings.run, trusted: vscode.workspace.isTrusted }),
    // Pulled diagnostics follow the same setting as pushed ones: on every change, or only when saved.
    diagnosticPullOptions: { onChange: settings.run !== 'onSave', onSave: true },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.hipaa-lint.{yaml,yml}') },
  };
  client = new LanguageClient('hipaaLint', 'hipaa-lint', serverOptions, clientOptions);
  await client.start();
  const status = new StatusItem(client);
  context.subscriptions.push(
    status,
    ...registerCommands(client),
    // Untrusted: the server offers read-only features; once trusted, restart it with edits enabled.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
    // The editor settings shape how the client is built (pull options, debounce): apply them with a reload.
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('hipaaLint') || e.affectsConfiguration('hipaaLint.trace')) return;
      const choice = await vscode.window.showInformationMessage('hipaa-lint: reload the window to apply the changed settings.', 'Reload');
      if (choice) await vscode.commands.executeCommand('workbench.action.reloadWindow');
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
