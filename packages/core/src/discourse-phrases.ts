/**
 * Per-sentence word facts for the discourse layer, and a phrase set that spares the matcher its open-ended
 * patterns on sentences that cannot hold them.
 *
 * PhraseSet indexes a pattern by the exact words one of which it needs; a pattern made of prefixes, suffixes
 * and infixes only ("kein* ausnahme*", "*bedingungen", "*verantwortungsbereich*") has no such words and is run
 * through the backtracking matcher at every position of every sentence it is asked about. In the discourse sets
 * those patterns were most of the matcher's work (REASON alone has ~20 of them). Here each such pattern gets a
 * gate: for every required element, the literal strings ("parts") one of which a word of the sentence must
 * contain (an exact word: be). The gate is a necessary condition only, so GatedPhraseSet.match returns exactly
 * what PhraseSet.match would: the same hits, in the same order (pattern order), with the same match ranges.
 *
 * What a folded word satisfies (its parts, whether it is a negation) is worked out once per distinct word and
 * kept as a bit mask on the word's record (words.ts); a sentence's facts are the union over its words, once per
 * sentence, for every gate and negation check of the discourse layer.
 */
import { PhraseSet, type PhraseEntry, type PhraseHit } from './phrases.ts';
import { compilePattern, matchPattern, splitAtoms, atomKeys, PUNCT_LITERAL, type CompiledPattern } from './pattern.ts';
import { NEGATIONS } from './lexicon.ts';
import { fold } from './normalize.ts';
import type { Sentence } from './types.ts';
import { perSentence, type Word } from './words.ts';

// ---- word facts -------------------------------------------------------------------------------------------------

/** Gate parts: registered when a gated set compiles; part `i` is bit `i` of a mask. */
interface Part { text: string; exact: boolean }
const parts: Part[] = [];
const partIndex = new Map<string, number>();
/** Changes whenever parts are added: masks computed before are stale. */
let version = 0;

/** What one folded word is: a negation ("nicht", "kein" …, "nix"), and the parts it satisfies. */
interface WordInfo { negation: boolean; mask: Uint32Array }
const NO_PARTS = new Uint32Array(0);

function partBit(text: string, exact: boolean): number {
  const key = (exact ? '=' : '~') + text;
  let i = partIndex.get(key);
  if (i === undefined) {
    i = parts.length;
    parts.push({ text, exact });
    partIndex.set(key, i);
    version++;
  }
  return i;
}

/** Worked out once per word and kept on its record (words.ts) until parts are added. */
function wordInfo(word: Word): WordInfo {
  if (word.factsAt === version) return word.facts as WordInfo;
  const norm = word.norm;
  let mask = NO_PARTS;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.exact ? norm === p.text : norm.includes(p.text)) {
      if (mask === NO_PARTS) mask = new Uint32Array((parts.length + 31) >>> 5);
      mask[i >>> 5]! |= 1 << (i & 31);
    }
  }
  const w: WordInfo = { negation: NEGATIONS.has(norm) || norm === 'nix', mask };
  word.facts = w;
  word.factsAt = version;
  return w;
}

/** Facts about a sentence's words. */
export interface WordFacts {
  /** Some item is a negation word ("nicht", "kein" …, "nix"), whatever its kind or quoting. */
  negation: boolean;
  /** Some word token (kind 'word') is one. */
  wordNegation: boolean;
  /** Union of the items' part masks. */
  mask: Uint32Array;
  version: number;
}
const factsCache = perSentence<WordFacts>();

export function wordFacts(s: Sentence): WordFacts {
  const hit = factsCache.get(s);
  if (hit && hit.version === version) return hit;
  const mask = new Uint32Array((parts.length + 31) >>> 5);
  let negation = false, wordNegation = false;
  for (const t of s.items) {
    const w = wordInfo(t.word);
    if (w.negation) { negation = true; if (t.kind === 'word') wordNegation = true; }
    const m = w.mask;
    for (let k = 0; k < m.length; k++) mask[k]! |= m[k]!;
  }
  const f = { negation, wordNegation, mask, version };
  factsCache.set(s, f);
  return f;
}

// ---- gated phrase sets ----------------------------------------------------------------------------------------

/**
 * The parts of a required element without index words, or null when it says nothing (a lemma, a class such as
 * @WORD). Alternatives are split as pattern.ts does (`<um|tauschen>` is one atom). A punctuation literal is an exact
 * part as written (it matches a token whose text it is; a non-word token's folded form is its text).
 */
function elemGate(src: string): number[] | null {
  const bits: number[] = [];
  for (const a of splitAtoms(src)) {
    if (PUNCT_LITERAL.test(a)) { bits.push(partBit(a, true)); continue; }
    if (a.startsWith('<') || a.startsWith('@') || !/^\*?[\p{L}\p{N}'’.-]+\*?$/u.test(a)) return null;
    const w = fold(a.replace(/^\*|\*$/g, ''));
    if (!w) return null;
    bits.push(partBit(w, !a.startsWith('*') && !a.endsWith('*')));
  }
  return bits;
}

/**
 * Does the pattern have index words (a required element all of whose alternatives are exact words, verbs or word
 * classes)? Read from the source, so that the indexed patterns are compiled by PhraseSet when it needs them. A
 * wrong answer costs speed only: an indexed pattern taken for open is gated by nothing and matched, an open one
 * taken for indexed is matched by PhraseSet.
 */
function indexed(source: string): boolean {
  for (const piece of source.trim().split(/\s+/)) {
    if (piece === '^' || piece === '$' || /^\.\.\.\d*$/.test(piece) || (piece.length > 1 && piece.endsWith('?'))) continue;
    if (splitAtoms(piece).every((a) => atomKeys(a) !== undefined)) return true;
  }
  return false;
}

/** One open pattern: its entry, its index in the set, and per gated element the parts one of which is needed. */
interface Open<P> { index: number; entry: P; pattern: CompiledPattern; gate: number[][] }

function passes(gate: number[][], mask: Uint32Array): boolean {
  for (const bits of gate) {
    let ok = false;
    for (const i of bits) if ((mask[i >>> 5]! >>> (i & 31)) & 1) { ok = true; break; }
    if (!ok) return false;
  }
  return true;
}

/** A PhraseSet of one pattern per entry (see `perPattern` in discourse.ts) whose open patterns are gated. */
export class GatedPhraseSet<P extends PhraseEntry = PhraseEntry> {
  private keyed: PhraseSet<P> | null = null;
  /** Index in this set of every entry of the keyed set. */
  private keyedIndex = new Map<P, number>();
  private open: Array<Open<P>> = [];

  constructor(readonly entries: readonly P[], readonly name = 'phrases') {}

  private compile(): PhraseSet<P> {
    if (this.keyed) return this.keyed;
    const keyed: P[] = [];
    this.entries.forEach((entry, index) => {
      if (typeof entry.pattern !== 'string') throw new Error(`${this.name}: one pattern per entry expected`);
      if (indexed(entry.pattern)) { keyed.push(entry); this.keyedIndex.set(entry, index); return; }
      const pattern = compilePattern(entry.pattern);
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
    const mask = wordFacts(sentence).mask;
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
