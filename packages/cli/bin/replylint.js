#!/usr/bin/env node
/**
 * Runs dist/replylint.cjs with a V8 code cache (compiled bytecode kept next to the bundle, or in the user's cache
 * folder when that is not writable). The cache is keyed by the bundle's size and mtime and the Node/V8 version;
 * V8 itself rejects data that does not fit, and then it is rebuilt. REPLYLINT_NO_CODE_CACHE=1 switches it off.
 * Any problem with the cache falls back to loading the bundle normally.
 */
import { readFileSync, writeFileSync, renameSync, mkdirSync, statSync, readdirSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, '../dist/replylint.cjs');
const require = createRequire(import.meta.url);

function fail(err) {
  process.stderr.write(`replylint: interner Fehler: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 2;
}

function load() {
  let st;
  try { st = statSync(bundle); } catch { return null; }
  if (process.env.REPLYLINT_NO_CODE_CACHE) return { mod: require(bundle) };
  const vm = require('node:vm');
  const Module = require('node:module');
  const key = `replylint-${process.versions.v8}-${process.arch}-${st.size}-${Math.round(st.mtimeMs)}.v8cache`;
  const home = process.env.XDG_CACHE_HOME || (process.env.HOME ? join(process.env.HOME, '.cache') : null);
  const dirs = [join(here, '../dist'), ...(home ? [join(home, 'replylint')] : [])];
  let cached;
  for (const d of dirs) { try { cached = readFileSync(join(d, key)); break; } catch { /* next */ } }
  const source = readFileSync(bundle, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: cached });
  const mod = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
  const save = () => {
    if (cached && !script.cachedDataRejected) return;
    let data;
    try { data = script.createCachedData(); } catch { return; }
    for (const d of dirs) {
      try {
        mkdirSync(d, { recursive: true });
        const tmp = join(d, `${key}.${process.pid}.tmp`);
        writeFileSync(tmp, data);
        renameSync(tmp, join(d, key));
        for (const f of readdirSync(d)) if (f.startsWith('replylint-') && f.endsWith('.v8cache') && f !== key) { try { unlinkSync(join(d, f)); } catch { /* in use elsewhere */ } }
        return;
      } catch { /* not writable: next */ }
    }
  };
  return { mod: mod.exports, save };
}

let loaded = null;
try { loaded = load(); } catch { loaded = null; }
const run = loaded ? Promise.resolve(loaded.mod) : import('../dist/cli.js');
run.then((m) => m.main(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
    if (loaded && loaded.save) loaded.save();
  },
  fail,
);
