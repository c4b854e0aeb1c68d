import { defineRule, snippet, discourse, perWord, PhraseSet, type PhraseEntry, type Sentence, type Token } from '@replylint/core';
import { against, change, decided, granting, moneyChange, owner, requested } from './phrases.gen.ts';

type Kind = 'against' | 'decided' | 'granting' | 'change';
const tagged = (list: readonly PhraseEntry[], passive: Kind): Array<PhraseEntry & { passive: Kind }> => list.map((e) => ({ ...e, passive }));
/**
 * The passive verbs of every kind in one indexed set, in the order the kinds are tried (against, decided, granting,
 * change): one look-up per sentence instead of five, with the same hits in the same order (one per entry).
 */
const PASSIVES = new PhraseSet<PhraseEntry & { passive: Kind }>([
  ...tagged(against, 'against'), ...tagged(decided, 'decided'), ...tagged(granting, 'granting'), ...tagged(change, 'change'), ...tagged(moneyChange, 'change'),
], 'passive-decision/passives');
const REQUESTED = new PhraseSet(requested, 'passive-decision/requested');
const OWNER = new PhraseSet(owner, 'passive-decision/owner');

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));
const WERDEN = words('wird wurde wurden werden worden werde wuerde wuerden wirst');
const SEIN = words('ist sind war waren sei seien');
const AGENT_PREP = words('von vom durch');
const PERSON = words('mir uns ihm ihr ihnen frau herr herrn dr mich dich dir euch');
const AGENT_NOUN = /(?:in|innen|er|amt|aemter|stelle|team|abteilung|kasse|bank|gericht|ausschuss|druckerei|vertrag|gesetz|leitung|kollege|kollegen|kollegin|gutachter|partner|system|behoerde|direktion|vorstand|gremium|kommission|verwaltung|fuehrung|zentrale|unternehmen|firma|gesellschaft)$/;
const ADDRESS = /^(?:ihr|ihre|ihren|ihrem|ihrer|ihres|ihnen|sie|dein|deine|deinen|deinem|deiner|deines|du|dir|dich|euch|euer|eure|euren|eurem|eurer)$/;
/** Requests and payments a customer waits for: a sentence about them concerns the customer even without "Ihr". */
const MATTER = /(?:antrag|antraege|anfrage|erstattung|gutschrift|uebernahme|ausgleich|ausgleichszahlung|entschaedigung|kaution|verlaengerung|kulanz|widerspruch|beschwerde|reklamation|rueckzahlung|auszahlung|zahlung|storno|kuendigung|bestellung|auftrag|garantie|gewaehrleistung|bitte|wunsch|schaden|leistung|rabatt|nachlass|frist|gebuehr|gebuehren|ausweis|genehmigung|bescheinigung|zuschuss|foerderung|beihilfe|geld|vertrag|tarif|gutschein|meldung|kosten|rechnung|betrag|forderung|ruecksendung|retoure|umtausch|reparatur|anspruch|ansprueche|einspruch|ersatz|anschluss|buchung|reservierung|termin)$/;
const RELATIVE = words('der die das dem den denen dessen deren welcher welche welches welchem welchen was wer wem wen');
const NP_DET_AGENT = words('der die das dem den des einem einer einen unserem unserer unseren ihrem ihrer meinem meiner');
const STATE = words('gesperrt gekuendigt storniert gekuerzt gestrichen entzogen');
const MODAL = words('kann koennen konnte konnten koennte koennten darf duerfen durfte durften muss muessen musste mussten soll sollen sollte sollten');
/** Modals of possibility: "kann … storniert werden" without a negation describes what is possible. */
const POSSIBLE = words('kann koennen konnte konnten koennte koennten darf duerfen durfte durften');
const PREPOSITIONS = words('nach aufgrund wegen bei in im mit zum zur auf aus infolge gemaess laut');


interface Found { participle: number; aux: number; kind: Kind }

function clauseOf(s: Sentence, i: number): { from: number; to: number; lead: string; subordinate: boolean } {
  return s.clauses.find((c) => i >= c.from && i < c.to) ?? s.clauses[0]!;
}

function hasAgent(items: Token[], from: number, to: number, participle: Token): boolean {
  for (let i = from; i < to; i++) {
    const t = items[i]!;
    if (!AGENT_PREP.has(t.norm)) continue;
    if (participle.norm === 'abgesehen' && i === from) continue; // "Von einer Erstattung wird abgesehen"
    for (let k = i + 1; k <= i + 4 && k < to; k++) {
      const n = items[k]!;
      if (n.kind === 'num') break;
      if (n.kind !== 'word') continue;
      if (PERSON.has(n.norm)) return true;
      if (n.upper && AGENT_NOUN.test(n.norm)) return true;
      if (n.upper && k > i + 1) break;
    }
  }
  return false;
}

