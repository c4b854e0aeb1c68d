/**
 * Discourse helpers shared by the rules: is this clause a refusal, does a reason or a way forward follow,
 * is a clause conditional or a question. They work on the token model (folded words, clauses), not on raw
 * strings, so inflection, word order and negation scope are handled once for every rule.
 */
import { PhraseSet } from './phrases.ts';
import { SUBORDINATORS } from './lexicon.ts';
import type { Clause, Sentence, Token } from './types.ts';
import type { Doc } from './doc.ts';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Leads of clauses that only state a condition or ask: what follows is not asserted. */
const CONDITIONAL_LEADS = words('wenn falls sofern soweit ob sollte sollten solange insofern');

/** Negations that do not negate the service ("kein Problem", "nicht nur", "zögern Sie nicht"). */
import { NEGATIONS } from './lexicon.ts';

const HARMLESS_NEGATION = new PhraseSet([
  { pattern: ['kein* problem*', 'keine sorge*', 'keine umstaende', 'keine ursache', 'nicht nur', 'nicht zu <zoegern>', '<zoegern> ...3 nicht', 'nicht <zoegern>', 'nicht vergessen', 'nicht zu vergessen',
    'keine* weiteren? kosten', 'keine* zusaetzlich* kosten', 'kostenlos', 'nichts weiter*', 'nichts mehr <tun>|<machen>|<unternehmen>', 'nichts <tun>|<unternehmen> <muessen>', '<muessen> ...3 nichts', 'nicht selbst', 'nicht erneut',
    'nicht mehr als', 'nicht mehr lange', 'nicht lange', 'nicht unbedingt', 'gar kein* aufwand', 'nichts <aus|machen>', 'nicht <aus|machen>', 'keine* gebuehr*', 'nicht <berechnen>', 'nichts <berechnen>', 'nichts <kosten>', 'nicht verloren', 'keine* nachteil*', 'nicht <verfallen>', 'nichts <verlieren>'] },
], 'harmless-negation');

/** Markers of a reason: causal conjunctions and adverbs, and explicit "Grund". */
const REASON = new PhraseSet([
  { pattern: ['weil', 'denn', 'da @DET|@PRON|@FORMAL|unser*|mein*|dein*|kein*|nur|noch|bereits|schon|leider|wir|ich|es|sie|man|ihr*', 'daher', 'deshalb', 'deswegen', 'darum', 'aufgrund', 'wegen', 'naemlich', 'grund|gruende|grundes|gruenden', '*grund|*gruende|*gruenden', 'hintergrund', 'ursache', 'liegt daran', 'liegt an', 'sodass', 'so dass', 'nachdem', 'schliesslich', 'zumal', 'bedingt', 'infolge', 'heisst', 'bedeutet', 'konkret', 'damit', 'weshalb', 'warum', 'angesichts', 'anders als'] },
], 'reason');

/**
 * Markers of a way forward: an alternative, a next step, a choice, an interim solution, a follow-up date.
 */
const WAY_FORWARD = new PhraseSet([
  { pattern: [
    'alternativ*', 'stattdessen', 'statt dessen', 'anstatt', 'statt', 'gerne|gern', 'moeglichkeit*', '*moeglichkeit', 'option*', 'wahl', '<waehlen>', '<entscheiden> sie', 'ihnen lieber', 'dir lieber', 'lieber ist',
    '<an|bieten>', '<vor|schlagen>', '<empfehlen>', 'vorschlag', 'loesung*', '*loesung', 'gutschein*', '*gutschein', 'ersatz*', '*ersatz', 'umtausch', '<um|tauschen>', 'reparatur*', '<reparieren>', 'kulanz*',
    'rueckruf', '<zurueck|rufen>', '<melden> ...3 mich|uns', 'mich|uns ...3 <melden>', '<kuemmern> ...3 mich|uns', 'mich|uns ...3 <kuemmern>', 'bis spaetestens', 'bis zum', 'bis morgen', 'bis montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|ende',
    'innerhalb', 'noch heute', 'heute noch', 'morgen', 'sobald', '<veranlassen>', '<beauftragen>', '<buchen>', '<reservieren>', '<zusenden>', '<zu|schicken>', '<zu|senden>', '<schicken>', '<senden>', 'link', 'formular', 'rabatt', 'preisnachlass', 'erstattung', '<erstatten>', '<gutschreiben>', 'gutschrift',
    '<helfen>', '<unterstuetzen>', 'ueberbrueck*', 'leihgeraet', 'vorab', 'zwischenzeitlich', 'uebergangsweise', 'vorerst', 'kostenlos*', 'kostenfrei*', 'versandkostenfrei', 'ich|wir <koennen> ...4 <an|bieten>|<machen>|<pruefen>|<schicken>|<senden>|<reservieren>|<buchen>|<vormerken>',
    'sie|du <koennen> ...5 <nutzen>|<bestellen>|<beantragen>|<anrufen>|<buchen>|<einreichen>|<waehlen>|<nachreichen>|<ein|reichen>|<hochladen>|<ein|senden>|<zurueck|senden>|<zurueck|schicken>|<einloggen>|<aendern>',
    'vormerken', '<vor|merken>', 'warteliste', '<benachrichtigen>', '<informieren>', 'ticket', 'termin', 'techniker*', 'kollege*', 'kollegin*', '<weiter|leiten>', '<pruefen>', '<klaeren>',
  ] },
], 'way-forward');

