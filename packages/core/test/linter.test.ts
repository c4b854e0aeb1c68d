import { describe, it, expect } from 'vitest';
import { lintText } from '../src/linter.ts';
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
