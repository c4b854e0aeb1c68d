/**
 * Input formats. Every format turns its input into a text of the SAME LENGTH in which everything that is not
 * the agent's own prose is blanked out (markup, quoted history, signatures): offsets found on the prepared text
 * are offsets in the original, with no mapping needed. Replaced entities keep their length by padding with
 * zero-width characters, which the normaliser drops (with an offset map) before matching.
 */
export type FormatName = 'text' | 'markdown' | 'html' | 'template';

export interface Excluded {
  start: number;
  end: number;
  /** Why this part is not linted: 'quote', 'signature', 'markup', 'code', 'header' … */
  reason: string;
}

export interface Prepared {
  text: string;
  excluded: Excluded[];
  /** Alternative template branches: ranges with a group id (branches of one if/else share a group). */
  branches: Array<{ start: number; end: number; group: number }>;
}

export const FORMATS: readonly FormatName[] = ['text', 'markdown', 'html', 'template'];

export function prepare(text: string, format: FormatName = 'text'): Prepared {
  switch (format) {
    case 'text':
    case 'markdown':
    case 'html':
    case 'template':
      return { text, excluded: [], branches: [] };
  }
}

/** Guess the format from a file name (extension) and, failing that, from the content. */
export function detectFormat(fileName: string | undefined, text: string): FormatName {
  const ext = fileName ? /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() : undefined;
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'hbs' || ext === 'handlebars' || ext === 'mustache' || ext === 'liquid') return 'template';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (/^\s*<(?:!doctype|html|body|div|p|table)\b/i.test(text)) return 'html';
  return 'text';
}
