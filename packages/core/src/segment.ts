/**
 * The German text model: the tokens parse-latin (the retext parser) gives — computed by tokenize.ts without building
 * its tree — repaired where they are wrong for German support replies:
 * - abbreviations (`bzw.`, `ggf.`, `Abs.`, `Nr.`, `z. B.` …) and ordinals/dates (`12. März`) do not end sentences;
 * - decimal numbers (`19,99 €`, `1.299,00`) stay one token;
 * - a single line break ends a sentence unless the line is a hard-wrapped continuation (salutation, closing and
 *   signature lines never merge with the body);
 * - URLs, e-mail addresses, comments and template placeholders (`{{ticket.id}}`, `{% if %}`) are opaque tokens.
 */
import { tokenize, WORD, PUNCT } from './tokenize.ts';
import { cleanText, type CleanText } from './normalize.ts';
import { spelling, wordOf, startOverIfFull, type Spelling } from './words.ts';
import { findOpaque, type OpaqueSpan } from './mask.ts';
import type { Clause, Paragraph, Sentence, Token, TokenKind } from './types.ts';
import { SUBORDINATORS } from './lexicon.ts';
import { CLOSING_LINE, SALUTATION_LINE } from './formats/mail.ts';

/** Abbreviations that never end a sentence when followed by more text. Folded, without the dot. */
const ABBREVIATIONS = new Set(
  ('bzw ggf evtl nr nrn abs vgl inkl bzgl tel dr hr hrn fr str ca usw etc zzgl allg abt mind geb gem lt mwst prof sog ' +
    'tsd bspw insb zt ggue abb anm bd bzw dipl ing jr sen hrsg kap ziff art st std min max kw mo di mi sa jan feb apr ' +
    'jun jul aug sept sep okt nov dez tab verf vers pos ref rg rech nachf zb uvm ua od ue usf vs ausg inh mfg lg vg ' +
    'gez kto blz fa ff akt anh bes betr brd dt ebd einschl entspr erg ev exkl frl gebr gesch hbf jh kfm led ltd ' +
    'nat no o.ä orig pers pkt qm rd reg stk stellv tägl taegl urspr verh vj vollst vorm wg zit zus zw')
    .split(' '),
);

const MONTHS = new Set(
  'januar februar maerz april mai juni juli august september oktober november dezember jan feb mrz apr jun jul aug sep sept okt nov dez'.split(' '),
);

/** Words after which "3." is an ordinal ("die 3. Mahnung", "zum 1. Mai", "ab 2. Stock"). */
const ORDINAL_LEAD = new Set('der die das den dem des ein eine einen einem einer eines am im zum zur vom beim ins ab bis seit um vor nach jede jeder jeden jedem seine ihre ihrer ihren unsere unserer unseren'.split(' '));

const TERMINALS = /^[.!?…]+$|^[.!?]+["“”»«)']*$/;
const CLAUSE_BREAK = new Set([',', ';', ':', '–', '—', '(', ')', '-', '/']);
const OPEN_QUOTES = new Set(['„', '“', '"', '»', '«', '‚', '‘']);
const LIST_MARKER = /^(?:[-*•–·]|\d{1,2}[.)])$/;

export interface SegmentResult {
  clean: CleanText;
  opaque: OpaqueSpan[];
  tokens: Token[];
  sentences: Sentence[];
  paragraphs: Paragraph[];
}

/** Replace opaque spans by a same-length run of letters so that the tokenizer sees one word. */
function maskText(text: string, spans: OpaqueSpan[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const s of spans) {
    // a word of x's between two spaces: one token for the tokenizer, never glued to the words around it
    const n = s.end - s.start;
    out += text.slice(last, s.start) + (n >= 3 ? ' ' + 'x'.repeat(n - 2) + ' ' : 'x'.repeat(n));
    last = s.end;
  }
  return out + text.slice(last);
}

const KINDS: readonly TokenKind[] = ['space', 'word', 'space', 'punct', 'symbol'];
const OPAQUE = wordOf('\u0000');

/**
 * Spellings of one-character tokens (ASCII), by character code: a reply is about half single spaces, commas and full
 * stops, and a look-up here is cheaper than hashing the range again. Filled per document (the records of words.ts
 * may start over between documents, and a token must carry the current record).
 */
const singles: Array<Spelling | undefined> = new Array(128).fill(undefined);

