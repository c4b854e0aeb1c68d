/**
 * PhraseSet's shortcuts — the shared word index, required-word checks remembered per sentence, and a match started
 * no earlier than its index word allows — must find exactly what trying every pattern at every position finds.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PhraseSet } from '../src/phrases.ts';
import { compilePattern, matchPattern } from '../src/pattern.ts';
import { segment } from '../src/segment.ts';

const ENTRIES = [
  { id: 'a', pattern: '<haben> wir ...5 noch? nie|keine|kaum ...3 probleme|schwierigkeiten' },
  { id: 'b', pattern: 'damit ...3 <haben> wir ...2 nie' },
  { id: 'c', pattern: ['leider ...4 nicht <moeglich>|machbar', '^ das geht nicht'] },
  { id: 'd', pattern: '... hersteller|händler ...3 <wenden>' },
  { id: 'e', pattern: 'kein* ausnahme*' },
  { id: 'f', pattern: 'wir|ich <können> ...6 nichts <machen>|<tun> $' },
  { id: 'g', pattern: 'bitte? <wenden> sie sich ...4 an @DET hersteller' },
  { id: 'h', pattern: 'probleme|schwierigkeiten ...5 <haben> wir ...4 nie' },
  // only frequent words and affixes: indexed by the compiled pattern's key ("wir"), not read from the source
  { id: 'i', pattern: '<haben> wir ...5 noch? nie|keine|kaum ...3 probleme*|schwierigkeit*' },
];
const set = new PhraseSet(ENTRIES, 'test/phrases');
const compiled = ENTRIES.map((e) => (typeof e.pattern === 'string' ? [e.pattern] : e.pattern).map(compilePattern));

/** Brute force: the entries with a pattern that matches somewhere, each with its first matching pattern's match. */
function expected(text: string): string[][] {
  return segment(text).sentences.map((s) => {
    const out: string[] = [];
    ENTRIES.forEach((e, i) => {
      for (const p of compiled[i]!) { const m = matchPattern(p, s); if (m) { out.push(`${e.id}:${m.from}-${m.to}`); break; } }
    });
    return out.sort();
  });
}
const actual = (text: string): string[][] =>
  segment(text).sentences.map((s) => set.match(s).map((h) => `${h.entry.id}:${h.match.from}-${h.match.to}`).sort());

describe('PhraseSet', () => {
  it('finds a match that starts before its index word, in any sentence of a text', () => {
    const text = 'Hallo. Damit hatten wir noch nie Schwierigkeiten. Probleme hatten wir dort nie.';
    expect(actual(text)).toEqual(expected(text));
    expect(actual(text)[1]).toContain('a:1-6');
    expect(actual(text)[1]).toContain('i:1-6');
  });

  it('finds the matches of a set compiled after the sentence was listed for another set', () => {
    const [s] = segment('Damit hatten wir noch nie Schwierigkeiten mit dem Hersteller.').sentences;
    expect(new PhraseSet([{ id: 'x', pattern: 'nie probleme' }], 'test/first').match(s!)).toEqual([]);
    const later = new PhraseSet([{ id: 'y', pattern: 'schwierigkeiten ...3 hersteller' }, { id: 'z', pattern: '<haben> wir ...2 nie' }], 'test/later');
    expect(later.match(s!).map((h) => `${h.entry.id}:${h.match.from}-${h.match.to}`)).toEqual(['y:5-9', 'z:1-5']);
  });

  it('finds exactly what every pattern tried at every position finds', () => {
    const words = ['Damit', 'damit', 'hatten', 'haben', 'hat', 'wir', 'ich', 'noch', 'nie', 'keine', 'kaum', 'Probleme', 'Schwierigkeiten',
      'leider', 'nicht', 'möglich', 'machbar', 'das', 'Das', 'geht', 'Hersteller', 'Händler', 'wenden', 'wendet', 'Sie', 'sich', 'an', 'den',
      'bitte', 'können', 'kann', 'nichts', 'machen', 'tun', 'Ausnahmen', 'keinerlei', 'Hallo', 'dort', ',', '.', '?', 'x'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (ws) => {
      const text = ws.join(' ').replace(/ ([,.?])/g, '$1');
      expect(actual(text)).toEqual(expected(text));
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) });
  });
});
