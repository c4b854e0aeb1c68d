/**
 * A same-length edit buffer over a source text. Every format writes into it: blanking keeps line breaks,
 * decoded characters are written at the first position of what they replace and padded with zero-width
 * spaces (which the normaliser drops with an offset map), so every offset stays an offset in the source.
 */
import type { Excluded } from './index.ts';

export const PAD = 0x200b;

export class Blanker {
  private codes: Uint16Array | null = null;
  readonly excluded: Excluded[] = [];
  constructor(readonly source: string) {}

  private buf(): Uint16Array {
    if (!this.codes) {
      const s = this.source;
      const c = new Uint16Array(s.length);
      for (let i = 0; i < s.length; i++) c[i] = s.charCodeAt(i);
      this.codes = c;
    }
    return this.codes;
  }

  /** Replace [start, end) by spaces, keeping \n and \r. */
  blank(start: number, end: number): void {
    const c = this.buf();
    end = Math.min(end, c.length);
    for (let i = Math.max(0, start); i < end; i++) if (c[i] !== 10 && c[i] !== 13) c[i] = 32;
  }

  /** Blank a range and record it as excluded. Adjacent ranges with the same reason are merged. */
  exclude(start: number, end: number, reason: string): void {
    if (end <= start) return;
    this.blank(start, end);
    const last = this.excluded[this.excluded.length - 1];
    if (last && last.reason === reason && last.start <= start && (last.end >= start || onlyBreaks(this.source, last.end, start))) {
      last.end = Math.max(last.end, end);
      return;
    }
    this.excluded.push({ start, end, reason });
  }

  /**
   * The excluded ranges, sorted and disjoint. Ranges recorded before `phase` (markup-level exclusions such as a
   * Gmail quote container) win over the ranges of the line-level pass recorded after it. O(n log n).
   */
  disjointExcluded(phase = 0): Excluded[] {
    const clip = (list: Excluded[]): Excluded[] => {
      const out: Excluded[] = [];
      let until = -1;
      for (const r of list.slice().sort((a, b) => a.start - b.start)) {
        const start = Math.max(r.start, until);
        if (r.end > start) { out.push({ start, end: r.end, reason: r.reason }); until = r.end; }
      }
      return out;
    };
    const first = clip(this.excluded.slice(0, phase));
    const second = clip(this.excluded.slice(phase));
    const kept: Excluded[] = [...first];
    let k = 0;
    for (const r of second) {
      let start = r.start;
      while (k < first.length && first[k]!.end <= start) k++;
      let j = k;
      while (start < r.end) {
        const f = first[j];
        if (!f || f.start >= r.end) { kept.push({ start, end: r.end, reason: r.reason }); break; }
        if (f.start > start) kept.push({ start, end: f.start, reason: r.reason });
        start = Math.max(start, f.end);
        j++;
      }
    }
    return kept.filter((r) => /\S/.test(this.source.slice(r.start, r.end))).sort((a, b) => a.start - b.start);
  }

  /** Write `text` at `at` (it must not be longer than the room it has); pad up to `end` with zero-width spaces. */
  write(at: number, text: string, end = at + text.length): void {
    const c = this.buf();
    let i = at;
    for (let k = 0; k < text.length && i < end; k++, i++) c[i] = text.charCodeAt(k);
    for (; i < end; i++) c[i] = PAD;
  }

  /** Fill [start, end) with one code unit. */
  fill(start: number, end: number, code: number): void {
    const c = this.buf();
    for (let i = Math.max(0, start); i < Math.min(end, c.length); i++) c[i] = code;
  }

  /** Set one code unit. */
  set(at: number, code: number): void {
    this.buf()[at] = code;
  }

  /** Copy the source range [start, end) unchanged into the buffer. */
  restore(start: number, end: number): void {
    const c = this.buf();
    const s = this.source;
    for (let i = start; i < end; i++) c[i] = s.charCodeAt(i);
  }

  /**
   * Fill the whole buffer with spaces: markup formats start blank and write text back. Line breaks are kept
   * unless `keepBreaks` is false (HTML: a line break in the source is white space, block tags make the lines).
   */
  blankAll(keepBreaks = true): void {
    if (keepBreaks) this.blank(0, this.source.length);
    else this.fill(0, this.source.length, 32);
  }

  get changed(): boolean {
    return this.codes !== null;
  }

  toString(): string {
    const c = this.codes;
    if (!c) return this.source;
    let out = '';
    for (let i = 0; i < c.length; i += 8192) out += String.fromCharCode.apply(null, c.subarray(i, i + 8192) as unknown as number[]);
    return out;
  }
}

function onlyBreaks(s: string, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 10 && c !== 13) return false;
  }
  return true;
}
