/**
 * The phrase pattern language. A pattern is a space-separated sequence of elements matched against the
 * non-space tokens of one sentence:
 *
 *   word        the word, folded (case, ß/ss and umlaut spelling do not matter): `hersteller`
 *   pre*  *suf  prefix / suffix / infix match, for inflection and compounds: `zuständig*`, `*garantie`
 *   a|b|c       alternatives (each may use `*` or be a `<lemma>`)
 *   <lemma>     every form of a verb; separable prefix with `|`: `<um|tauschen>` matches "umtauschen",
 *               "umgetauscht", "umzutauschen" and "tauschen … um" (particle later in the sentence)
 *   @CLASS      a closed word class: @NEG @DET @FORMAL @INFORMAL @MODAL @SUB @PRON, plus @NUM (number),
 *               @OPAQUE (placeholder, URL), @WORD (any word), @CAP (capitalised word), @ANY (any token)
 *   x?          optional element
 *   ...  ...N   a gap of up to 4 (or N ≤ 12) tokens within the sentence, never across . ! ?
 *   ^  $        start / end of the sentence (only terminal punctuation may follow `$`)
 *   , : ( …     punctuation literals
 */
import { CLASSES } from './lexicon.ts';
import { fold } from './normalize.ts';
import { verbForms, type VerbForms } from './morph.ts';
import type { Sentence, Token } from './types.ts';

type Test = (t: Token, items: Token[], i: number) => boolean;

interface TokElem {
  kind: 'tok';
  test: Test;
  optional: boolean;
  /** Exact folded words that can satisfy this element (for pre-filtering); null when open-ended. */
  keys: Set<string> | null;
  /**
   * When the test is exactly "the folded word is in `any`, or it is a word token and in `word`": the two sets (the
   * matcher looks them up itself instead of calling `test`, a call site shared by hundreds of different closures).
   */
  any: Set<string> | null;
  word: Set<string> | null;
  src: string;
}
interface GapElem { kind: 'gap'; max: number }
interface AnchorElem { kind: 'start' | 'end' }
type Elem = TokElem | GapElem | AnchorElem;

export interface CompiledPattern {
  source: string;
  elems: Elem[];
  /** Words of which at least one must be in the sentence for a match (null: no pre-filter). */
  keys: Set<string> | null;
  /** Words one of which must start a match (the first element is required and closed), else null. */
  first?: Set<string> | null;
  /** Number of gap elements (more than one: the matcher memoises failed states). */
  gaps: number;
  /**
   * Index of the element whose words are `keys` (-1: none), and how many tokens the elements before it consume
   * at least and at most: a match can only start where a key word follows within that distance.
   */
  keyAt: number;
  keyMin: number;
  keyMax: number;
}

export class PatternError extends Error {}

/** Words so frequent in German replies that indexing a pattern by them filters nothing. */
export const COMMON_WORDS = new Set(('nicht das die der den dem es sie ich wir ihnen ihr ihre und oder ist sind ein eine einen kein keine ' +
  'zu in an auf mit von fuer bei so da dies leider gerne gern uns mich mir du dir kann koennen wird werden hat haben habe').split(' '));

/**
 * How often a word stands in a sentence of a reply, per 1,000 sentences, for the words in at least 1 % of them
 * (measured on the development corpus: 9,704 sentences; the common words above are left out). Only for choosing
 * a pattern's index words — the element whose words are rarest in replies makes the pattern a candidate least
 * often; any required element is a correct index, so this changes speed, never findings.
 */
