/**
 * `pnpm package:vscode`: build both bundles and pack extension/replylint-vscode-<version>.vsix with @vscode/vsce.
 * `--no-dependencies`: everything the extension needs is in dist/ (no node_modules, no dev dependencies inside).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.ts';

const ext = dirname(fileURLToPath(import.meta.url));
const root = join(ext, '..');

export async function packageVsix(): Promise<string> {
  await build(root);
  const { version } = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8')) as { version: string };
  const out = join(ext, `replylint-vscode-${version}.vsix`);
  const vsce = join(ext, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '-o', out], { cwd: ext, stdio: ['ignore', 'inherit', 'inherit'] });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await packageVsix();
  console.log(`replylint: ${out}`);
}
