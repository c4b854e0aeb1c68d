import { describe, it, expect } from 'vitest';
import { compilePattern, matchPattern, matchAll, PatternError } from '../src/pattern.ts';
import { PhraseSet } from '../src/phrases.ts';
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

describe('start positions and shared elements', () => {
  it('a match may start before its index word: optional elements and gaps in front of it', () => {
    // "möglich" is the rarest word; the match starts up to 1 + 3 tokens before it
    expect(m('leider? ...3 nicht möglich', 'Das ist leider so gar nicht möglich.')).toBe('leider so gar nicht möglich');
    expect(m('leider? ...3 nicht möglich', 'Leider ist das nicht möglich.')).toBe('Leider ist das nicht möglich');
    expect(m('^ leider? das ... nicht möglich', 'Leider das ist nicht möglich.')).toBe('Leider das ist nicht möglich');
    expect(m('^ das ...2 möglich', 'Also das ist leider nicht möglich.')).toBeNull();
    expect(m('wir ...2 umtausch*|tauschen|<tauschen> nicht', 'Wir können Ware nicht umtauschen.')).toBeNull();
  });
  it('finds every non-overlapping match from any start', () => {
    const s = segment('Nicht möglich, leider nicht möglich und gar nicht möglich.').sentences[0]!;
    expect(matchAll(compilePattern('leider? nicht möglich'), s).map((x) => s.text.slice(x.start - s.start, x.end - s.start)))
      .toEqual(['Nicht möglich', 'leider nicht möglich', 'nicht möglich']);
  });
  it('an alternation of words and word classes tests the token kind for the class part only', () => {
    expect(m('x ...1 @NEG|3', 'x 3 y')).toBe('x 3');
    expect(m('x ...1 @NEG|drei', 'x kein y')).toBe('x kein');
    expect(m('x @NEG|drei', 'x y')).toBeNull();
  });
  it('a phrase set compiled after a sentence was first looked up still finds its matches', () => {
    const s = segment('Das geht leider nicht, wenden Sie sich an den Hersteller.').sentences[0]!;
    const a = new PhraseSet([{ pattern: 'geht ... nicht' }], 'test/a');
    expect(a.match(s)).toHaveLength(1);
    const b = new PhraseSet([{ pattern: '<wenden> ...2 sich ... an ...3 hersteller' }, { pattern: 'händler' }], 'test/b');
    expect(b.match(s).map((h) => h.entry.pattern)).toEqual(['<wenden> ...2 sich ... an ...3 hersteller']);
    const fresh = segment('Wenden Sie sich an den Hersteller.').sentences[0]!;
    expect(b.match(fresh)).toHaveLength(1);
    expect(a.match(fresh)).toHaveLength(0);
  });
  it('patterns indexed from their source are compiled on first use, and validate() still checks them all', () => {
    const ok = new PhraseSet([{ pattern: 'hersteller|händler ...3 <kontaktieren>' }, { pattern: 'agb' }], 'test/lazy');
    expect(ok.match(segment('Bitte den Hersteller direkt kontaktieren.').sentences[0]!)).toHaveLength(1);
    expect(ok.match(segment('Laut AGB nicht.').sentences[0]!)).toHaveLength(1);
    const bad = new PhraseSet([{ pattern: 'hersteller wort{' }], 'test/bad');
    expect(() => bad.validate()).toThrow(/test\/bad: .*wort\{/);
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
