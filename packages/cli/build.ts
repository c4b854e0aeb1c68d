/**
 * The CLI's own bundles, called by scripts/build.ts (which also bundles src/cli.ts to dist/cli.js, the ESM entry
 * for `import '@replylint/cli'`):
 * - dist/replylint.cjs — what bin/replylint.js runs. CommonJS so that the bin can compile it with a V8 code cache
 *   (vm.Script cachedData; Node 20 has no compile cache for ES modules): that saves ~30 ms of every cold start.
 * - dist/worker.cjs — the worker-thread code for parallel runs, started through lib/worker-boot.cjs (also with a
 *   code cache); loaded only when there are many files.
 * - dist/chunks/*.cjs — libraries a plain-text run does not need (YAML for config files, Markdown, HTML, diff,
 *   globbing, ignore files), each loaded on first use (with its own code cache). In the two bundles above
 *   they are replaced by a small module whose exports are getters that load the chunk. Without this they made up
 *   ~60 % of the bundle and all of them were initialised at every start (e.g. the HTML entity table was decoded).
 */
import { join, relative } from 'node:path';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin, PluginBuild } from 'esbuild';

/**
 * Import specifier → chunk name (dist/chunks/<name>.cjs). Only libraries whose `default` export, if imported, is
 * module.exports itself (CommonJS libraries, or ES modules used through named imports): an ES module's own default
 * export (postal-mime's, imported with `await import()` from an ES module) would come out as the stand-in object.
 */
export const LAZY_CHUNKS: Record<string, string> = {
  yaml: 'yaml',
  'mdast-util-from-markdown': 'markdown',
  htmlparser2: 'htmlparser2',
  'entities/decode': 'entities-decode',
  diff: 'diff',
  tinyglobby: 'tinyglobby',
  picomatch: 'picomatch',
  ignore: 'ignore',
};

const CHUNK_LOADER =
  // the bin's vm.Script wrapper passes a loader with a code cache as a sixth argument (lib/code-cache.cjs)
  "var __replylintChunk = (name) => { const f = require('node:path').join(__dirname, 'chunks', name + '.cjs'); " +
  "return typeof __replylintLoad === 'function' ? __replylintLoad(f) : require(f); };";

export async function build(root: string): Promise<void> {
  const esbuild = await import('esbuild');
  const cli = join(root, 'packages/cli');
  const common = { bundle: true, conditions: ['source'], logLevel: 'warning' as const, legalComments: 'none' as const, target: 'node20', platform: 'node' as const };
  const chunkDir = join(cli, 'dist/chunks');
  rmSync(chunkDir, { recursive: true, force: true });
  mkdirSync(chunkDir, { recursive: true });

  /** Chunk name → what its module.exports looks like (built once, shared by both bundles). */
  const chunks = new Map<string, Promise<string>>();
  const facade = (name: string, file: string): Promise<string> => {
    let p = chunks.get(name);
    if (!p) {
      p = (async () => {
        const out = join(chunkDir, `${name}.cjs`);
        await esbuild.build({
          ...common, entryPoints: [file], outfile: out, format: 'cjs',
          define: { 'import.meta.url': '__replylintImportMetaUrl' },
          banner: { js: "var __replylintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
        });
        // the shape of its exports decides the stand-in: read it from the chunk itself (plain libraries, no side effects)
        const mod = createRequire(import.meta.url)(out) as unknown;
        const keys = mod && (typeof mod === 'object' || typeof mod === 'function') ? Object.keys(mod as object) : [];
        const lines = [`var m; var load = () => m || (m = __replylintChunk(${JSON.stringify(name)}));`];
        if (typeof mod === 'function') {
          // a CommonJS library that exports a function (picomatch, ignore): the stand-in is a function too
          lines.push('module.exports = function (...a) { return new.target ? Reflect.construct(load(), a) : load().apply(this, a); };');
        }
        const target = typeof mod === 'function' ? 'module.exports' : 'exports';
        if ((mod as { __esModule?: boolean } | null)?.__esModule) lines.push(`Object.defineProperty(${target}, "__esModule", { value: true });`);
        for (const k of keys) lines.push(`Object.defineProperty(${target}, ${JSON.stringify(k)}, { enumerable: true, get: () => load()[${JSON.stringify(k)}] });`);
        return lines.join('\n') + '\n';
      })();
      chunks.set(name, p);
    }
    return p;
  };
  const lazy: Plugin = {
    name: 'replylint-lazy-chunks',
    setup(b: PluginBuild) {
      const filter = new RegExp(`^(${Object.keys(LAZY_CHUNKS).map((k) => k.replace(/[/.]/g, '\\$&')).join('|')})$`);
      b.onResolve({ filter }, async (a) => {
        if (a.pluginData === 'lazy-chunk') return undefined;
        const r = await b.resolve(a.path, { resolveDir: a.resolveDir, kind: a.kind, importer: a.importer, pluginData: 'lazy-chunk' });
        if (r.errors.length) return { errors: r.errors };
        // a .cjs name: the stand-in is CommonJS whatever the library is (an .mjs path would make it an ES module)
        const name = LAZY_CHUNKS[a.path]!;
        return { path: `${name}.cjs`, namespace: 'lazy-chunk', pluginData: { name, file: r.path } };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, async (a) => {
        const { name, file } = a.pluginData as { name: string; file: string };
        return { contents: await facade(name, file), loader: 'js' };
      });
    },
  };

  await Promise.all([
    esbuild.build({
      ...common, entryPoints: [join(cli, 'src/cli.ts')], outfile: join(cli, 'dist/replylint.cjs'), format: 'cjs', plugins: [lazy],
      define: { 'import.meta.url': '__replylintImportMetaUrl' },
      banner: { js: `var __replylintImportMetaUrl = require('node:url').pathToFileURL(__filename).href; ${CHUNK_LOADER}` },
    }),
    esbuild.build({
      ...common, entryPoints: [join(cli, 'src/worker.ts')], outfile: join(cli, 'dist/worker.cjs'), format: 'cjs', plugins: [lazy],
      define: { 'import.meta.url': '__replylintImportMetaUrl' },
      banner: { js: `var __replylintImportMetaUrl = require('node:url').pathToFileURL(__filename).href; ${CHUNK_LOADER}` },
    }),
  ]);
  // the bin runs replylint.cjs as a vm.Script with a code cache: dynamic import() of Node modules would fail there
  const files = ['dist/replylint.cjs', 'dist/worker.cjs', ...[...chunks.keys()].map((n) => relative(cli, join(chunkDir, `${n}.cjs`)))];
  for (const f of files) {
    const m = /\bimport\(\s*["'](node:[\w/]+|[a-z_][\w/]*)["']\s*\)/.exec(readFileSync(join(cli, f), 'utf8'));
    if (m) throw new Error(`packages/cli: ${f} contains a dynamic ${m[0]}; use builtin() from src/builtin.ts`);
  }
}
