import { LineIndex } from './lines.ts';
import type { OpaqueSpan } from './mask.ts';
import type { Paragraph, Sentence, Token } from './types.ts';

/** What a rule sees: the segmented reply. Offsets are UTF-16 offsets into `text`. */
export interface Doc {
  /**
   * The source with everything that is not the agent's text blanked out (markup, quoted history, signatures; see
   * formats/index.ts): same length and offsets as the source. Decoded entities are padded with U+200B, inline
   * HTML tags are U+2060; both are invisible and dropped before matching.
   */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly paragraphs: readonly Paragraph[];
  readonly opaque: readonly OpaqueSpan[];
  readonly lines: LineIndex;
  /** The input format the text came from. */
  readonly format: string;
  /**
   * Template branches (`{{#if}} … {{else}} … {{/if}}`): ranges of alternative branches, if any; branches of one
   * block share the group. Judge evidence across sentences with `sameBranchContext` / `contextSentences`.
   */
  readonly branches: ReadonlyArray<{ start: number; end: number; group: number }>;
  /**
   * What the engine's layers worked out about the document, by slot (words.ts, perDoc; internal). A document made
   * from another one (`{ ...doc, text }`) needs a memo of its own: `memo: []`.
   */
  readonly memo: unknown[];
}
