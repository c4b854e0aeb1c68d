/**
 * How does the reply address the customer: formal "Sie" or informal "du"? Rules use it to phrase their
 * suggestions in the reply's own register. Counted once per document (cached), quoted text excluded; a
 * capitalised "Sie/Ihnen/Ihr…" counts as formal address (at the start of a sentence it could mean "they", but in a
 * reply it almost always addresses the customer).
 */
import { FORMAL_ADDRESS, INFORMAL_ADDRESS } from './lexicon.ts';
import type { Doc } from './doc.ts';

export type AddressForm = 'sie' | 'du';

const cache = new WeakMap<Doc, AddressForm>();

/** Folded word → 1 (informal address) or 2 (formal address): one look-up per word. */
const ADDRESS_WORD = new Map<string, 1 | 2>();
for (const w of FORMAL_ADDRESS) ADDRESS_WORD.set(w, 2);
for (const w of INFORMAL_ADDRESS) ADDRESS_WORD.set(w, 1); // (the two lists share no word; informal would win)

export function addressForm(doc: Doc): AddressForm {
  const hit = cache.get(doc);
  if (hit) return hit;
  let du = 0;
  let sie = 0;
  for (const s of doc.sentences) {
    for (const t of s.items) {
      if (t.kind !== 'word' || t.quoted) continue;
      const a = ADDRESS_WORD.get(t.norm);
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
