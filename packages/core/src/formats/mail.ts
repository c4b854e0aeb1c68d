/**
 * What in a reply is not the agent's text: quoted history (`>` lines, "Am … schrieb …:", "-----Ursprüngliche
 * Nachricht-----", Outlook "Von: / Gesendet: / An: / Betreff:" header blocks, forwarded messages) and the
 * signature (after "-- ", after the closing greeting, legal imprint and contact blocks).
 *
 * One linear pass over the lines; a regular expression only runs on a line whose first character can start
 * a marker, and every expression is anchored and bounded. Runs on plain text and on the prepared text of the
 * markup formats (after tags are blanked and block elements became line breaks).
 */
import type { Blanker } from './buffer.ts';

/** A closing greeting line ("Mit freundlichen Grüßen", "Viele Grüße aus Berlin", "MfG"). It stays linted. */
export const CLOSING_LINE =
  /^(?:(?:(?:vielen\s+)?dank\w*\s+(?:und|&)\s+)?(?:mit\s+)?(?:(?:sehr|ganz|recht)\s+)?(?:freundlich\w*|beste\w*|viele\w*|liebe\w*|herzlich\w*|sch[öo]ne\w*|sonnige\w*|gute\w*|kollegiale\w*|nette\w*|freundliche\w*)\s+gr(?:ü|ue|u)(?:ß|ss)(?:e|en)?|mfg|lg|vg|gr(?:ü|ue|u)(?:ß|ss)(?:e|en)?(?!\s+gott)|(?:best|kind|warm)\s+regards|regards|cheers|hochachtungsvoll)(?=$|[\s,.!])[^.!?:]{0,60}[.!]?$/i;

/** A salutation line ("Sehr geehrte Frau Muster,", "Hallo Herr Becker", "Guten Tag,"). It stays linted. */
export const SALUTATION_LINE =
  /^(?:sehr\s+geehrte[rs]?|hallo|guten\s+(?:tag|morgen|abend)|liebe[rs]?|moin|servus|gr[üu](?:ß|ss)\s+gott|dear|hi|hello)(?=$|[\s,!])[^!?]{0,80}$/i;

const SEPARATOR =
  /^[-=_*]{2,}\s{0,3}(?:(urspr(?:ü|ue)ngliche\snachricht|original(?:-|\s)(?:message|nachricht)|nachricht\sim\soriginal)|(weitergeleitete\snachricht|forwarded\smessage))\s{0,3}[-=_*]{2,}$/i;
const FORWARD_INTRO = /^(?:anfang\s+der\s+weitergeleiteten\s+(?:nachricht|e-?mail)|begin\s+forwarded\s+message)\s*:?$/i;
const HEADER_FROM = /^\*{0,2}(?:von|from|de)\s*:/i;
const HEADER_START = /^\*{0,2}(?:von|from|de|gesendet|sent|datum|date)\s*:/i;
const HEADER_OTHER = /^\*{0,2}(?:gesendet|sent|datum|date|an|to|cc|betreff|subject|antwort\s+an|reply-to)\s*:/i;
const ATTRIBUTION_START = /^(?:am|on|le|el)\s/i;
const ATTRIBUTION_VERB = /\b(?:schrieb|wrote|a\s+écrit|escribió)\b/i;
/** "schrieb ich Ihnen", "wrote you": the agent talking about their own message, not an attribution. */
const SELF_REPORT = /\b(?:schrieb|wrote)\s+(?:ich|wir|sie|er|es|man|uns|ihnen|i|we|you)\b/i;
const UNDERSCORES = /^[_]{8,}$|^-{8,}$/;
/** Legal imprint and contact lines of a signature. */
const IMPRINT =
  /^(?:gesch(?:ä|ae)ftsf(?:ü|ue)hr\w*|vorstand\b|aufsichtsrat\w*|vorsitzende\w*\s+des|amtsgericht\b|registergericht\b|handelsregister\w*|registernummer\b|hr[ab]\s*\d|ust\.?[- ]?id\w*|umsatzsteuer-?id\w*|steuer-?(?:nr|nummer)\b|sitz\s+der\s+gesellschaft|sitz\s*:|(?:tel(?:efon)?|fax|telefax|mobil|handy|web|internet|e-?mail|mail|hotline)\.?\s*(?::|\+|\d|\(\d))/i;
const PS = /^p\.?\s?s\.?(?:[\s:]|$)/i;

interface Line { start: number; end: number; text: string }

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  const n = text.length;
  while (s <= n) {
    let e = s;
    while (e < n) {
      const c = text.charCodeAt(e);
      if (c === 10 || c === 13) break;
      e++;
    }
    out.push({ start: s, end: e, text: '' });
    if (e >= n) break;
    s = e + (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? 2 : 1);
  }
  return out;
}

