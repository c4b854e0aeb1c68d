import { defineRule, discourse, PhraseSet, sameBranchContext, type Doc, type PhraseEntry, type Sentence } from '@replylint/core';
import { reportSentence, type SuggestText } from '../_shared/sentence-finding.ts';
import { dismissive, acknowledgements, rules, reasons, followUps, further, furtherLater } from './phrases.gen.ts';

const DISMISSIVE = new PhraseSet(dismissive, 'dismissive/dismissive');
const ACK = new PhraseSet(acknowledgements, 'dismissive/acknowledgements');
const RULES = new PhraseSet(rules, 'dismissive/rules');
const REASONS = new PhraseSet(reasons, 'dismissive/reasons');
const FOLLOW_UP = new PhraseSet(followUps, 'dismissive/followUps');
const FURTHER = new PhraseSet(further, 'dismissive/further');
const FURTHER_LATER = new PhraseSet(furtherLater, 'dismissive/furtherLater');

type MessageId = 'normal' | 'lone' | 'denial' | 'fine';


/** Does the reply address the customer with "du"? (More informal than capitalised formal pronouns.) */

const SUGGEST: Record<MessageId, SuggestText> = {
  normal: {
    desc: 'Das Anliegen ernst nehmen und erklären',
    sie: 'Ich verstehe, dass Sie das stört. Der Grund dafür ist [Ursache in einfachen Worten]; gerne [konkretes Angebot, z. B. Prüfung, Austausch, Termin].',
    du: 'Ich verstehe, dass dich das stört. Der Grund dafür ist [Ursache in einfachen Worten]; gerne [konkretes Angebot, z. B. Prüfung, Austausch, Termin].',
    note: '„Das ist normal“ stellt den Kunden als Nörgler hin. Erklären Sie, woher es kommt, und bieten Sie an, was Sie tun können.',
  },
  lone: {
    desc: 'Den Hinweis als Einzelfall ernst nehmen',
    sie: 'Danke, dass Sie uns darauf hinweisen – genau solche Hinweise brauchen wir. Ich prüfe [was] und melde mich bis [Datum] bei Ihnen.',
    du: 'Danke, dass du uns darauf hinweist – genau solche Hinweise brauchen wir. Ich prüfe [was] und melde mich bis [Datum] bei dir.',
    note: 'Ob sich andere beschweren, hilft diesem Kunden nicht: Für ihn ist es kein Einzelfall. Nehmen Sie den Hinweis an und sagen Sie, was Sie jetzt tun.',
  },
  denial: {
    desc: 'Nachfragen statt bezweifeln',
    sie: 'Danke für Ihre Beschreibung – das möchte ich mir genau ansehen. Damit ich die Ursache finde: [konkrete Rückfrage]?',
    du: 'Danke für deine Beschreibung – das möchte ich mir genau ansehen. Damit ich die Ursache finde: [konkrete Rückfrage]?',
    note: 'Zweifel an der Schilderung des Kunden beenden das Gespräch. Fragen Sie nach und prüfen Sie – der Kunde erlebt das Problem wirklich.',
  },
  fine: {
    desc: 'Bei sich nachsehen statt abwiegeln',
    sie: 'Bei unseren Tests ist der Fehler bisher nicht aufgetreten – deshalb möchte ich ihn bei Ihnen genau verstehen: [konkrete Rückfrage]. Ich melde mich bis [Datum] bei Ihnen.',
    du: 'Bei unseren Tests ist der Fehler bisher nicht aufgetreten – deshalb möchte ich ihn bei dir genau verstehen: [konkrete Rückfrage]. Ich melde mich bis [Datum] bei dir.',
    note: '„Bei uns läuft alles“ sagt dem Kunden, das Problem liege bei ihm. Gehen Sie der Sache nach und sagen Sie, wann er von Ihnen hört.',
  },
};

function clauseAt(s: Sentence, i: number): Sentence['clauses'][number] {
  return s.clauses.find((c) => i >= c.from && i < c.to) ?? s.clauses[0]!;
}

const ES_UEBLICH = /\b(?:[Ee]s (?:ist|war|wäre)|(?:ist|war|wäre) es) (?:\S+ )?üblich\b/;
const FIXED = new Set(['wieder', 'jetzt', 'nun', 'inzwischen', 'mittlerweile', 'nach', 'hoffe', 'hoffen', 'hoffentlich']);
const BUT = new Set(['aber', 'jedoch', 'allerdings', 'trotzdem', 'dennoch']);
const CONDITIONAL_LEADS = new Set(['ob', 'falls', 'sofern', 'sollte', 'sollten']);
const COORD = new Set(['und', 'oder', 'sondern', 'aber', 'sowie', '–', '-', ';']);

/**
 * Is the statement ending at item `to` negated within its clause? Negations after it count only up to a
 * coordination ("ist normal und kein Grund zur Sorge" is not negated, "Normal ist es nicht" is).
 */
function negated(s: Sentence, clause: Sentence['clauses'][number], to: number, harmless: Array<[number, number]>): boolean {
  for (const i of discourse.negationsIn(s, clause, harmless)) {
    if (i < to) return true;
    let coord = false;
    for (let k = to; k < i; k++) if (COORD.has(s.items[k]!.norm)) coord = true;
    if (!coord) return true;
  }
  return false;
}

