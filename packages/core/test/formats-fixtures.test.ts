/**
 * Real-looking German replies in every input format (test/fixtures/formats/): bad phrases in quoted history and
 * signatures are never reported, bad phrases in the agent's text are reported at the exact line/column, and
 * every finding's range in the original source is exactly the matched text. The probe is the rule `flat-no`
 * ("Das geht nicht.", "Mir sind die Hände gebunden."); more rules may report more, so the assertions look at
 * flat-no's findings and at the ranges of all findings.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeHTML } from 'entities';
import { lintDetailed, lint } from '../../replylint/src/index.ts';
import { detectFormat, prepare, type FormatName } from '../src/index.ts';

const dir = fileURLToPath(new URL('./fixtures/formats/', import.meta.url));
const read = (f: string): string => readFileSync(dir + f, 'utf8');

/** Expected flat-no findings of the agent's own text: [line, column, decoded text at the range]. */
/**
 * `inBranch`: probes inside a template branch. Whether a rule reports them depends on how it judges branches
 * (see contextSentences in formats/branches.ts); here they must lie in a branch, which template.test checks.
 */
const FIXTURES: Array<{ file: string; format: FormatName; expect: Array<[number, number, string]>; inBranch?: Array<[number, number]> }> = [
  { file: 'text/outlook-reply.txt', format: 'text', expect: [[5, 36, 'Das geht nicht.']] },
  { file: 'text/thunderbird-reply.txt', format: 'text', expect: [[17, 1, 'Das geht nicht.']] },
  { file: 'text/gmail-forward.txt', format: 'text', expect: [[4, 1, 'Mir sind die Hände gebunden.']] },
  { file: 'html/gmail-reply.html', format: 'html', expect: [[1, 148, 'Mir sind die Hände gebunden.']] },
  { file: 'html/outlook-reply.html', format: 'html', expect: [[14, 1, 'Das geht nicht.']] },
  { file: 'html/thunderbird-reply.html', format: 'html', expect: [[9, 54, 'Das geht nicht.']] },
  { file: 'markdown/antwort.md', format: 'markdown', expect: [[7, 1, 'Das geht nicht.'], [23, 5, 'Mir sind die Hände gebunden.']] },
  { file: 'template/absage.hbs', format: 'template', expect: [[17, 1, 'Mir sind die Hände gebunden.']], inBranch: [[9, 1]] },
  { file: 'template/absage.liquid', format: 'template', expect: [[22, 1, 'Das geht nicht.']], inBranch: [[7, 1], [17, 1]] },
];

const PROBES = [/Das geht nicht\./g, /Mir sind die H(?:ä|&auml;)nde gebunden/g];
const NOT_AGENT = new Set(['quote', 'forward', 'signature', 'header', 'markup', 'code', 'comment', 'mime']);

/** Independent line/column (1-based, UTF-16 columns). */
function position(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** What the source text at a range says, for comparison: entities and Markdown escapes decoded, white space collapsed. */
function spoken(text: string, format: FormatName): string {
  let t = text;
  if (format === 'html') t = decodeHTML(t);
  if (format === 'markdown') t = decodeHTML(t.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
  return t.replace(/[\u200b\u2060]/g, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

describe('format fixtures', () => {
  it('the probes are flat-no findings on their own', () => {
    expect(lint('Das geht nicht.').map((f) => f.ruleId)).toContain('flat-no');
    expect(lint('Mir sind die Hände gebunden.').map((f) => f.ruleId)).toContain('flat-no');
  });

  for (const fx of FIXTURES) {
    describe(fx.file, () => {
      const source = read(fx.file);
      const result = lintDetailed(source, { filePath: fx.file });
      const flatNo = result.findings.filter((f) => f.ruleId === 'flat-no');
      const excluded = result.excluded.filter((e) => NOT_AGENT.has(e.reason));
      const inExcluded = (a: number, b: number): boolean => excluded.some((e) => a < e.end && b > e.start);

      it('is detected as its format', () => {
        expect(detectFormat(fx.file, source)).toBe(fx.format);
        expect(detectFormat(undefined, source)).toBe(fx.format === 'markdown' ? 'text' : fx.format);
      });

      it('prepares a text of the same length', () => {
        const p = prepare(source, fx.format);
        expect(p.text.length).toBe(source.length);
        if (fx.format !== 'html') {
          // line breaks stay where they are
          for (let i = 0; i < source.length; i++) if (source[i] === '\n') expect(p.text[i]).toBe('\n');
        }
      });

      it('reports the agent\'s bad phrases at the exact line and column', () => {
        for (const [line, column, text] of fx.expect) {
          const f = flatNo.find((x) => x.line === line && x.column === column);
          expect(f, `flat-no at ${line}:${column} in ${fx.file}; got ${flatNo.map((x) => `${x.line}:${x.column}`).join(', ')}`).toBeDefined();
          expect(spoken(source.slice(f!.start, f!.end), fx.format)).toBe(text);
          expect(position(source, f!.start)).toEqual({ line, column });
        }
      });

      it('never reports quoted history, signatures or markup', () => {
        for (const f of result.findings) expect(inExcluded(f.start, f.end), `${f.ruleId} at ${f.line}:${f.column}`).toBe(false);
        // every probe in the file is either an expected finding or inside an excluded part
        const expectedStarts = fx.expect.map(([line, column]) => flatNo.find((x) => x.line === line && x.column === column)?.start);
        for (const re of PROBES) {
          for (const m of source.matchAll(re)) {
            const at = m.index!;
            const own = expectedStarts.some((s) => s !== undefined && at >= s && at < s + 40);
            const pos = position(source, at);
            if (fx.inBranch?.some(([l, c]) => l === pos.line && c === pos.column)) {
              expect(result.doc!.branches.some((b) => at >= b.start && at < b.end)).toBe(true);
              continue;
            }
            if (!own) expect(inExcluded(at, at + m[0].length) || /<!--|`/.test(source.slice(source.lastIndexOf('\n', at - 2), at)), `probe at ${position(source, at).line}:${position(source, at).column} of ${fx.file}`).toBe(true);
          }
        }
      });

      it('round-trips positions: the source at every finding is the matched text', () => {
        const p = prepare(source, fx.format);
        for (const f of result.findings) {
          expect(f.actual).toBe(source.slice(f.start, f.end));
          expect(position(source, f.start)).toEqual({ line: f.line, column: f.column });
          expect(position(source, f.end)).toEqual({ line: f.endLine, column: f.endColumn });
          expect(spoken(source.slice(f.start, f.end), fx.format)).toBe(spoken(p.text.slice(f.start, f.end), 'text'));
        }
      });
    });
  }
});
