/** Decode one HTML character reference at a position, for the same-length buffer (Markdown and HTML). */
import { decodeHTML } from 'entities/decode';

const REF = /&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;

/** The character reference at `i` (which holds '&'): how many source characters it takes and what it stands for. */
export function refAt(src: string, i: number): { length: number; text: string } | null {
  REF.lastIndex = i;
  const m = REF.exec(src);
  if (!m) return null;
  const ref = m[0];
  if (ref.endsWith(';')) {
    const text = decodeHTML(ref);
    return text !== ref && text.length <= ref.length ? { length: ref.length, text } : null;
  }
  // legacy references without ';' ("&auml", "&nbsp"): the longest prefix that decodes to one character
  for (let k = ref.length; k >= 3; k--) {
    const part = ref.slice(0, k);
    const text = decodeHTML(part);
    if (text !== part && text.length <= 2 && !text.includes('&')) return { length: k, text };
  }
  return null;
}
