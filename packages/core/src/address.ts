/**
 * How does the reply address the customer: formal "Sie" or informal "du"? Rules use it to phrase their
 * suggestions in the reply's own register. Counted once per document (cached), quoted text excluded; a
 * capitalised "Sie/Ihnen/Ihr…" counts as formal address (at the start of a sentence it could mean "they", but in a
 * reply it almost always addresses the customer).
 */
import { FORMAL_ADDRESS, INFORMAL_ADDRESS } from './lexicon.ts';
import type { Doc } from './doc.ts';
import { perWord, perDoc } from './words.ts';

export type AddressForm = 'sie' | 'du';

const cache = perDoc<AddressForm>();

/** Folded word → 1 (informal address), 2 (formal address) or 0, kept on the word's record. */
const ADDRESS_WORD = perWord((norm: string): number => (INFORMAL_ADDRESS.has(norm) ? 1 : FORMAL_ADDRESS.has(norm) ? 2 : 0));

export function addressForm(doc: Doc): AddressForm {
  const hit = cache.get(doc);
  if (hit) return hit;
  let du = 0;
  let sie = 0;
  for (const s of doc.sentences) {
    for (const t of s.items) {
      if (t.kind !== 'word' || t.quoted) continue;
      const a = ADDRESS_WORD(t.word);
      if (a === 1) du++;
      else if (a === 2 && t.upper) sie++;
    }
  }
  const form: AddressForm = du > sie ? 'du' : 'sie';
  cache.set(doc, form);
  return form;
}

/** The informal variant when the reply says "du", else the formal one. */
export function byAddress<T>(doc: Doc, formal: T, informal: T): T {
  return addressForm(doc) === 'du' ? informal : formal;
}