/** Trim white space and (when the text has any: `padded`) the zero-width padding of decoded entities. */
function trimmed(text: string, l: Line, padded: boolean): string {
  let a = l.start, b = l.end;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  if (a === b) return '';
  const t = text.slice(a, b);
  return padded && PADDING.test(t) ? t.replace(/[\u200b\u2060]/g, '') : t;
}
const PADDING = /[\u200b\u2060]/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x200b || c === 0x2060 || c === 0xfeff || c === 0x202f;
}

/** Characters that can start a history, signature or imprint marker (lower-cased first letter). */
const MARKER_START = new Set(['>', '-', '_', '=', '*', 'v', 'f', 'd', 'a', 'o', 'l', 'e', 'b', 'g', 's', 'h', 'u', 'r', 't', 'w', 'm', 'i', 'k', 'c', 'p', 'n']);

/**
 * Find quoted history and signatures in `view` (the current prepared text) and blank them in `b`.
 * Only quote, forward and signature ranges are excluded; salutation and closing lines stay.
 */
export function excludeMailParts(view: string, b: Blanker): void {
  // fast path: nothing that can start a marker at the beginning of any line
  if (!/(?:^|\n)[ \t]*(?:[>\-_=*]|[VvFfDdAaOoLlEeBbGgSsHhUuRrTtWwMmIiKkCcPpNn])/.test(view)) return;
  const lines = linesOf(view);
  // one search of the whole text instead of one per line: most texts have no zero-width padding at all
  const padded = PADDING.test(view);
  for (const l of lines) l.text = trimmed(view, l, padded);
  const end = view.length;
  let sigStart = -1; // inside a signature from here
  let blockStart = -1; // current block of non-blank lines (for imprint blocks)
  let blockImprint = false;
  let blockLong = false;

  const closeBlock = (upTo: number): void => {
    if (blockStart >= 0 && blockImprint && !blockLong && sigStart < 0) b.exclude(blockStart, upTo, 'signature');
    blockStart = -1; blockImprint = false; blockLong = false;
  };
  const history = (from: number, reason: string): void => {
    closeBlock(from);
    if (sigStart >= 0 && sigStart < from) b.exclude(sigStart, from, 'signature');
    sigStart = -1;
    b.exclude(from, end, reason);
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text;
    if (t === '') { closeBlock(l.start); continue; }
    const first = t[0]!.toLowerCase();
    if (!MARKER_START.has(first)) { trackBlock(l); continue; }

    if (first === '>') {
      closeBlock(l.start);
      if (sigStart < 0) b.exclude(l.start, l.end, 'quote');
      continue;
    }
    if (t === '--' || t === '-- ' || view.slice(l.start, l.end) === '-- ') {
      closeBlock(l.start);
      if (sigStart < 0) sigStart = l.start;
      continue;
    }
    const sep = t.length <= 80 ? SEPARATOR.exec(t) : null;
    if (sep) { history(l.start, sep[2] ? 'forward' : 'quote'); return; }
    if (t.length <= 60 && FORWARD_INTRO.test(t)) { history(l.start, 'forward'); return; }
    if (UNDERSCORES.test(t) && headerBlockAt(lines, i + 1)) { history(l.start, 'quote'); return; }
    if (HEADER_START.test(t) && headerBlockAt(lines, i)) { history(l.start, 'quote'); return; }
    const attr = attributionAt(lines, i);
    if (attr >= 0) {
      const last = lines[attr]!;
      let k = attr + 1;
      while (k < lines.length && lines[k]!.text === '') k++;
      if (k < lines.length && lines[k]!.text.startsWith('>')) {
        // inline reply: only the attribution line goes, the `>` lines go one by one
        if (sigStart >= 0) { history(l.start, 'quote'); return; }
        closeBlock(l.start);
        b.exclude(l.start, last.end, 'quote');
        i = attr;
        continue;
      }
      history(l.start, 'quote');
      return;
    }
    if (sigStart >= 0) {
      // a P.S. after the closing block is the agent's text again
      if (PS.test(t)) { b.exclude(sigStart, l.start, 'signature'); sigStart = -1; trackBlock(l); }
      continue;
    }
    if (t.length <= 80 && CLOSING_LINE.test(t)) {
      closeBlock(l.start);
      // the greeting line stays; the name, company, address and imprint lines after it are the signature
      const next = lines[i + 1];
      if (next) sigStart = next.start;
      continue;
    }
    if (t.length <= 120 && IMPRINT.test(t)) blockImprint = true;
    trackBlock(l);
  }
  closeBlock(end);
  if (sigStart >= 0 && sigStart < end) b.exclude(sigStart, end, 'signature');

  function trackBlock(l: Line): void {
    if (blockStart < 0) blockStart = l.start;
    if (l.text.length > 100) blockLong = true;
  }
}