const FREQUENT = new Map<string, number>(('am:60 freundlichen:57 gruessen:57 sehr:55 im:52 frau:51 bis:51 herr:50 gruesse:43 weil:38 ' +
  'sich:37 hallo:36 aber:33 wenn:33 noch:32 nach:31 um:29 dass:28 geehrte:27 tag:27 ab:26 uhr:26 zum:26 bitte:25 dann:24 ueber:24 ' +
  'aus:24 geehrter:24 ihren:23 heute:23 viele:23 einfach:21 ihrer:21 guten:21 ihrem:21 als:20 muessen:20 unter:20 kostenlos:19 nur:19 ' +
  'zwei:19 mehr:19 schicken:17 des:17 wurde:16 unser:16 kommt:16 termin:15 kundenservice:15 liegt:15 wie:15 beim:15 war:14 vom:14 ' +
  'unsere:14 per:14 auch:13 damit:13 nichts:13 zurueck:13 drei:13 ihres:13 vor:13 direkt:13 deshalb:13 schon:13 geht:13 falls:12 ' +
  'ihn:12 ohne:12 paket:12 morgen:12 einer:12 bekommen:11 dort:11 moeglich:11 neue:11 moechten:11 einem:11 konto:11 dein:11 antrag:11 ' +
  'zur:10 unserer:10 unseren:10 erst:10 er:10 naechsten:10 lieber:10 rechnung:10 dafuer:10 was:10 freundliche:10 dahin:10')
  .split(' ').map((p) => { const [w, n] = p.split(':'); return [w!, Number(n)] as [string, number]; }));

const costs = new WeakMap<Set<string>, number>();
/**
 * The cost of indexing a pattern by a set of words: how often one of them is in a sentence (per mille, a rarer word
 * counting 1), and 10,000 more when one of them is a common word ("nicht", "sie" …): such a set is a last resort.
 */
export function keyCost(keys: Set<string>): number {
  let c = costs.get(keys);
  if (c === undefined) {
    let common = false;
    if (keys.size <= 72) {
      c = 0;
      for (const k of keys) { c += FREQUENT.get(k) ?? 1; if (COMMON_WORDS.has(k)) common = true; }
    } else {
      // a verb's forms, a word class: look the few frequent words up in the set instead
      c = keys.size;
      for (const [w, n] of FREQUENT) if (keys.has(w)) c += n - 1;
      for (const w of COMMON_WORDS) if (keys.has(w)) { common = true; break; }
    }
    if (common) c += 10000;
    costs.set(keys, c);
  }
  return c;
}

