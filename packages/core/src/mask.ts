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

// Every pattern is linear: bounded repetition or character classes that cannot overlap with what follows.
const PATTERNS: Array<[RegExp, OpaqueKind]> = [
  [/<!--[^]{0,2000}?-->/g, 'comment'],
  [/\{\{!--[^]{0,2000}?--\}\}/g, 'comment'],
  [/\{\{![^}]{0,2000}\}\}/g, 'comment'],
  [/\{#[^#]{0,2000}#\}/g, 'comment'],
  [/\{%-?\s{0,20}(?:if|elsif|else|endif|unless|endunless|case|when|endcase|for|endfor|comment|endcomment|raw|endraw|assign|capture|endcapture)\b[^%]{0,500}%\}/g, 'logic'],
  [/\{\{~?\s{0,20}[#/^][^{}]{0,500}\}\}|\{\{~?\s{0,20}else(?:\s[^{}]{0,500})?~?\}\}/g, 'logic'],
  [/\{\{\{[^{}]{0,500}\}\}\}/g, 'placeholder'],
  [/\{\{[^{}]{0,500}\}\}/g, 'placeholder'],
  [/\{%[^%]{0,500}%\}/g, 'placeholder'],
  [/\$\{[^{}\s]{1,200}\}/g, 'placeholder'],
  [/%[A-Z][A-Z0-9_]{1,60}%/g, 'placeholder'],
  [/\[\[[^\[\]\n]{1,200}\]\]/g, 'placeholder'],
  [/\b(?:https?|ftp):\/\/[^\s<>"'„“”»«]{1,2000}|\bwww\.[a-z0-9-]{1,63}\.[^\s<>"'„“”»«]{1,2000}/gi, 'url'],
  [/[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g, 'email'],
];

const TRAILING_PUNCT = /[.,;:!?)\]]+$/;

/** Find opaque spans, sorted and non-overlapping (earlier patterns win). */
export function findOpaque(text: string): OpaqueSpan[] {
  if (!/[{<%$[@:w]/i.test(text)) return [];
  const spans: OpaqueSpan[] = [];
  for (const [re, kind] of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      let end = m.index + m[0].length;
      if (kind === 'url' || kind === 'email') {
        const trail = TRAILING_PUNCT.exec(m[0]);
        if (trail) end -= trail[0].length;
      }
      const start = m.index;
      if (end > start && !spans.some((s) => start < s.end && end > s.start)) spans.push({ start, end, kind });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
