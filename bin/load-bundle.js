'use strict';
// Loads the CLI bundle as Node's own loader would, but with V8's code cache written beside it at bundle time
// (dist/server.js.cache): compiling 880 KB of JavaScript is a fifth of a small file's run. A cache from another
// Node version, or for other bytes, is rejected by V8 and the bundle simply compiles as usual.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

function loadBundle(file) {
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, script };
}

module.exports = { loadBundle };