/** Is the folded word a form of "werden" or "sein"? Once per word, kept on its record (one look-up per token, not two). */
const auxiliary = perWord((norm: string): boolean => WERDEN.has(norm) || SEIN.has(norm));
/** Does the sentence hold a form of "werden" or "sein"? Every passive found below needs one as its auxiliary. */
function hasAuxiliary(items: Token[]): boolean {
  for (let k = 0; k < items.length; k++) if (auxiliary(items[k]!.word)) return true;
  return false;
}

function findPassive(s: Sentence): Found | null {
  const items = s.items;
  // cheap pre-check: no auxiliary, no passive (spares the phrase-set look-up in most sentences)
  if (!hasAuxiliary(items)) return null;
  let harmless: Array<[number, number]> | null = null;
  for (const h of PASSIVES.match(s)) {
    const kind = h.entry.passive;
    const p = h.match.to - 1;
    const part = items[p]!;
    if (part.quoted || part.kind !== 'word') continue;
    const c = clauseOf(s, p);
    if (discourse.isConditional(s, c)) continue;
    // a parenthesis splits clauses but not the verb frame: "wurde gemäß Art. 5 (EG) abgelehnt"
    let from = c.from;
    let to = c.to;
    for (let changed = true; changed;) {
      changed = false;
      for (const k of s.clauses) {
        if (k.to === from - 1 && /^[()/-]$/.test(items[from - 1]!.text)) { from = k.from; changed = true; }
        if (k.from === to + 1 && /^[()/-]$/.test(items[to]?.text ?? '')) { to = k.to; changed = true; }
      }
    }
    let aux = -1;
    for (let i = from; i < to; i++) {
      const n = items[i]!.norm;
      const near = i < p || i - p <= 3; // V2 "wurde … abgelehnt" or verb-final "abgelehnt werden konnte"
      if (!near) continue;
      if (WERDEN.has(n) || (kind === 'against' && SEIN.has(n) && i < p && !STATE.has(part.norm))) { aux = i; break; }
    }
    if (aux < 0) continue;
    const negated = discourse.negationsIn(s, c, (harmless ??= discourse.harmlessNegation(s))).length > 0;
    let modal = false;
    let possible = false;
    for (let i = from; i < to; i++) {
      if (MODAL.has(items[i]!.norm)) modal = true;
      if (POSSIBLE.has(items[i]!.norm)) possible = true;
    }
    // "Rechnungen können nur dort storniert werden": a possibility, not a decision
    if (possible && !negated) continue;
    if (modal && kind === 'decided') continue;
    if (SEIN.has(items[aux]!.norm) && negated) continue;
    if (c.from === 0 && c.lead === 'dass') continue;
    // "wurde" as a full verb with a predicate noun is not a passive: require the participle after the subject position
    if (hasAgent(items, c.from, c.to, part)) continue;
    let agentAfterAux = false;
    for (let k = aux + 1; k < p; k++) if (AGENT_PREP.has(items[k]!.norm) && items[k + 1] && (NP_DET_AGENT.has(items[k + 1]!.norm) || items[k + 1]!.upper) && items[k + 2]?.kind !== 'num' && items[k + 1]!.kind !== 'num') agentAfterAux = true;
    if (agentAfterAux && WERDEN.has(items[aux]!.norm) && aux < p) continue;
    // "nach fünf Fehlversuchen automatisch gesperrt": a safety mechanism, not somebody's decision
    if (STATE.has(part.norm) && items.slice(c.from, c.to).some((x) => x.norm === 'automatisch')) continue;
    if (kind === 'granting' && !negated) continue;
    if (kind === 'change' && negated) continue;
    if (kind === 'change') {
      let own = false;
      for (let i = c.from; i < p; i++) if (/^(?:ihr|ihre|ihren|ihrem|ihres|dein|deine|deinen|deinem|deines)$/.test(items[i]!.norm) && items[i]!.upper === (items[i]!.norm.startsWith('ihr'))) own = true;
      if (!own || REQUESTED.test(s)) continue;
    }
    if ((kind === 'decided' || kind === 'against') && part.norm !== 'abgelehnt' && REQUESTED.test(s)) continue;
    return { participle: p, aux, kind };
  }
  // "Von einer Erstattung wird abgesehen"
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.norm !== 'abgesehen' || items[i]!.quoted) continue;
    const c = clauseOf(s, i);
    if (items[c.from]!.norm !== 'von') continue;
    for (let k = c.from; k < c.to; k++) if (WERDEN.has(items[k]!.norm)) return { participle: i, aux: k, kind: 'against' };
  }
  return null;
}