export function isConditional(sentence: Sentence, clause: Clause): boolean {
  if (sentence.question) return true;
  if (CONDITIONAL_LEADS.has(clause.lead)) return true;
  const first = sentence.clauses[0];
  // "Sollte das nicht möglich sein, …" / "Wäre das nicht möglich?"
  if (first && (first.lead === 'sollte' || first.lead === 'sollten' || first.lead === 'waere' || first.lead === 'falls' || first.lead === 'wenn') && clause === first) return true;
  return false;
}

export function clauseTokens(sentence: Sentence, clause: Clause): Token[] {
  return sentence.items.slice(clause.from, clause.to);
}

/** Is the negation at items[i] a harmless one ("kein Problem", "zögern Sie nicht")? */
export function harmlessNegation(sentence: Sentence): Array<[number, number]> {
  return HARMLESS_NEGATION.match(sentence).map((h) => [h.match.from, h.match.to] as [number, number]);
}

/** Real negations in a clause (indices into sentence.items), excluding harmless ones and quoted text. */
export function negationsIn(sentence: Sentence, clause: Clause, harmless = harmlessNegation(sentence)): number[] {
  const out: number[] = [];
  for (let i = clause.from; i < clause.to; i++) {
    const t = sentence.items[i]!;
    if (t.kind !== 'word' || t.quoted || !NEGATIONS.has(t.norm)) continue;
    if (harmless.some(([a, b]) => i >= a && i < b)) continue;
    out.push(i);
  }
  return out;
}

export function hasReason(sentence: Sentence): boolean {
  return REASON.test(sentence);
}

export function hasWayForward(sentence: Sentence): boolean {
  return WAY_FORWARD.test(sentence);
}

/**
 * Look around a sentence for a reason / a way forward: the sentence itself and the next `after` sentences
 * (and the previous `before`), within the reply.
 */
export function around(doc: Doc, s: Sentence, before: number, after: number): Sentence[] {
  const list = doc.sentences;
  return list.slice(Math.max(0, s.index - before), Math.min(list.length, s.index + after + 1));
}

export function reasonNear(doc: Doc, s: Sentence, before = 1, after = 2): boolean {
  return around(doc, s, before, after).some(hasReason);
}

/**
 * A way forward near a refusal: in a following (or preceding) sentence, or inside the refusal sentence in
 * another clause that is not itself negated ("…, aber ich kann Ihnen einen Gutschein anbieten").
 */
export function wayForwardNear(doc: Doc, s: Sentence, refusalItem: number, before = 1, after = 3): boolean {
  return around(doc, s, before, after).some((x) => (x !== s ? hasWayForward(x) : wayForwardInOtherClauses(s, refusalItem)));
}

function wayForwardInOtherClauses(s: Sentence, refusalItem: number): boolean {
  if (s.clauses.length < 2) return false;
  const harmless = harmlessNegation(s);
  const own = s.clauses.find((c) => refusalItem >= c.from && refusalItem < c.to);
  return WAY_FORWARD.match(s).some((h) => {
    const c = s.clauses.find((k) => h.match.from >= k.from && h.match.from < k.to);
    return !!c && c !== own && negationsIn(s, c, harmless).length === 0;
  });
}

export { SUBORDINATORS };
