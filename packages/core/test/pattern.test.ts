import { describe, it, expect } from 'vitest';
import { compilePattern, matchPattern, PatternError } from '../src/pattern.ts';
import { segment } from '../src/segment.ts';

const m = (pattern: string, text: string): string | null => {
  const s = segment(text).sentences[0]!;
  const r = matchPattern(compilePattern(pattern), s);
  return r ? text.slice(r.start, r.end) : null;
};

describe('pattern language', () => {
  it('matches folded words regardless of case and umlaut spelling', () => {
    expect(m('hände gebunden', 'Mir sind die HAENDE gebunden.')).toBe('HAENDE gebunden');
  });
  it('lemmas match every inflected form, separable verbs with the particle later', () => {
    expect(m('<wenden> ...2 sich ... an', 'Bitte wandte er sich direkt an den Hersteller.')).toBe('wandte er sich direkt an');
    expect(m('<um|tauschen>', 'Wir tauschen die Ware nicht um.')).toBe('tauschen');
    expect(m('<um|tauschen>', 'Wir tauschen die Ware gern.')).toBeNull();
    expect(m('<um|tauschen>', 'Die Ware wurde umgetauscht.')).toBe('umgetauscht');
  });
  it('prefix, suffix, alternatives, optional elements, classes and anchors', () => {
    expect(m('*garantie', 'Das läuft über die Herstellergarantie.')).toBe('Herstellergarantie');
    expect(m('zuständig* abteilung', 'Die zuständige Abteilung meldet sich.')).toBe('zuständige Abteilung');
    expect(m('leider? @NEG möglich', 'Das ist nicht möglich.')).toBe('nicht möglich');
    expect(m('^ nein $', 'Nein.')).toBe('Nein');
    expect(m('^ nein $', 'Nein, kein Problem.')).toBeNull();
    expect(m('rufen|schreiben sie', 'Schreiben Sie uns.')).toBe('Schreiben Sie');
  });
  it('gaps are bounded and never cross a sentence end', () => {
    expect(m('wir ...2 nicht', 'Wir können das leider nicht.')).toBeNull();
    expect(m('wir ...3 nicht', 'Wir können das leider nicht.')).toBe('Wir können das leider nicht');
  });
  it('rejects malformed patterns', () => {
    expect(() => compilePattern('')).toThrow(PatternError);
    expect(() => compilePattern('@UNKNOWN')).toThrow(PatternError);
    expect(() => compilePattern('foo ...99')).toThrow(PatternError);
    expect(() => compilePattern('wort{')).toThrow(PatternError);
    expect(() => compilePattern('x? y?')).toThrow(PatternError);
  });
});

describe('pattern matching cost', () => {
  it('patterns with several gaps stay polynomial on long sentences (memoised failures)', () => {
    const p = compilePattern('a ...12 b ...12 c ...12 d ...12 e');
    const text = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? 'a' : i % 7 === 1 ? 'b' : i % 7 === 2 ? 'c' : i % 7 === 3 ? 'd' : 'x')).join(' ');
    const s = segment(text).sentences[0]!;
    expect(matchPattern(p, s)).toBeNull(); // would take ~13^4 steps per start without the memo
  });
});
