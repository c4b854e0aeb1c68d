#!/usr/bin/env node
'use strict';
/**
 * The `replylint` command (CommonJS, see bin/package.json: no ES module loader needed at start-up). Runs
 * dist/replylint.cjs with a V8 code cache (lib/code-cache.cjs), which saves about 30 ms of every cold start. Any
 * problem with the cache falls back to loading the ES module build.
 *
 * TurboFan stays off until a run turns out to be large (main() calls hooks.largeRun()): on one file V8 spent
 * ~190 ms of background CPU optimising functions that had finished their work by then (measured on 2 cores:
 * 230 -> 160 ms CPU for one 2 KB file, 1,020 -> 790 ms for 100 files; from a few hundred files on, optimised code
 * wins). Left alone when the user passes --turbofan/--opt flags themselves.
 */
const tune = !/--(no-)?(turbofan|opt)\b/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS || ''}`);
const v8 = tune ? require('node:v8') : null;
if (v8) v8.setFlagsFromString('--no-turbofan');
let optimizing = !v8;
const hooks = {
  largeRun() {
    if (optimizing) return;
    optimizing = true;
    v8.setFlagsFromString('--turbofan');
  },
};
let loaded = null;
try { loaded = require('../lib/code-cache.cjs').loadCached(require('node:path').join(__dirname, '../dist/replylint.cjs')); } catch { loaded = null; }
const run = loaded ? Promise.resolve(loaded.exports) : import('../dist/cli.js');
run.then(async (m) => {
  const code = await m.main(process.argv.slice(2), undefined, hooks);
  process.exitCode = code;
  // keep the compiled code of a run that linted something (a --help run would cache little of the engine);
  // with the flags it was loaded with, which V8 checks when it reads the cache
  if (loaded && (!m.hasLinted || m.hasLinted())) {
    if (v8 && optimizing) v8.setFlagsFromString('--no-turbofan');
    loaded.save();
  }
}).catch((err) => {
  process.stderr.write(`replylint: interner Fehler: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 2;
});
