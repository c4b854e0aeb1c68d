import { defineRule, snippet, addressForm, discourse, perSentence, PhraseSet, type Doc, type PhraseHit, type PhraseEntry, type Sentence, type Token } from '@replylint/core';
import { explicit, allotVerbs, changeVerbs, neutralVerbs, weakVerbs, receiveVerbs, sendVerbs, documents, unilateral, strong, purposes, problems, outages, prices, corrections, reasons, consent, choice, favours, subjectMatter, gifts } from './phrases.gen.ts';

const tiered = (list: readonly PhraseEntry[], tier: string): PhraseEntry[] => list.map((e, i) => ({ ...e, id: `${tier}-${i}`, tier }));
/** Every decision word in one indexed set: explicit phrases (no tier) and verbs by tier. */
const TRIGGERS = new PhraseSet<PhraseEntry>([
  ...explicit,
  ...tiered(allotVerbs, 'allot'),
  ...tiered(changeVerbs, 'change'),
  ...tiered(neutralVerbs, 'neutral'),
  ...tiered(weakVerbs, 'weak'),
  ...tiered(receiveVerbs, 'receive'),
  ...tiered(sendVerbs, 'send'),
], 'deciding-for-customer/triggers');
const PURPOSE = new PhraseSet(purposes, 'deciding-for-customer/purposes');
const PROBLEM = new PhraseSet(problems, 'deciding-for-customer/problems');
const OUTAGE = new PhraseSet(outages, 'deciding-for-customer/outages');
const PRICE = new PhraseSet(prices, 'deciding-for-customer/prices');
const DOCUMENT = new PhraseSet(documents, 'deciding-for-customer/documents');
const CORRECTION = new PhraseSet(corrections, 'deciding-for-customer/corrections');
const UNILATERAL = new PhraseSet(unilateral, 'deciding-for-customer/unilateral');
const STRONG = new PhraseSet(strong, 'deciding-for-customer/strong');
const REASONS = new PhraseSet(reasons, 'deciding-for-customer/reasons');
const CONSENT = new PhraseSet(consent, 'deciding-for-customer/consent');
const CHOICE = new PhraseSet(choice, 'deciding-for-customer/choice');
const FAVOUR = new PhraseSet(favours, 'deciding-for-customer/favours');
const SUBJECT = new PhraseSet(subjectMatter, 'deciding-for-customer/subjectMatter');
const GIFT = new PhraseSet(gifts, 'deciding-for-customer/gifts');

