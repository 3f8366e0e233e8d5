#!/usr/bin/env node
'use strict';
// The esbuild bundle (`npm run bundle`) starts faster than the compiled tree, so it is used while it is newer
// than the last tsc build of the server and the rules; any later build makes it stale and out/ is used.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const modified = (file) => {
  try {
    return fs.statSync(path.join(root, file)).mtimeMs;
  } catch {
    return -1;
  }
};
const bundled = modified('dist/server.js');
const fresh = bundled > 0 && modified('dist/worker.js') > 0 && ['server', 'rules'].every((project) => modified(`out/tsbuildinfo/${project}.tsbuildinfo`) <= bundled);
const entry = fresh ? require('./load-bundle').loadBundle(path.join(root, 'dist/server.js')).exports : require('../out/server/src/main.js');
entry.main(process.argv.slice(2));
