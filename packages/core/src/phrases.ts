/**
 * The declarative phrase layer: a rule's `phrases.yml` is compiled (by `scripts/build.ts`) into a data module;
 * `PhraseSet` compiles the patterns once, indexes them by the rarest required word and finds every entry
 * that matches a sentence.
 *
 * Speed: a 2 KB reply has ≈ 30 sentences and the rules ask ≈ 70 phrase sets about them, most of which have no
 * candidate pattern in a given sentence. So the index words of *all* compiled sets live in one shared map, and
 * each sentence is listed once (each token's word record keeps its codes): the result lists, per set, the
 * patterns whose index word occurs in the sentence. A set asked about a sentence then only reads its own list, and
 * a candidate reaches the matcher only when the sentence also holds a word of each of its other required elements
 * (required words, affix gates).
 */
import { compilePattern, matchPattern, splitAtoms, atomKeys, keyCost, PatternError, PUNCT_LITERAL, type CompiledPattern, type PatternMatch } from './pattern.ts';
import type { Sentence } from './types.ts';
import { perSentence, pinWord, type Word } from './words.ts';
import { fold } from './normalize.ts';

export interface PhraseEntry {
  /** One pattern or several alternatives (see pattern.ts for the syntax). */
  pattern: string | readonly string[];
  /** Sub-id of the entry (used in messages, notes and the generated docs). */
  id?: string;
  /** Message id of the rule to report with. */
  message?: string;
  /** Suggested replacement text for the matched range. */
  replace?: string;
  /** Short German note: why it hurts and what to write instead. */
  note?: string;
  /** Entries may carry further rule-specific data. */
  [key: string]: unknown;
}

export interface PhraseHit<P extends PhraseEntry> {
  entry: P;
  match: PatternMatch;
  pattern: CompiledPattern;
}

interface Compiled<P> {
  entry: P;
  entryIndex: number;
  source: string;
  /** Compiled on first use (null until then): a short reply makes only a few patterns candidates. */
  pattern: CompiledPattern | null;
  required: Required[] | null;
  /** Required elements made of affixes ("kein* ausnahme*"): a sentence must have a word with one of their parts. */
  gates: Gate[] | null;
}

// ---- the shared index ---------------------------------------------------------------------------------------

/** Index word → codes `setId * 2^16 + patternIndex` of every compiled set's patterns keyed by that word. */
const sharedIndex = new Map<string, number[]>();
/** Changes whenever a word gets its first code (word records cache their look-up, words.ts). */
let indexVersion = 0;
/** Compiled sets by id (ids are given in compilation order). */
const registered: Array<PhraseSet<PhraseEntry>> = [];
const MAX_PATTERNS = 1 << 16;

/** What the shared index found for one sentence. */
interface SentenceCandidates {
  /** Sets with an id below this were compiled when the codes were listed; a later one lists the sentence again. */
  sets: number;
  /** Codes of the candidate patterns of all sets, ascending and distinct: grouped by set, each set's in order. */
  codes: number[];
  /** Distinct per listing: tags the required-word answers remembered for this sentence. */
  serial: number;
}
let serials = 0;

const listed = perSentence<SentenceCandidates>();
const NO_CODES: number[] = [];
/** Scratch space for listing a sentence's codes (grown as needed; the result is copied out). */
let scratch = new Int32Array(256);

/** The sentence listed or asked about last: the rules ask all their sets about one sentence before the next. */
let lastSentence: Sentence | null = null;
let lastCandidates: SentenceCandidates | null = null;

