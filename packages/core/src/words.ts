/**
 * One record per distinct word, shared by every token that spells it — made by the segmenter, read by every layer.
 *
 * A 2 KB reply has ≈ 700 tokens but only ≈ 250 distinct spellings, and the same few hundred words recur from reply to
 * reply. Before, every token got two new strings (its text and its folded form), and each layer — the phrase index,
 * the discourse facts, the address form, rules with word caches — looked the folded string up in its own map. Now the
 * segmenter finds a token's spelling in one table (hashing the characters in place, no string made for a known
 * spelling) and the token carries the record: its text, its folded form, and what each layer worked out about it.
 *
 * Both tables are bounded: a long-running process (the language server) sees an open vocabulary, so they start over
 * when full; a token keeps its record either way.
 */
import { fold } from './normalize.ts';
import type { Sentence } from './types.ts';
import type { Doc } from './doc.ts';

/** What is known about one folded word (shared by its spellings: "Das", "das", "DAS"). */
export interface Word {
  /** The folded form (`Token.norm`). */
  readonly norm: string;
  /** The phrase index's codes for this word, and the index version they were read at (phrases.ts). */
  codes: number[] | null;
  codesAt: number;
  /** The discourse layer's word facts, and their version (discourse-phrases.ts). */
  facts: unknown;
  factsAt: number;
  /** Values of perWord() functions, by slot. */
  slots: unknown[];
  /** Affix gates of the phrase layer this word passes: two bits per gate, known and yes (phrases.ts). */
  gateBits: Uint32Array | null;
  /** The last sentence listing (phrases.ts) that marked this word as present. */
  seen: number;
}

/** One spelling: the token text, whether it starts with a capital, line breaks in it (white space), its word. */
export interface Spelling {
  readonly text: string;
  readonly upper: boolean;
  readonly breaks: number;
  readonly word: Word;
}

const MAX_WORDS = 50_000;
let words = new Map<string, Word>();
/**
 * Words the phrase data names (pinned by phrases.ts): never dropped, so that a token's record and the phrase
 * layer's record of the same word are one object.
 */
const pinned = new Map<string, Word>();

function newWord(norm: string): Word {
  return { norm, codes: null, codesAt: -1, facts: null, factsAt: -1, slots: [], gateBits: null, seen: 0 };
}

export function wordOf(norm: string): Word {
  let w = pinned.get(norm) ?? words.get(norm);
  if (!w) {
    w = newWord(norm);
    words.set(norm, w);
  }
  return w;
}

/** The record of a word the phrase data names, kept for good (the same object every token of it carries). */
export function pinWord(norm: string): Word {
  let w = pinned.get(norm);
  if (w) return w;
  w = words.get(norm);
  if (w) words.delete(norm); else w = newWord(norm);
  pinned.set(norm, w);
  return w;
}

/**
 * Start the tables over when they are full — only between documents (segment() calls this first), so that all
 * tokens of a document share one record per word; the spellings go too, as they point at records.
 */
export function startOverIfFull(): void {
  if (words.size < MAX_WORDS && size < MAX_SPELLINGS >>> 1) return;
  words = new Map();
  reset(4096);
}

let slotCount = 0;

/**
 * A function of a token's folded word, worked out once per word and kept on its record: `compute` must be pure and
 * must not return undefined.
 */
export function perWord<T>(compute: (norm: string) => T): (word: Word) => T {
  const slot = slotCount++;
  return (w) => {
    let v = w.slots[slot] as T | undefined;
    if (v === undefined) {
      v = compute(w.norm);
      w.slots[slot] = v;
    }
    return v;
  };
}

/** One memo slot on objects that carry a `memo` array (sentences, documents). */
export interface MemoSlot<O, T> { get(o: O): T | undefined; set(o: O, value: T): void }
function memoSlot<O extends { readonly memo: unknown[] }, T>(slot: number): MemoSlot<O, T> {
  return {
    get: (o) => o.memo[slot] as T | undefined,
    set: (o, value) => { o.memo[slot] = value; },
  };
}
let sentenceSlots = 0, docSlots = 0;

/**
 * A per-sentence memo of one layer, kept on the sentence itself (`Sentence.memo`): a slot in an array instead of a
 * WeakMap entry per sentence, which costs a hash insert and work for the garbage collector on every sentence.
 */
export function perSentence<T>(): MemoSlot<Sentence, T> {
  return memoSlot<Sentence, T>(sentenceSlots++);
}

/** A per-document memo of one layer, kept on the document (`Doc.memo`), as perSentence. */
export function perDoc<T>(): MemoSlot<Doc, T> {
  return memoSlot<Doc, T>(docSlots++);
}

// ---- spellings: an open-addressing table keyed by the characters of a range of a text ---------------------------------

const MAX_SPELLINGS = 1 << 16;
let cap = 4096;
let keys: Array<string | undefined> = new Array(cap);
let hashes = new Int32Array(cap);
let entries: Array<Spelling | undefined> = new Array(cap);
let size = 0;

function reset(capacity: number): void {
  cap = capacity;
  keys = new Array(cap);
  hashes = new Int32Array(cap);
  entries = new Array(cap);
  size = 0;
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function sameRange(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * The spelling of `text[start, end)`. `word` says the token is a word (not a number, punctuation, symbol or white
 * space): its folded form drops a final abbreviation dot and folds case and umlauts; any other token is its own
 * folded form. A given range of characters is always the same kind of token, so the spelling is keyed by its
 * characters alone.
 */
export function spelling(text: string, start: number, end: number, word: boolean): Spelling {
  const h = hashRange(text, start, end);
  let i = h & (cap - 1);
  for (let k = keys[i]; k !== undefined; k = keys[i]) {
    if (hashes[i] === h && sameRange(k, text, start, end)) return entries[i]!;
    i = (i + 1) & (cap - 1);
  }
  const t = text.slice(start, end);
  const norm = word ? fold(t.endsWith('.') ? t.slice(0, -1) : t) : t;
  const first = t.charAt(0);
  const e: Spelling = { text: t, upper: word && first !== first.toLowerCase(), breaks: word ? 0 : countBreaks(t), word: wordOf(norm) };
  if (size + 1 > cap >>> 1) {
    if (cap * 2 > MAX_SPELLINGS && size + 1 > (cap >>> 2) * 3) return e; // full until the next document: not kept
    grow();
    i = h & (cap - 1);
    while (keys[i] !== undefined) i = (i + 1) & (cap - 1);
  }
  keys[i] = t;
  hashes[i] = h;
  entries[i] = e;
  size++;
  return e;
}

function grow(): void {
  if (cap * 2 > MAX_SPELLINGS) return; // full: keep probing (the load stays below 3/4); startOverIfFull() empties it between documents
  const oldKeys = keys, oldHashes = hashes, oldEntries = entries, oldCap = cap;
  reset(cap * 2);
  for (let j = 0; j < oldCap; j++) {
    const k = oldKeys[j];
    if (k === undefined) continue;
    let i = oldHashes[j]! & (cap - 1);
    while (keys[i] !== undefined) i = (i + 1) & (cap - 1);
    keys[i] = k;
    hashes[i] = oldHashes[j]!;
    entries[i] = oldEntries[j];
    size++;
  }
}

function countBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}
