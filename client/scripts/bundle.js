#!/usr/bin/env node
// Bundles the extension client and the language server into dist/ with esbuild, and writes the compact
// CloudFormation spec extract the server reads for hovers (so the package needs no node_modules). The CLI
// (bin/hipaa-lint.js) also starts from the bundle while it is newer than the last tsc build: it starts faster.
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');

async function main() {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  // jsonc-parser's main entry is UMD with dynamic requires esbuild cannot follow: prefer the ESM build.
  const common = { mainFields: ['module', 'main'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, minify: true, legalComments: 'none', logLevel: 'warning' };
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'client/src/extension.ts')], outfile: path.join(dist, 'client.js'), external: ['vscode'] });
  await esbuild.build({
    ...common,
    // Run as a program (the extension, `node dist/server.js --stdio`) or required by bin/hipaa-lint.js.
    stdin: { contents: "const entry = require('./main'); module.exports = entry; if (require.main === module) entry.main(process.argv.slice(2));", resolveDir: path.join(root, 'server/src'), sourcefile: 'server-entry.ts', loader: 'ts' },
    outfile: path.join(dist, 'server.js'),
    external: ['@aws-cdk/cfnspec'],
  });
  // The CLI's worker threads load dist/worker.js beside the bundle.
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'server/src/cli/worker.ts')], outfile: path.join(dist, 'worker.js'), external: ['@aws-cdk/cfnspec'] });
  require('child_process').execFileSync(process.execPath, [path.join(__dirname, 'code-cache.js')], { stdio: 'inherit' });
  const { buildSpecIndex } = require(path.join(root, 'out/server/src/spec/index.js'));
  fs.writeFileSync(path.join(dist, 'cfn-spec.json'), JSON.stringify(buildSpecIndex()));
  for (const f of ['client.js', 'server.js', 'server.js.cache', 'worker.js', 'cfn-spec.json']) console.log(`dist/${f} ${(fs.statSync(path.join(dist, f)).size / 1024).toFixed(0)} KiB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
