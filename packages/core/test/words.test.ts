import { describe, it, expect } from 'vitest';
import { spelling, wordOf, perWord, perSentence, pinWord, startOverIfFull } from '../src/words.ts';
import { fold } from '../src/normalize.ts';
import { segment } from '../src/segment.ts';

describe('word records', () => {
  it('gives a spelling its text, folded form, capital and line breaks, keyed by the characters of a range', () => {
    const text = 'xx Hände. hände\n\n';
    const a = spelling(text, 3, 9, true);
    expect(a).toMatchObject({ text: 'Hände.', upper: true, breaks: 0 });
    expect(a.word.norm).toBe('haende');
    expect(spelling('Hände.', 0, 6, true)).toBe(a); // same characters, same spelling
    const b = spelling(text, 10, 15, true);
    expect(b.upper).toBe(false);
    expect(b.word).toBe(a.word); // "Hände." and "hände": one word
    expect(spelling(text, 15, 17, false)).toMatchObject({ text: '\n\n', breaks: 2 });
  });

  it('stays correct while the table grows and starts over', () => {
    const seen: Array<[string, string]> = [];
    for (let i = 0; i < 300_000; i++) {
      if (i % 10_000 === 0) startOverIfFull(); // as segment() does before each document
      const w = `Wort${i.toString(36)}ä`;
      const s = spelling(w, 0, w.length, true);
      if (i % 997 === 0) seen.push([w, s.word.norm]);
      expect(s.text).toBe(w);
    }
    for (const [w, norm] of seen) {
      expect(spelling(w, 0, w.length, true).word.norm).toBe(norm);
      expect(norm).toBe(fold(w));
    }
  });

  it('keeps one record per word for the phrase layer and the tokens, also when the tables start over', () => {
    const before = segment('Die Kulanzregelung gilt.').tokens[2]!.word;
    expect(pinWord('kulanzregelung')).toBe(before); // pinning keeps the record the tokens carry
    for (let i = 0; i < 120_000; i++) wordOf(`fuellwort${i}`);
    startOverIfFull();
    expect(segment('Die Kulanzregelung gilt.').tokens[2]!.word).toBe(before); // a pinned word survives
    expect(segment('Noch ein Fuellwort1 hier.').tokens[4]!.word).toBe(wordOf('fuellwort1'));
  });

  it('keeps perWord values on the record, computed once', () => {
    let calls = 0;
    const len = perWord((n: string) => { calls++; return n.length; });
    const w = wordOf('kundendienst');
    expect(len(w)).toBe(12);
    expect(len(w)).toBe(12);
    expect(calls).toBe(1);
  });

  it('keeps perSentence values on each sentence, one slot per memo', () => {
    const a = perSentence<string>(), b = perSentence<number>();
    const [s1, s2] = segment('Erster Satz. Zweiter Satz.').sentences;
    a.set(s1!, 'eins');
    b.set(s1!, 1);
    expect([a.get(s1!), b.get(s1!), a.get(s2!), b.get(s2!)]).toEqual(['eins', 1, undefined, undefined]);
  });

  it('gives tokens the text, folded form and record of their spelling', () => {
    const seg = segment('Das Gerät ist DAS Gerät. Ca. 12,50 €\u00ad und {{ticket.id}}.');
    for (const t of seg.tokens) {
      if (t.kind === 'opaque') { expect(t.norm).toBe('\u0000'); continue; }
      expect(t.word.norm).toBe(t.norm);
      if (t.kind === 'word') expect(t.norm).toBe(fold(t.text.replace(/\u00ad/g, '').replace(/\.$/, '')));
    }
    const das = seg.tokens.filter((t) => t.norm === 'das');
    expect(das).toHaveLength(2);
    expect(das[0]!.word).toBe(das[1]!.word);
  });
});
