/**
 * Reporting shared by sentence rules whose messages each come with a formal and an informal suggestion
 * (dismissive, blaming-customer, empty-phrase): the whole sentence is the range, the message quotes it, and
 * the suggestion follows the reply's register (Sie or du).
 */
import { byAddress, snippet, type RuleContext, type Sentence } from '@replylint/core';

export interface SuggestText {
  /** Formal (Sie) and informal (du) replacement text. */
  sie: string;
  du: string;
  /** German label of the suggestion. */
  desc: string;
  /** Why it hurts and what to write instead (hover). */
  note: string;
}

export function reportSentence<M extends string>(ctx: RuleContext<M>, s: Sentence, messageId: M, suggest: SuggestText, note?: string): void {
  ctx.report({
    messageId,
    data: { actual: snippet(s.text) },
    start: s.start,
    end: s.end,
    note: note ?? suggest.note,
    suggestions: [{ desc: suggest.desc, text: byAddress(ctx.doc, suggest.sie, suggest.du) }],
  });
}
