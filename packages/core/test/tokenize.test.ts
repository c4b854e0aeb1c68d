/**
 * tokenize.ts must give exactly the tokens parse-latin gives (the leaves of its tree, with their offsets): checked
 * against parse-latin itself on every development-corpus text, on neutral prose when it has been extracted
 * (`.tmp/prose/manpages-de.txt`), on hand-picked cases and on generated strings over characters that move token
 * boundaries. `FUZZ_RUNS=200000 pnpm exec vitest run packages/core/test/tokenize.test.ts` runs many more.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import YAML from 'yaml';
import { ParseLatin } from 'parse-latin';
import { tokenize, WORD, SPACE, PUNCT, SYMBOL } from '../src/tokenize.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const parser = new ParseLatin();
const NAMES: Record<string, number> = { WordNode: WORD, WhiteSpaceNode: SPACE, PunctuationNode: PUNCT, SymbolNode: SYMBOL };

interface Node { type: string; children?: Node[]; position?: { start: { offset?: number }; end: { offset?: number } } }

/** parse-latin's leaves as "kind:start-end". */
function expected(text: string): string[] {
  const out: string[] = [];
  const visit = (n: Node): void => {
    if (n.type === 'RootNode' || n.type === 'ParagraphNode' || n.type === 'SentenceNode') { for (const c of n.children ?? []) visit(c); return; }
    out.push(`${NAMES[n.type]}:${n.position!.start.offset}-${n.position!.end.offset}`);
  };
  visit(parser.parse(text) as Node);
  return out;
}

function actual(text: string): string[] {
  const t = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < t.n; i++) out.push(`${t.kind[i]}:${t.start[i]}-${t.end[i]}`);
  return out;
}

/** The first difference, with the text around it (null when equal). */
function difference(text: string): string | null {
  const a = expected(text), b = actual(text);
  if (a.length === b.length && a.every((x, i) => x === b[i])) return null;
  let i = 0;
  while (a[i] === b[i]) i++;
  const at = Number((a[i] ?? b[i])!.split(':')[1]!.split('-')[0]);
  return `token ${i}: parse-latin ${a.slice(i, i + 3).join(' ')} · tokenize ${b.slice(i, i + 3).join(' ')} in ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))}`;
}

const words = (text: string): string[] => {
  const t = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < t.n; i++) if (t.kind[i] !== SPACE) out.push(text.slice(t.start[i], t.end[i]));
  return out;
};

describe('tokenize', () => {
  it('keeps words with inner punctuation together and splits the rest (the segmenter repairs "vgl", ".")', () => {
    expect(words('Bitte per E-Mail an info@shop.de, z.B. heute.')).toEqual(['Bitte', 'per', 'E-Mail', 'an', 'info@shop.de', ',', 'z.B.', 'heute', '.']);
    expect(words('Das ist z. B. möglich, vgl. Abs. 2.')).toEqual(['Das', 'ist', 'z.', 'B.', 'möglich', ',', 'vgl', '.', 'Abs', '.', '2.']);
    expect(words('Vor- und Nachteile, u/s und/oder &Co.')).toEqual(['Vor-', 'und', 'Nachteile', ',', 'u/s', 'und', '/', 'oder', '&Co', '.']);
    expect(words('Am 12. März um 10:30 Uhr?!')).toEqual(['Am', '12.', 'März', 'um', '10:30', 'Uhr', '?', '!']);
    expect(words('Super 😀😀 … „Zitat“ (Klammer)')).toEqual(['Super', '😀😀', '…', '„', 'Zitat', '“', '(', 'Klammer', ')']);
  });

  it('gives the tokens parse-latin gives on hand-picked cases', () => {
    const cases = [
      '', ' ', '.', '...', 'a', 'a.', 'a. b', 'A. B.', 'z. B. das', 'ca. 5 Tage', 'etc. pp.', '1. 2. 3.', 'Nr. 12. Mai',
      'Hallo.\n\nNeu', '"Ja." Er', 'Ende.) Weiter', 'x, y. , z', 'a.\n.b', '. . .', 'a . .', '&a', 'a&', 'a &b', 'a-', '-a',
      'a--b', 'a_b', 'a__b', 'a/b/c', 'ab/cd', 'abc/d', 'e.V.', '1.5.', 'U.S.A.', 'a.b.c.d', 'x.y.zz.', '\r\n\r\n', 'A\u00adB',
      'Wort.Wort', 'Wort .Wort', 'wort. wort. Wort', 'Das war’s', "don't", 'a?b', 'a:b:c', '12.03.2024', '€5,99', '#1 @x',
    ];
    for (const c of cases) expect(difference(c), c).toBeNull();
  });

  it('gives the tokens parse-latin gives on every development-corpus text', () => {
    const dir = join(root, 'corpus/dev');
    let n = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yml'))) {
      for (const e of YAML.parse(readFileSync(join(dir, f), 'utf8')) as Array<{ id: string; text: string }>) {
        expect(difference(e.text), e.id).toBeNull();
        n++;
      }
    }
    expect(n).toBeGreaterThan(1000);
  });

  it('gives the tokens parse-latin gives on neutral prose', () => {
    const file = join(root, '.tmp/prose/manpages-de.txt');
    if (!existsSync(file)) return; // extracted by scripts/prose.ts when manpages-de is installed
    const prose = readFileSync(file, 'utf8').slice(0, 1 << 20);
    for (let i = 0; i < prose.length; i += 8192) expect(difference(prose.slice(i, i + 8192)), `offset ${i}`).toBeNull();
  });

  it('gives the tokens parse-latin gives on generated strings', () => {
    const pieces = ['a', 'B', 'z', 'ä', 'ß', 'Ü', '1', '12', '2024', '.', '.', ',', ';', ':', '-', '/', '&', "'", '’', '"', '„', '“',
      '”', '»', '(', ')', ']', '?', '!', '…', '_', '@', '=', '#', '€', ' ', ' ', '\n', '\n\n', '\r\n', '\t', '😀', '\u00ad', '·',
      'Dr', 'ca', 'etc', 'bzw', 'Nr', 'Hallo', 'das', 'E', 'Mail', '\u00a0'];
    const runs = Number(process.env.FUZZ_RUNS ?? 3000);
    fc.assert(fc.property(
      fc.oneof(
        fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')),
        fc.string({ unit: 'binary', maxLength: 20 }),
      ),
      (s) => difference(s) === null,
    ), { numRuns: runs });
  });
});