/** The candidate codes of a sentence, listed once (`fresh`: again, because sets were compiled since). */
function candidatesOf(sentence: Sentence, fresh = false): SentenceCandidates {
  let c: SentenceCandidates | undefined;
  if (!fresh) {
    if (sentence === lastSentence) return lastCandidates!;
    c = listed.get(sentence);
    if (c) { lastSentence = sentence; lastCandidates = c; return c; }
  }
  let n = 0;
  const items = sentence.items;
  for (let t = 0; t < items.length; t++) {
    // the word record keeps its codes (the index only grows: a new key word makes every record read again)
    const w = items[t]!.word;
    if (w.codesAt !== indexVersion) { w.codes = sharedIndex.get(w.norm) ?? null; w.codesAt = indexVersion; }
    const found = w.codes;
    if (!found) continue;
    if (n + found.length > scratch.length) {
      const bigger = new Int32Array(Math.max(scratch.length * 2, n + found.length));
      bigger.set(scratch.subarray(0, n));
      scratch = bigger;
    }
    for (let k = 0; k < found.length; k++) scratch[n++] = found[k]!;
  }
  let codes = NO_CODES;
  if (n > 0) {
    // sorted (a few dozen codes: by insertion, in place; more: natively); a pattern reached through two words of
    // the sentence is listed once
    const view = scratch.subarray(0, n);
    if (n <= 64) insertionSort(view); else view.sort();
    let w = 1;
    for (let k = 1; k < n; k++) if (view[k] !== view[w - 1]) view[w++] = view[k]!;
    // a plain array of small integers: cheaper to make than a typed array for a few dozen codes
    codes = new Array<number>(w);
    for (let k = 0; k < w; k++) codes[k] = view[k]!;
  }
  c = { sets: registered.length, codes, serial: ++serials };
  listed.set(sentence, c);
  lastSentence = sentence;
  lastCandidates = c;
  return c;
}

function insertionSort(a: Int32Array): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) { a[j + 1] = a[j]!; j--; }
    a[j + 1] = v;
  }
}


