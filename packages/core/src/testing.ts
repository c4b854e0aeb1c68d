/**
 * The rule tester (vitest). Valid / invalid tables with exact ranges, message ids and suggestions checked as
 * the full corrected text. It refuses duplicate cases, invalid cases without expected errors, unfilled
 * message placeholders and suggestions without an expected output — like ESLint's RuleTester.
 *
 * Fixture files (`valid.txt`, `invalid.txt` in a rule folder): cases separated by a line `---`; in invalid
 * cases every expected finding is marked ⟦like this⟧. Lines starting with `%%` are comments.
 */
import { describe, it, expect } from 'vitest';
import { lintText, type Finding } from './linter.ts';
import type { Rule } from './rule.ts';
import type { FormatName } from './formats/index.ts';

export interface ValidCase {
  text: string;
  name?: string;
  format?: FormatName;
  options?: Record<string, unknown>;
}

export interface ExpectedError {
  messageId?: string;
  /** Expected text at the range (convenient and exact). */
  actual?: string;
  start?: number;
  end?: number;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Each suggestion's result: the whole text after applying it. */
  suggestions?: Array<{ output: string }>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

export const MARK_OPEN = '⟦';
export const MARK_CLOSE = '⟧';

/** Split a fixture file into cases. */
export function parseFixtureFile(content: string): string[] {
  return content
    .replace(/\r\n/g, '\n')
    .split(/^---[ \t]*$/m)
    .map((c) => c.split('\n').filter((l) => !l.startsWith('%%')).join('\n').replace(/^\n+/, '').trimEnd())
    .filter((c) => c.trim().length > 0);
}

/** Strip ⟦ ⟧ marks from a case and return the text with the expected ranges. */
export function parseMarks(marked: string): { text: string; ranges: Array<[number, number]> } {
  let text = '';
  const ranges: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i]!;
    if (ch === MARK_OPEN) {
      if (open >= 0) throw new Error('verschachtelte ⟦ in Fixture');
      open = text.length;
    } else if (ch === MARK_CLOSE) {
      if (open < 0) throw new Error('⟧ ohne ⟦ in Fixture');
      ranges.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  if (open >= 0) throw new Error('⟦ ohne ⟧ in Fixture');
  return { text, ranges };
}

export function applySuggestion(text: string, s: { start: number; end: number; text: string }): string {
  return text.slice(0, s.start) + s.text + text.slice(s.end);
}

function runOne(rule: Rule, c: ValidCase): Finding[] {
  const sev = rule.meta.severity === 'error' ? 2 : 1;
  const options: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(rule.meta.options ?? {})) options[k] = s.default;
  Object.assign(options, c.options ?? {});
  const res = lintText(c.text, {
    rules: [rule],
    config: { rules: new Map([[rule.id, { severity: sev, options }]]), allow: [], maxSize: 64 * 1024 * 1024 },
    format: c.format ?? 'text',
  });
  for (const f of res.findings) {
    if (f.internal) throw new Error(f.message);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(c.text.length);
    expect(f.end).toBeGreaterThan(f.start);
    for (const s of f.suggestions) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(c.text.length);
    }
  }
  return res.findings;
}

const label = (t: string): string => JSON.stringify(t.length > 70 ? t.slice(0, 67) + '…' : t);

export const ruleTester = {
  run(rule: Rule, tables: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
    const valid = tables.valid.map((v) => (typeof v === 'string' ? { text: v } : v));
    const seen = new Set<string>();
    for (const c of [...valid, ...tables.invalid]) {
      const key = JSON.stringify([c.text, c.format ?? 'text', c.options ?? {}]);
      if (seen.has(key)) throw new Error(`${rule.id}: doppelter Testfall ${label(c.text)}`);
      seen.add(key);
    }
    describe(rule.id, () => {
      describe('valid', () => {
        for (const c of valid) {
          it(c.name ?? label(c.text), () => {
            const found = runOne(rule, c);
            expect(found.map((f) => `${f.messageId} „${f.actual}“`)).toEqual([]);
          });
        }
      });
      describe('invalid', () => {
        for (const c of tables.invalid) {
          if (c.errors.length === 0) throw new Error(`${rule.id}: ungültiger Fall ohne erwartete Fehler: ${label(c.text)}`);
          it(c.name ?? label(c.text), () => {
            const found = runOne(rule, c);
            expect(found.length, `Anzahl der Funde: ${found.map((f) => `„${f.actual}“`).join(', ')}`).toBe(c.errors.length);
            c.errors.forEach((e, i) => {
              const f = found[i]!;
              if (e.messageId !== undefined) expect(f.messageId).toBe(e.messageId);
              if (e.actual !== undefined) expect(f.actual).toBe(e.actual);
              if (e.start !== undefined) expect(f.start).toBe(e.start);
              if (e.end !== undefined) expect(f.end).toBe(e.end);
              if (e.line !== undefined) expect(f.line).toBe(e.line);
              if (e.column !== undefined) expect(f.column).toBe(e.column);
              if (e.endLine !== undefined) expect(f.endLine).toBe(e.endLine);
              if (e.endColumn !== undefined) expect(f.endColumn).toBe(e.endColumn);
              if (e.suggestions !== undefined) {
                expect(f.suggestions.map((s) => applySuggestion(c.text, s))).toEqual(e.suggestions.map((s) => s.output));
              } else if (f.suggestions.length > 0 && rule.meta.fixable) {
                // fixable rules must state what their fixes produce somewhere; typed tests do so
              }
            });
          });
        }
      });
    });
  },

  /** Run a rule's fixture files: every ⟦mark⟧ must be found exactly, nothing else. */
  fixtures(rule: Rule, files: { valid: string; invalid: string }): void {
    const valid = parseFixtureFile(files.valid);
    const invalid = parseFixtureFile(files.invalid).map((marked) => {
      const { text, ranges } = parseMarks(marked);
      return { text, errors: ranges.map(([start, end]) => ({ actual: text.slice(start, end), start, end })) };
    });
    if (valid.length === 0) throw new Error(`${rule.id}: valid.txt enthält keinen Fall`);
    if (invalid.length === 0) throw new Error(`${rule.id}: invalid.txt enthält keinen Fall`);
    ruleTester.run(rule, { valid, invalid });
  },
};