/** Build tokens: merge decimals, mark opaque and abbreviation tokens, map offsets to the original. */
function buildTokens(original: string, clean: CleanText, masked: string, opaque: OpaqueSpan[]): Token[] {
  const raw = tokenize(masked);
  const n = raw.n, rk = raw.kind, rs = raw.start, re = raw.end;
  const tokens: Token[] = [];
  const text = clean.text, map = clean.map;
  singles.fill(undefined);
  let o = 0;
  for (let i = 0; i < n; i++) {
    let start = rs[i]!, end = re[i]!;
    // a word token starting with a digit is a number
    let kind: TokenKind = rk[i] === WORD && (masked.charCodeAt(start) - 48) >>> 0 < 10 ? 'num' : KINDS[rk[i]!]!;
    // decimal / thousands: 19,99 · 1.299,00 · 2.000
    if (kind === 'num') {
      while (i + 2 < n && rk[i + 1] === PUNCT && re[i + 1]! - rs[i + 1]! === 1 && (text.charCodeAt(rs[i + 1]!) === 44 || text.charCodeAt(rs[i + 1]!) === 46) && rk[i + 2] === WORD && (masked.charCodeAt(rs[i + 2]!) - 48) >>> 0 < 10 && rs[i + 1] === end && rs[i + 2] === re[i + 1]) {
        end = re[i + 2]!;
        i += 2;
      }
    }
    let op: OpaqueSpan | undefined;
    if (o < opaque.length) {
      while (o < opaque.length && opaque[o]!.end <= start) o++;
      op = opaque[o];
      if (op && kind === 'space' && start >= op.start && end <= op.end) continue;
      if (op && start < op.end && end > op.start && kind !== 'space') {
        // merge every token overlapping this opaque span
        // the opaque token covers exactly the span; tokens inside are dropped, a straddling one is cut
        start = Math.min(start, op.start);
        end = Math.max(op.end, end);
        while (i + 1 < n && re[i + 1]! <= end) i++;
        if (i + 1 < n && rs[i + 1]! < end) rs[i + 1] = end;
        kind = 'opaque';
      }
    }
    const s = map ? map[start]! : start;
    const e = map ? (end > start ? map[end - 1]! + 1 : s) : end;
    let token: Token;
    if (kind === 'opaque') {
      token = {
        kind, text: original.slice(s, e), norm: '\u0000', start: s, end: e, index: tokens.length,
        upper: false, quoted: false, breaks: 0, word: OPAQUE, opaqueKind: op!.kind,
      };
    } else {
      // the spelling's record: its text, folded form and word facts, shared with every other token spelt alike
      let sp: Spelling | undefined;
      const code = text.charCodeAt(start);
      if (end - start === 1 && code < 128) sp = singles[code] ??= spelling(text, start, end, kind === 'word');
      else sp = spelling(text, start, end, kind === 'word');
      // every token has the same fields (opaqueKind too): one object shape for all the code that reads tokens
      token = {
        kind, text: map ? original.slice(s, e) : sp.text, norm: sp.word.norm, start: s, end: e, index: tokens.length,
        upper: sp.upper, quoted: false, breaks: sp.breaks, word: sp.word, opaqueKind: undefined,
      };
    }
    tokens.push(token);
  }
  return tokens;
}

function isTerminal(t: Token): boolean {
  if (t.kind !== 'punct') return false;
  // every terminal starts with . ! ? or …: most punctuation (commas, dashes, brackets) needs no regular expression
  const c = t.text.charCodeAt(0);
  return (c === 46 || c === 33 || c === 63 || c === 0x2026) && TERMINALS.test(t.text);
}

function nextNonSpace(tokens: Token[], i: number): Token | undefined {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j]!.kind !== 'space') return tokens[j];
  return undefined;
}

/** Does a '.' at tokens[i] end the sentence? */
function dotEnds(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = nextNonSpace(tokens, i);
  if (!next) return true;
  if (prev && prev.end === tokens[i]!.start) {
    if (prev.kind === 'word') {
      if (ABBREVIATIONS.has(prev.norm)) return false;
      if (prev.norm.length === 1) return false; // z. B. · d. h. · M. Müller
      if (prev.norm.length <= 3 && next.kind === 'word' && !next.upper) return false;
    }
    if (prev.kind === 'num' && /^\d{1,2}$/.test(prev.text)) {
      // ordinal or date: "am 12. März", "12. 3. 2024", "3. Mahnung"
      if (next.kind === 'num' || (next.kind === 'word' && (MONTHS.has(next.norm) || !next.upper))) return false;
    }
  }
  return true;
}

/** Does a line break between tokens[i-1] and tokens[i+1] end the sentence? */
function breakEnds(tokens: Token[], i: number, text: string, lineStart: number): boolean {
  const next = nextNonSpace(tokens, i);
  if (!next) return true;
  if (LIST_MARKER.test(next.text)) return true;
  // a hard-wrapped e-mail line continues the sentence when it is long and ends mid-clause
  const prevLine = text.slice(lineStart, tokens[i]!.start).trim();
  if (prevLine.length >= 45 && !/[,:;]$/.test(prevLine)) {
    // … but a salutation or a closing greeting line never merges with the body
    const nl = text.indexOf('\n', next.start);
    const nextLine = text.slice(next.start, nl < 0 ? text.length : nl).replace(/[\u200b\u2060]/g, '').trim();
    return SALUTATION_LINE.test(prevLine) || (nextLine.length <= 80 && CLOSING_LINE.test(nextLine));
  }
  return true;
}

