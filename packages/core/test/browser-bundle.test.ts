/**
 * The engine is pure: bundle the public package for the browser platform (no Node built-ins available) and
 * run it in a bare VM context without require, process or fs.
 */
import { describe, it, expect } from 'vitest';
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';

describe('browser bundle', () => {
  it('bundles without Node built-ins and lints in a bare context', async () => {
    const entry = fileURLToPath(new URL('../../replylint/src/index.ts', import.meta.url));
    const result = await build({
      entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'iife', globalName: 'replylint',
      conditions: ['source'], logLevel: 'silent',
      // any import of a Node built-in fails the build
      plugins: [{ name: 'no-node', setup(b) { b.onResolve({ filter: /^(node:|fs$|path$|process$|vscode$|os$|child_process$)/ }, (a) => ({ errors: [{ text: `Node-Modul im Browser-Bundle: ${a.path}` }] })); } }],
    });
    const code = result.outputFiles[0]!.text;
    const sandbox: Record<string, unknown> = { console };
    runInNewContext(`${code};\nglobalThis.result = replylint.lint('Nein, das geht nicht.');`, sandbox);
    const findings = sandbox.result as Array<{ ruleId: string; line: number; column: number }>;
    expect(findings.map((f) => f.ruleId)).toContain('flat-no');
    expect(code).not.toMatch(/require\(["']node:/);
  });
});