/**
 * Lines i.. form an e-mail header block: it starts with a From/Sent/Date field (Outlook starts with "Von:", GMX
 * and web.de with "Gesendet:"), and within eight lines has at least three fields, one of them From.
 */
function headerBlockAt(lines: Line[], i: number): boolean {
  while (i < lines.length && lines[i]!.text === '') i++;
  const first = lines[i];
  if (!first || !HEADER_START.test(first.text)) return false;
  let fields = 0;
  let from = false;
  for (let k = i; k < Math.min(lines.length, i + 8); k++) {
    const t = lines[k]!.text;
    if (HEADER_FROM.test(t)) { fields++; from = true; } else if (HEADER_OTHER.test(t)) fields++;
    else if (t === '') break;
  }
  return from && fields >= 3;
}

/**
 * "Am 12.03.2024 um 10:15 schrieb Max Muster <max@example.com>:" (possibly wrapped over two lines),
 * "On Tue, 12 Mar 2024 … wrote:", "Max Muster <…> schrieb am 12.03.2024:". Returns the index of the attribution's
 * last line, or -1.
 */
function attributionAt(lines: Line[], i: number): number {
  const t = lines[i]!.text;
  if (t.length > 300) return -1;
  const starts = ATTRIBUTION_START.test(t);
  if (t.endsWith(':')) {
    if (!ATTRIBUTION_VERB.test(t) || SELF_REPORT.test(t)) return -1;
    // "Am 12.03.2024 … schrieb Max:" needs a date or an address; "Am Telefon schrieb …:" is the agent's text
    if ((starts && /\d|@|</.test(t)) || /schrieb\s+am\s+\d|\bwrote\b/i.test(t)) return i;
    // "Max Muster schrieb:" only before a quote
    let k = i + 1;
    while (k < lines.length && lines[k]!.text === '') k++;
    return k < lines.length && lines[k]!.text.startsWith('>') ? i : -1;
  }
  if (!starts || !/\d/.test(t)) return -1;
  // wrapped: "Am 12.03.2024 um 10:15 schrieb Max Muster <" / "max@example.com>:"
  const next = lines[i + 1];
  if (!next || next.text.length > 200 || !next.text.endsWith(':')) return -1;
  const both = t + ' ' + next.text;
  return ATTRIBUTION_VERB.test(both) && !SELF_REPORT.test(both) ? i + 1 : -1;
}
