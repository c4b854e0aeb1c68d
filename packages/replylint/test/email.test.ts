/**
 * lintEmail: whole .eml messages decoded with postal-mime. Findings point at line/column in the decoded body
 * part (returned as `text`) and name the part; quoted history and signatures in that part are never reported.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintEmail, lint, lintDetailed, detectFormat } from '../src/index.ts';

const dir = fileURLToPath(new URL('../../core/test/fixtures/formats/eml/', import.meta.url));
const ENTITIES: Record<string, string> = { auml: 'ä', ouml: 'ö', uuml: 'ü', szlig: 'ß', nbsp: '\u00a0', amp: '&' };
const decodeHTML = (s: string): string => s.replace(/&([a-z]+);/g, (m, n: string) => ENTITIES[n] ?? m);
const bytes = (f: string): Uint8Array => new Uint8Array(readFileSync(dir + f));

function position(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

const CASES: Array<{ file: string; part: string; expect: Array<[number, number, string]>; contains: string }> = [
  // text/plain, ISO-8859-1, quoted-printable, CRLF, Outlook "-----Ursprüngliche Nachricht-----" history
  { file: 'qp-latin1.eml', part: 'text/plain', expect: [[4, 1, 'Das geht nicht.']], contains: 'Sehr geehrter Herr Groß,' },
  // multipart/alternative: the text/plain part (base64, windows-1252) is preferred over the HTML part
  { file: 'multipart-base64.eml', part: 'text/plain', expect: [[4, 1, 'Mir sind die Hände gebunden.']], contains: 'das „Flex“-Paket' },
  // only text/html (quoted-printable, UTF-8) with an Outlook Web reply header: the HTML part is linted
  { file: 'html-only-qp.eml', part: 'text/html', expect: [[3, 48, 'Das geht nicht.']], contains: 'Guten Tag Herr K&ouml;hler' },
];

describe('lintEmail', () => {
  for (const c of CASES) {
    describe(c.file, () => {
      it('decodes the preferred part and reports the agent\'s text at line/column in it', async () => {
        const r = await lintEmail(bytes(c.file));
        expect(r.part).toBe(c.part);
        expect(r.text).toContain(c.contains);
        const flatNo = r.findings.filter((f) => f.ruleId === 'flat-no');
        for (const [line, column, text] of c.expect) {
          const f = flatNo.find((x) => x.line === line && x.column === column);
          expect(f, `${c.file}: ${flatNo.map((x) => `${x.line}:${x.column}`).join(', ')}`).toBeDefined();
          const at = r.text.slice(f!.start, f!.end);
          expect(c.part === 'text/html' ? decodeHTML(at) : at).toBe(text);
          expect(f!.part).toBe(c.part);
        }
      });

      it('never reports the quoted history or the signature', async () => {
        const r = await lintEmail(bytes(c.file));
        for (const f of r.findings) expect(r.excluded.some((e) => f.start < e.end && f.end > e.start)).toBe(false);
        expect(r.excluded.some((e) => e.reason === 'quote')).toBe(true);
        // every probe in the decoded part that is not the agent's is excluded
        for (const m of r.text.matchAll(/Das geht nicht\.|Mir sind die H(?:ä|&auml;)nde gebunden/g)) {
          const p = position(r.text, m.index!);
          if (c.expect.some(([l, col]) => l === p.line && col === p.column)) continue;
          expect(r.excluded.some((e) => m.index! >= e.start && m.index! < e.end), `${c.file} ${p.line}:${p.column}`).toBe(true);
        }
      });

      it('round-trips positions in the decoded part', async () => {
        const r = await lintEmail(bytes(c.file));
        for (const f of r.findings) {
          expect(f.actual).toBe(r.text.slice(f.start, f.end));
          expect(position(r.text, f.start)).toEqual({ line: f.line, column: f.column });
          expect(position(r.text, f.end)).toEqual({ line: f.endLine, column: f.endColumn });
        }
      });
    });
  }

  it('takes a string as well as bytes', async () => {
    const source = readFileSync(dir + 'qp-latin1.eml', 'latin1');
    const r = await lintEmail(source);
    expect(r.part).toBe('text/plain');
    expect(r.findings.filter((f) => f.ruleId === 'flat-no').map((f) => [f.line, f.column])).toContainEqual([4, 1]);
  });

  it('honours the config', async () => {
    const r = await lintEmail(bytes('qp-latin1.eml'), { config: { rules: { 'flat-no': 'off' } } });
    expect(r.findings.filter((f) => f.ruleId === 'flat-no')).toEqual([]);
  });

  it('returns part "none" for a message without a text body', async () => {
    const eml = 'From: a@example.de\r\nTo: b@example.de\r\nSubject: Anhang\r\nMIME-Version: 1.0\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n';
    expect(await lintEmail(eml)).toEqual({ part: 'none', text: '', findings: [], excluded: [] });
  });

  it('rejects other input types', async () => {
    await expect(lintEmail(42 as unknown as string)).rejects.toThrow(TypeError);
  });

  it('keeps the synchronous API: .eml is detected, lint() does not report the encoded body', () => {
    const source = readFileSync(dir + 'qp-latin1.eml', 'latin1');
    expect(detectFormat('antwort.eml', source)).toBe('email');
    expect(detectFormat(undefined, source)).toBe('email');
    expect(lint(source, { filePath: 'antwort.eml' }).filter((f) => f.ruleId === 'flat-no')).toEqual([]);
    expect(lintDetailed(source, { filePath: 'antwort.eml' }).excluded.map((e) => e.reason)).toEqual(['header', 'mime']);
    expect(lint('Nein, das geht nicht.').map((f) => f.ruleId)).toContain('flat-no');
  });
});
