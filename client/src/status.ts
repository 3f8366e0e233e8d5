import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface InventoryEntry {
  resource: string;
  type: string;
  verdict: string;
}

/** Findings and PHI resources in the active file; a click opens the Problems view. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.languages.onDidChangeDiagnostics(() => void this.update()),
    );
    void this.update();
  }

  private async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      this.item.hide();
      return;
    }
    const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'hipaa-lint');
    let phi = 0;
    try {
      const inventory = await this.client.sendRequest<InventoryEntry[]>('hipaaLint/phiInventory', { uri: editor.document.uri.toString() });
      phi = inventory.filter((e) => e.verdict === 'phi' || e.verdict === 'possible').length;
    } catch {
      phi = 0;
    }
    if (ours.length === 0 && phi === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(shield) HIPAA ${ours.length} · PHI ${phi}`;
    this.item.tooltip = `hipaa-lint: ${ours.length} finding(s), ${phi} resource(s) that can carry PHI in this file`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
