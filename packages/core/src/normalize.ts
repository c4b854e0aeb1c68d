/**
 * Text normalisation with an offset map back to the original.
 *
 * Invisible or look-alike characters (soft hyphen, zero-width space/joiner, BOM, full-width letters,
 * Cyrillic/Greek homoglyphs, non-breaking spaces) would let a phrase slip past the matcher
 * ("Her\u00ADsteller"). We build a cleaned copy of the text and keep, for every UTF-16 unit of the
 * cleaned copy, the offset in the original. Ranges found on the clean text are mapped back with
 * `toOriginal`, so findings always point into the text the user wrote.
 */

/** Characters removed entirely: they are invisible inside words. */
const REMOVED = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF\u180E]/;

/** Characters replaced one-for-one (same UTF-16 length). */
const REPLACED: Record<string, string> = {
  '\u00A0': ' ', '\u202F': ' ', '\u2007': ' ', '\u2009': ' ', '\u200A': ' ', '\u2002': ' ', '\u2003': ' ',
  // Cyrillic homoglyphs of Latin letters
  '\u0430': 'a', '\u0435': 'e', '\u043E': 'o', '\u0440': 'p', '\u0441': 'c', '\u0443': 'y', '\u0445': 'x',
  '\u0410': 'A', '\u0412': 'B', '\u0415': 'E', '\u041A': 'K', '\u041C': 'M', '\u041D': 'H', '\u041E': 'O',
  '\u0420': 'P', '\u0421': 'C', '\u0422': 'T', '\u0425': 'X', '\u0456': 'i', '\u0406': 'I', '\u0458': 'j',
  // Greek homoglyphs
  '\u03BF': 'o', '\u039F': 'O', '\u0391': 'A', '\u0392': 'B', '\u0395': 'E', '\u0397': 'H', '\u0399': 'I',
  '\u039A': 'K', '\u039C': 'M', '\u039D': 'N', '\u03A1': 'P', '\u03A4': 'T', '\u03A7': 'X', '\u0396': 'Z',
  // typographic variants
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u2032': "'",
};

/** Quick test: does the text need any cleaning at all? (Fast path for ordinary input.) */
const NEEDS_CLEANING = /[\u00AD\u200B-\u200D\u2060\uFEFF\u180E\u00A0\u202F\u2007\u2009\u200A\u2002\u2003\u0400-\u04FF\u0370-\u03FF\u2018\u2019\u201A\u2032\uFF01-\uFF5E]/;

export interface CleanText {
  /** The cleaned text. */
  text: string;
  /** `map[i]` = offset in the original of clean offset i; `map[text.length]` = original length. Null when identical. */
  map: Int32Array | null;
}

export function cleanText(original: string): CleanText {
  if (!NEEDS_CLEANING.test(original)) return { text: original, map: null };
  const out: string[] = [];
  const map = new Int32Array(original.length + 1);
  let j = 0;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (REMOVED.test(ch)) continue;
    const code = ch.charCodeAt(0);
    let rep = REPLACED[ch];
    if (rep === undefined && code >= 0xff01 && code <= 0xff5e) rep = String.fromCharCode(code - 0xfee0); // full-width ASCII
    out.push(rep ?? ch);
    map[j++] = i;
  }
  map[j] = original.length;
  return { text: out.join(''), map: map.subarray(0, j + 1) };
}

/** Map a clean-text offset back to the original text. */
export function toOriginal(clean: CleanText, offset: number): number {
  return clean.map ? clean.map[offset]! : offset;
}

/** Map a clean range [start, end) to the original; the end maps to just after the last kept character. */
export function rangeToOriginal(clean: CleanText, start: number, end: number): [number, number] {
  if (!clean.map) return [start, end];
  const s = clean.map[start]!;
  const e = end > start ? clean.map[end - 1]! + 1 : s;
  return [s, e];
}

/**
 * Fold a word for matching: lower case, ß → ss, umlauts → base+e, so "Hände", "HÄNDE" and "Haende" compare equal.
 */
export function fold(word: string): string {
  // most words need nothing: no capital ASCII letter, nothing beyond ASCII (no allocation, no regular expression)
  let i = 0;
  for (; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) break;
  }
  if (i === word.length) return word;
  const lower = word.toLowerCase();
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c === 0xe4 || c === 0xf6 || c === 0xfc || c === 0xdf) return lower.replace(UMLAUT, spell);
  }
  return lower;
}
const UMLAUT = /[äöüß]/g;
const spell = (c: string): string => (c === 'ß' ? 'ss' : c === 'ä' ? 'ae' : c === 'ö' ? 'oe' : 'ue');
