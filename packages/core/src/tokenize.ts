/**
 * Word boundaries without building a syntax tree: the tokens parse-latin (the retext parser) would give — the leaves of
 * its NLCST tree, words with their inner punctuation ("E-Mail", "z.B.", "und/oder"), white space, punctuation and
 * symbols — computed in a few linear passes over typed arrays.
 *
 * parse-latin builds a node with position objects for every token and every sentence, then runs about twenty passes
 * that splice those arrays. For a 2 KB reply that was ≈ 40 % of the memory replylint allocated and ≈ 12 % of its time;
 * the engine only needs the token boundaries. This module reproduces the passes that move a boundary, in
 * parse-latin's order:
 * 1. runs of characters of one class (parse-latin decides each character's class: word, white space, punctuation,
 *    symbol — asked once per character code and remembered);
 * 2. word-level merges over the whole text: an initial "&", a final "-", inner symbols ("E-Mail", "don't", "1.5"),
 *    short slash pairs ("u/s"), initialisms ("z.B.", "e.V.");
 * 3. sentence-level merges, which decide where a full stop joins its word: the text is cut at terminal marks, and
 *    sentences are joined as parse-latin joins them (no words; leading closing marks; a lower-case or digit start; a
 *    single letter or short number before the full stop, "z. B.", "12. März"; a leading comma); then a full stop
 *    that is not the last terminal mark of its sentence joins the word before (or after) it.
 *
 * `packages/core/test/tokenize.test.ts` checks the result against parse-latin itself on the corpus, on prose and on
 * generated strings.
 */
import { ParseLatin } from 'parse-latin';

export const WORD = 1, SPACE = 2, PUNCT = 3, SYMBOL = 4;
const DEAD = 0;

/** The tokens of a text: `n` tokens, each with a kind (WORD, SPACE, PUNCT, SYMBOL) and a UTF-16 range. */
export interface Tokens {
  n: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
}

// ---- character classes ----------------------------------------------------------------------------------------

let probe: ParseLatin | null = null;
/** Class of each UTF-16 code unit, 0 until first seen. */
const classes = new Uint8Array(65536);

function classify(code: number): number {
  probe ??= new ParseLatin();
  const node = probe.tokenize(String.fromCharCode(code))[0];
  const type = node?.type;
  const c = type === 'WordNode' ? WORD : type === 'WhiteSpaceNode' ? SPACE : type === 'PunctuationNode' ? PUNCT : SYMBOL;
  classes[code] = c;
  return c;
}

function classOf(code: number): number {
  return classes[code] || classify(code);
}

const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

// ---- growable buffers -------------------------------------------------------------------------------------------

/**
 * Node arrays (kind, start, end, number of raw pieces of a word). The word passes work in place: a merge only ever
 * removes nodes, so a pass writes node `w` ≤ `i` while it reads node `i` and the nodes after it, and writes nothing
 * at all before its first merge (`keep`).
 */
class Nodes {
  n = 0;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  kids: Int32Array;
  constructor(size: number) {
    this.kind = new Uint8Array(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.kids = new Int32Array(size);
  }
  push(kind: number, start: number, end: number, kids: number): void {
    const i = this.n++;
    this.kind[i] = kind; this.start[i] = start; this.end[i] = end; this.kids[i] = kids;
  }
  /** Keep node `i` as node `w` (w ≤ i); returns w + 1. */
  keep(i: number, w: number): number {
    if (w !== i) { this.kind[w] = this.kind[i]!; this.start[w] = this.start[i]!; this.end[w] = this.end[i]!; this.kids[w] = this.kids[i]!; }
    return w + 1;
  }
}

let buf = new Nodes(1024);

function ensure(size: number): void {
  if (buf.kind.length >= size) return;
  let s = buf.kind.length;
  while (s < size) s *= 2;
  buf = new Nodes(s);
}

// ---- the passes ----------------------------------------------------------------------------------------------------

/** Runs of one class: word and white-space runs, runs of one punctuation character, runs of symbols of one character or of surrogates. */
function runs(text: string, out: Nodes, from = 0, to = text.length): void {
  out.n = 0;
  if (from >= to) return;
  let prevCode = text.charCodeAt(from);
  let prevClass = classOf(prevCode);
  let s = from;
  for (let i = from + 1; i < to; i++) {
    const code = text.charCodeAt(i);
    const c = classOf(code);
    if (!(c === prevClass && (c === WORD || c === SPACE || code === prevCode || isSurrogate(code)))) {
      out.push(prevClass, s, i, 1);
      s = i;
    }
    prevCode = code;
    prevClass = c;
  }
  out.push(prevClass, s, to, 1);
}

const isMark = (k: number): boolean => k === PUNCT || k === SYMBOL;

/** The node is exactly this one character. */
function is(text: string, a: Nodes, i: number, ch: number): boolean {
  return a.end[i]! - a.start[i]! === 1 && text.charCodeAt(a.start[i]!) === ch;
}

const AMP = 0x26, HYPHEN = 0x2d, DOT = 0x2e, SLASH = 0x2f, COMMA = 0x2c, SEMICOLON = 0x3b, UNDERSCORE = 0x5f;

/** "&Co": an "&" that follows no word joins the word after it. */
function initialAmpersand(text: string, a: Nodes): void {
  const n = a.n;
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (isMark(a.kind[i]!) && is(text, a, i, AMP) && !(w > 0 && a.kind[w - 1] === WORD) && i + 1 < n && a.kind[i + 1] === WORD) {
      a.start[i + 1] = a.start[i]!;
      a.kids[i + 1]! += 1;
      continue;
    }
    w = a.keep(i, w);
  }
  a.n = w;
}