function buildClauses(items: Token[]): Clause[] {
  const clauses: Clause[] = [];
  let from = 0;
  // a clause ends at each clause break and at the end of the sentence (k === items.length)
  for (let k = 0; k <= items.length; k++) {
    if (k < items.length) {
      const t = items[k]!;
      if (t.kind !== 'punct' || !CLAUSE_BREAK.has(t.text)) continue;
    }
    if (k > from) {
      let lead = '';
      for (let j = from; j < k; j++) if (items[j]!.kind === 'word') { lead = items[j]!.norm; break; }
      clauses.push({ from, to: k, lead, subordinate: SUBORDINATORS.has(lead) });
    }
    from = k + 1;
  }
  return clauses;
}

function markQuotes(items: Token[]): void {
  let open = -1;
  for (let k = 0; k < items.length; k++) {
    const t = items[k]!;
    if (t.kind !== 'punct' && t.kind !== 'symbol') continue;
    if (OPEN_QUOTES.has(t.text) || t.text === '”') {
      if (open < 0 && t.text !== '”') open = k;
      else if (open >= 0) {
        for (let q = open + 1; q < k; q++) items[q]!.quoted = true;
        open = -1;
      }
    }
  }
}

/** Segment a text into tokens, sentences and paragraphs. */
export function segment(original: string): SegmentResult {
  startOverIfFull();
  const clean = cleanText(original);
  const opaque = findOpaque(clean.text);
  const masked = maskText(clean.text, opaque);
  const tokens = buildTokens(original, clean, masked, opaque);

  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  /** The current sentence is tokens[from, …): a sentence is always a run of consecutive tokens. */
  let from = 0;
  let paragraph = 0;
  let lineStart = 0;
  let paraSentences: Sentence[] = [];

  /** Close the sentence tokens[from, to) and start the next one at `next`. */
  const close = (terminal: string, to: number, next: number): void => {
    // trim white space
    let a = from, b = to;
    from = next;
    while (a < b && tokens[a]!.kind === 'space') a++;
    while (b > a && tokens[b - 1]!.kind === 'space') b--;
    if (a === b) return;
    const toks = tokens.slice(a, b);
    const items: Token[] = [];
    let line = true;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.kind !== 'space') items.push(t);
      else if (t.breaks > 0) line = false;
    }
    if (items.length === 0) return;
    markQuotes(items);
    const start = toks[0]!.start;
    const end = toks[toks.length - 1]!.end;
    const s: Sentence = {
      tokens: toks,
      items,
      clauses: buildClauses(items),
      start,
      end,
      text: original.slice(start, end),
      terminal,
      question: terminal.includes('?'),
      index: sentences.length,
      paragraph,
      line,
      memo: [],
    };
    sentences.push(s);
    paraSentences.push(s);
  };
  const closeParagraph = (): void => {
    if (paraSentences.length) {
      paragraphs.push({
        sentences: paraSentences,
        start: paraSentences[0]!.start,
        end: paraSentences[paraSentences.length - 1]!.end,
        index: paragraph,
      });
      paragraph++;
    }
    paraSentences = [];
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'space' && t.breaks > 0) {
      if (t.breaks >= 2) {
        close('', i, i + 1);
        closeParagraph();
      } else if (breakEnds(tokens, i, original, lineStart)) {
        close('', i, i + 1);
      }
      // else: a hard-wrapped line, the space stays in the sentence
      lineStart = t.end;
      continue;
    }
    if (t.kind === 'opaque' && (t.opaqueKind === 'comment' || t.opaqueKind === 'logic')) {
      close('', i, i + 1);
      lineStart = t.end;
      continue;
    }
    // "in der Packstation 118. Bitte …": the parser glues the full stop to a number; a number of three or more
    // digits (or a full date) followed by a capitalised word ends the sentence
    if (t.kind === 'num' && t.text.charCodeAt(t.text.length - 1) === 46 && /^(?:\d{1,}|\d{1,2}\.\d{1,2}\.\d{2,4})\.$/.test(t.text)) {
      const next = nextNonSpace(tokens, i);
      let ends = !next || (next.kind === 'word' && next.upper) || next.kind === 'opaque';
      // "die 3. Mahnung", "am 3. März": a one- or two-digit ordinal after an article or preposition continues
      if (ends && next && /^\d{1,2}\.$/.test(t.text)) {
        let p = i - 1;
        while (p >= 0 && tokens[p]!.kind === 'space') p--;
        const prev = tokens[p];
        ends = !MONTHS.has(next.norm) && !!prev && prev.kind === 'word' && !ORDINAL_LEAD.has(prev.norm);
      }
      if (ends) { close('.', i + 1, i + 1); continue; }
    }
    if (isTerminal(t)) {
      if (t.text.startsWith('.') && t.text.length === 1 && !dotEnds(tokens, i)) continue;
      // keep closing quotes/brackets with the sentence
      while (i + 1 < tokens.length && tokens[i + 1]!.kind === 'punct' && /^["“”»«)'\]]$/.test(tokens[i + 1]!.text)) i++;
      close(t.text, i + 1, i + 1);
    }
  }
  close('', tokens.length, tokens.length);
  closeParagraph();
  return { clean, opaque, tokens, sentences, paragraphs };
}