const FLAGS = new WeakMap<PhraseEntry, Set<string>>();

/** The entry's `kind` words as a set (made once per entry). */
function flags(e: PhraseEntry): Set<string> {
  let f = FLAGS.get(e);
  if (!f) FLAGS.set(e, (f = new Set(typeof e.kind === 'string' ? e.kind.split(/\s+/) : [])));
  return f;
}

/** The first dismissive phrase in a sentence, if any (and not cancelled by its context). */
/** Does the next sentence follow up with a question or a request ("Könnten Sie mir ein Video schicken?")? */
function followsUp(doc: Doc, s: Sentence): boolean {
  if (FOLLOW_UP.test(s)) return true;
  const n = doc.sentences[s.index + 1];
  return !!n && n.paragraph === s.paragraph && (n.question || FOLLOW_UP.test(n));
}

/** Does the reply take it further – a check, an offer, a remedy – in this or one of the next two sentences? */
function takenFurther(doc: Doc, s: Sentence, back: boolean): boolean {
  for (let k = back ? s.index - 2 : s.index; k <= s.index + 2; k++) {
    const x = doc.sentences[k];
    if (!x || x.paragraph !== s.paragraph || !sameBranchContext(doc, s.start, x.start)) continue;
    if (FURTHER.test(x) || (k > s.index && FURTHER_LATER.test(x))) return true;
  }
  return false;
}

function findDismissive(doc: Doc, s: Sentence): PhraseEntry | null {
  const hits = DISMISSIVE.match(s);
  if (hits.length === 0) return null;
  // a concession ("liegt zwar im Toleranzbereich – wenn es aber täglich auftritt, …") is not a brush-off (looked for
  // only in the few sentences with a hit: the scan of every sentence cost more than the matching it spared)
  if (s.items.some((t) => t.norm === 'zwar') && s.items.some((t) => t.norm === 'aber' || t.norm === 'doch' || t.norm === 'jedoch')) return null;
  const harmless = discourse.harmlessNegation(s);
  // an acknowledgement in a clause of its own turns the statement around ("…, umso wichtiger ist Ihr Hinweis")
  // … unless a "but" takes it back ("Wir verstehen Ihren Ärger, können aber versichern, dass …")
  if (ACK.match(s).some((h) => discourse.negationsIn(s, clauseAt(s, h.match.from), harmless).length === 0
    && !s.items.slice(h.match.to).some((t) => BUT.has(t.norm)))) return null;
  for (const h of hits) {
    const { from, to } = h.match;
    if (s.items[from]!.quoted) continue;
    const f = flags(h.entry);
    const last = clauseAt(s, to - 1);
    const first = clauseAt(s, from);
    if (CONDITIONAL_LEADS.has(first.lead)) continue;
    if (s.question && !f.has('q') && !(last.subordinate && (last.lead === 'dass' || last.lead === 'daß'))) continue;
    if (f.has('neg') && negated(s, last, to, harmless)) continue;
    if (f.has('reason') && REASONS.test(s)) continue;
    // "Es ist üblich, … anzugeben" describes a convention, not the customer's problem
    if (h.entry.id === 'normal' && ES_UEBLICH.test(s.text)) continue;
    // "Das Gerät funktioniert wieder einwandfrei" reports a repair
    if ((h.entry.id === 'alles-ok' || f.has('fixed')) && s.items.some((t) => FIXED.has(t.norm))) continue;
    if (f.has('norule') && RULES.test(s)) continue;
    if (f.has('followup') && followsUp(doc, s)) continue;
    if (f.has('further') && takenFurther(doc, s, f.has('back'))) continue;
    if ((h.entry.id === 'kein-fehler-festgestellt' || h.entry.id === 'korrekt') && s.items.some((t) => FIXED.has(t.norm))) continue;
    return h.entry;
  }
  return null;
}

export default defineRule({
  id: 'dismissive',
  meta: {
    type: 'suggestion',
    description: 'Meldet Sätze, die den Kunden als Einzelfall oder Nörgler abtun („Das ist normal.“, „Damit hatten wir noch nie Probleme.“).',
    severity: 'warn',
    unit: 'sentence',
    messages: {
      normal: 'Abwiegeln: „{{actual}}“ erklärt das Problem für normal. Nehmen Sie es ernst, erklären Sie die Ursache und bieten Sie Hilfe an.',
      lone: 'Abwiegeln: „{{actual}}“ stellt den Kunden als Einzelfall hin. Nehmen Sie den Hinweis an und sagen Sie, was Sie jetzt tun.',
      denial: 'Abwiegeln: „{{actual}}“ zweifelt die Schilderung des Kunden an. Fragen Sie nach und prüfen Sie.',
      fine: 'Abwiegeln: „{{actual}}“ erklärt, bei Ihnen sei alles in Ordnung. Gehen Sie dem Problem beim Kunden nach.',
    },
  },
  create(ctx) {
    return {
      sentence(s) {
        const entry = findDismissive(ctx.doc, s);
        if (!entry) return;
        const id = (entry.message ?? 'normal') as MessageId;
        reportSentence(ctx, s, id, SUGGEST[id], entry.note as string | undefined);
      },
    };
  },
});