/** "Vor-": a "-" after a word and before no word joins the word. */
function finalHyphen(text: string, a: Nodes): void {
  const n = a.n;
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (isMark(a.kind[i]!) && is(text, a, i, HYPHEN) && w > 0 && a.kind[w - 1] === WORD && !(i + 1 < n && a.kind[i + 1] === WORD)) {
      a.end[w - 1] = a.end[i]!;
      a.kids[w - 1]! += 1;
      continue;
    }
    w = a.keep(i, w);
  }
  a.n = w;
}

/** A symbol that may join two words: one of & ' - . : = ? @ soft hyphen · ‐ ‑ ’ ‧, or a run of underscores. */
function innerSymbol(text: string, a: Nodes, i: number): boolean {
  const s = a.start[i]!, len = a.end[i]! - s;
  const c = text.charCodeAt(s);
  if (c === UNDERSCORE) return true; // a run of underscores is one node
  if (len !== 1) return false;
  return c === AMP || c === 0x27 || c === HYPHEN || c === DOT || c === 0x3a || c === 0x3d || c === 0x3f || c === 0x40 ||
    c === 0xad || c === 0xb7 || c === 0x2010 || c === 0x2011 || c === 0x2019 || c === 0x2027;
}

/** "E-Mail", "1.5", "info@shop": words joined by inner symbols become one word. */
function innerSymbols(text: string, a: Nodes): void {
  const n = a.n;
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (isMark(a.kind[i]!) && w > 0 && a.kind[w - 1] === WORD) {
      let last = -1, kids = 0, k = 0;
      for (let j = i; j < n; j++) {
        if (a.kind[j] === WORD) { last = j; kids += k + a.kids[j]!; k = 0; }
        else if (isMark(a.kind[j]!) && innerSymbol(text, a, j)) k += a.kids[j]!;
        else break;
      }
      if (last >= 0) {
        a.end[w - 1] = a.end[last]!;
        a.kids[w - 1]! += kids;
        i = last;
        continue;
      }
    }
    w = a.keep(i, w);
  }
  a.n = w;
}

/** "u/s": a slash between (or after) words shorter than three characters joins them. */
function innerSlash(text: string, a: Nodes): void {
  const n = a.n;
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (isMark(a.kind[i]!) && is(text, a, i, SLASH) && w > 0 && a.kind[w - 1] === WORD) {
      const p = w - 1;
      const nextWord = i + 1 < n && a.kind[i + 1] === WORD;
      if (a.end[p]! - a.start[p]! < 3 && (!nextWord || a.end[i + 1]! - a.start[i + 1]! < 3)) {
        if (nextWord) { a.end[p] = a.end[i + 1]!; a.kids[p]! += 1 + a.kids[i + 1]!; i++; }
        else { a.end[p] = a.end[i]!; a.kids[p]! += 1; }
        continue;
      }
    }
    w = a.keep(i, w);
  }
  a.n = w;
}

const NUMERIC = /^\p{N}$/u;
let pieces = new Nodes(64);

/** "z.B" + "." → "z.B.": a full stop after single characters separated by full stops, unless they are all digits. */
function initialisms(text: string, a: Nodes): void {
  const n = a.n;
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (a.kind[i] === PUNCT && is(text, a, i, DOT) && w > 0 && a.kind[w - 1] === WORD) {
      const p = w - 1, kids = a.kids[p]!;
      if (kids !== 1 && kids % 2 !== 0 && initialism(text, a.start[p]!, a.end[p]!)) {
        a.end[p] = a.end[i]!;
        a.kids[p] = kids + 1;
        continue;
      }
    }
    w = a.keep(i, w);
  }
  a.n = w;
}

