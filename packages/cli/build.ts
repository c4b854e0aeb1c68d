/**
 * The CLI's own bundles, called by scripts/build.ts (which also bundles src/cli.ts to dist/cli.js, the ESM entry
 * for `import '@replylint/cli'`):
 * - dist/replylint.cjs — what bin/replylint.js runs. CommonJS so that the bin can compile it with a V8 code cache
 *   (vm.Script cachedData; Node 20 has no compile cache for ES modules): that saves ~30 ms of every cold start.
 * - dist/worker.cjs — the worker-thread code for parallel runs, started through lib/worker-boot.cjs (also with a
 *   code cache); loaded only when there are many files.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

export async function build(root: string): Promise<void> {
  const esbuild = await import('esbuild');
  const cli = join(root, 'packages/cli');
  const common = { bundle: true, conditions: ['source'], logLevel: 'warning' as const, legalComments: 'none' as const, target: 'node20', platform: 'node' as const };
  await Promise.all([
    esbuild.build({
      ...common, entryPoints: [join(cli, 'src/cli.ts')], outfile: join(cli, 'dist/replylint.cjs'), format: 'cjs',
      define: { 'import.meta.url': '__replylintImportMetaUrl' },
      banner: { js: "var __replylintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    esbuild.build({
      ...common, entryPoints: [join(cli, 'src/worker.ts')], outfile: join(cli, 'dist/worker.cjs'), format: 'cjs',
      define: { 'import.meta.url': '__replylintImportMetaUrl' },
      banner: { js: "var __replylintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  ]);
  // the bin runs replylint.cjs as a vm.Script with a code cache: dynamic import() of Node modules would fail there
  for (const f of ['dist/replylint.cjs', 'dist/worker.cjs']) {
    const m = /\bimport\(\s*["'](node:[\w/]+|[a-z_][\w/]*)["']\s*\)/.exec(readFileSync(join(cli, f), 'utf8'));
    if (m) throw new Error(`packages/cli: ${f} contains a dynamic ${m[0]}; use builtin() from src/builtin.ts`);
  }
}
