import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface InventoryEntry {
  resource: string;
  type: string;
  verdict: string;
  chain: { resource: string; why: string }[];
}

export function registerCommands(client: LanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('hipaaLint.showPhiInventory', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      const inventory = await client.sendRequest<InventoryEntry[]>('hipaaLint/phiInventory', { uri: editor.document.uri.toString() });
      const items = inventory.map((e) => ({ label: `${e.resource}`, description: `${e.type} — ${e.verdict}`, detail: e.chain.map((s) => s.why).join(' ← ') }));
      await vscode.window.showQuickPick(items, { title: 'Resources that can carry PHI', matchOnDetail: true });
      return inventory;
    }),
    vscode.commands.registerCommand('hipaaLint.scanWorkspace', async () => client.sendRequest('hipaaLint/scanWorkspace', {})),
    vscode.commands.registerCommand('hipaaLint.explainRule', async (ruleId?: string) => {
      const id = ruleId ?? (await vscode.window.showInputBox({ prompt: 'Rule id, e.g. rds-storage-encrypted' }));
      if (!id) return undefined;
      return vscode.commands.executeCommand('hipaaLint.openRuleDoc', id);
    }),
  ];
}
