/**
 * A phrase set for the discourse layer that spares the matcher its open-ended patterns on sentences that
 * cannot hold them.
 *
 * PhraseSet indexes a pattern by the exact words one of which it needs; a pattern made of prefixes, suffixes
 * and infixes only ("kein* ausnahme*", "*bedingungen", "*verantwortungsbereich*") has no such words and is run
 * through the backtracking matcher at every position of every sentence it is asked about. In the discourse sets
 * those patterns are most of the matcher's work (REASON alone has ~20 of them). Here each such pattern gets a
 * gate: for every required element, the literal strings one of which a token of the sentence must contain (an
 * exact word must be a folded word of the sentence). The gate is a necessary condition only, checked with a
 * few bit tests on a per-sentence mask, so the result is exactly PhraseSet's: the same hits, in the same order
 * (pattern order), with the same match ranges.
 *
 * Expects one pattern per entry (the discourse sets are built with `perPattern`); patterns with index words
 * stay in an ordinary PhraseSet.
 */
import { PhraseSet, type PhraseEntry, type PhraseHit } from './phrases.ts';
import { compilePattern, matchPattern, type CompiledPattern } from './pattern.ts';
import { fold } from './normalize.ts';
import type { Sentence } from './types.ts';

/**
 * Gate parts: the literal strings the open patterns' elements need, registered when a set compiles. A folded word
 * satisfies part `i` when it contains it (`exact`: when it is it); what a word satisfies is computed once per
 * distinct word and kept as a bit mask, a sentence's mask is the union of its words' masks.
 */
interface Part { text: string; exact: boolean }
const parts: Part[] = [];
const partIndex = new Map<string, number>();
/** Mask width in 32-bit words, and a version that changes whenever parts are added (cached masks go stale). */
let width = 1;
let version = 0;
const NONE = new Uint32Array(0);
const wordMasks = new Map<string, Uint32Array>();
const sentenceMasks = new WeakMap<Sentence, { version: number; mask: Uint32Array }>();
/** Bound the per-word cache (a long-running process sees an open vocabulary). */
const MAX_WORDS = 50_000;

function partBit(text: string, exact: boolean): number {
  const key = (exact ? '=' : '~') + text;
  let i = partIndex.get(key);
  if (i === undefined) {
    i = parts.length;
    parts.push({ text, exact });
    partIndex.set(key, i);
    width = Math.ceil(parts.length / 32);
    version++;
    wordMasks.clear();
  }
  return i;
}

function wordMask(norm: string): Uint32Array {
  let m = wordMasks.get(norm);
  if (m) return m;
  m = NONE;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.exact ? norm === p.text : norm.includes(p.text)) {
      if (m === NONE) m = new Uint32Array(width);
      m[i >>> 5]! |= 1 << (i & 31);
    }
  }
  if (wordMasks.size >= MAX_WORDS) wordMasks.clear();
  wordMasks.set(norm, m);
  return m;
}

function sentenceMask(s: Sentence): Uint32Array {
  const c = sentenceMasks.get(s);
  if (c && c.version === version) return c.mask;
  const mask = new Uint32Array(width);
  for (const t of s.items) {
    const m = wordMask(t.norm);
    for (let w = 0; w < m.length; w++) mask[w]! |= m[w]!;
  }
  sentenceMasks.set(s, { version, mask });
  return mask;
}

/**
 * The gate of a required element without index words: the bits of its alternatives, or null when it says
 * nothing (a class such as @WORD, a verb, a punctuation literal). Alternatives are split as pattern.ts does
 * (`<um|tauschen>` is one atom).
 */
function elemGate(src: string): number[] | null {
  const alts = src.split('|');
  const bits: number[] = [];
  for (let k = 0; k < alts.length; k++) {
    let a = alts[k]!;
    while (a.startsWith('<') && !a.endsWith('>') && k + 1 < alts.length) a += '|' + alts[++k];
    if (a.startsWith('<') || a.startsWith('@') || !/^\*?[\p{L}\p{N}'’.-]+\*?$/u.test(a)) return null;
    const w = fold(a.replace(/^\*|\*$/g, ''));
    if (!w) return null;
    bits.push(partBit(w, !a.startsWith('*') && !a.endsWith('*')));
  }
  return bits;
}

/** One open pattern: its entry, its original index, and per gated element the bit indexes one of which is needed. */
interface Open<P> { index: number; entry: P; pattern: CompiledPattern; gate: number[][] }

function passes(gate: number[][], mask: Uint32Array): boolean {
  for (const bits of gate) {
    let ok = false;
    for (const i of bits) if (((mask[i >>> 5] ?? 0) >>> (i & 31)) & 1) { ok = true; break; }
    if (!ok) return false;
  }
  return true;
}

export class GatedPhraseSet<P extends PhraseEntry = PhraseEntry> {
  private keyed: PhraseSet<P> | null = null;
  /** Original index of every entry of the keyed set. */
  private keyedIndex = new Map<P, number>();
  private open: Array<Open<P>> = [];

  constructor(readonly entries: readonly P[], readonly name = 'phrases') {}

  private compile(): PhraseSet<P> {
    if (this.keyed) return this.keyed;
    const keyed: P[] = [];
    this.entries.forEach((entry, index) => {
      if (typeof entry.pattern !== 'string') throw new Error(`${this.name}: one pattern per entry expected`);
      const pattern = compilePattern(entry.pattern);
      if (pattern.keys) { keyed.push(entry); this.keyedIndex.set(entry, index); return; }
      const gate: number[][] = [];
      for (const e of pattern.elems) {
        if (e.kind !== 'tok' || e.optional) continue;
        const g = elemGate(e.src);
        if (g) gate.push(g);
      }
      this.open.push({ index, entry, pattern, gate });
    });
    this.keyed = new PhraseSet(keyed, this.name);
    return this.keyed;
  }

  /** Every entry matching the sentence, in entry order (as PhraseSet.match). */
  match(sentence: Sentence): Array<PhraseHit<P>> {
    const keyedHits = this.compile().match(sentence);
    if (this.open.length === 0) return keyedHits;
    let openHits: Array<PhraseHit<P> & { index: number }> | null = null;
    const mask = sentenceMask(sentence);
    for (const o of this.open) {
      if (!passes(o.gate, mask)) continue;
      const m = matchPattern(o.pattern, sentence);
      if (m) (openHits ??= []).push({ entry: o.entry, match: m, pattern: o.pattern, index: o.index });
    }
    if (!openHits) return keyedHits;
    // merge the two lists, both in entry order
    const out: Array<PhraseHit<P>> = [];
    let k = 0;
    for (const h of openHits) {
      while (k < keyedHits.length && this.keyedIndex.get(keyedHits[k]!.entry)! < h.index) out.push(keyedHits[k++]!);
      out.push({ entry: h.entry, match: h.match, pattern: h.pattern });
    }
    while (k < keyedHits.length) out.push(keyedHits[k++]!);
    return out;
  }

  /** Does any entry match? */
  test(sentence: Sentence): boolean {
    return this.match(sentence).length > 0;
  }
}
