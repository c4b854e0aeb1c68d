import { LineIndex } from './lines.ts';
import type { OpaqueSpan } from './mask.ts';
import type { Paragraph, Sentence, Token } from './types.ts';

/** What a rule sees: the segmented reply. Offsets are UTF-16 offsets into `text`. */
export interface Doc {
  /** The text as the user wrote it (for HTML/Markdown: the source, with markup blanked out). */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly paragraphs: readonly Paragraph[];
  readonly opaque: readonly OpaqueSpan[];
  readonly lines: LineIndex;
  /** The input format the text came from. */
  readonly format: string;
  /** Template branches (`{{#if}} … {{else}} … {{/if}}`): ranges of alternative branches, if any. */
  readonly branches: ReadonlyArray<{ start: number; end: number; group: number }>;
}
