/**
 * Load a Node built-in module on demand (crypto, worker_threads, os cost a few ms each at start-up). Synchronous
 * and without `import()`: the bin runs the bundle as a vm.Script with a V8 code cache, where dynamic import of
 * external modules is not available. process.getBuiltinModule exists from Node 20.16; before that the bundles'
 * `require` (CommonJS, or the ES module build's createRequire banner) does it.
 */
export function builtin<T>(id: `node:${string}`): T {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (get) return get(id) as T;
  return require(id) as T;
}