function concernsCustomer(s: Sentence, f: Found): boolean {
  const items = s.items;
  const c = clauseOf(s, f.participle);
  if (f.kind === 'decided' && items[c.from]!.norm === 'es') return true;
  if (f.kind === 'decided' && PREPOSITIONS.has(items[c.from]!.norm)) return true;
  // "Dort wird entschieden, ob …": the decision about the customer's matter happens out of sight
  const next = s.clauses[s.clauses.indexOf(c) + 1];
  if (f.kind === 'decided' && !c.subordinate && next && (next.lead === 'ob' || next.lead === 'dass' || next.lead === 'wann')) return true;
  // the region the passive speaks about: its own clause and, for a main clause, the main-clause parts before it
  let from = c.from;
  if (!c.subordinate) {
    for (let k = s.clauses.indexOf(c) - 1; k >= 0; k--) {
      const prev = s.clauses[k]!;
      if (prev.subordinate && RELATIVE.has(prev.lead)) continue;
      from = prev.from;
      if (prev.subordinate) break; // "Beachten Sie, dass eine Eingabe, die …, nicht gekürzt wird"
    }
  }
  for (let i = from; i <= f.participle; i++) {
    const t = items[i]!;
    if (t.quoted || t.kind !== 'word') continue;
    if (ADDRESS.test(t.norm) && (t.norm !== 'sie' || (t.upper && i !== c.from)) && (!t.norm.startsWith('ihr') || t.upper)) return true;
    if (t.upper && MATTER.test(t.norm)) return true;
  }
  return false;
}

export default defineRule({
  id: 'passive-decision',
  meta: {
    type: 'suggestion',
    description: 'Meldet Passivsätze, die verschweigen, wer entschieden hat („Ihr Antrag wurde abgelehnt.“).',
    severity: 'warn',
    unit: 'sentence',
    messages: {
      hiddenDecider: 'Passiv ohne Absender: „{{actual}}“ verschweigt, wer entschieden hat. Sagen Sie in der Ich- oder Wir-Form, wer entschieden hat und warum.',
    },
  },
  create(ctx) {
    
    const sentences = ctx.doc.sentences;
    return {
      sentence(s) {
        if (s.question || discourse.isQuotedHistory(ctx.doc, s)) return;
        const f = findPassive(s);
        if (!f || !concernsCustomer(s, f)) return;
        const prev = sentences[s.index - 1];
        const next = sentences[s.index + 1];
        if (OWNER.test(s) || (prev && prev.paragraph === s.paragraph && OWNER.test(prev)) || (next && next.paragraph === s.paragraph && OWNER.test(next))) return;
        const items = s.items;
        const c = clauseOf(s, f.participle);
        const suggestions = [];
        const auxTok = items[f.aux]!;
        const partTok = items[f.participle]!;
        if (f.kind === 'decided' && items[c.from]!.norm === 'es' && f.aux === c.from + 1 && f.participle === c.from + 2 && WERDEN.has(auxTok.norm)) {
          const es = items[c.from]!;
          suggestions.push({ desc: 'In die Wir-Form setzen', text: `${es.upper ? 'Wir' : 'wir'} haben ${partTok.text}`, start: es.start, end: partTok.end });
        } else if (f.kind === 'decided' && PREPOSITIONS.has(items[c.from]!.norm) && f.participle === f.aux + 1 && WERDEN.has(auxTok.norm)) {
          suggestions.push({ desc: 'In die Wir-Form setzen', text: 'haben wir', start: auxTok.start, end: auxTok.end });
        }
        suggestions.push({
          desc: 'Sagen, wer entschieden hat',
          text: 'Ich habe Ihr Anliegen selbst geprüft und entschieden: ',
          start: s.start,
          end: s.start,
        });
        ctx.report({
          messageId: 'hiddenDecider',
          data: { actual: snippet(s.text) },
          start: s.start,
          end: s.end,
          note: 'Ein Passiv wie „wurde abgelehnt“ stellt den Kunden vor eine anonyme Wand. Schreiben Sie, wer entschieden hat („Ich habe … geprüft und muss … ablehnen, weil …“) – dann weiß er, mit wem er sprechen kann.',
          suggestions,
        });
      },
    };
  },
});
