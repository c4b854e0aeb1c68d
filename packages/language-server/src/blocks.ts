/**
 * Incremental linting for large documents. A document above `LARGE` characters is cut into blocks at paragraph
 * breaks (blank lines). Cut points are content-defined (a cut follows a paragraph whose hash hits, once the block
 * is at least MIN long; at the latest at MAX), so an edit changes only the block it touches and the cuts after it
 * stay where they were. Findings are cached per block, keyed by a hash of the block's text (never the text itself:
 * a sliced string would keep every old version of the document alive), relative to the block start; they are
 * shifted to the block's current offset. Only text and Markdown are cut (HTML, mail and template structure spans
 * paragraphs), and documents with region or file directives (`replylint-disable` … `replylint-enable`) are linted
 * whole. Smaller documents are always linted whole, so their results are exact.
 */
import { createHash } from 'node:crypto';
import { lint, type Finding, type FormatName, type ResolvedConfig } from 'replylint';

export const LARGE = 16 * 1024;
const MIN = 2 * 1024;
const MAX = 12 * 1024;

export interface Block { start: number; end: number }

function hash(text: string): string {
  return createHash('sha1').update(text).digest('base64') + text.length.toString(36);
}

/** Cheap string hash of a paragraph, for choosing cut points. */
function cutHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Cut a text into blocks at blank lines (never inside a fenced Markdown code block). */
export function splitBlocks(text: string, markdown: boolean): Block[] {
  const blocks: Block[] = [];
  const re = /\r?\n[ \t]*(?:\r?\n)+/g;
  let blockStart = 0;
  let paraStart = 0;
  let inFence = false;
  let m: RegExpExecArray | null;
  const fence = /^[ \t]{0,3}(```|~~~)/gm;
  while ((m = re.exec(text))) {
    const paraEnd = m.index;
    const next = m.index + m[0].length;
    if (markdown) {
      fence.lastIndex = paraStart;
      let f: RegExpExecArray | null;
      while ((f = fence.exec(text)) && f.index < paraEnd) inFence = !inFence;
    }
    const len = next - blockStart;
    if (!inFence && len >= MIN && (len >= MAX || cutHash(text, paraStart, paraEnd) % 4 === 0)) {
      blocks.push({ start: blockStart, end: next });
      blockStart = next;
    }
    paraStart = next;
  }
  if (blockStart < text.length || blocks.length === 0) blocks.push({ start: blockStart, end: text.length });
  return blocks;
}

const REGION = /replylint-(?:disable|enable)(?!-)|replylint-disable-file/;

export function canSplit(text: string, format: FormatName): boolean {
  return text.length > LARGE && (format === 'text' || format === 'markdown') && !REGION.test(text);
}

function shift(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return { ...f, start: f.start + by, end: f.end + by, suggestions: f.suggestions.map((s) => ({ ...s, start: s.start + by, end: s.end + by })) };
}

/** Per-document block cache. */
export class BlockLinter {
  private cache = new Map<string, Finding[]>();
  private cacheKey = '';
  /** How many blocks the last run actually linted (the rest came from the cache). */
  linted = 0;

  get size(): number { return this.cache.size; }

  /**
   * Lint a text. Large text is linted block by block; `yieldEvery` lets the caller give the event loop a turn
   * between blocks and abort (return null) when the document changed meanwhile.
   */
  async lint(text: string, format: FormatName, config: ResolvedConfig, configKey: string, stillCurrent: () => boolean): Promise<Finding[] | null> {
    if (!canSplit(text, format) || Buffer.byteLength(text) > config.maxSize) {
      this.cache.clear();
      return lint(text, { format, config });
    }
    const key = `${format}|${configKey}`;
    if (key !== this.cacheKey) { this.cache.clear(); this.cacheKey = key; }
    const blocks = splitBlocks(text, format === 'markdown');
    const next = new Map<string, Finding[]>();
    const out: Finding[] = [];
    let work = 0;
    this.linted = 0;
    for (const b of blocks) {
      const body = text.slice(b.start, b.end);
      const h = hash(body);
      let found = next.get(h) ?? this.cache.get(h);
      if (!found) {
        if (work > 0) {
          await new Promise<void>((r) => setImmediate(r));
          if (!stillCurrent()) { for (const [k, v] of next) this.cache.set(k, v); return null; }
        }
        found = lint(body, { format, config }).filter((f) => !f.fatal);
        work++;
        this.linted++;
      }
      next.set(h, found);
      for (const f of found) out.push(shift(f, b.start));
    }
    this.cache = next;
    return out;
  }

  clear(): void { this.cache.clear(); }
}
