import { describe, it, expect } from 'vitest';
import { findOpaque } from '../src/mask.ts';

const spans = (t: string): string[] => findOpaque(t).map((s) => `${s.kind}:${t.slice(s.start, s.end)}`);

describe('opaque spans', () => {
  it('finds comments of every template syntax', () => {
    expect(spans('a <!-- x --> b {{!-- y --}} c {{! z }} d {# w #} e')).toEqual([
      'comment:<!-- x -->', 'comment:{{!-- y --}}', 'comment:{{! z }}', 'comment:{# w #}',
    ]);
  });
  it('finds e-mail addresses and trims trailing punctuation from URLs', () => {
    expect(spans('Schreiben Sie an max.muster+test@example-shop.de. Oder https://example.com/a?b=1).')).toEqual([
      'email:max.muster+test@example-shop.de', 'url:https://example.com/a?b=1',
    ]);
    expect(spans('Preis: 5 @ 10 €, kein @mention, a@b')).toEqual([]);
  });
  it('earlier kinds win on overlap; unclosed delimiters are not spans', () => {
    expect(spans('{{!-- {{name}} --}}')).toEqual(['comment:{{!-- {{name}} --}}']);
    expect(spans('<!-- offen {{ order_id }}')).toEqual(['placeholder:{{ order_id }}']);
  });
  it('stays linear on adversarial input (many unclosed openers, many @)', () => {
    // no timing assertion (benchmarks measure speed); these inputs were quadratic with lazy regexes
    expect(findOpaque('<!--<'.repeat(200_000))).toEqual([]);
    expect(findOpaque('a@'.repeat(200_000)).length).toBe(0);
    expect(findOpaque('{{x}}'.repeat(100_000))).toHaveLength(100_000);
  });
});