function initialism(text: string, from: number, to: number): boolean {
  if (to - from > pieces.kind.length) pieces = new Nodes(to - from);
  runs(text, pieces, from, to); // the word's pieces are exactly the runs of its text
  let allDigits = true;
  for (let pos = pieces.n - 1; pos >= 0; pos--) {
    const s = pieces.start[pos]!, len = pieces.end[pos]! - s;
    if (pos % 2 === 0) {
      if (len > 1) return false;
      if (!NUMERIC.test(text.slice(s, s + len))) allDigits = false;
    } else if (!(len === 1 && text.charCodeAt(s) === DOT)) {
      if (pos < pieces.n - 2) break;
      return false;
    }
  }
  return !allDigits;
}

// ---- sentences ---------------------------------------------------------------------------------------------------

/** Terminal marks: ! . ? … ‽ (a node of them is a run of one character). */
function terminal(text: string, t: Nodes, k: number): boolean {
  const c = text.charCodeAt(t.start[k]!);
  return c === DOT || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x203d;
}
/** A closing mark that belongs to the sentence before: ! " ' ) . ? ] } … ‽, closing brackets and final quotes, repeated. */
const AFFIX = /^([!"').?\]}\u2026\u203D\p{Pe}\p{Pf}])\1*$/u;
const LOWER_START = /^\p{Ll}/u;
/** Words after which a full stop does not end the sentence (parse-latin's list: numbers, single letters, Latin abbreviations). */
const PREFIX = /^(?:[0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/;

const pool: number[][] = [[], [], [], []];

/** The word starts with a lower-case letter (ASCII without a regular expression). */
function lowerStart(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_START.test(text.slice(start, Math.min(start + 2, end))); // the first code point
}

/** PREFIX matches the word in lower case; no entry is longer than four characters (and lower-casing never shortens). */
function prefix(text: string, t: Nodes, k: number): boolean {
  return t.end[k]! - t.start[k]! <= 4 && PREFIX.test(text.slice(t.start[k]!, t.end[k]!).toLowerCase());
}

function hasWord(t: Nodes, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (t.kind[k] === WORD) return true;
  return false;
}

/**
 * Sentences as node ranges [from[i], to[i]), merged as parse-latin merges them; full stops that end up inside a
 * sentence join a neighbouring word (their node becomes DEAD).
 */
function sentences(text: string, t: Nodes): void {
  // four arrays kept between calls (the passes swap them): no new arrays per text
  let from = pool[0]!, to = pool[1]!, f2 = pool[2]!, t2 = pool[3]!;
  from.length = 0; to.length = 0; f2.length = 0; t2.length = 0;
  let s = 0;
  for (let k = 0; k < t.n; k++) {
    if (k === t.n - 1 || (t.kind[k] === PUNCT && terminal(text, t, k))) {
      from.push(s); to.push(k + 1);
      s = k + 1;
    }
  }
  const swap = (): void => { const a = from, b = to; from = f2; to = t2; f2 = a; t2 = b; f2.length = 0; t2.length = 0; };
  const n = (): number => f2.length;
  const str = (k: number): string => text.slice(t.start[k]!, t.end[k]!);

  // no words: joins the sentence before (the first one joins the next)
  for (let i = 0; i < from.length; i++) {
    if (!hasWord(t, from[i]!, to[i]!)) {
      if (n() > 0) { t2[n() - 1] = to[i]!; continue; }
      if (i + 1 < from.length) { f2.push(from[i]!); t2.push(to[i + 1]!); i++; continue; }
    }
    f2.push(from[i]!); t2.push(to[i]!);
  }
  swap();
  // leading closing marks move to the sentence before
  for (let i = 0; i < from.length; i++) {
    let a = from[i]!;
    if (n() > 0) while (a < to[i]! && isMark(t.kind[a]!) && AFFIX.test(str(a))) { t2[n() - 1] = ++a; }
    f2.push(a); t2.push(to[i]!);
  }
  swap();
  // a sentence whose first word starts in lower case continues the one before
  for (let i = 0; i < from.length; i++) {
    if (n() > 0) {
      let k = from[i]!;
      while (k < to[i]! && t.kind[k] === SPACE) k++;
      if (k < to[i]! && t.kind[k] === WORD && lowerStart(text, t.start[k]!, t.end[k]!)) { t2[n() - 1] = to[i]!; continue; }
    }
    f2.push(from[i]!); t2.push(to[i]!);
  }
  swap();
  // … and one that starts with a digit
  for (let i = 0; i < from.length; i++) {
    const k = from[i]!;
    if (n() > 0 && k < to[i]! && t.kind[k] === WORD && (text.charCodeAt(t.start[k]!) - 48) >>> 0 < 10) { t2[n() - 1] = to[i]!; continue; }
    f2.push(from[i]!); t2.push(to[i]!);
  }
  swap();
  // "z. B.", "12. März": a full stop after a single letter or a short number joins it, and the next sentence follows
  for (let i = 0; i < from.length; i++) {
    let a = from[i]!, b = to[i]!;
    for (;;) {
      const last = prevLive(t, b, a), word = last > a ? prevLive(t, last, a) : -1;
      if (last < 0 || word < 0 || !isMark(t.kind[last]!) || !is(text, t, last, DOT) || t.kind[word] !== WORD || !prefix(text, t, word)) break;
      t.end[word] = t.end[last]!;
      t.kind[last] = DEAD;
      if (i + 1 >= from.length) break;
      b = to[++i]!;
    }
    f2.push(a); t2.push(b);
  }
  swap();
  // a comma or semicolon before any word continues the sentence before
  for (let i = 0; i < from.length; i++) {
    if (n() > 0) {
      let k = from[i]!;
      while (k < to[i]! && (t.kind[k] === SPACE || t.kind[k] === DEAD)) k++;
      if (k < to[i]! && isMark(t.kind[k]!) && (is(text, t, k, COMMA) || is(text, t, k, SEMICOLON))) { t2[n() - 1] = to[i]!; continue; }
    }
    f2.push(from[i]!); t2.push(to[i]!);
  }
  swap();
  // a full stop inside a sentence (not its last terminal mark) joins the word before it, or else the word after it
  for (let i = 0; i < from.length; i++) {
    const a = from[i]!;
    let found = false;
    for (let p = prevLive(t, to[i]!, a); p >= 0; p = prevLive(t, p, a)) {
      const k = t.kind[p]!;
      if (!isMark(k)) { if (k === WORD) found = true; continue; }
      if (!terminal(text, t, p)) continue;
      if (!found) { found = true; continue; }
      if (!is(text, t, p, DOT)) continue;
      const prev = prevLive(t, p, a), next = nextLive(t, p, to[i]!);
      if (prev >= 0 && t.kind[prev] === WORD) {
        const nn = next >= 0 ? nextLive(t, next, to[i]!) : -1;
        if (next >= 0 && nn >= 0 && t.kind[next] === SPACE && is(text, t, nn, DOT)) continue;
        t.end[prev] = t.end[p]!;
        t.kind[p] = DEAD;
        p = prev; // the word itself is not looked at again
      } else if (next >= 0 && t.kind[next] === WORD) {
        t.start[next] = t.start[p]!;
        t.kind[p] = DEAD;
      }
    }
  }
}

/** The last live node before `k` and at or after `from`, or -1. */
function prevLive(t: Nodes, k: number, from: number): number {
  for (let j = k - 1; j >= from; j--) if (t.kind[j] !== DEAD) return j;
  return -1;
}

/** The first live node after `k` and before `to`, or -1. */
function nextLive(t: Nodes, k: number, to: number): number {
  for (let j = k + 1; j < to; j++) if (t.kind[j] !== DEAD) return j;
  return -1;
}

// ---- entry -----------------------------------------------------------------------------------------------------------

/**
 * The tokens of `text` as parse-latin would give them (the leaves of `new ParseLatin().parse(text)`). The arrays are
 * reused by the next call: read them before tokenizing again.
 */
export function tokenize(text: string): Tokens {
  ensure(text.length + 1);
  const t = buf;
  runs(text, t);
  // a pass that merges at one character only (a node of just "&", "-", "/" or ".") changes nothing in a text without
  // that character: skip it rather than loop over the nodes (one native search instead)
  if (text.indexOf('&') >= 0) initialAmpersand(text, t);
  if (text.indexOf('-') >= 0) finalHyphen(text, t);
  innerSymbols(text, t);
  if (text.indexOf('/') >= 0) innerSlash(text, t);
  if (text.indexOf('.') >= 0) initialisms(text, t);
  sentences(text, t);
  // drop the full stops that joined a word
  let w = 0;
  for (let k = 0; k < t.n; k++) {
    if (t.kind[k] === DEAD) continue;
    t.kind[w] = t.kind[k]!; t.start[w] = t.start[k]!; t.end[w] = t.end[k]!;
    w++;
  }
  return { n: w, kind: t.kind, start: t.start, end: t.end };
}
