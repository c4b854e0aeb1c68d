/**
 * Input formats. Every format turns its input into a text of the SAME LENGTH in which everything that is not
 * the agent's own prose is blanked out (markup, quoted history, signatures): offsets found on the prepared text
 * are offsets in the original, with no mapping needed. Replaced entities keep their length by padding with
 * zero-width characters, which the normaliser drops (with an offset map) before matching.
 *
 * - text:     quoted history and signatures (mail.ts), template branches
 * - markdown: mdast positions (markdown.ts), then as text
 * - html:     htmlparser2 source indices (html.ts), then as text
 * - template: as text (placeholders and logic are opaque tokens, see mask.ts), branches (branches.ts)
 * - email:    a whole RFC 822 message. Synchronous fallback only: the header is excluded and a single-part
 *             text/plain or text/html body in 7bit/8bit is linted in place; anything else (multipart,
 *             quoted-printable, base64) is excluded as 'mime'. Use `lintEmail` from the `replylint`
 *             package, which decodes the message with a MIME parser.
 */
import { Blanker } from './buffer.ts';
import { excludeMailParts } from './mail.ts';
import { prepareHtml } from './html.ts';
import { prepareMarkdown } from './markdown.ts';
import { findBranches, type Branch } from './branches.ts';

export type FormatName = 'text' | 'markdown' | 'html' | 'template' | 'email';

export interface Excluded {
  start: number;
  end: number;
  /** Why this part is not linted: 'quote', 'forward', 'signature', 'markup', 'code', 'comment', 'header', 'mime'. */
  reason: string;
}

export interface Prepared {
  text: string;
  excluded: Excluded[];
  /** Alternative template branches: ranges with a group id (branches of one if/else share a group). */
  branches: Branch[];
}

export const FORMATS: readonly FormatName[] = ['text', 'markdown', 'html', 'template', 'email'];

export function prepare(text: string, format: FormatName = 'text'): Prepared {
  const b = new Blanker(text);
  switch (format) {
    case 'markdown':
      prepareMarkdown(text, b);
      break;
    case 'html':
      prepareHtml(text, b);
      break;
    case 'email':
      prepareRawEmail(text, b);
      break;
    case 'text':
    case 'template':
    default:
      break;
  }
  excludeTemplateComments(b.changed ? b.toString() : text, b);
  const phase = b.excluded.length;
  excludeMailParts(b.changed ? b.toString() : text, b);
  const prepared = b.toString();
  return { text: prepared, excluded: b.disjointExcluded(phase), branches: findBranches(prepared) };
}

const COMMENT_OPEN = /\{%-?\s{0,20}comment\s{0,20}-?%\}/g;
const COMMENT_CLOSE = /\{%-?\s{0,20}endcomment\s{0,20}-?%\}/g;

/** Liquid `{% comment %} … {% endcomment %}`: notes for the team, never sent — excluded ('comment'). */
function excludeTemplateComments(view: string, b: Blanker): void {
  if (view.indexOf('{%') < 0) return;
  COMMENT_OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMENT_OPEN.exec(view))) {
    const from = m.index + m[0].length;
    COMMENT_CLOSE.lastIndex = from;
    const close = COMMENT_CLOSE.exec(view);
    const to = close ? close.index : view.length;
    b.exclude(from, to, 'comment');
    if (!close) return;
    COMMENT_OPEN.lastIndex = close.index + close[0].length;
  }
}

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]{0,76}:/;
const MAIL_HEADERS = /^(?:return-path|received|from|to|cc|subject|date|message-id|mime-version|content-type|content-transfer-encoding|delivered-to|reply-to|in-reply-to|references|dkim-signature|authentication-results|x-[a-z0-9-]+|arc-[a-z-]+|user-agent|thread-topic|thread-index|importance|sender)\s*:/i;

/** Where the header of an RFC 822 message ends (offset of the body), or -1 when the text does not start with one. */
export function mailHeaderEnd(text: string): number {
  let i = 0;
  let lines = 0;
  let known = 0;
  let mime = false;
  while (i < text.length && lines < 500) {
    let e = text.indexOf('\n', i);
    if (e < 0) e = text.length;
    const line = text.slice(i, e).replace(/\r$/, '');
    if (line === '') return lines >= 2 && (mime || known >= 3) ? e + 1 : -1;
    if (line[0] === ' ' || line[0] === '\t') {
      if (lines === 0) return -1; // continuation of nothing
    } else {
      if (!HEADER_LINE.test(line)) return -1;
      if (MAIL_HEADERS.test(line)) known++;
      if (/^mime-version\s*:/i.test(line)) mime = true;
    }
    lines++;
    i = e + 1;
  }
  return -1;
}

function headerValue(header: string, name: string): string {
  const m = new RegExp(`(?:^|\\n)${name}\\s*:([^\\n]*(?:\\r?\\n[ \\t][^\\n]*)*)`, 'i').exec(header);
  return m ? m[1]!.replace(/\s+/g, ' ').trim().toLowerCase() : '';
}

function prepareRawEmail(text: string, b: Blanker): void {
  const bodyStart = mailHeaderEnd(text);
  if (bodyStart < 0) return; // not a message after all: lint as text
  const header = text.slice(0, bodyStart);
  const type = headerValue(header, 'content-type') || 'text/plain';
  const cte = headerValue(header, 'content-transfer-encoding') || '7bit';
  const plainCte = cte === '7bit' || cte === '8bit' || cte === 'binary';
  if (plainCte && type.startsWith('text/html')) prepareHtml(text, b);
  else if (!(plainCte && type.startsWith('text/plain'))) {
    b.exclude(bodyStart, text.length, 'mime');
  }
  b.exclude(0, bodyStart, 'header');
}

/** Guess the format from a file name (extension) and, failing that, from the content. */
export function detectFormat(fileName: string | undefined, text: string): FormatName {
  const ext = fileName ? /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() : undefined;
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'hbs' || ext === 'handlebars' || ext === 'mustache' || ext === 'liquid') return 'template';
  if (ext === 'eml' || ext === 'mht' || ext === 'mhtml') return 'email';
  if (ext === 'txt' || ext === 'text') return 'text';
  return sniffFormat(text);
}

/** Content sniffing: MIME headers, HTML, template logic; plain text otherwise. */
export function sniffFormat(text: string): FormatName {
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  if (/^(?:\ufeff)?[A-Za-z][A-Za-z0-9-]{0,76}:/.test(head) && mailHeaderEnd(text) > 0) return 'email';
  // HTML needs a "<", template logic a "{": a native search rules a test out for less than a run of its expression
  if (head.indexOf('<') >= 0) {
    if (/^\s*(?:<!--[^]{0,2000}?-->\s*)?<(?:!doctype\s+html|html|head|body|div|p|table|span|font|meta|style|br|blockquote|center|h[1-6])\b/i.test(head)) return 'html';
    if ((head.match(/<\/(?:p|div|span|td|li|blockquote|font)>|<br\s*\/?>/gi)?.length ?? 0) >= 3) return 'html';
  }
  if (head.indexOf('{') >= 0 && /\{\{~?\s*[#^]\s*\w|\{%-?\s*(?:if|unless|case)\b/.test(head)) return 'template';
  return 'text';
}

export { findBranches, branchOf, sameBranchContext, contextSentences, type Branch } from './branches.ts';
export { CLOSING_LINE, SALUTATION_LINE } from './mail.ts';