/** The first position in ascending `codes` whose value is at least `v`. */
function lowerBound(codes: number[], v: number): number {
  let lo = 0, hi = codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (codes[mid]! < v) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The listing whose sentence's words are marked on their records (Word.seen). */
let marked = -1;

/** Mark the sentence's words as present (once per listing; again when another sentence was marked since). */
function markWords(c: SentenceCandidates, sentence: Sentence): void {
  if (marked === c.serial) return;
  const items = sentence.items;
  for (let i = 0; i < items.length; i++) items[i]!.word.seen = c.serial;
  marked = c.serial;
}

// ---- phrase sets ----------------------------------------------------------------------------------------------

export class PhraseSet<P extends PhraseEntry = PhraseEntry> {
  private compiled: Array<Compiled<P>> | null = null;
  /** Patterns without index words: candidates in every sentence. */
  private always: number[] = [];
  private id = -1;
  /** Per entry: the last match call that found it (one hit per entry and call). */
  private entryStamp: Uint32Array = new Uint32Array(0);
  private ownRound = 0;

  constructor(readonly entries: readonly P[], readonly name = 'phrases') {}

  /**
   * Index the set. A pattern is indexed by its most selective required word list; where that is made of words,
   * verb lemmas and word classes ("hersteller", "agb|geschäftsbedingungen", "<erstatten>") the words are read from
   * the source and the pattern is compiled only when a sentence first makes it a candidate. Compiling every
   * pattern up front was most of a cold start's first lint.
   */
  private compile(): Array<Compiled<P>> {
    if (this.compiled) return this.compiled;
    const list: Array<Compiled<P>> = [];
    const keys: Array<Set<string> | null> = [];
    for (const [entryIndex, entry] of this.entries.entries()) {
      const sources = typeof entry.pattern === 'string' ? [entry.pattern] : entry.pattern;
      const pieceBase = list.length;
      for (const source of sources) {
        const c: Compiled<P> = { entry, entryIndex, source, pattern: null, required: null, gates: null };
        const pre = prebuilt(entry, list.length - pieceBase, source);
        const quick = pre === undefined ? quickKeys(source) : pre;
        keys.push(quick ? quick : this.full(c).keys);
        list.push(c);
      }
    }
    if (list.length >= MAX_PATTERNS) throw new PatternError(`${this.name}: mehr als ${MAX_PATTERNS - 1} Muster`);
    if (registered.length >= 0x7fff) throw new PatternError(`${this.name}: zu viele Phrasenlisten`); // codes are int32
    this.id = registered.length;
    registered.push(this as unknown as PhraseSet<PhraseEntry>);
    keys.forEach((ks, i) => {
      if (!ks) { this.always.push(i); return; }
      const code = this.id * MAX_PATTERNS + i;
      for (const k of ks) {
        const shared = sharedIndex.get(k);
        if (shared) shared.push(code); else { sharedIndex.set(k, [code]); indexVersion++; }
      }
    });
    this.entryStamp = new Uint32Array(this.entries.length);
    this.compiled = list;
    return list;
  }

  private full(c: Compiled<P>): CompiledPattern {
    if (c.pattern) return c.pattern;
    try {
      c.pattern = compilePattern(c.source);
    } catch (e) {
      throw new PatternError(`${this.name}: ${(e as Error).message} (in "${c.source}")`);
    }
    c.required = requiredWords(c.pattern);
    c.gates = gatesOf(c.pattern);
    return c.pattern;
  }

  /** Every entry matching the sentence (first match per pattern; one hit per entry). */
  match(sentence: Sentence): Array<PhraseHit<P>> {
    this.compile();
    let c = candidatesOf(sentence);
    // this set was compiled after the sentence was listed (the first sentences of a process): list it again
    if (this.id >= c.sets) c = candidatesOf(sentence, true);
    const hits: Array<PhraseHit<P>> = [];
    const r = ++this.ownRound;
    // this set's run of the sentence's sorted codes
    const codes = c.codes, base = this.id * MAX_PATTERNS;
    const from = codes.length ? lowerBound(codes, base) : 0;
    let to = from;
    while (to < codes.length && codes[to]! < base + MAX_PATTERNS) to++;
    // merged in pattern order with the patterns that are candidates everywhere (both lists ascend)
    const always = this.always;
    let a = 0, k = from;
    while (k < to || a < always.length) {
      if (a >= always.length || (k < to && codes[k]! - base < always[a]!)) this.try(codes[k++]! - base, sentence, c, r, hits);
      else this.try(always[a++]!, sentence, c, r, hits);
    }
    return hits;
  }

  /** Try one candidate pattern (skipped when its entry already matched in this round). */
  private try(i: number, sentence: Sentence, c: SentenceCandidates, r: number, hits: Array<PhraseHit<P>>): void {
    const p = this.compiled![i]!;
    if (this.entryStamp[p.entryIndex] === r) return;
    const pattern = p.pattern ?? this.full(p);
    if (p.required && !hasAll(p.required, c, sentence)) return;
    if (p.gates && !gatesPass(p.gates, c, sentence)) return;
    const m = matchPattern(pattern, sentence);
    if (m) { hits.push({ entry: p.entry, match: m, pattern }); this.entryStamp[p.entryIndex] = r; }
  }


  /** Does any entry match? */
  test(sentence: Sentence): boolean {
    return this.match(sentence).length > 0;
  }

  /** Compile every pattern now (throws PatternError on bad data); used by the build and the tests. */
  validate(): void {
    for (const c of this.compile()) this.full(c);
  }
}

/**
 * The words of which a sentence must hold one for some entry to match — the index words PhraseSet uses — or null
 * when an entry has none (it could match any sentence). For rules that skip work on sentences a phrase list cannot
 * match before asking it.
 */
export function indexWords(entries: readonly PhraseEntry[]): Set<string> | null {
  const out = new Set<string>();
  for (const e of entries) {
    for (const source of typeof e.pattern === 'string' ? [e.pattern] : e.pattern) {
      const keys = quickKeys(source) ?? compilePattern(source).keys;
      if (!keys) return null;
      for (const k of keys) out.add(k);
    }
  }
  return out;
}

/**
 * The index words of a pattern read from its source without compiling it: the required element of plain words, verb
 * lemmas and word classes with the fewest words (one holding a word as frequent as "nicht" counts as a last resort,
 * as in compilePattern). undefined: no such element, or only frequent ones — compile the pattern and use its keys.
 * Any required element is a correct index (a match consumes one of its words); the choice only affects speed.
 */
function quickKeys(source: string): Set<string> | undefined {
  const k = indexPiece(source);
  return k < 0 ? undefined : quickPiece(source.trim().split(/\s+/)[k]!)!.keys;
}

/**
 * Which piece of a pattern's source quickKeys indexes it by (-1: none, compile the pattern and use its keys). The
 * build stores it with the phrase data (`$index`, one per pattern of an entry), so that a first lint reads one
 * piece per pattern instead of all of them.
 */
export function indexPiece(source: string): number {
  let best: QuickPiece | null = null, at = -1, k = 0;
  for (const piece of source.trim().split(/\s+/)) {
    const q = quickPiece(piece);
    if (q === EMPTY_WORD) return -1;
    if (q && (!best || keyCost(q.keys) < keyCost(best.keys))) { best = q; at = k; }
    k++;
  }
  return best && keyCost(best.keys) < 10000 ? at : -1;
}

/**
 * The index words stored for the `i`-th pattern of an entry by the build: undefined when there is no stored piece
 * (the caller reads the source), null for "compile the pattern". A stored piece that is no index piece (data
 * changed after the build) is ignored: any required piece of exact words is a correct index, the choice only
 * affects speed.
 */
function prebuilt(entry: PhraseEntry, i: number, source: string): Set<string> | null | undefined {
  const pre = entry.$index;
  if (!Array.isArray(pre) || typeof pre[i] !== 'number') return undefined;
  const k = pre[i] as number;
  if (k < 0) return null;
  const piece = source.trim().split(/\s+/)[k];
  const q = piece === undefined ? null : quickPiece(piece);
  return q && q !== EMPTY_WORD ? q.keys : undefined;
}

interface QuickPiece { keys: Set<string> }
const EMPTY_WORD: QuickPiece = { keys: new Set() };
/** Pieces repeat across patterns (≈ 4,900 pieces, 1,900 distinct): read each once. */
const quickPieces = new Map<string, QuickPiece | null>();

/**
 * A required piece whose every alternative is a plain word, a verb lemma or a closed word class: the words it can
 * match (the same as compileElem's keys) and their cost as an index; null for any other piece (affixes, @WORD,
 * punctuation, optional pieces, gaps, anchors).
 */
function quickPiece(piece: string): QuickPiece | null {
  let q = quickPieces.get(piece);
  if (q !== undefined) return q;
  q = null;
  const optional = piece.length > 1 && piece.endsWith('?');
  if (!optional && !piece.startsWith('...') && piece !== '^' && piece !== '$') {
    const atoms = splitAtoms(piece);
    let keys: Set<string> | null = null;
    let ok = true;
    for (const a of atoms) {
      const k = atomKeys(a);
      if (k === undefined) { ok = false; break; }
      if (k === null) { q = EMPTY_WORD; break; }
      if (atoms.length === 1) keys = k; // the atom's own set, no copy
      else { keys ??= new Set(); for (const w of k) keys.add(w); }
    }
    if (q === null && ok && keys && keys.size > 0) q = { keys };
  }
  quickPieces.set(piece, q);
  return q;
}



/**
 * A required word set of patterns: a match consumes one token of it, so a sentence without any of its words cannot
 * match. Shared by every pattern with the same set (the element caches share the sets), and it remembers its answer
 * for the sentence it was last asked about: most candidates fail here, and many ask about the same sets.
 */
interface Required {
  set: Set<string>;
  words: string[];
  /** The words' records (pinned: the same objects the tokens carry), made on first need. */
  records: Word[] | null;
  serial: number;
  present: boolean;
}
const requiredOf = new WeakMap<Set<string>, Required>();

/**
 * The required word sets of a pattern's closed elements other than its index key set, smallest first (null: none).
 * Checking them with a few set look-ups spares the backtracking matcher at every start position for most candidates.
 */
function requiredWords(p: CompiledPattern): Required[] | null {
  const sets: Array<Set<string>> = [];
  for (const e of p.elems) {
    if (e.kind === 'tok' && !e.optional && e.keys && e.keys !== p.keys && !sets.includes(e.keys)) sets.push(e.keys);
  }
  if (!sets.length) return null;
  sets.sort((a, b) => a.size - b.size);
  return sets.map((set) => {
    let r = requiredOf.get(set);
    if (!r) { r = { set, words: [...set], records: null, serial: 0, present: false }; requiredOf.set(set, r); }
    return r;
  });
}

/** Does the sentence hold a word of each set? (Answers are kept for the sentence listed last.) */
function hasAll(reqs: Required[], c: SentenceCandidates, sentence: Sentence): boolean {
  for (let i = 0; i < reqs.length; i++) {
    const r = reqs[i]!;
    if (r.serial !== c.serial) {
      r.serial = c.serial;
      r.present = present(r, c, sentence);
    }
    if (!r.present) return false;
  }
  return true;
}

/**
 * A word of the set in the sentence? A small set: its words' records marked for this sentence; a large one (a verb's
 * forms): the sentence's words looked up in it.
 */
function present(r: Required, c: SentenceCandidates, sentence: Sentence): boolean {
  const items = sentence.items;
  if (r.words.length <= items.length) {
    markWords(c, sentence);
    const recs = r.records ??= r.words.map(pinWord);
    for (let k = 0; k < recs.length; k++) if (recs[k]!.seen === c.serial) return true;
    return false;
  }
  for (let k = 0; k < items.length; k++) if (r.set.has(items[k]!.norm)) return true;
  return false;
}

/**
 * A required element made of affixes and words ("kein*", "*bedingungen|agb", "meistverkauft*|bestseller"), which has
 * no index words: a match consumes a token containing one of its parts, so a sentence without such a word cannot
 * match. Patterns made only of such elements were tried by the matcher on every sentence. Whether a word contains
 * a gate's parts is worked out once per word and gate and kept on the word's record (two bits per gate).
 */
interface Gate {
  id: number;
  parts: string[];
  exact: boolean[];
  /** The answer for the sentence listed with this serial. */
  serial: number;
  pass: boolean;
}
const gates = new Map<string, Gate | null>();
let gateCount = 0;
const GATE_ATOM = /^\*?[\p{L}\p{N}'’.-]+\*?$/u;

/**
 * The gate of an element source (null: none — a lemma, a word class, or no affix at all). A punctuation literal
 * ("agb|*bedingungen|§") is an exact part as written: it matches a token whose text it is, and a non-word token's
 * folded form is its text.
 */
function gateOf(src: string): Gate | null {
  let g = gates.get(src);
  if (g !== undefined) return g;
  g = null;
  const atoms = splitAtoms(src);
  if (atoms.some((a) => a.includes('*')) && atoms.every((a) => PUNCT_LITERAL.test(a) || GATE_ATOM.test(a))) {
    const parts: string[] = [], exact: boolean[] = [];
    for (const a of atoms) {
      if (PUNCT_LITERAL.test(a)) { parts.push(a); exact.push(true); continue; }
      const w = fold(a.replace(/^\*|\*$/g, ''));
      if (!w) { parts.length = 0; break; }
      parts.push(w);
      exact.push(!a.startsWith('*') && !a.endsWith('*'));
    }
    if (parts.length) g = { id: gateCount++, parts, exact, serial: 0, pass: false };
  }
  gates.set(src, g);
  return g;
}

/** The gates of a pattern's required elements without index words (null: none). */
function gatesOf(p: CompiledPattern): Gate[] | null {
  const out: Gate[] = [];
  for (const e of p.elems) {
    if (e.kind !== 'tok' || e.optional || e.keys) continue;
    const g = gateOf(e.src);
    if (g && !out.includes(g)) out.push(g);
  }
  return out.length ? out : null;
}

function gatesPass(gs: Gate[], c: SentenceCandidates, sentence: Sentence): boolean {
  for (let i = 0; i < gs.length; i++) {
    const g = gs[i]!;
    if (g.serial !== c.serial) {
      g.serial = c.serial;
      g.pass = false;
      const items = sentence.items;
      for (let k = 0; k < items.length; k++) if (wordPasses(items[k]!.word, g)) { g.pass = true; break; }
    }
    if (!g.pass) return false;
  }
  return true;
}

/** Does the word contain one of the gate's parts (or equal an exact one)? Two bits per gate on the record: known, yes. */
function wordPasses(w: Word, g: Gate): boolean {
  const slot = g.id >>> 4, shift = (g.id & 15) << 1;
  let bits = w.gateBits;
  if (bits && slot < bits.length) {
    const v = (bits[slot]! >>> shift) & 3;
    if (v) return v === 3;
  } else {
    const grown = new Uint32Array(Math.max(slot + 1, (gateCount + 15) >>> 4));
    if (bits) grown.set(bits);
    w.gateBits = bits = grown;
  }
  const n = w.norm;
  let yes = false;
  for (let k = 0; k < g.parts.length; k++) if (g.exact[k] ? n === g.parts[k] : n.includes(g.parts[k]!)) { yes = true; break; }
  bits[slot]! |= (yes ? 3 : 1) << shift;
  return yes;
}
