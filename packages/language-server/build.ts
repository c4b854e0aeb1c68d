/** esbuild step for the language server (called by scripts/build.ts): one CommonJS bundle, dist/server.cjs. */
import { join } from 'node:path';

export async function build(root: string): Promise<void> {
  const esbuild = await import('esbuild');
  const pkg = join(root, 'packages/language-server');
  await esbuild.build({
    entryPoints: [join(pkg, 'src/main.ts')],
    outfile: join(pkg, 'dist/server.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    conditions: ['source'],
    mainFields: ['module', 'main'],
    legalComments: 'none',
    minify: true,
    keepNames: true,
    sourcemap: false,
    logLevel: 'warning',
  });
}
