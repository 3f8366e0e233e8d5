#!/usr/bin/env node
// Writes dist/server.js.cache: V8's compiled code for the CLI bundle after one lint of an example, so the functions
// a CLI run needs are in it. Run by bundle.js in its own process, with the Node that will run the CLI.
'use strict';
const fs = require('fs');
const path = require('path');
const { loadBundle } = require('../../bin/load-bundle');

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'dist/server.js');
fs.rmSync(`${bundle}.cache`, { force: true });
const { exports: cli, script } = loadBundle(bundle);
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true;
cli.main(['--no-color', path.join(root, 'examples/patient-records.yaml')]);
process.stdout.write = write;
process.exitCode = 0;
fs.writeFileSync(`${bundle}.cache`, script.createCachedData());
