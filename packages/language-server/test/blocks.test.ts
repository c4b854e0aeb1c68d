/** Incremental block linting: content-defined cuts, cache reuse, same findings as linting the whole text. */
import { describe, expect, it } from 'vitest';
import { lint, loadConfig } from 'replylint';
import { BlockLinter, splitBlocks, canSplit, LARGE } from '../src/blocks.ts';

const PARAS = [
  'Vielen Dank für Ihre Nachricht zu Ihrer Bestellung Nr. 12345 vom 3. Mai.',
  'Das geht nicht.',
  'Die Ware wurde am 12. März an Sie verschickt; die Rechnung liegt dem Paket bei.',
  'Ihre Sendung ist unterwegs und kommt voraussichtlich am Donnerstag bei Ihnen an.',
];
function doc(size: number, seed = 0): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const p = `${PARAS[(i + seed) % PARAS.length]!}${(i + seed) % PARAS.length === 1 ? '' : ` (${i})`}`;
    out.push(p);
    n += p.length + 2;
  }
  return out.join('\n\n') + '\n';
}
const config = loadConfig(undefined);
// sentence-level findings are the same either way; reply-level rules (missing-alternative: once per reply) see each
// block as a reply of its own — the documented price of block mode on documents above LARGE
const sentenceLevel = (fs: Array<{ ruleId: string | null; start: number; end: number }>): string[] =>
  fs.filter((f) => f.ruleId === 'flat-no').map((f) => `${f.ruleId}@${f.start}-${f.end}`).sort();

describe('block linting', () => {
  it('cuts only at blank lines, covers the text, and never inside a fenced code block', () => {
    const text = doc(60_000);
    const blocks = splitBlocks(text, false);
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks[0]!.start).toBe(0);
    expect(blocks[blocks.length - 1]!.end).toBe(text.length);
    for (let i = 1; i < blocks.length; i++) {
      expect(blocks[i]!.start).toBe(blocks[i - 1]!.end);
      expect(text.slice(blocks[i]!.start - 2, blocks[i]!.start)).toBe('\n\n');
    }
    const md = `${doc(3000)}\n\`\`\`\n${'code\n\n'.repeat(3000)}\`\`\`\n\n${doc(3000)}`;
    const fenceStart = md.indexOf('```');
    const fenceEnd = md.lastIndexOf('```');
    for (const b of splitBlocks(md, true)) expect(b.start <= fenceStart || b.start > fenceEnd).toBe(true);
  });

  it('an edit in the middle changes one block; the cuts before and after stay', () => {
    const text = doc(100_000);
    const a = splitBlocks(text, false).map((b) => text.slice(b.start, b.end));
    const mid = text.indexOf('\n\n', text.length / 2) + 2;
    const edited = `${text.slice(0, mid)}Das geht nicht.\n\n${text.slice(mid)}`;
    const b = splitBlocks(edited, false).map((x) => edited.slice(x.start, x.end));
    const common = b.filter((x) => a.includes(x)).length;
    expect(common).toBeGreaterThanOrEqual(a.length - 2);
  });

  it('gives the same findings as linting the whole text, and re-lints only changed blocks', async () => {
    const text = doc(40_000);
    expect(canSplit(text, 'text')).toBe(true);
    expect(canSplit(text.slice(0, LARGE - 1), 'text')).toBe(false);
    expect(canSplit(text, 'html')).toBe(false);
    expect(canSplit(`<!-- replylint-disable -->\n${text}`, 'text')).toBe(false);
    const bl = new BlockLinter();
    const got = (await bl.lint(text, 'text', config, 'k', () => true))!;
    const want = lint(text, { format: 'text', config });
    expect(sentenceLevel(got)).toEqual(sentenceLevel(want));
    expect(sentenceLevel(got).length).toBeGreaterThan(50);
    const total = bl.linted;
    const mid = text.indexOf('\n\n', text.length / 2) + 2;
    const edited = `${text.slice(0, mid)}Das geht nicht.\n\n${text.slice(mid)}`;
    const again = (await bl.lint(edited, 'text', config, 'k', () => true))!;
    expect(bl.linted).toBeLessThanOrEqual(2);
    expect(bl.linted).toBeLessThan(total);
    expect(sentenceLevel(again)).toEqual(sentenceLevel(lint(edited, { format: 'text', config })));
  });

  it('stops when the document changed meanwhile', async () => {
    const bl = new BlockLinter();
    let calls = 0;
    const res = await bl.lint(doc(100_000), 'text', config, 'k', () => ++calls < 2);
    expect(res).toBeNull();
  });
});
