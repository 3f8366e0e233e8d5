import * as vscode from 'vscode';

/** Editor behaviour only; everything that changes findings lives in .hipaa-lint.yaml, shared with the CLI. */
export interface EditorSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  debounceMs: number;
}

export function editorSettings(): EditorSettings {
  const c = vscode.workspace.getConfiguration('hipaaLint');
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<'onType' | 'onSave'>('run', 'onType'),
    debounceMs: c.get<number>('debounceMs', 150),
  };
}
