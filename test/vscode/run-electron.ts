// Runner for machines that can download VS Code (never used in CI here): the same suite under @vscode/test-electron.
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'suite/index.js'),
    launchArgs: [path.join(root, 'test/vscode/fixtures'), '--disable-extensions'],
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
