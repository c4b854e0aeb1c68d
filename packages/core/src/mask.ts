/**
 * Opaque spans: template placeholders and logic, URLs, e-mail addresses and comments. They are never linted
 * as words; the tokenizer turns each into a single `opaque` token so that phrases around them still match
 * ("Ihre Bestellung {{ order_id }} können wir …").
 */
export type OpaqueKind = 'placeholder' | 'logic' | 'comment' | 'url' | 'email';

export interface OpaqueSpan {
  start: number;
  end: number;
  kind: OpaqueKind;
}

// Comments are found by scanning for their delimiters (linear, whatever the input); the remaining patterns
// are regexes that recheck (packages/core/test/redos.test.ts) proves free of super-linear backtracking.
const COMMENTS: Array<[string, string]> = [['<!--', '-->'], ['{{!--', '--}}'], ['{{!', '}}'], ['{#', '#}']];

/**
 * Each pattern with a string that every match starts with (or '' when there is none): most replies have no
 * template syntax, and a native search for "{{" rules a pattern out for less than a run of its expression.
 */
const PATTERNS: Array<[RegExp, OpaqueKind, string]> = [
  [/\{%-?\s{0,20}(?:if|elsif|else|endif|unless|endunless|case|when|endcase|for|endfor|comment|endcomment|raw|endraw|assign|capture|endcapture)\b[^%]{0,500}%\}/g, 'logic', '{%'],
  [/\{\{~?\s{0,20}[#/^][^{}]{0,500}\}\}|\{\{~?\s{0,20}else(?:\s[^{}]{0,500})?~?\}\}/g, 'logic', '{{'],
  [/\{\{\{[^{}]{0,500}\}\}\}/g, 'placeholder', '{{{'],
  [/\{\{[^{}]{0,500}\}\}/g, 'placeholder', '{{'],
  [/\{%[^%]{0,500}%\}/g, 'placeholder', '{%'],
  [/\$\{[^{}\s]{1,200}\}/g, 'placeholder', '${'],
  [/%[A-Z][A-Z0-9_]{1,60}%/g, 'placeholder', '%'],
  [/\[\[[^\[\]\n]{1,200}\]\]/g, 'placeholder', '[['],
  [/\b(?:https?|ftp):\/\/[^\s<>"'„“”»«]{1,2000}|\bwww\.[a-z0-9-]{1,63}\.[^\s<>"'„“”»«]{1,2000}/gi, 'url', ''],
];

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']']);
const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;

function trimTrailing(text: string, start: number, end: number): number {
  while (end > start && TRAILING.has(text[end - 1]!)) end--;
  return end;
}

function* comments(text: string): Generator<[number, number]> {
  for (const [open, close] of COMMENTS) {
    let from = 0;
    for (;;) {
      const a = text.indexOf(open, from);
      if (a < 0) break;
      const b = text.indexOf(close, a + open.length);
      if (b < 0) break; // no closing delimiter anywhere later: no further comment of this kind
      yield [a, b + close.length];
      from = b + close.length;
    }
  }
}

function* emails(text: string): Generator<[number, number]> {
  let at = text.indexOf('@');
  while (at >= 0) {
    let l = at;
    while (l > 0 && at - l < 64 && LOCAL.test(text[l - 1]!)) l--;
    let r = at + 1;
    while (r < text.length && r - at <= 255 && DOMAIN.test(text[r]!)) r++;
    while (r > at + 1 && (text[r - 1] === '.' || text[r - 1] === '-')) r--;
    const domain = text.slice(at + 1, r);
    const dot = domain.lastIndexOf('.');
    if (l < at && dot > 0 && /^[A-Za-z]{2,24}$/.test(domain.slice(dot + 1))) yield [l, r];
    at = text.indexOf('@', at + 1);
  }
}

/** Find opaque spans, sorted and non-overlapping (earlier kinds win: comments, logic, placeholders, URLs, e-mails). */
export function findOpaque(text: string): OpaqueSpan[] {
  if (!/[{<%$[@:w]/i.test(text)) return [];
  const spans: OpaqueSpan[] = [];
  let taken: Uint8Array | null = null;
  const add = (start: number, end: number, kind: OpaqueKind): void => {
    if (end <= start) return;
    taken ??= new Uint8Array(text.length);
    for (let i = start; i < end; i++) if (taken[i]) return;
    taken.fill(1, start, end);
    spans.push({ start, end, kind });
  };
  for (const [a, b] of comments(text)) add(a, b, 'comment');
  for (const [re, kind, lead] of PATTERNS) {
    if (lead && text.indexOf(lead) < 0) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const end = m.index + m[0].length;
      add(m.index, kind === 'url' ? trimTrailing(text, m.index, end) : end, kind);
    }
  }
  if (text.includes('@')) for (const [a, b] of emails(text)) add(a, b, 'email');
  return spans.sort((a, b) => a.start - b.start);
}