const INFORMAL = new Set(['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'deines', 'euch']);
const FORMAL = new Set(['sie', 'ihnen', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres']);
const COMPANY = new Set(['wir', 'ich']);
/** Modal or hypothetical: an offer, not a decision ("Wir können Sie umbuchen"). */
const OFFER = new Set(['koennen', 'kann', 'koennte', 'koennten', 'wuerde', 'wuerden', 'moechte', 'moechten', 'soll', 'sollen', 'sollte', 'sollten', 'duerfen', 'darf', 'wuerdest', 'koenntest', 'gern', 'gerne']);
const OFFER_VERBS = new Set(['empfehle', 'empfehlen', 'empfiehlt', 'empfohlen', 'schlage', 'schlagen', 'vorgeschlagen', 'biete', 'bieten', 'angeboten', 'rate', 'raten']);
const TIME_PREP = new Set(['am', 'ab', 'um', 'bis', 'im', 'zum', 'zur', 'in', 'nach', 'vor', 'seit']);
const RECIPIENT = new Set(['ihnen', 'dir', 'euch']);
const BACKGROUND = new Set(['weil', 'da', 'nachdem', 'seit', 'seitdem', 'als', 'dass', 'ob', 'obwohl']);
const MUST = new Set(['muss', 'muessen', 'musste', 'mussten']);
const REFLEXIVE = new Set(['sich']);
const COORD = new Set(['und', 'oder', 'aber', 'doch']);
const OURS = new Set(['unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres']);
const HAVE = new Set(['haben', 'habe', 'hab', 'hat', 'hatten', 'hatte', 'habt']);
const PASSIVE = new Set(['wird', 'wurde', 'wurden', 'werden', 'worden']);
const RECEIVE = new Set(['bekommen', 'bekommst', 'bekommt', 'erhalten', 'erhaeltst', 'erhaelt']);
const PRONOUN = new Set(['sie', 'du', 'wir', 'ich', 'er', 'es', 'man', 'ihr', 'der', 'die', 'das', 'dein', 'deine', 'ihre', 'ihr']);
const COST = new Set(['mehrkosten', 'aufpreis', 'kostet', 'kosten', 'erhoeht', 'beitrag', 'teurer', 'zuzahlung', 'mehr']);
/** Company-wide changes ("Ab April stellen wir alle Zähler um") are policy, not a choice taken for one customer. */
const POLICY = new Set(['alle', 'saemtliche', 'generell', 'grundsaetzlich', 'kuenftig', 'zukuenftig', 'region', 'bundesweit', 'allen']);
const PICKED = new Set(['gewaehlt', 'ausgewaehlt', 'ausgesucht']);
/** What the customer merely hears about or gets back is no substitute ("Sie erhalten eine Benachrichtigung"). */
const NOT_SUBSTITUTE = new Set(['benachrichtigung', 'nachricht', 'bescheid', 'mail', 'e-mail', 'email', 'bestaetigung', 'information', 'informationen', 'info', 'infos', 'rueckmeldung', 'link', 'sms', 'anruf', 'rueckruf', 'zurueck', 'geld', 'kaufpreis', 'betrag', 'erstattung', 'rueckerstattung']);
const HYPOTHETICAL = new Set(['haette', 'haetten', 'haettest', 'waere', 'waeren', 'wuerde', 'wuerden']);
const THEREFORE = new Set(['deshalb', 'daher', 'deswegen', 'dafuer', 'stattdessen', 'ersatzweise']);
const CONTINUE = new Set(['sondern', 'und', 'aber']);
const SUBJECTS = new Set(['sie', 'du', 'er', 'es', 'man', 'ihr', 'wir', 'ich']);
const CONDITIONAL = new Set(['wenn', 'wenns', "wenn's", 'falls', 'sofern', 'sollte', 'sollten', 'ob']);


type Clause = Sentence['clauses'][number];

const MERGED = perSentence<Clause[]>();
/** The clauses of the sentence with parentheses folded into their clause ("die ältesten Backups (vor 2024) gelöscht"). */
function clausesOf(s: Sentence): Clause[] {
  let out = MERGED.get(s);
  if (out) return out;
  out = [];
  let inParen = false;
  for (const c of s.clauses) {
    const prevTok = s.items[c.from - 1]?.norm;
    const last = out[out.length - 1];
    if (last && (inParen || prevTok === '(' || prevTok === ')')) out[out.length - 1] = { ...last, to: c.to };
    else out.push(c);
    for (let k = c.from - 1; k < c.to; k++) {
      const n = s.items[k]?.norm;
      if (n === '(') inParen = true;
      else if (n === ')') inParen = false;
    }
  }
  MERGED.set(s, out);
  return out;
}

function clauseAt(s: Sentence, i: number): Clause {
  const cs = clausesOf(s);
  return cs.find((c) => i >= c.from && i < c.to) ?? cs[0]!;
}

function has(s: Sentence, c: Clause, set: Set<string>): boolean {
  for (let k = c.from; k < c.to; k++) if (set.has(s.items[k]!.norm)) return true;
  return false;
}

/** Does a question in the sentence only confirm a fait accompli ("…, das ist doch in Ordnung, oder?")? */
function tagQuestion(s: Sentence): boolean {
  const n = s.items.length;
  const last = s.items.slice(Math.max(0, n - 4)).map((t) => t.norm);
  return last.includes('oder') || last.includes('okay') || last.includes('ok') || last.includes('recht');
}

/**
 * Who acts in the clause of the verb? The company ("Wir haben Sie umgebucht"), the customer on the receiving end
 * ("Sie bekommen statt … eine Gutschrift") or an agentless passive about the customer's things ("Ihr Anschluss wird
 * umgestellt").
 */
function customerIn(s: Sentence, c: Clause): boolean {
  for (let k = c.from; k < c.to; k++) {
    const t = s.items[k]!;
    if ((FORMAL.has(t.norm) && (t.upper || k === 0) && t.norm !== 'sie') || INFORMAL.has(t.norm)) return true;
    if (t.norm === 'sie' && k > c.from && t.upper) return true;
  }
  return false;
}

function decidingClause(s: Sentence, i: number): Clause | null {
  const c = clauseAt(s, i);
  if (has(s, c, OFFER)) return null;
  // background in a subordinate clause ("Weil Ihr Vertrag im März verlängert wurde, …")
  // ("Als kleine Entschädigung haben wir …" is a noun phrase, not "Als Sie anriefen, …")
  if (BACKGROUND.has(c.lead) && !(c.lead === 'als' && !PRONOUN.has(s.items[c.from + 1]?.norm ?? ''))) return null;
  // reflexive: an event, not a decision ("Die Zustellung wird sich verschieben")
  if (has(s, c, REFLEXIVE)) return null;
  // "Wir müssen den Termin leider verlegen" announces a necessity (delay-without-reason, passive-decision)
  if (has(s, c, MUST)) return null;
  // the company's own things ("Wir stellen gerade unser Abrechnungssystem um")
  if (has(s, c, OURS) && !customerIn(s, c)) return null;
  if (companyActs(s, c)) return c;
  // agentless passive about the customer's things: "Ihr Anschluss wird umgestellt", "Ihnen wurde … zugeteilt"
  for (let k = c.from; k < c.to; k++) {
    if (!PASSIVE.has(s.items[k]!.norm)) continue;
    if (customerIn(s, { ...c, to: k })) return c;
    break;
  }
  return null;
}

function passiveAllot(s: Sentence, hits: Hits): { hit: PhraseHit<PhraseEntry>; clause: Clause } | null {
  for (const h of hits) {
    // only booking onto the customer's account and allotting to him ("Ihnen wurde … zugeteilt"); "Sie wird mit Ihrer
    // nächsten Rechnung verrechnet" announces how a credit is paid, in the passive-decision rule's domain
    if (s.items[h.match.from]!.quoted || !/gut\|schreiben|zu\|teilen|zu\|weisen/.test(h.pattern.source)) continue;
    const c = clauseAt(s, h.match.from);
    if (!has(s, c, PASSIVE) || has(s, c, COMPANY) || has(s, c, OFFER) || has(s, c, MUST) || has(s, c, REFLEXIVE)) continue;
    if (BACKGROUND.has(c.lead) || (has(s, c, OURS) && !customerIn(s, c))) continue;
    if (customerIn(s, c)) return { hit: h, clause: c };
  }
  return null;
}

/** The company acts in the clause: "wir/ich …" or the chat form "Hab dich … gebucht". */
function companyActs(s: Sentence, c: Clause): boolean {
  if (has(s, c, COMPANY)) return true;
  if (/^hab/.test(s.items[c.from]!.norm) && (INFORMAL.has(s.items[c.from + 1]?.norm ?? '') || FORMAL.has(s.items[c.from + 1]?.norm ?? ''))) return true;
  return sharesCompanySubject(s, c);
}

/**
 * A coordinated clause without a subject of its own continues the clause before it: "Wir zahlen den Zuschuss nicht
 * aus, sondern verrechnen ihn mit …", "Wir haben Ihre Unterlagen geprüft, und buchen die Differenz ab".
 */
function sharesCompanySubject(s: Sentence, c: Clause): boolean {
  if (!CONTINUE.has(c.lead) || c.subordinate) return false;
  for (let k = c.from + 1; k < c.to; k++) if (SUBJECTS.has(s.items[k]!.norm)) return false;
  const cs = clausesOf(s);
  const i = cs.findIndex((x) => x.from === c.from);
  const prev = i > 0 ? cs[i - 1]! : null;
  return !!prev && !prev.subordinate && has(s, prev, COMPANY);
}

function firstValid<P extends PhraseEntry>(s: Sentence, hits: ReadonlyArray<PhraseHit<P>>): { hit: PhraseHit<P>; clause: Clause } | null {
  for (const h of hits) {
    const t = s.items[h.match.from]!;
    if (t.quoted) continue;
    // a capitalised word inside the sentence is a noun ("die Sperre"), not the verb
    const v = s.items[h.match.to - 1]!;
    if (v.upper && h.match.to - 1 > 0 && h.pattern.elems.length === 1) continue;
    const c = decidingClause(s, h.match.from);
    if (c) return { hit: h, clause: c };
  }
  return null;
}

type Hits = ReadonlyArray<PhraseHit<PhraseEntry>>;
const NO_HITS: Hits = [];

function isStatt(t: Token): boolean {
  return t.norm === 'statt' || t.norm === 'anstelle' || t.norm === 'anstatt';
}

/** The trigger hits split by tier, in one pass (explicit phrases have no tier). */
function byTier(all: Hits): { explicitHits: Hits; allot: Hits; changeHits: Hits; neutralHits: Hits; weakHits: Hits; sendHits: Hits } {
  if (all.length === 0) return { explicitHits: NO_HITS, allot: NO_HITS, changeHits: NO_HITS, neutralHits: NO_HITS, weakHits: NO_HITS, sendHits: NO_HITS };
  const explicitHits = [], allot = [], changeHits = [], neutralHits = [], weakHits = [], sendHits = [];
  for (const h of all) {
    switch (h.entry.tier) {
      case undefined: explicitHits.push(h); break;
      case 'allot': allot.push(h); break;
      case 'change': changeHits.push(h); break;
      case 'neutral': neutralHits.push(h); break;
      case 'weak': weakHits.push(h); break;
      case 'send': sendHits.push(h); break;
      case 'receive': break;
    }
  }
  return { explicitHits, allot, changeHits, neutralHits, weakHits, sendHits };
}

/** The sentence names a cost ("Der Beitrag erhöht sich dadurch um 4,20 €"). */
function costs(x: Sentence | undefined | null): boolean {
  return !!x && (x.items.some((t) => COST.has(t.norm)) || PRICE.test(x));
}

/** "damit Sie 20 % sparen" counts, "damit Sie ihn abholen können" (enabling the customer) does not. */
function purposeFor(s: Sentence): boolean {
  // "damit Sie nicht warten müssen" spares the customer something: a favour, not a decision
  return PURPOSE.match(s).some((h) => { const c = clauseAt(s, h.match.from); return !has(s, c, OFFER) && !has(s, c, MUST); });
}

function isUnilateral(s: Sentence, c?: Clause): boolean {
  // a price the customer now pays for a change to his things ("Wir tauschen Ihren Router aus, das kostet Sie einmalig
  // 49 €") was not put to him as an option
  return UNILATERAL.test(s) || purposeFor(s) || (!!c && customerIn(s, c) && PRICE.test(s));
}

function decision(doc: Doc, s: Sentence): 'decided' | 'presumed' | null {
  if (s.question && !tagQuestion(s)) return null;
  // one pass over the sentence for every decision word; without any (and without "statt") nothing below can match
  const all = TRIGGERS.match(s);
  if (all.length === 0 && !s.items.some(isStatt)) return null;
  const tiers = byTier(all);
  // "Schicken Sie mir die neue IBAN, dann buche ich …" – an imperative condition
  if (s.items[1]?.norm === 'sie' && s.items[1].upper && s.items.some((t) => t.norm === 'dann')) return null;
  // "Wenn Sie möchten, stelle ich …" – an offer
  if (s.clauses.some((c) => CONDITIONAL.has(c.lead) || (COORD.has(c.lead) && CONDITIONAL.has(s.items[c.from + 1]?.norm ?? '')))) return null;
  const prev = doc.sentences[s.index - 1];
  const before = prev && prev.paragraph === s.paragraph ? prev : null;
  const kind = decisionKind(doc, s, before, tiers, all);
  if (!kind) return null;
  // the customer asked for it, here or just before ("Danke für Ihre Kündigung. Wir haben Ihren Vertrag …"), or it
  // corrects a mistake (checked last: these only ever turn a finding into none, and most sentences have none)
  if (consents(s, s) || (before && consents(before, s))) return null;
  if (CORRECTION.test(s) || (before && CORRECTION.test(before))) return null;
  return kind;
}

/** Remedies by kind (folded word forms): a request names one, the decision may report another. */
const REMEDY_KINDS: ReadonlyArray<[string, RegExp]> = [
  ['money', /^(?:rueck)?erstatt|erstattung$|^auszahl|^ausgezahlt|^rueckzahl|^geld$|^kaufpreis|^ueberw/],
  ['voucher', /gutschein|^gutschrift|^guthaben|punkte$|^gutgeschrieben/],
  ['repair', /^reparatur|^reparier|^nachbesser/],
  ['replacement', /tausch|^ersatz|^ersetz|^neugeraet|^nachfolge/],
];
const REQUEST_NOUNS = new Set(['bitte', 'anfrage', 'antrag', 'wunsch', 'forderung', 'frage']);
const REQUEST_PREP = new Set(['um', 'auf', 'nach', 'zur', 'zu']);

function remedyKind(t: Token): string | null {
  if (t.kind !== 'word' || t.quoted) return null;
  for (const [k, re] of REMEDY_KINDS) if (re.test(t.norm)) return k;
  return null;
}

/** The requests in a sentence ("Bitte um Erstattung", "Antrag auf Wohngeld"): where the named thing is, and its word. */
function requestsIn(x: Sentence): Array<{ at: number; word: string }> {
  const out: Array<{ at: number; word: string }> = [];
  for (let i = 0; i + 1 < x.items.length; i++) {
    if (!REQUEST_NOUNS.has(x.items[i]!.norm) || !REQUEST_PREP.has(x.items[i + 1]!.norm)) continue;
    // the thing named: the first noun after the preposition ("um eine schnelle Erstattung" → erstattung)
    for (let j = i + 2; j < Math.min(x.items.length, i + 5); j++) {
      const t = x.items[j]!;
      if (t.kind === 'word' && t.upper) { out.push({ at: j, word: t.norm }); break; }
    }
  }
  return out;
}

/**
 * Does `x` carry the customer's consent to what `s` reports? A request for one thing ("Auf Ihre Bitte um Erstattung
 * hin …") consents to that, not to another remedy the sentence reports ("… einen Gutschein ausgestellt"), nor to
 * turning it into something else ("Ihr Antrag auf Wohngeld wurde in einen Antrag auf Lastenzuschuss umgewandelt").
 */
function consents(x: Sentence, s: Sentence): boolean {
  if (!CONSENT.test(x)) return false;
  const reqs = requestsIn(x);
  if (reqs.length === 0) return true;
  if (x === s && new Set(reqs.map((r) => r.word)).size > 1) return false;
  const asked = new Set<string>();
  for (const r of reqs) { const k = remedyKind(x.items[r.at]!); if (k) asked.add(k); }
  if (asked.size === 0) return true;
  const named = new Set(reqs.filter((r) => x === s).map((r) => r.at));
  return !s.items.some((t, i) => { const k = !named.has(i) && remedyKind(t); return !!k && !asked.has(k); });
}

/** "Weil die Farbe nicht mehr lieferbar ist, bekommen Sie das Sofa in Grau": the customer receives a substitute. */
function receivesSubstitute(s: Sentence, before: Sentence | null): boolean {
  const k = s.items.findIndex((t) => RECEIVE.has(t.norm) && !t.quoted);
  if (k < 0) return false;
  const c = clauseAt(s, k);
  // "hätten Sie eine Durchsage bekommen müssen" is no substitute, nor "Sie können … erhalten"
  if (!customerIn(s, c) || has(s, c, OFFER) || has(s, c, MUST) || has(s, c, HYPOTHETICAL) || has(s, c, COMPANY)) return false;
  // "Ab sofort erhalten Sie Ihre Rechnungen nur noch per E-Mail, das ist für Sie ohnehin bequemer."
  for (let i = c.from; i < c.to - 1; i++) if (s.items[i]!.norm === 'nur' && s.items[i + 1]!.norm === 'noch') return UNILATERAL.test(s);
  if (has(s, c, NOT_SUBSTITUTE)) return false;
  // the unavailability is given as the cause, in the sentence or just before ("… ausverkauft. Deshalb bekommen Sie …")
  if (OUTAGE.test(s) && REASONS.test(s)) return true;
  return !!before && OUTAGE.test(before) && has(s, c, THEREFORE);
}

/** The kind of decision the sentence reports, before the customer's consent and corrections are taken into account. */
function decisionKind(doc: Doc, s: Sentence, before: Sentence | null, tiers: ReturnType<typeof byTier>, all: Hits): 'decided' | 'presumed' | null {
  const { explicitHits, allot, changeHits, neutralHits, weakHits, sendHits } = tiers;
  const ex = explicitHits.find((h) => !s.items[h.match.from]!.quoted && !(h.entry.id === 'entschieden' && (FAVOUR.test(s) || !(SUBJECT.test(s) || customerIn(s, { from: 0, to: s.items.length, lead: '', subordinate: false })))));
  if (ex) return ex.entry.id === 'einverstanden' ? 'presumed' : 'decided';
  // "Sie bekommen statt eines Austauschs eine Gutschrift."
  const stattIdx = s.items.findIndex((t, k) => !t.quoted && (t.norm === 'statt' || t.norm === 'anstelle' || t.norm === 'anstatt') && s.items[k + 1]?.kind === 'word' && !TIME_PREP.has(s.items[k + 1]!.norm));
  if (stattIdx >= 0) {
    const c = clauseAt(s, stattIdx);
    const receive = s.items.some((t) => RECEIVE.has(t.norm)) && s.items.some((t) => FORMAL.has(t.norm) || INFORMAL.has(t.norm));
    if (receive && !has(s, c, OFFER)) return 'decided';
  }
  // "Statt der gewünschten Abholung am Montag holen wir die Retoure am Donnerstag ab."
  if (stattIdx >= 0) {
    const c = clauseAt(s, stattIdx);
    if (has(s, c, COMPANY) && !has(s, c, OFFER) && !has(s, c, OFFER_VERBS)) return 'decided';
  }
  // "…, wir haben Ihnen stattdessen 25 € erstattet."
  const stattdessen = s.items.findIndex((t) => !t.quoted && t.norm === 'stattdessen');
  if (stattdessen >= 0) {
    const c = clauseAt(s, stattdessen);
    // a substitute for something of the customer's: a remedy, an amount or a decision word ("Wir rufen Sie stattdessen
    // morgen an" substitutes nothing he could have chosen)
    const what = (k: number): boolean => k >= c.from && k < c.to;
    const substitute = s.items.some((t, k) => what(k) && (t.kind === 'num' || remedyKind(t) !== null)) || all.some((h) => what(h.match.from));
    if (substitute && companyActs(s, c) && !has(s, c, OFFER) && !has(s, c, OFFER_VERBS)) return 'decided';
  }
  if (receivesSubstitute(s, before)) return 'decided';
  if (GIFT.test(s)) return null;
  // allotting verbs in an agentless passive also with the customer after the auxiliary ("Der Betrag wurde Ihrem
  // Prämienkonto gutgeschrieben")
  const allotHit = firstValid(s, allot) ?? passiveAllot(s, allot);
  // "Ihr Termin wurde auf den 15.12. verlegt" reports a rescheduling without an agent (passive-decision's matter);
  // "Ihren Termin haben wir auf … verlegt" is the company choosing
  if (allotHit && !(/^zustellung\|lieferung/.test(allotHit.hit.pattern.source) && !has(s, allotHit.clause, COMPANY) && !STRONG.test(s))) return 'decided';
  // a one-sided act ("ohne Rücksprache", "damit Sie 20 % sparen"): looked up only once a verb hit needs it
  let unilateral: boolean | null = null;
  const change = firstValid(s, changeHits);
  // "Wir haben Ihren Vertrag auf Tarif M umgestellt": the company changed the customer's things, done deal
  // (not an upgrade: "wir haben dir das Datenvolumen aufgestockt" is a favour)
  // (an upgrade counts when it costs the customer: "… erweitert. Der Beitrag erhöht sich dadurch um 4,20 €.")
  const next = doc.sentences[s.index + 1];
  if (change && (!/auf\|stocken|erweitern|ergänzen|upgraden|hoch\|stufen/.test(change.hit.pattern.source) || costs(s) || (next && next.paragraph === s.paragraph && costs(next))) && companyActs(s, change.clause) && customerIn(s, change.clause)
    && (has(s, change.clause, HAVE) || !s.items.some((t, k) => POLICY.has(t.norm) || (k === 0 && t.norm === 'ab')))) return 'decided';
  // "Ihr Termin wurde auf den 15.12. verlegt": a rescheduling without agent is passive-decision's matter
  const movedOnly = change && /^<verlegen>$/.test(change.hit.pattern.source) && !has(s, change.clause, COMPANY);
  if (change && ((unilateral ??= isUnilateral(s, change.clause)) || PROBLEM.test(s) || (before && PROBLEM.test(before)) || (!has(s, change.clause, COMPANY) && !movedOnly))) return 'decided';
  const neutralHit = firstValid(s, neutralHits);
  // neutral verbs count only with the company acting ("Ihre Lizenz wurde automatisch verlängert" is the contract)
  const neutral = neutralHit && companyActs(s, neutralHit.clause) ? neutralHit : null;
  // "Ihre Bestellung wird automatisch storniert": an agentless passive that ends what the customer has
  if (!neutral && neutralHit && /stornieren|kündigen|löschen|beenden/.test(neutralHit.hit.pattern.source) && STRONG.test(s)) return 'decided';
  if (neutral) {
    if (unilateral ??= isUnilateral(s, neutral.clause)) return 'decided';
    if (REASONS.test(s) && has(s, neutral.clause, HAVE)) return 'decided';
    // "Der Zug fällt aus. Wir haben Ihnen einen Platz im Ersatzbus reserviert."
    if (has(s, neutral.clause, HAVE) && (OUTAGE.test(s) || (before && OUTAGE.test(before)))) return 'decided';
  }
  const weak = firstValid(s, weakHits);
  // "deine Vorbestellung haben wir auf die Farbe Schwarz geändert"
  if (weak && /<pausieren>/.test(weak.hit.pattern.source) && has(s, weak.clause, COMPANY) && has(s, weak.clause, HAVE) && customerIn(s, weak.clause)) return 'decided';
  if (weak && /<(?:ändern|an\|passen)>/.test(weak.hit.pattern.source) && has(s, weak.clause, COMPANY) && has(s, weak.clause, HAVE) && customerIn(s, weak.clause)
    && s.items.slice(weak.clause.from, weak.hit.match.from).some((t) => t.norm === 'auf')) return 'decided';
  if (weak && companyActs(s, weak.clause) && (unilateral ??= isUnilateral(s, weak.clause))) return 'decided';
  const sendHit = firstValid(s, sendHits);
  // sending counts only to the customer ("haben wir Ihnen Größe L geschickt"), not forwarding elsewhere
  const send = sendHit && has(s, sendHit.clause, RECIPIENT) && !DOCUMENT.match(s).some((h) => h.match.from >= sendHit.clause.from && h.match.from < sendHit.clause.to) ? sendHit : null;
  if (send) {
    if (STRONG.test(s) || purposeFor(s)) return 'decided';
    if (REASONS.test(s) && has(s, send.clause, HAVE)) return 'decided';
  }
  return null;
}

/** Does the reply leave a choice to the customer anywhere (outside the sentence itself)? */
/** A choice in the sentence that is not negated ("da wir das Konto nicht mehr anbieten" offers nothing). */
function choiceIn(s: Sentence): boolean {
  const hits = CHOICE.match(s);
  if (hits.length === 0) return false;
  const harmless = discourse.harmlessNegation(s);
  return hits.some((h) => {
    const c = clauseAt(s, h.match.from);
    // "Wir haben für Sie den Tarif Flex gewählt" reports the company's choice, it leaves none
    if (PICKED.has(s.items[h.match.to - 1]!.norm) && has(s, c, COMPANY)) return false;
    // "die Option Data Plus" names a product, it offers no choice
    const w = s.items[h.match.from]!, nx = s.items[h.match.from + 1];
    if (h.match.to - h.match.from === 1 && (w.norm === 'option' || w.norm === 'moeglichkeit') && nx?.kind === 'word' && nx.upper) return false;
    // the negation of "Falls Ihnen der Termin nicht passt" is part of the choice
    return discourse.negationsIn(s, c, harmless).every((i) => i >= h.match.from && i < h.match.to);
  });
}

function choiceOffered(doc: Doc, except: Sentence): boolean {
  // two passes, the cheap test first: a question to the customer elsewhere, then a choice anywhere
  for (const s of doc.sentences) {
    if (s === except || !s.question) continue;
    if (s.items.some((t) => !t.quoted && (INFORMAL.has(t.norm) || (FORMAL.has(t.norm) && t.upper)))) return true;
  }
  for (const s of doc.sentences) {
    if (s === except) continue;
    if (s.items.every((t) => t.quoted)) continue;
    if (choiceIn(s)) return true;
  }
  return choiceIn(except);
}

export default defineRule({
  id: 'deciding-for-customer',
  meta: {
    type: 'suggestion',
    description: 'Meldet Antworten, die an Stelle des Kunden entscheiden („Wir haben entschieden, Ihnen einen Gutschein auszustellen.“), statt ihm die Wahl zu lassen.',
    severity: 'warn',
    unit: 'sentence',
    messages: {
      decided: 'Über den Kopf des Kunden entschieden: „{{actual}}“. Bieten Sie die Möglichkeiten an – jede mit ihrem Preis – und lassen Sie den Kunden wählen.',
      presumed: 'Zustimmung unterstellt: „{{actual}}“. Fragen Sie den Kunden, statt sein Einverständnis vorauszusetzen.',
    },
  },
  create(ctx) {
    let du: boolean | null = null;
    let choice: boolean | null = null;
    return {
      sentence(s) {
        const kind = decision(ctx.doc, s);
        if (!kind) return;
        choice ??= choiceOffered(ctx.doc, s);
        if (choice) return;
        du ??= addressForm(ctx.doc) === 'du';
        ctx.report({
          messageId: kind,
          data: { actual: snippet(s.text) },
          start: s.start,
          end: s.end,
          note: 'Machen Sie nie den Fehler, für den Kunden die Entscheidung treffen zu wollen. Erklären Sie den Sachverhalt, bieten Sie Alternativen mit Preisschild an und lassen Sie den Kunden entscheiden.',
          suggestions: [{
            desc: 'Möglichkeiten anbieten und den Kunden wählen lassen',
            text: du
              ? 'Du hast zwei Möglichkeiten: [Möglichkeit A, mit Preis/Folgen] oder [Möglichkeit B, mit Preis/Folgen]. Was ist dir lieber?'
              : 'Sie haben zwei Möglichkeiten: [Möglichkeit A, mit Preis/Folgen] oder [Möglichkeit B, mit Preis/Folgen]. Was ist Ihnen lieber?',
          }],
        });
      },
    };
  },
});

