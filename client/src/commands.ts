import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface InventoryEntry {
  resource: string;
  type: string;
  verdict: string;
  findings: number;
  chain: { resource: string; why: string }[];
}

interface ScanResult {
  files: number;
  templates: number;
  findings: number;
  ignored: number;
  cancelled: boolean;
}

export function registerCommands(client: LanguageClient): vscode.Disposable[] {
  return [
    // From the palette: every resource of the active file that can carry PHI. From a code lens (uri, resource):
    // that resource's chain, step by step.
    vscode.commands.registerCommand('hipaaLint.showPhiInventory', async (uri?: string, resource?: string) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!target) return undefined;
      const inventory = await client.sendRequest<InventoryEntry[]>('hipaaLint/phiInventory', { uri: target });
      const entry = resource ? inventory.find((e) => e.resource === resource) : undefined;
      if (entry) {
        const steps = entry.chain.map((s, i) => ({ label: `${i + 1}. ${s.resource}`, detail: s.why }));
        void vscode.window.showQuickPick(steps, { title: `Why ${entry.resource} (${entry.type}) is ${entry.verdict}` });
        return entry;
      }
      const items = inventory.map((e) => ({ label: `${e.resource}`, description: `${e.type} — ${e.verdict} — ${e.findings} open finding${e.findings === 1 ? '' : 's'}`, detail: e.chain.map((s) => s.why).join(' ← ') }));
      void vscode.window.showQuickPick(items, { title: 'Resources that can carry PHI', matchOnDetail: true });
      return inventory;
    }),
    // The server reports progress (window/workDoneProgress) while it scans; the summary is shown when done.
    vscode.commands.registerCommand('hipaaLint.scanWorkspace', async () => {
      const result = await client.sendRequest<ScanResult>('hipaaLint/scanWorkspace', {});
      void vscode.window.showInformationMessage(`hipaa-lint: ${result.templates} template(s) scanned, ${result.findings} problem(s)${result.cancelled ? ' (cancelled)' : ''}. See the Problems view.`);
      return result;
    }),
    vscode.commands.registerCommand('hipaaLint.explainRule', async (ruleId?: string) => {
      const id = ruleId ?? (await vscode.window.showInputBox({ prompt: 'Rule id, e.g. rds-storage-encrypted' }));
      if (!id) return undefined;
      return vscode.commands.executeCommand('hipaaLint.openRuleDoc', id);
    }),
  ];
}
