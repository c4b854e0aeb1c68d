/**
 * esbuild steps for the VS Code extension (called by scripts/build.ts): two separate bundles,
 * dist/extension.cjs (the client; `vscode` is external) and dist/server.cjs (the language server with the engine).
 */
import { join } from 'node:path';

export async function build(root: string): Promise<void> {
  const esbuild = await import('esbuild');
  const ext = join(root, 'extension');
  const common = {
    bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node18', conditions: ['source'],
    mainFields: ['module', 'main'], legalComments: 'none' as const, minify: true, keepNames: true, logLevel: 'warning' as const,
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [join(ext, 'src/extension.ts')], outfile: join(ext, 'dist/extension.cjs'), external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: [join(root, 'packages/language-server/src/main.ts')], outfile: join(ext, 'dist/server.cjs') }),
  ]);
}
