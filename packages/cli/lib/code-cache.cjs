'use strict';
/**
 * Load a CommonJS bundle with a V8 code cache (Node 20 has no compile cache for ES modules; this is what
 * v8-compile-cache does for CommonJS). The bytecode is kept next to the bundle, or in the user's cache folder
 * ($XDG_CACHE_HOME/replylint or ~/.cache/replylint) when that is not writable. The file name carries the V8
 * version, the architecture and the bundle's size and mtime; V8 itself rejects data that does not fit, and then
 * it is rebuilt. `save()` writes it after a run, so that the functions compiled during the run are included.
 * REPLYLINT_NO_CODE_CACHE=1 switches it off.
 *
 * The bundle gets a sixth wrapper argument, `__replylintLoad(file)`, with which it loads its lazy chunks
 * (dist/chunks/*.cjs, see build.ts) the same way; `save()` then saves their caches too.
 */
const { readFileSync, writeFileSync, renameSync, mkdirSync, statSync, readdirSync, unlinkSync } = require('node:fs');
const { dirname, join, basename } = require('node:path');

function loadCached(bundle) {
  if (process.env.REPLYLINT_NO_CODE_CACHE) return { exports: require(bundle), save() {} };
  const chunks = new Map();
  const loadChunk = (file) => {
    let c = chunks.get(file);
    if (!c) { c = loadCached(file); chunks.set(file, c); }
    return c.exports;
  };
  const vm = require('node:vm');
  const st = statSync(bundle);
  const prefix = `${basename(bundle).replace(/\.c?js$/, '')}-`;
  const key = `${prefix}${process.versions.v8}-${process.arch}-${st.size}-${Math.round(st.mtimeMs)}.v8cache`;
  const home = process.env.XDG_CACHE_HOME || (process.env.HOME ? join(process.env.HOME, '.cache') : null);
  const dirs = [dirname(bundle), ...(home ? [join(home, 'replylint')] : [])];
  let cached;
  for (const d of dirs) { try { cached = readFileSync(join(d, key)); break; } catch { /* next */ } }
  // CommonJS wrapper by hand: loading node:module for wrap/createRequire costs several ms. The bundles only
  // require Node built-ins, which this module's own require resolves the same way.
  const source = `(function (exports, require, module, __filename, __dirname, __replylintLoad) { ${readFileSync(bundle, 'utf8')}\n});`;
  const script = new vm.Script(source, { filename: bundle, cachedData: cached });
  const mod = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, require, mod, bundle, dirname(bundle), loadChunk);
  mod.loaded = true;
  let saved = false;
  return {
    exports: mod.exports,
    /** Whether save() would write (no cache yet, or V8 rejected it). */
    get needsSave() { return !saved && (!cached || script.cachedDataRejected === true); },
    save() {
      for (const c of chunks.values()) c.save();
      if (saved || (cached && !script.cachedDataRejected)) return;
      saved = true;
      let data;
      try { data = script.createCachedData(); } catch { return; }
      for (const d of dirs) {
        try {
          mkdirSync(d, { recursive: true });
          const tmp = join(d, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
          writeFileSync(tmp, data);
          renameSync(tmp, join(d, key));
          for (const f of readdirSync(d)) {
            if (f.startsWith(prefix) && f.endsWith('.v8cache') && f !== key) { try { unlinkSync(join(d, f)); } catch { /* in use */ } }
          }
          return;
        } catch { /* not writable: next */ }
      }
    },
  };
}

module.exports = { loadCached };
