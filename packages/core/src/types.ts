import type { Word } from './words.ts';

export type TokenKind = 'word' | 'num' | 'punct' | 'symbol' | 'space' | 'opaque';

export interface Token {
  kind: TokenKind;
  /** Original text of the token (as the user wrote it). */
  text: string;
  /** Folded form for matching: lower case, ß→ss, umlauts→ae/oe/ue, trailing abbreviation dot removed. */
  norm: string;
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
  /** Index of the token in the document's token list. */
  index: number;
  /** Starts with an upper-case letter. */
  upper: boolean;
  /** Inside quotation marks („…“, "…", »…«) within the sentence: quoted speech, not the agent's own claim. */
  quoted: boolean;
  /** Number of line breaks (for space tokens). */
  breaks: number;
  /** The record of the token's folded word, shared by every token with the same `norm` (words.ts). */
  word: Word;
  /** For opaque tokens: what they hide (placeholder, logic, comment, url, email). */
  opaqueKind?: 'placeholder' | 'logic' | 'comment' | 'url' | 'email';
}

export interface Clause {
  /** Index range into `Sentence.tokens` (end exclusive). */
  from: number;
  to: number;
  /** The clause starts with a subordinating conjunction or relative pronoun after a comma. */
  subordinate: boolean;
  /** First word of the clause, folded. */
  lead: string;
}

export interface Sentence {
  /** Tokens of the sentence without leading/trailing white space. */
  tokens: Token[];
  /** Non-space tokens (words, numbers, punctuation, symbols, opaque), the sequence patterns match on. */
  items: Token[];
  clauses: Clause[];
  start: number;
  end: number;
  /** Original text of the sentence. */
  text: string;
  /** Terminal punctuation ('.', '!', '?', '?!', '' when the sentence ends at a line or paragraph break). */
  terminal: string;
  question: boolean;
  /** Index of the sentence in the document. */
  index: number;
  /** Index of the paragraph (block separated by blank lines). */
  paragraph: number;
  /** The sentence is exactly one physical line (salutation, closing, signature lines). */
  line: boolean;
  /**
   * What the engine's layers worked out about the sentence, by slot (words.ts, perSentence; internal). A sentence
   * made from another one (a part, a tail) needs a memo of its own: `{ ...s, items, memo: [] }`.
   */
  memo: unknown[];
}

export interface Paragraph {
  sentences: Sentence[];
  start: number;
  end: number;
  index: number;
}
