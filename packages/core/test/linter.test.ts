import { describe, it, expect } from 'vitest';
import { lintText, sections, SECTION_THRESHOLD, SECTION_SIZE } from '../src/linter.ts';
import { defineRule } from '../src/rule.ts';
import { resolveConfig } from '../src/config.ts';

const sentenceRule = defineRule({
  id: 'geht-nicht',
  meta: { type: 'problem', description: 'x', severity: 'warn', unit: 'sentence', messages: { m: '„{{x}}“' } },
  create: (ctx) => ({ sentence(s) { if (/geht nicht/.test(s.text)) ctx.report({ messageId: 'm', data: { x: s.text }, start: s.start, end: s.end }); } }),
});
const broken = defineRule({
  id: 'broken',
  meta: { type: 'problem', description: 'x', severity: 'error', unit: 'sentence', messages: { m: 'x' } },
  create: () => ({ sentence() { throw new Error('kaputt'); } }),
});

describe('linter', () => {
  it('isolates a throwing rule: one internal finding, the others still report', () => {
    const r = lintText('Das geht nicht. Das geht nicht.', { rules: [broken, sentenceRule] });
    expect(r.findings.filter((f) => f.internal).map((f) => f.ruleId)).toEqual(['broken']);
    expect(r.findings.filter((f) => f.ruleId === 'geht-nicht')).toHaveLength(2);
  });
  it('honours inline directives', () => {
    const t = 'Das geht nicht.\n<!-- replylint-disable-next-line geht-nicht -->\nDas geht nicht.\n<!-- replylint-disable -->\nDas geht nicht.\n<!-- replylint-enable -->\nDas geht nicht.';
    const lines = lintText(t, { rules: [sentenceRule] }).findings.map((f) => f.line);
    expect(lines).toEqual([1, 7]);
    expect(lintText('{{!-- replylint-disable-file --}}\nDas geht nicht.', { rules: [sentenceRule] }).findings).toEqual([]);
    expect(lintText('Das geht nicht. <!-- replylint-disable-line other-rule -->', { rules: [sentenceRule] }).findings).toHaveLength(1);
  });
  it('reports input over the size limit instead of truncating', () => {
    const config = resolveConfig([{ maxSize: 100 }], new Map([[sentenceRule.id, sentenceRule]]));
    const r = lintText('x'.repeat(101), { rules: [sentenceRule], config });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2 });
    expect(r.findings[0]!.message).toMatch(/zu groß/);
  });
  it('sorts findings and never mutates the input', () => {
    const t = 'Das geht nicht. Ja. Das geht nicht.';
    const r = lintText(t, { rules: [sentenceRule] });
    expect(r.findings.map((f) => f.start)).toEqual([0, 20]);
    expect(r.findings.every((f) => t.slice(f.start, f.end) === f.actual)).toBe(true);
  });
});

describe('very large documents are linted in sections', () => {
  const replyRule = defineRule({
    id: 'per-reply',
    meta: { type: 'problem', description: 'x', severity: 'warn', unit: 'reply', messages: { m: 'x' } },
    create: (ctx) => ({ reply(doc) { const s = doc.sentences[0]; if (s) ctx.report({ messageId: 'm', start: s.start, end: s.end, suggestions: [{ desc: 'd', text: 't', start: s.end, end: s.end }] }); } }),
  });
  // no closing greeting: a "Viele Grüße" would make everything after it a signature
  const block = 'Hallo Frau Meier,\n\nvielen Dank für Ihre Nachricht. Das geht nicht. Wir melden uns. 😀\n\n';
  const big = block.repeat(Math.ceil((SECTION_THRESHOLD * 2.5) / block.length));

  it('cuts only above the threshold, at blank lines, into contiguous sections of bounded size', () => {
    expect(sections(block)).toEqual([[0, block.length]]);
    const cuts = sections(big);
    expect(cuts.length).toBeGreaterThan(5);
    cuts.forEach(([a, b], i) => {
      expect(a).toBe(i === 0 ? 0 : cuts[i - 1]![1]);
      expect(b - a).toBeLessThanOrEqual(SECTION_SIZE * 2);
      if (i < cuts.length - 1) expect(big.slice(b - 2, b)).toBe('\n\n');
    });
    expect(cuts.at(-1)![1]).toBe(big.length);
  });
  it('never cuts a surrogate pair, even in a text without any break', () => {
    const emoji = '😀'.repeat(SECTION_THRESHOLD);
    for (const [a, b] of sections(emoji)) {
      expect((emoji.charCodeAt(a) & 0xfc00) === 0xdc00).toBe(false);
      expect(b === emoji.length || (emoji.charCodeAt(b) & 0xfc00) !== 0xdc00).toBe(true);
    }
  });
  it('every sentence finding of the whole text, at its offset, line and column in the whole text', () => {
    const r = lintText(big, { rules: [sentenceRule] });
    const copies = big.split(block).length - 1;
    expect(r.findings).toHaveLength(copies);
    for (const [k, f] of r.findings.entries()) {
      expect(f.start).toBe(k * block.length + block.indexOf('Das geht nicht.'));
      expect(f.actual).toBe('Das geht nicht.');
      expect(f.column).toBe(block.indexOf('Das geht nicht.') - block.indexOf('vielen') + 1);
      expect(f.line).toBe(k * 4 + 3);
    }
  });
  it('a reply-level rule judges each section, with suggestions in whole-text offsets; directives apply to the whole text', () => {
    const r = lintText(big, { rules: [replyRule] });
    expect(r.findings).toHaveLength(sections(big).length);
    for (const f of r.findings) {
      expect(f.actual).toBe('Hallo Frau Meier,');
      expect(f.suggestions[0]!.start).toBe(f.end);
    }
    expect(lintText('<!-- replylint-disable-file -->\n' + big, { rules: [sentenceRule, replyRule] }).findings).toEqual([]);
  });
});
