import { describe, it, expect } from 'vitest';
import { segment } from '../src/segment.ts';

const sentences = (t: string): string[] => segment(t).sentences.map((s) => s.text);

describe('sentence segmentation repairs', () => {
  it('keeps abbreviations followed by a capital or digit inside the sentence', () => {
    expect(sentences('Leider ist das nach § 312g Abs. 2 Nr. 1 BGB nicht möglich. Danke.')).toEqual([
      'Leider ist das nach § 312g Abs. 2 Nr. 1 BGB nicht möglich.', 'Danke.',
    ]);
    for (const abbr of ['bzw.', 'ggf.', 'evtl.', 'vgl.', 'inkl.', 'bzgl.', 'Tel.', 'Dr.', 'Hr.', 'Fr.', 'Str.']) {
      expect(sentences(`Wir melden uns ${abbr} Montag bei Ihnen. Gut.`), abbr).toHaveLength(2);
    }
    expect(sentences('Das ist z. B. möglich. Ja.')).toEqual(['Das ist z. B. möglich.', 'Ja.']);
  });
  it('keeps ordinals and dates together', () => {
    expect(sentences('Wir liefern am 12. März. Danke.')).toEqual(['Wir liefern am 12. März.', 'Danke.']);
    expect(sentences('Ihre 3. Mahnung kam am 12.03.2024 an.')).toHaveLength(1);
  });
  it('keeps decimal numbers as one token', () => {
    const seg = segment('Der Artikel kostet 19,99 € statt 1.299,00 €.');
    const nums = seg.tokens.filter((t) => t.kind === 'num').map((t) => t.text);
    expect(nums).toEqual(['19,99', '1.299,00']);
  });
  it('ends a sentence at a single line break (salutation, closing, signature)', () => {
    expect(sentences('Sehr geehrte Frau Müller,\nvielen Dank für Ihre Nachricht.\nMit freundlichen Grüßen\nMax Muster')).toEqual([
      'Sehr geehrte Frau Müller,', 'vielen Dank für Ihre Nachricht.', 'Mit freundlichen Grüßen', 'Max Muster',
    ]);
  });
  it('joins hard-wrapped e-mail lines', () => {
    const t = 'leider konnten wir Ihre Bestellung noch nicht versenden, weil der\nArtikel erst nächste Woche wieder eintrifft.';
    expect(sentences(t)).toHaveLength(1);
  });
  it('keeps URLs, e-mail addresses and placeholders opaque', () => {
    const seg = segment('Siehe https://example.com/agb.html?x=1. Ihre Nr. {{ticket.id}} und {{ order_id }}, Mail an service@example.de.');
    const opaque = seg.tokens.filter((t) => t.kind === 'opaque').map((t) => t.text);
    expect(opaque).toEqual(['https://example.com/agb.html?x=1', '{{ticket.id}}', '{{ order_id }}', 'service@example.de']);
    expect(seg.sentences).toHaveLength(2);
  });
  it('treats Liquid logic and comments as opaque', () => {
    const seg = segment('{% if refund %}Wir erstatten den Betrag.{% endif %} <!-- replylint-disable -->');
    expect(seg.tokens.filter((t) => t.kind === 'opaque').map((t) => t.text)).toEqual(['{% if refund %}', '{% endif %}', '<!-- replylint-disable -->']);
  });
  it('maps offsets through invisible characters to the original text', () => {
    const t = 'Her\u00ADsteller und\u00A0Händler';
    const seg = segment(t);
    const words = seg.tokens.filter((x) => x.kind === 'word');
    expect(words.map((w) => w.norm)).toEqual(['hersteller', 'und', 'haendler']);
    expect(words.map((w) => t.slice(w.start, w.end))).toEqual(['Her\u00ADsteller', 'und', 'Händler']);
  });
  it('marks quoted speech and builds clauses with subordinate leads', () => {
    const seg = segment('Sie schrieben „das geht nicht“, weil Sie warten mussten.');
    const s = seg.sentences[0]!;
    expect(s.items.filter((t) => t.quoted).map((t) => t.text)).toEqual(['das', 'geht', 'nicht']);
    expect(s.clauses.some((c) => c.lead === 'weil' && c.subordinate)).toBe(true);
  });
  it('marks questions', () => {
    expect(segment('Geht das nicht?').sentences[0]!.question).toBe(true);
  });
  it('handles empty and whitespace-only text', () => {
    expect(segment('').sentences).toEqual([]);
    expect(segment(' \n\n \t').sentences).toEqual([]);
  });
});