const EMPTY: Set<string> = new Set();
/** A punctuation literal: matches a token whose text is the atom (a non-word token's folded form is its text). */
export const PUNCT_LITERAL = /^[,;:()\-–—!?."„“”'/§]$/;
const TERMINAL = /^[.!?…]/;

/**
 * How an atom's test relates to its keys: 'any' — it holds exactly for tokens whose folded form is a key; 'word' —
 * exactly for word tokens whose folded form is a key; null — it needs more (a particle later in the sentence) or
 * has no keys. An alternation of exact atoms is then one or two set look-ups instead of a closure per atom.
 */
type Exact = 'any' | 'word' | null;
interface Atom { test: Test; keys: Set<string> | null; exact: Exact }

/** Compiled atoms and elements by source: the phrase data repeats them (≈ 13,900 atoms, 3,200 distinct). */
const atomCache = new Map<string, Atom>();
const elemCache = new Map<string, Elem>();

function atomTest(src: string): Atom {
  let a = atomCache.get(src);
  if (!a) { a = compileAtom(src); atomCache.set(src, a); }
  return a;
}

function compileAtom(src: string): Atom {
  if (src.startsWith('<') && src.endsWith('>')) {
    const v = verbForms(src.slice(1, -1));
    const keys = lemmaKeys(v);
    if (!v.particle) return { test: (t) => keys.has(t.norm), keys, exact: 'any' };
    const particle = v.particle;
    return {
      keys,
      exact: null,
      test: (t, items, i) => {
        if (v.forms.has(t.norm)) return true;
        if (!v.splitForms.has(t.norm)) return false;
        for (let j = i + 1; j < items.length; j++) {
          const n = items[j]!;
          if (n.kind === 'punct' && TERMINAL.test(n.text) && j === items.length - 1) break;
          if (n.norm === particle) return true;
        }
        return false;
      },
    };
  }
  if (src.startsWith('@')) {
    const name = src.slice(1);
    const cls = CLASSES[name];
    if (cls) return { test: (t) => t.kind === 'word' && cls.has(t.norm), keys: cls, exact: 'word' };
    switch (name) {
      case 'NUM': return { test: (t) => t.kind === 'num', keys: null, exact: null };
      case 'OPAQUE': return { test: (t) => t.kind === 'opaque', keys: null, exact: null };
      case 'WORD': return { test: (t) => t.kind === 'word', keys: null, exact: null };
      case 'CAP': return { test: (t) => t.kind === 'word' && t.upper, keys: null, exact: null };
      case 'ANY': return { test: (t) => !(t.kind === 'punct' && TERMINAL.test(t.text)), keys: null, exact: null };
      default: throw new PatternError(`unbekannte Wortklasse "${src}"`);
    }
  }
  if (PUNCT_LITERAL.test(src)) return { test: (t) => t.text === src, keys: null, exact: null };
  if (!/^\*?[\p{L}\p{N}'’.-]+\*?$/u.test(src)) throw new PatternError(`ungültiges Element "${src}"`);
  const pre = src.startsWith('*');
  const suf = src.endsWith('*') && src.length > 1;
  const w = fold(src.replace(/^\*|\*$/g, ''));
  if (!w) throw new PatternError(`leeres Element "${src}"`);
  if (pre && suf) return { test: (t) => t.kind === 'word' && t.norm.includes(w), keys: null, exact: null };
  if (suf) return { test: (t) => t.kind === 'word' && t.norm.startsWith(w), keys: null, exact: null };
  if (pre) return { test: (t) => t.kind === 'word' && t.norm.endsWith(w), keys: null, exact: null };
  return { test: (t) => t.norm === w, keys: new Set([w]), exact: 'any' };
}

/** Every word a lemma's forms can show: the forms, and the split forms of a separable verb (one set per lemma). */
function lemmaKeys(v: VerbForms): Set<string> {
  if (v.splitForms.size === 0) return v.forms;
  let k = lemmaKeyCache.get(v);
  if (!k) { k = new Set([...v.forms, ...v.splitForms]); lemmaKeyCache.set(v, k); }
  return k;
}
const lemmaKeyCache = new WeakMap<VerbForms, Set<string>>();

const EXACT_WORD = /^[\p{L}\p{N}'’.-]+$/u;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The words a lemma, word class or plain-word atom can match (the keys compileElem gives it), without compiling
 * its test; undefined for any other atom (affix, @WORD, punctuation), null for a word that folds to nothing.
 */
export function atomKeys(a: string): Set<string> | null | undefined {
  if (a.length > 2 && a.startsWith('<') && a.endsWith('>')) return lemmaKeys(verbForms(a.slice(1, -1)));
  if (a.startsWith('@')) return CLASSES[a.slice(1)];
  if (!EXACT_WORD.test(a) || !HAS_WORD_CHAR.test(a)) return undefined;
  const w = fold(a);
  return w ? new Set([w]) : null;
}

/** The alternatives of an element: `a|b|<um|tauschen>` → a, b, <um|tauschen> (a lemma's bar stays inside). */
export function splitAtoms(src: string): string[] {
  const alts = src.split('|');
  const atoms: string[] = [];
  for (let k = 0; k < alts.length; k++) {
    let a = alts[k]!;
    while (a.startsWith('<') && !a.endsWith('>') && k + 1 < alts.length) a += '|' + alts[++k];
    atoms.push(a);
  }
  return atoms;
}

function union(parts: Atom[]): Set<string> {
  const out = new Set<string>();
  for (const p of parts) for (const k of p.keys!) out.add(k);
  return out;
}

/** A compiled element; elements are immutable and shared between patterns. */
function compileElem(piece: string): Elem {
  let e = elemCache.get(piece);
  if (!e) { e = compileElemUncached(piece); elemCache.set(piece, e); }
  return e;
}

function compileElemUncached(piece: string): Elem {
  if (piece === '^') return { kind: 'start' };
  if (piece === '$') return { kind: 'end' };
  const gap = /^\.\.\.(\d+)?$/.exec(piece);
  if (gap) {
    const max = gap[1] ? Number(gap[1]) : 4;
    if (max < 1 || max > 12) throw new PatternError(`Lücke "${piece}" muss zwischen 1 und 12 liegen`);
    return { kind: 'gap', max };
  }
  let optional = false;
  let src = piece;
  if (src.length > 1 && src.endsWith('?')) { optional = true; src = src.slice(0, -1); }
  const parts = splitAtoms(src).map(atomTest);
  let keys: Set<string> | null;
  let test: Test;
  let any: Set<string> | null = null, word: Set<string> | null = null;
  if (parts.every((p) => p.exact)) {
    // exact atoms only: one look-up in the words any token may have, one in those only word tokens may have
    const a = parts.filter((p) => p.exact === 'any'), w = parts.filter((p) => p.exact === 'word');
    any = a.length === 0 ? EMPTY : a.length === 1 ? a[0]!.keys! : union(a);
    word = w.length === 0 ? null : w.length === 1 ? w[0]!.keys! : union(w);
    keys = word === null ? any : any.size === 0 ? word : union(parts);
    const an = any, wo = word;
    test = wo === null ? (t) => an.has(t.norm) : (t) => an.has(t.norm) || (t.kind === 'word' && wo.has(t.norm));
  } else if (parts.length === 1) {
    keys = parts[0]!.keys;
    test = parts[0]!.test;
  } else {
    keys = parts.every((p) => p.keys) ? union(parts) : null;
    const tests = parts.map((p) => p.test);
    test = (t, items, i) => {
      for (let k = 0; k < tests.length; k++) if (tests[k]!(t, items, i)) return true;
      return false;
    };
  }
  return { kind: 'tok', test, optional, keys, any, word, src };
}

export function compilePattern(source: string): CompiledPattern {
  const pieces = source.trim().split(/\s+/).filter(Boolean);
  if (pieces.length === 0) throw new PatternError('leeres Muster');
  const elems = pieces.map(compileElem);
  if (!elems.some((e) => e.kind === 'tok' && !e.optional)) throw new PatternError(`Muster "${source}" hat kein Pflicht-Element`);
  // pre-filter: the required element with the most selective exact key set — the smallest, but a set holding a
  // word that stands in nearly every sentence ("nicht", "sie", "das") selects nothing and is taken only as a last resort
  let keys: Set<string> | null = null;
  let keyAt = -1;
  let best = Infinity;
  elems.forEach((e, i) => {
    if (e.kind !== 'tok' || e.optional || !e.keys) return;
    const cost = keyCost(e.keys);
    if (cost < best) { best = cost; keys = e.keys; keyAt = i; }
  });
  let keyMin = 0, keyMax = 0;
  for (let i = 0; i < keyAt; i++) {
    const e = elems[i]!;
    if (e.kind === 'gap') keyMax += e.max;
    else if (e.kind === 'tok') { keyMax += 1; if (!e.optional) keyMin += 1; }
  }
  const e0 = elems[0]!;
  const first = e0.kind === 'tok' && !e0.optional && e0.keys ? e0.keys : null;
  return { source, elems, keys, first, gaps: elems.filter((e) => e.kind === 'gap').length, keyAt, keyMin, keyMax };
}

function tokIn(e: TokElem, t: Token): boolean {
  return e.any!.has(t.norm) || (e.word !== null && t.kind === 'word' && e.word.has(t.norm));
}

function isTerminal(t: Token): boolean {
  return t.kind === 'punct' && TERMINAL.test(t.text);
}

/**
 * Backtracking matcher. `memo` records states (element, token) known to fail: a state's outcome does not depend
 * on how it was reached, so with the memo the work is bounded by elements × tokens × gap width — patterns with
 * several gaps cannot go exponential on long sentences.
 */
function matchAt(elems: Elem[], ei: number, items: Token[], ti: number, memo: Uint8Array | null): number {
  if (ei === elems.length) return ti;
  const key = ei * (items.length + 1) + ti;
  if (memo && memo[key]) return -1;
  const r = step(elems, ei, items, ti, memo);
  if (r < 0 && memo) memo[key] = 1;
  return r;
}

function step(elems: Elem[], ei: number, items: Token[], ti: number, memo: Uint8Array | null): number {
  const e = elems[ei]!;
  switch (e.kind) {
    case 'start':
      return ti === 0 ? matchAt(elems, ei + 1, items, ti, memo) : -1;
    case 'end': {
      for (let k = ti; k < items.length; k++) if (!isTerminal(items[k]!) && !/^["“”»«)']$/.test(items[k]!.text)) return -1;
      return matchAt(elems, ei + 1, items, ti, memo);
    }
    case 'gap': {
      for (let skip = 0; skip <= e.max && ti + skip <= items.length; skip++) {
        // items are one sentence: a '.' inside it is an abbreviation or ordinal dot ("gem.", "Art. 5", "4. Juni"),
        // so a gap may cross it; only the sentence's own final punctuation ends the gap
        if (skip > 0 && ti + skip - 1 === items.length - 1 && isTerminal(items[ti + skip - 1]!)) break;
        const r = matchAt(elems, ei + 1, items, ti + skip, memo);
        if (r >= 0) return r;
      }
      return -1;
    }
    case 'tok': {
      if (ti < items.length && (e.any !== null ? tokIn(e, items[ti]!) : e.test(items[ti]!, items, ti))) {
        const r = matchAt(elems, ei + 1, items, ti + 1, memo);
        if (r >= 0) return r;
      }
      return e.optional ? matchAt(elems, ei + 1, items, ti, memo) : -1;
    }
  }
}

export interface PatternMatch {
  /** Item index range [from, to) in `sentence.items`. */
  from: number;
  to: number;
  /** Original-text offsets. */
  start: number;
  end: number;
}

/** The failed-state memo: one buffer, cleared for each pattern that needs it (a match never starts another). */
let memoBuffer = new Uint8Array(4096);
function freshMemo(size: number): Uint8Array {
  if (memoBuffer.length < size) memoBuffer = new Uint8Array(Math.max(size, memoBuffer.length * 2));
  else memoBuffer.fill(0, 0, size);
  return memoBuffer;
}

/** Find the first match of a compiled pattern in a sentence (leftmost, then shortest). */
export function matchPattern(p: CompiledPattern, sentence: Sentence, fromItem = 0): PatternMatch | null {
  const items = sentence.items;
  const first = p.first;
  const keys = first ? null : p.keys;
  const { keyMin, keyMax } = p;
  let memo: Uint8Array | null = null;
  let next = -1; // the first key word at or after i + keyMin
  for (let i = fromItem; i < items.length; i++) {
    // a match must start with one of the first element's words: skip every other position cheaply
    if (first && !first.has(items[i]!.norm)) continue;
    if (keys) {
      // …or have a key word within keyMin…keyMax tokens: jump to the first start that can reach one
      if (next < i + keyMin) {
        next = -1;
        for (let k = i + keyMin; k < items.length; k++) if (keys.has(items[k]!.norm)) { next = k; break; }
        if (next < 0) return null;
      }
      if (next > i + keyMax) {
        if (p.elems[0]!.kind === 'start') return null;
        i = next - keyMax - 1;
        continue;
      }
    }
    if (memo === null && (p.gaps > 1 || items.length > 200)) memo = freshMemo((p.elems.length + 1) * (items.length + 1));
    const end = matchAt(p.elems, 0, items, i, memo);
    if (end > i) {
      // trim leading/trailing optional-free gaps already excluded; report the matched tokens
      return { from: i, to: end, start: items[i]!.start, end: items[end - 1]!.end };
    }
    if (p.elems[0]!.kind === 'start') break;
  }
  return null;
}

/** All non-overlapping matches of a pattern in a sentence. */
export function matchAll(p: CompiledPattern, sentence: Sentence): PatternMatch[] {
  const out: PatternMatch[] = [];
  let from = 0;
  for (;;) {
    const m = matchPattern(p, sentence, from);
    if (!m) return out;
    out.push(m);
    from = m.to;
  }
}
