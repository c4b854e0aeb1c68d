/**
 * The format parsers (htmlparser2, micromark, postal-mime) bundle for the browser and run without a DOM: bundle
 * the public package for the browser platform and lint HTML, Markdown and an .eml in a bare VM context that
 * only has what every browser and web worker has (TextDecoder, TextEncoder, Blob), no `document`, no `require`.
 */
import { describe, it, expect } from 'vitest';
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('./fixtures/formats/', import.meta.url));

describe('format parsers in a browser bundle', () => {
  it('lint HTML, Markdown and e-mail without Node and without a DOM', async () => {
    const entry = fileURLToPath(new URL('../../replylint/src/index.ts', import.meta.url));
    const result = await build({
      entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'iife', globalName: 'replylint',
      conditions: ['source'], logLevel: 'silent',
      plugins: [{ name: 'no-node', setup(b) { b.onResolve({ filter: /^(node:|fs$|path$|process$|buffer$|os$)/ }, (a) => ({ errors: [{ text: `Node-Modul im Browser-Bundle: ${a.path}` }] })); } }],
    });
    const sandbox: Record<string, unknown> = {
      console, TextDecoder, TextEncoder, Blob,
      html: readFileSync(fixtures + 'html/gmail-reply.html', 'utf8'),
      md: readFileSync(fixtures + 'markdown/antwort.md', 'utf8'),
      eml: new Uint8Array(readFileSync(fixtures + 'eml/qp-latin1.eml')),
    };
    runInNewContext(`${result.outputFiles[0]!.text};
      globalThis.out = {
        html: replylint.lint(html, { filePath: 'a.html' }).filter((f) => f.ruleId === 'flat-no').map((f) => [f.line, f.column]),
        md: replylint.lint(md, { filePath: 'a.md' }).filter((f) => f.ruleId === 'flat-no').map((f) => [f.line, f.column]),
      };
      globalThis.mail = replylint.lintEmail(eml).then((r) => [r.part, r.findings.filter((f) => f.ruleId === 'flat-no').map((f) => [f.line, f.column])]);`, sandbox);
    const out = sandbox.out as { html: number[][]; md: number[][] };
    expect(out.html).toContainEqual([1, 148]);
    expect(out.md).toEqual(expect.arrayContaining([[7, 1], [23, 5]]));
    const [part, mail] = await (sandbox.mail as Promise<[string, number[][]]>);
    expect(part).toBe('text/plain');
    expect(mail).toContainEqual([4, 1]);
  });
});
