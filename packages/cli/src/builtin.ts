/**
 * Load a Node built-in module on demand (crypto, worker_threads, os cost a few ms each at start-up). Synchronous
 * and without `import()`: the bin runs the bundle as a vm.Script with a V8 code cache, where dynamic import of
 * external modules is not available.
 */
import { createRequire } from 'node:module';

let req: NodeRequire | null = null;

export function builtin<T>(id: `node:${string}`): T {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (get) return get(id) as T;
  req ??= createRequire(import.meta.url);
  return req(id) as T;
}
