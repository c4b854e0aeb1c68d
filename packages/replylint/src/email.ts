/**
 * Whole e-mails (.eml, RFC 822 / MIME). postal-mime (pure JS, browser-capable) decodes the message:
 * multipart/alternative, quoted-printable and base64 bodies, charsets such as ISO-8859-1 and Windows-1252.
 * The text/plain part is linted when there is one, the text/html part otherwise; findings point at line and
 * column in that DECODED part (returned as `text`), and each finding names the part.
 */
import { lintText, type Excluded, type Finding, type FormatName } from '@replylint/core';
import { rules } from '@replylint/rules';
import { loadConfig, type LintApiOptions } from './index.ts';

export type EmailPart = 'text/plain' | 'text/html' | 'none';

export interface EmailFinding extends Finding {
  /** The body part the finding's line/column and offsets refer to. */
  part: string;
}

export interface EmailLintResult {
  /** Which body part was linted: 'text/plain' (preferred), 'text/html' (fallback) or 'none'. */
  part: string;
  /** The decoded text of that part: findings' offsets, lines and columns point into it. */
  text: string;
  findings: EmailFinding[];
  /** What was not linted in that part (quoted history, signature, markup). */
  excluded: Excluded[];
}

export type LintEmailOptions = Pick<LintApiOptions, 'config'>;

/**
 * Lint an e-mail message. Pass the raw bytes (Uint8Array) of an .eml file when you have them: a string is
 * taken as the message's characters (fine for 7-bit mail and for mail whose 8-bit parts are UTF-8).
 */
export async function lintEmail(source: string | Uint8Array, options: LintEmailOptions = {}): Promise<EmailLintResult> {
  // (a Uint8Array from another realm — iframe, VM — is not `instanceof` this realm's Uint8Array)
  if (typeof source !== 'string' && Object.prototype.toString.call(source) !== '[object Uint8Array]') throw new TypeError('lintEmail(source): source muss eine Zeichenkette oder ein Uint8Array sein');
  const config = loadConfig(options.config);
  // loaded on first use: the MIME parser (and its TextDecoder/TextEncoder use) stays out of `lint`'s start-up
  const { default: PostalMime } = await import('postal-mime');
  const email = await PostalMime.parse(source);
  let part: EmailPart = 'none';
  let text = '';
  let format: FormatName = 'text';
  if (email.text !== undefined && email.text.trim() !== '') {
    part = 'text/plain';
    text = email.text;
  } else if (email.html !== undefined && email.html.trim() !== '') {
    part = 'text/html';
    text = email.html;
    format = 'html';
  }
  if (part === 'none') return { part, text: '', findings: [], excluded: [] };
  text = repairC1(text);
  const result = lintText(text, { rules, config, format });
  return { part, text, findings: result.findings.map((f) => ({ ...f, part })), excluded: result.excluded };
}

/** Windows-1252 characters of the bytes 0x80–0x9F (WHATWG encoding standard); undefined bytes stay. */
const CP1252 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20 (since 20.18.3) decodes windows-1252 — and ISO-8859-1, which the encoding standard treats as
 * windows-1252 — through a Latin-1 fast path, so „ “ – € come out as C1 control characters (nodejs/node#56542,
 * #60888); browsers decode them right. C1 controls never occur in real mail text, so map them as a browser
 * would. One UTF-16 unit for one: offsets do not move.
 */
function repairC1(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
}
