/**
 * Every rule folder: registered, documented (front matter matches meta, required sections present), doc
 * examples linted, fixtures run, phrase data consistent with the rule's messages.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { lintText } from '@replylint/core';
import { ruleTester } from '@replylint/core/testing';
import { rules, ruleMap } from './index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const folders = readdirSync(here).filter((f) => statSync(join(here, f)).isDirectory() && !f.startsWith('.') && !f.startsWith('_') && f !== 'node_modules');

const REQUIRED_SECTIONS = ['## Warum das dem Kunden schadet', '## Beispiele', '## Wann nicht verwenden'];

function frontMatter(md: string): Record<string, string> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!m) return {};
  const out: Record<string, string> = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^([a-zA-Z]+):\s*(.*)$/.exec(line);
    if (kv) out[kv[1]!] = kv[2]!.trim();
  }
  return out;
}

function examples(md: string, kind: 'falsch' | 'richtig'): string[] {
  const re = new RegExp(`^::: ${kind}\\n([\\s\\S]*?)\\n:::$`, 'gm');
  return [...md.matchAll(re)].map((m) => m[1]!);
}

describe('registry', () => {
  it('registers every rule folder, sorted by id', () => {
    expect([...rules.map((r) => r.id)].sort()).toEqual([...folders].sort());
    expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
  });
});

for (const id of folders) {
  const dir = join(here, id);
  const rule = ruleMap.get(id);
  describe(`${id}: folder`, () => {
    it('has rule.ts, docs.md, valid.txt and invalid.txt', () => {
      for (const f of ['rule.ts', 'docs.md', 'valid.txt', 'invalid.txt']) expect(existsSync(join(dir, f)), f).toBe(true);
    });
    it('docs front matter matches meta, required sections exist', () => {
      const md = readFileSync(join(dir, 'docs.md'), 'utf8');
      const fm = frontMatter(md);
      expect(fm.id).toBe(id);
      expect(fm.description).toBe(rule!.meta.description);
      expect(fm.severity).toBe(rule!.meta.severity);
      for (const s of REQUIRED_SECTIONS) expect(md, s).toContain(s);
    });
    it('doc examples: "falsch" is reported, "richtig" is not', () => {
      const md = readFileSync(join(dir, 'docs.md'), 'utf8');
      const bad = examples(md, 'falsch');
      const good = examples(md, 'richtig');
      expect(bad.length).toBeGreaterThan(0);
      expect(good.length).toBeGreaterThan(0);
      const run = (text: string): number => lintText(text, { rules: [rule!] }).findings.filter((f) => f.ruleId === id).length;
      for (const b of bad) expect(run(b), b).toBeGreaterThan(0);
      for (const g of good) expect(run(g), g).toBe(0);
    });
    it('phrase entries only use message ids the rule declares', () => {
      const phrases = join(dir, 'phrases.yml');
      if (!existsSync(phrases)) return;
      const ids = [...readFileSync(phrases, 'utf8').matchAll(/^\s*message:\s*(\S+)/gm)].map((m) => m[1]!);
      for (const m of ids) expect(Object.keys(rule!.meta.messages), m).toContain(m);
    });
  });
  if (rule) {
    describe(`${id}: fixtures`, () => {
      ruleTester.fixtures(rule, {
        valid: readFileSync(join(dir, 'valid.txt'), 'utf8'),
        invalid: readFileSync(join(dir, 'invalid.txt'), 'utf8'),
      });
    });
  }
}

describe('README rule table', () => {
  it('is generated from the registry (run: tsx scripts/rules-table.ts --write)', async () => {
    const { withTable } = await import('../scripts/rules-table.ts');
    const readme = readFileSync(join(here, '../README.md'), 'utf8');
    expect(withTable(readme)).toBe(readme);
  });
});

describe('verb forms computed at build time (rules/_shared/verbs.gen.ts)', () => {
  it('agree with the conjugation in core for every lemma, and cover the lemmas of the phrase data', async () => {
    const { VERB_FORMS } = await import('./_shared/verbs.gen.ts');
    const { conjugateLemma, verbForms } = await import('@replylint/core');
    const lemmas = Object.keys(VERB_FORMS);
    expect(lemmas.length).toBeGreaterThan(300);
    for (const l of lemmas) {
      const v = conjugateLemma(l);
      const [forms, split, particle] = VERB_FORMS[l]!;
      expect([...forms].sort(), l).toEqual([...v.forms].sort());
      expect([...split].sort(), l).toEqual([...v.splitForms].sort());
      expect(particle, l).toBe(v.particle);
      expect([...verbForms(l).forms].sort(), l).toEqual([...v.forms].sort());
    }
    for (const l of ['an|bieten', 'erstatten', 'zurück|nehmen', 'können']) expect(lemmas, l).toContain(l);
  });
});
