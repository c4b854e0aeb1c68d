#!/usr/bin/env node
'use strict';
/**
 * The `replylint` command (CommonJS, see bin/package.json: no ES module loader needed at start-up). Runs
 * dist/replylint.cjs with a V8 code cache (lib/code-cache.cjs), which saves about 30 ms of every cold start. Any
 * problem with the cache falls back to loading the ES module build.
 */
let loaded = null;
try { loaded = require('../lib/code-cache.cjs').loadCached(require('node:path').join(__dirname, '../dist/replylint.cjs')); } catch { loaded = null; }
const run = loaded ? Promise.resolve(loaded.exports) : import('../dist/cli.js');
run.then(async (m) => {
  const code = await m.main(process.argv.slice(2));
  process.exitCode = code;
  // keep the compiled code of a run that linted something (a --help run would cache little of the engine)
  if (loaded && (!m.hasLinted || m.hasLinted())) loaded.save();
}).catch((err) => {
  process.stderr.write(`replylint: interner Fehler: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 2;
});
