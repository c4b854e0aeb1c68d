/**
 * Property-based tests of the whole linter (engine + every rule) with fast-check. `pnpm fuzz` runs them with
 * many more cases (FUZZ_RUNS) than CI does.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lint, type Finding } from '../src/index.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const ALL = { extends: 'replylint:all' } as const;

const PHRASES = [
  'Das geht nicht.', 'Mir sind die Hände gebunden.', 'Wenden Sie sich an den Hersteller.', 'Laut AGB ist das ausgeschlossen.',
  'Sehr geehrte Damen und Herren,', 'Wir bitten um Ihr Verständnis.', 'Es tut uns leid, aber', 'Ihr Antrag wurde abgelehnt.',
  'Ihre Lieferung verzögert sich.', 'Rufen Sie unsere Hotline 0900 123456 an.', 'Das ist normal.', 'Sie hätten die Anleitung lesen müssen.',
  '{{ticket.id}}', '{% if x %}', '{% endif %}', '<!-- replylint-disable -->', 'https://example.com/a?b=1', 'max@example.de',
  '§ 312g Abs. 2 Nr. 1 BGB', '19,99 €', 'z. B.', '> Zitat', '-- ', 'Mit freundlichen Grüßen', 'du', 'Sie', 'ihnen',
];
const NOISE = ['\u00AD', '\u200B', '\u200D', '\uFEFF', '\u00A0', '\r\n', '\r', '\n', '\n\n', '\u0000', '😀', 'e\u0301', '\uD800', '\uDFFF', 'ẞ', 'Ａ', '\t'];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 2, arbitrary: fc.constantFrom(...NOISE) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(' ', '. ', ', ', '?', '!', '…', '„', '“', '"') },
);
const text = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

function checkInvariants(t: string, findings: Finding[]): void {
  let prev = -1;
  const seen = new Set<string>();
  for (const f of findings) {
    expect(f.internal, f.message).toBeFalsy();
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(t.length);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.actual).toBe(t.slice(f.start, f.end));
    expect(f.start).toBeGreaterThanOrEqual(prev);
    prev = f.start;
    const key = `${f.ruleId}|${f.start}|${f.end}|${f.message}`;
    expect(seen.has(key), `doppelter Fund ${key}`).toBe(false);
    seen.add(key);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
    for (const s of f.suggestions) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(t.length);
    }
  }
}

describe('properties of lint()', () => {
  it('never throws; ranges lie inside the text and match `actual`; sorted, unique, deterministic', () => {
    fc.assert(fc.property(text, (t) => {
      const a = lint(t, { config: ALL });
      checkInvariants(t, a);
      expect(lint(t, { config: ALL })).toEqual(a);
    }), { numRuns: RUNS });
  });

  it('never mutates the config and works for every input format', () => {
    fc.assert(fc.property(text, fc.constantFrom('text', 'markdown', 'html', 'template') as fc.Arbitrary<'text'>, (t, format) => {
      const config = Object.freeze({ rules: Object.freeze({ 'flat-no': 'warn' as const }) });
      checkInvariants(t, lint(t, { config, format }));
    }), { numRuns: Math.ceil(RUNS / 2) });
  });

  it('line/column agree with the offsets (UTF-16, CRLF/CR/LF)', () => {
    fc.assert(fc.property(text, (t) => {
      for (const f of lint(t, { config: ALL })) {
        const before = t.slice(0, f.start);
        const lines = before.split(/\r\n|\r|\n/);
        expect(f.line).toBe(lines.length);
        expect(f.column).toBe(lines[lines.length - 1]!.length + 1);
      }
    }), { numRuns: RUNS });
  });

  it('invisible characters, non-breaking spaces and homoglyphs inside a phrase do not hide it', () => {
    const phrase = 'Mir sind die Hände gebunden.';
    const insert = fc.constantFrom('\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF');
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: phrase.length - 2 }), insert), { maxLength: 6 }), fc.boolean(), (inserts, homoglyph) => {
      let t = homoglyph ? phrase.replace('e', '\u0435') : phrase; // Cyrillic е
      for (const [pos, ch] of [...inserts].sort((a, b) => b[0] - a[0])) t = t.slice(0, pos) + ch + t.slice(pos);
      t = t.replace('die ', 'die\u00A0');
      const f = lint(t).filter((x) => x.ruleId === 'flat-no');
      expect(f, JSON.stringify(t)).toHaveLength(1);
      expect(f[0]!.start).toBe(0);
      expect(f[0]!.end).toBe(t.length);
    }), { numRuns: RUNS });
  });

  it('very long lines, very long words, huge inputs with BOM and NUL bytes', () => {
    const long = 'Das geht nicht. ' + 'a'.repeat(200_000) + ' ' + 'Wort '.repeat(50_000) + '\uFEFF\u0000 Das geht nicht.';
    const f = lint(long);
    checkInvariants(long, f);
    expect(f.filter((x) => x.ruleId === 'flat-no').length).toBeGreaterThanOrEqual(1);
  });
});
