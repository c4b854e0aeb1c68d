import { indexWords, perWord, perDoc, defineRule, snippet, discourse, fold, lexicon, PhraseSet, type Clause, type Doc, type PhraseEntry, type Sentence, type SuggestionSpec, type Token } from '@replylint/core';
import { blame, distance, handover, harmless, ownership, parties, redirect, system } from './phrases.gen.ts';

interface PartyEntry extends PhraseEntry { kind?: 'strong' | 'weak'; data?: string }
interface DistanceEntry extends PhraseEntry { kind?: 'needsParty' }

const REDIRECT = new PhraseSet(redirect, 'blame-shifting/redirect');
const DISTANCE = new PhraseSet<DistanceEntry>(distance as DistanceEntry[], 'blame-shifting/distance');
const BLAME = new PhraseSet(blame, 'blame-shifting/blame');
const HANDOVER = new PhraseSet(handover, 'blame-shifting/handover');
const OWNERSHIP = new PhraseSet(ownership, 'blame-shifting/ownership');
const SYSTEM = new PhraseSet(system, 'blame-shifting/system');
const HARMLESS = new PhraseSet(harmless, 'blame-shifting/harmless');

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));
/** The customer, addressed (folded: "Sie" = "sie"). */
const CUSTOMER = words('sie du dich dir euch');
/** The speaker's side. */
const OWN = words('ich wir uns mir mich unser unsere unseren unserem unserer unseres unsererseits meine meinen meinem meiner');
const COLLEAGUE = words('herr herrn frau hausmeister hausmeisterin kollege kollegin kollegen dr');
const DIRECTIVE_MODALS = words('muessen muss musst muesst muesste muessten muesstest muesstet sollten solltest sollen sollt koennen kannst koennt koennten koenntest');
const MUST = words('muessen muss musst muesst muesste muessten muesstest muesstet');
const OPTION = words('auch gern gerne jederzeit alternativ natuerlich selbstverstaendlich ebenfalls wahlweise zusaetzlich lieber');
const PREPS = words('an bei beim mit zur zum ans ins gegenueber');
const SKIP_LEAD = words('bitte dann also einfach am besten doch da mal jetzt nun');
const NON_ASSERTED = words('wenn falls sofern ob weil obwohl obgleich nachdem bevor damit dass sodass wie wer was warum weshalb solange');
const CAUSAL = words('weil da denn nachdem zumal');
const CASE_NOUNS = words('anliegen anfrage anfragen beschwerde fall vorgang ticket akte reklamation feedback nachricht mail e-mail frage fragen schreiben antrag meldung unterlagen hinweis kritik bitte wunsch garantieanfrage stoerungsmeldung garantiefall');
const PREDICATIVE = words('zustaendig verantwortlich haftbar haftet haften verantworten ansprechpartner ansprechpartnerin anlaufstelle');
const FIRST_PERSON = words('ich wir uns mir mich unsererseits');
/** Small word sets used inside the checks (built once, not per call). */
const ADDRESSED = words('sie du');
const WE_I = words('wir ich uns mir');
const REFLEXIVE = words('sich dich euch');
const WE_I_ONE = words('wir ich man');
const ASKING = words('bitte bitten empfehle empfehlen rate raten');
const CUSTOMER_OBJ = words('sie ihnen dich dir');
const TO_CUSTOMER = words('ihnen dir euch');
const SPEAKER = words('ich wir uns');
const ONLY_VERBS = words('gewaehrt gewaehren bewilligt bewilligen genehmigt genehmigen vornehmen korrigieren aendern freigeben kann koennen darf duerfen trifft treffen entscheidet entscheiden weiss wissen liegt nimmt nehmen bearbeitet bearbeiten erledigt uebernimmt prueft regelt zustaendig verantwortlich');
const WIR_ICH = words('wir ich');
const ICH = words('ich');
const INFORMAL = lexicon.INFORMAL_ADDRESS;
// the closed classes, read once: a namespace member is a getter call on every access in the source build
const NEGATIONS = lexicon.NEGATIONS;
const DETERMINERS = lexicon.DETERMINERS;
const MODALS = lexicon.MODALS;
const SUBORDINATORS = lexicon.SUBORDINATORS;
const FORMAL_ADDRESS = lexicon.FORMAL_ADDRESS;

type Kind = 'redirect' | 'responsibility' | 'handover' | 'system';
interface Finding { kind: Kind; party?: string; phrase?: { prep: string; text: string } }

const clauseOf = (s: Sentence, i: number): Clause => s.clauses.find((c) => i >= c.from && i < c.to) ?? s.clauses[0]!;
const norms = (s: Sentence, c: Clause): string[] => s.items.slice(c.from, c.to).map((t) => t.norm);

/** Negations inside a harmless phrase ("nicht nur", "kein Problem") do not count; cached on the sentence's facts. */
function harmlessIn(s: Sentence): Array<[number, number]> {
  const f = factsOf(s);
  if (!f.harmless) f.harmless = f.bits & W_NEG ? HARMLESS.match(s).map((x) => [x.match.from, x.match.to] as [number, number]) : [];
  return f.harmless;
}

/** The system list runs only on sentences with a system word (W_SYSTEM); the result is cached on the sentence's facts. */
const SYSTEM_WORD = /system|programm|computer|rechner|software|tool|technik/;
function systemTest(s: Sentence): boolean {
  const f = factsOf(s);
  if (f.system === undefined) f.system = (f.bits & W_SYSTEM) !== 0 && SYSTEM.test(s);
  return f.system;
}

/** A negation in the clause outside a harmless phrase (the harmless list runs only once a negation is found). */
function realNegation(s: Sentence, c: Clause): boolean {
  let harmless: Array<[number, number]> | undefined;
  for (let i = c.from; i < c.to; i++) {
    const t = s.items[i]!;
    if (t.kind !== 'word' || t.quoted || !NEGATIONS.has(t.norm)) continue;
    harmless ??= harmlessIn(s);
    if (!harmless.some(([a, b]) => i >= a && i < b)) return true;
  }
  return false;
}

/** Is the clause only a condition, a reason, a relative or an indirect clause (nothing is asserted to the customer)? */
function nonAsserted(s: Sentence, c: Clause): boolean {
  const lead = c.lead;
  if (lead === 'da') {
    // "Da müssen Sie …" (adverb) vs. "da die Frist …" (conjunction)
    const next = s.items.slice(c.from + 1, c.to).find((t) => t.kind === 'word');
    return !!next && !MODALS.has(next.norm) && !DIRECTIVE_MODALS.has(next.norm) && !/^(?:kann|koennen|ist|sind|hat|haben|bin|liegt|bitte)$/.test(next.norm);
  }
  if (lead === 'damit') {
    // "Damit haben wir nichts zu tun" (adverb, verb second) vs. "…, damit Sie nicht doppelt zahlen"
    const next = s.items.slice(c.from + 1, c.to).find((t) => t.kind === 'word');
    if (next && (FINITE.has(next.norm) || MODALS.has(next.norm))) return false;
  }
  if (NON_ASSERTED.has(lead)) return true;
  if (c === s.clauses[0] || !SUBORDINATORS.has(lead)) return false;
  // "…, die Ursache lag …" (article + noun) and "…, das ist …" (verb second) are main clauses;
  // "…, der sich bei Bedarf meldet" is a relative clause
  const first = c.from + s.items.slice(c.from, c.to).findIndex((t) => t.kind === 'word');
  const n1 = s.items[first + 1];
  const n2 = s.items[first + 2];
  if (!DETERMINERS.has(lead)) return true;
  if (n1 && n1.kind === 'word' && (n1.upper || FINITE.has(n1.norm) || !REL_NEXT.has(n1.norm))) return false; // verb second: a main clause
  if (n2 && n2.kind === 'word' && n2.upper && n1 && n1.kind === 'word' && !n1.upper && !/^(?:sich|mich|uns|ihnen|sie|er|es|wir|ich)$/.test(n1.norm)) return false;
  return true;
}

function causal(s: Sentence, c: Clause): boolean {
  if (c.lead === 'da') return nonAsserted(s, c);
  return CAUSAL.has(c.lead) || (c.lead === 'dass' && c !== s.clauses[0]);
}

interface PartyAt { i: number; end: number; entry: PartyEntry; own: boolean }

/**
 * The party lexicon, compiled once from `parties` (single-word alternatives with `*` for compounds) into exact,
 * prefix and suffix tables: one Set lookup and a short suffix scan per word instead of running every pattern
 * at every position.
 */
interface LexEntry { entry: PartyEntry }
const EXACT = new Map<string, PartyEntry>();
const PREFIX: Array<[string, PartyEntry]> = [];
const SUFFIX: Array<[string, PartyEntry]> = [];
const INFIX: Array<[string, PartyEntry]> = [];
for (const entry of parties as PartyEntry[]) {
  for (const src of typeof entry.pattern === 'string' ? [entry.pattern] : entry.pattern) {
    for (const alt of src.split('|')) {
      const pre = alt.startsWith('*');
      const suf = alt.endsWith('*');
      const w = fold(alt.replace(/^\*|\*$/g, ''));
      if (pre && suf) INFIX.push([w, entry]);
      else if (suf) PREFIX.push([w, entry]);
      else if (pre) SUFFIX.push([w, entry]);
      else if (!EXACT.has(w)) EXACT.set(w, entry);
    }
  }
}
/** The party entry of one folded word: an exact entry, else (4+ letters) the first prefix, suffix or infix entry. */
function partyLookup(norm: string): PartyEntry | undefined {
  const e = EXACT.get(norm);
  if (e) return e;
  if (norm.length < 4) return undefined;
  for (const [w, en] of PREFIX) if (norm.startsWith(w)) return en;
  for (const [w, en] of SUFFIX) if (norm.endsWith(w)) return en;
  for (const [w, en] of INFIX) if (norm.includes(w)) return en;
  return undefined;
}
export type { LexEntry };

/**
 * Cheap gates. Most sentences of a reply blame nobody: instead of running every check (each with its own pass over
 * the tokens, its regular expressions and phrase lists), one pass per sentence collects what its words can be — a
 * bit set — and a check only runs when the words it cannot do without are there. What a word can be is worked out
 * once per distinct word (memoised), so the pass costs one Map look-up per token.
 */
const W_NEG = 1 << 0; // a negation (lexicon.NEGATIONS)
const W_SYSTEM = 1 << 1; // SYSTEM_WORD
const W_PRED = 1 << 2; // PREDICATIVE ("zuständig", "haftbar" …)
const W_ONLY = 1 << 3; // "nur", "allein", "ausschließlich"
const W_BLAME_VERB = 1 << 4; // BLAME_VERB
const W_APOLOGY = 1 << 5; // APOLOGY
const W_DIST_FREE = 1 << 6; // DISTANCE_FREE
const W_DIST_NEG = 1 << 7; // DISTANCE_WITH_NEG
const W_CASE = 1 << 8; // CASE_NOUNS or CASE_SUFFIX (the customer's case, for a handover)
const W_HANDOVER_TO = 1 << 9; // "an", "bei", "ans", "abgegeben"
const W_YOURS = 1 << 10; // "Ihr …", "dein …", "wir", "ich" (who hands over whose case)
const W_REDIRECT = 1 << 11; // an index word of a `redirect` pattern (see redirectAnchors)
const W_LIEGT = 1 << 12; // an index word of a pattern of the `blame` entry "liegt" (see liegtAnchors)
const ONLY = words('nur allein ausschliesslich');
const CASE_SUFFIX = /(?:anfrage|meldung|anliegen|beschwerde|schaden|auftrag)$/;
const HANDOVER_TO = words('an bei ans abgegeben');
const YOURS = words('ihr ihre ihren ihrem ihrer ihres dein deine deinen deinem deiner wir ich');
/** Verbs that let a sentence without a listed party still carry a "liegt an …" blame. */
const BLAME_VERB = words('liegt liegen lag lagen geht ging haengt haengen hing laeuft laufen abgewickelt gibt festgelegt entschieden vorgegeben gewollt eingestellt');
const APOLOGY = /^(?:leid|entschuldig\w*|bedauer\w*|sorry|verzeihung)$/;
/** Words without which no `distance` pattern can match (the first only with a negation in the sentence). */
const DISTANCE_WITH_NEG = words('verantwortungsbereich zustaendigkeitsbereich zustaendig verantwortlich ansprechpartner haftbar schuld zustaendigkeit verantwortung bereich aufgabenbereich hand haenden macht richtige richtigen richtiger adresse anlaufstelle ausserhalb uns unser unsere unserer unseres unserem unseren wir');
const DISTANCE_FREE = words('mitspracherecht mitsprache falsch falsche falschen falscher daran dagegen machtlos nur lediglich bloss raus ausserhalb einfluss zugriff einblick handhabe durchgriff haendler vermittler wiederverkaeufer reisebuero shop plattform versicherungsamt');

/**
 * The words of which a sentence must hold one for some `redirect` pattern to match: each pattern's index words
 * (core's `indexWords`, the words PhraseSet indexes it by). null: a pattern has none, never skip. Made on the
 * first word looked up.
 * Skipping the list's match on the other sentences (about three in four) also spares building the shared phrase
 * candidates for sentences no other check of this rule asks about.
 */
let redirectAnchors: Set<string> | null | undefined;
/** The same for the patterns of the blame entry "liegt": without a third party, only its hits are looked at. */
let liegtAnchors: Set<string> | null | undefined;
function wordBits(n: string): number {
  let b = 0;
  if (redirectAnchors === undefined) redirectAnchors = indexWords(redirect);
  if (redirectAnchors === null || redirectAnchors.has(n)) b |= W_REDIRECT;
  if (liegtAnchors === undefined) liegtAnchors = indexWords(blame.filter((e) => e.id === 'liegt'));
  if (liegtAnchors === null || liegtAnchors.has(n)) b |= W_LIEGT;
  if (NEGATIONS.has(n)) b |= W_NEG;
  if (SYSTEM_WORD.test(n)) b |= W_SYSTEM;
  if (PREDICATIVE.has(n)) b |= W_PRED;
  if (ONLY.has(n)) b |= W_ONLY;
  if (BLAME_VERB.has(n)) b |= W_BLAME_VERB;
  if (APOLOGY.test(n)) b |= W_APOLOGY;
  if (DISTANCE_FREE.has(n)) b |= W_DIST_FREE;
  if (DISTANCE_WITH_NEG.has(n)) b |= W_DIST_NEG;
  if (CASE_NOUNS.has(n) || CASE_SUFFIX.test(n)) b |= W_CASE;
  if (HANDOVER_TO.has(n)) b |= W_HANDOVER_TO;
  if (YOURS.has(n)) b |= W_YOURS;
  return b;
}

/**
 * A word's facts packed in one small integer, `bits | (party number + 1) << PARTY_SHIFT` (0 above the shift: no
 * party).
 */
const PARTY_SHIFT = 16;
const PARTY_LIST: PartyEntry[] = [];
const PARTY_NUMBER = new Map<PartyEntry, number>();
/** Worked out once per word and kept on the word's record (core's perWord). */
const wordCode = perWord((norm: string): number => {
  let code = wordBits(norm);
  const party = partyLookup(norm);
  if (party) {
    let n = PARTY_NUMBER.get(party);
    if (n === undefined) { n = PARTY_LIST.length; PARTY_LIST.push(party); PARTY_NUMBER.set(party, n); }
    code |= (n + 1) << PARTY_SHIFT;
  }
  return code;
});

/** What one pass over a sentence found, and per-sentence results computed on demand. */
interface Facts {
  /** Union of the words' bits. */
  bits: number;
  /** Every third party named in the sentence (outside quotes). */
  parties: PartyAt[];
  harmless?: Array<[number, number]>;
  system?: boolean;
  owns?: boolean;
  /** The speaker already did something for the customer (ownsIn without a skipped clause). */
  did?: boolean;
  /** A third party, a system or a proper name after a preposition is named (context for the next sentence). */
  named?: boolean;
}
/**
 * The facts of the reply being checked, by sentence index (set by `reply`, cleared after it): an array slot is much
 * cheaper than a WeakMap entry per sentence. A sentence of any other document (not expected) gets uncached facts.
 */
let current: { sentences: readonly Sentence[]; facts: Array<Facts | undefined> } | null = null;
function factsOf(s: Sentence): Facts {
  const cached = current !== null && current.sentences[s.index] === s;
  if (cached) { const f = current!.facts[s.index]; if (f) return f; }
  let bits = 0;
  const parties: PartyAt[] = [];
  const items = s.items;
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    const code = wordCode(t.word);
    bits |= code & ((1 << PARTY_SHIFT) - 1);
    if (code < 1 << PARTY_SHIFT || t.kind !== 'word' || t.quoted || t.norm.startsWith('ansprechpartner')) continue;
    const entry = PARTY_LIST[(code >>> PARTY_SHIFT) - 1]!;
    // a brand is the product, not the company, after a determiner or possessive ("Ihr Samsung", "das neue Apple …")
    // or before a capitalised model word or number ("Apple Pay", "Samsung Galaxy", "Huawei P30")
    if (entry.id === 'marke' && brandIsProduct(items, i)) continue;
    let own = false;
    if (entry.kind === 'weak') {
      for (let k = Math.max(0, i - 3); k < i; k++) if (OWN.has(items[k]!.norm)) own = true;
    }
    // "wir als Kasse", "wir als Veranstalter": the speaker's own role
    if (i >= 2 && items[i - 1]!.norm === 'als' && SPEAKER.has(items[i - 2]!.norm)) own = true;
    if (i >= 3 && items[i - 2]!.norm === 'als' && SPEAKER.has(items[i - 3]!.norm)) own = true;
    parties.push({ i, end: i + 1, entry, own });
  }
  const f: Facts = { bits, parties, harmless: undefined, system: undefined, owns: undefined, did: undefined, named: undefined }; // one shape for all
  if (cached) current!.facts[s.index] = f;
  return f;
}

const PRODUCT_BEFORE = words('ihr ihre ihrem ihren ihrer ihres dein deine deinem deinen deiner mein meine meinem meinen neue neuen neues neuer alte alten altes alter');
function brandIsProduct(items: Token[], i: number): boolean {
  const prev = items[i - 1];
  // a determiner is an article ("das Samsung"), unless it opens a relative clause (", den Google beheben muss")
  if (prev && prev.kind === 'word' && PRODUCT_BEFORE.has(prev.norm)) return true;
  if (prev && prev.kind === 'word' && DETERMINERS.has(prev.norm) && !(items[i - 2]?.text === ',' && items[i + 1]?.kind === 'word' && !items[i + 1]!.upper)) return true;
  const next = items[i + 1];
  return !!next && ((next.kind === 'word' && next.upper && !FORMAL_ADDRESS.has(next.norm) && !DETERMINERS.has(next.norm)) || next.kind === 'num');
}

/** The suggestion's name for a party: the listed dative phrase, or the brand as written. */
function partyData(s: Sentence, p: PartyAt): string | undefined {
  return p.entry.data || s.items[p.i]!.text;
}

/** Every third party named in the sentence (outside quotes). */
function partiesIn(s: Sentence): PartyAt[] {
  return factsOf(s).parties;
}

/** The previous sentence of the same paragraph names a third party, a system or a proper name (worked out on demand). */
function prevParty(doc: Doc, s: Sentence): boolean {
  const prev = doc.sentences[s.index - 1];
  if (!prev || prev.paragraph !== s.paragraph) return false;
  const f = factsOf(prev);
  if (f.named === undefined) f.named = f.parties.some((p) => !p.own) || systemTest(prev) || prev.items.some((_, k) => properAfter(prev, k));
  return f.named;
}

/** A proper name right after a preposition ("an Bosch", "bei Rhenus", "an reportaproblem.apple.com"). */
function properAfter(s: Sentence, p: number): boolean {
  if (!BARE_PREPS.has(s.items[p]!.norm)) return false;
  const t = s.items[p + 1];
  if (!t) return false;
  if (t.kind === 'opaque') return t.opaqueKind === 'url' || t.opaqueKind === 'email';
  if (t.kind !== 'word' || !t.upper || DETERMINERS.has(t.norm) || FORMAL_ADDRESS.has(t.norm) || COLLEAGUE.has(t.norm) || OWN.has(t.norm)) return false;
  // brand names (Bosch, DATEV, Eurowings), not plural or abstract nouns (Lieferengpässen, Rückfragen)
  return t.text === t.text.toUpperCase() || !/(?:en|ern|ung|heit|keit|ion|aet|nis|isse|schaft)$/.test(t.norm);
}

const BARE_PREPS = words('an bei mit von durch');
const REL_NEXT = words('sich mich uns ihnen sie er es wir ich du ihr man dem den der die das des ein eine einen einem einer in an auf aus bei mit nach von zu zum zur fuer ueber unter vor hinter neben durch gegen ohne um bis seit nicht noch schon auch nur bereits jetzt heute morgen gestern dort hier sehr so ja doch dir dich euch mir ihm ihn');
const FINITE = words('ist sind war waren hat haben hatte hatten kann koennen konnte liegt lag geht ging muss musste wird wurde gibt gab macht kommt kam');

function hasAny(list: string[], set: Set<string>): boolean {
  return list.some((n) => set.has(n));
}


function prepPhrase(doc: Doc, s: Sentence, c: Clause, target: number, end: number): { prep: string; text: string } | undefined {
  for (let k = target - 1; k >= Math.max(c.from, target - 4); k--) {
    const n = s.items[k]!.norm;
    if (PREPS.has(n)) {
      let e = end;
      while (e < c.to && s.items[e]!.kind === 'word' && s.items[e]!.upper && !MODALS.has(s.items[e]!.norm)) e++;
      return { prep: n, text: doc.text.slice(s.items[k]!.start, s.items[e - 1]!.end) };
    }
  }
  return undefined;
}

const OWN_SERVICE = words('berater beraterin betreuer betreuerin kundenbetreuer kundenbetreuerin rezeption hotline servicehotline filiale kasse schalter infoschalter information servicepoint servicedesk helpdesk kundenservice serviceteam service-team support supportteam beratung kundenberatung');
const TOPIC = words('fragen rueckfragen problemen bedarf interesse unklarheiten');
const THIRD_PRON = words('ihm denen');

function anyNegation(s: Sentence, c: Clause): boolean {
  for (let i = c.from; i < c.to; i++) {
    const t = s.items[i]!;
    if (t.kind === 'word' && !t.quoted && NEGATIONS.has(t.norm)) return true;
  }
  return false;
}

/** Imperative: the verb opens the clause ("Wenden Sie sich …", "Frag am besten …", "Ruf mal bei DHL an"). */
function imperativeAt(s: Sentence, c: Clause, v: number): boolean {
  let first = c.from;
  while (first < c.to && SKIP_LEAD.has(s.items[first]!.norm)) first++;
  if (first !== v) return false;
  const next = s.items[v + 1];
  if (next && next.norm === 'sie' && next.upper) return true;
  if (next && /^(?:ich|wir|er|es|man|sie)$/.test(next.norm)) return false; // "dann melde ich es …" is no imperative
  return !/(?:t|en)$/.test(s.items[v]!.norm); // du-imperative: frag, wende, melde, ruf
}

/**
 * Lowercase chat text ("… nicht ausgeführt. bitte wenden sie sich …") is not split after the full stop: start the
 * clause after the last sentence mark before `v`, so the earlier sentence's negation does not count.
 */
function afterStop(s: Sentence, c: Clause, v: number): Clause {
  for (let k = v - 1; k >= c.from; k--) {
    const t = s.items[k]!;
    // the mark stays on the word ("ausgeführt."); abbreviations ("z.B.", "Nr.") are too short or contain a dot
    if (/^[.!?]$/.test(t.text) || t.kind === 'symbol' || (t.kind === 'word' && /^[^.]{4,}[.!?]$/.test(t.text))) {
      const first = s.items.slice(k + 1, v + 1).find((x) => x.kind === 'word');
      return first ? { from: k + 1, to: c.to, subordinate: false, lead: first.norm } : c;
    }
  }
  return c;
}

/** The customer is told to go to someone else. */
function redirectIn(doc: Doc, s: Sentence): Finding | null {
  if (!(factsOf(s).bits & W_REDIRECT)) return null; // no pattern of the list can match
  const hits = REDIRECT.match(s);
  if (hits.length === 0) return null;
  const ps = partiesIn(s);
  for (const hit of hits) {
    const v = hit.match.from;
    if (s.items[v]!.quoted) continue;
    const c = afterStop(s, clauseOf(s, v), v);
    if (nonAsserted(s, c) || anyNegation(s, c)) continue;
    // a capitalised verb form inside the clause is a noun ("Ihre Frage", "der Anruf")
    if (s.items[v]!.upper && v !== c.from && !(v > 0 && SKIP_LEAD.has(s.items[v - 1]!.norm)) && hit.entry.id !== 'kontakt' && hit.entry.id !== 'anzeige' && hit.entry.id !== 'hingehen' && hit.entry.id !== 'anmelden' && hit.entry.id !== 'beantragen') continue;
    const ns = norms(s, c);
    const idx = s.clauses.indexOf(c);
    const prev = idx > 0 ? norms(s, s.clauses[idx - 1]!) : [];
    const id = hit.entry.id;
    const imperative = imperativeAt(s, c, v);
    if ((id === 'wenden' || id === 'halten') && !hasAny(ns, REFLEXIVE)) continue;
    if (id === 'hingehen' && !ps.some((p) => p.i >= c.from && p.i < c.to && !p.own)) continue;
    if (id === 'verweisen') {
      // "verweisen wir Sie … an den Hersteller": the company sends the customer away
      const all = s.items.map((t) => t.norm);
      if (!hasAny(all, WE_I_ONE) && !all.includes('wurden') && !all.includes('werden')) continue;
    } else if (id === 'kontakt' || id === 'erreichen' || id === 'bitte-an' || id === 'helfen' || id === 'dorthin' || id === 'aufgehoben') {
      if ((id === 'kontakt' || id === 'aufgehoben') && !hasAny(ns, CUSTOMER)) continue;
      // "Beschwerden bitte direkt dorthin": there is a third party named just before
      if (id === 'dorthin' && !ps.some((p) => !p.own) && !prevParty(doc, s)) continue;
    } else {
      const addressed = hasAny(ns, CUSTOMER) || imperative || (ns.includes('zu') && hasAny(prev, ASKING) && hasAny(prev, CUSTOMER_OBJ));
      if (!addressed) continue;
      const modal = ns.some((n) => DIRECTIVE_MODALS.has(n));
      const bitte = s.items.some((t) => t.norm === 'bitte' || t.norm === 'bitten');
      // "wendest du dich am besten direkt an Miele": 'am besten' makes the statement a directive
      const best = ns.some((n, k) => n === 'besten' && ns[k - 1] === 'am');
      if (!(modal || bitte || imperative || best || ns.includes('zu'))) continue;
      if (!ns.some((n) => MUST.has(n)) && hasAny(ns, OPTION)) continue; // an option, an invitation: "können sich auch …", "wenden Sie sich gern …"
      if (s.question && !bitte) continue;
    }
    // the target
    const inClause = ps.filter((p) => p.i >= c.from && p.i < c.to);
    const strong = inClause.find((p) => p.entry.kind === 'strong' && !p.own);
    const ownInClause = ns.some((n) => OWN.has(n) || COLLEAGUE.has(n));
    const target: PartyAt | undefined = strong ?? inClause.find((p) => p.entry.kind === 'strong') ?? (ownInClause ? undefined : inClause.find((p) => !p.own));
    if (id === 'kontakt') {
      const any = ps.find((p) => !p.own);
      // "Die Nummer des Störungsdienstes finden Sie im Treppenhaus." right after a third party was made responsible
      if (!any && !(prevParty(doc, s) && !ns.some((n) => OWN.has(n)) && !ownershipNear(doc, s, 0, 1))) continue;
      if (!any) return { kind: 'redirect' };
      return { kind: 'redirect', party: partyData(s, any) };
    }
    let proper = -1;
    let generic = false;
    if (!target) {
      for (let k = c.from; k < c.to - 1; k++) {
        const n = s.items[k]!.norm;
        if (n === 'von' && properAfter(s, k)) { proper = k + 1; break; } // "den Kundendienst von Samsung"
        if (!PREPS.has(n)) continue;
        const after = s.items[k + 1]!;
        if (TOPIC.has(after.norm)) continue; // "bei Fragen …" is the topic, not the target
        // "beim Einsteigen", "beim Abholen": a nominalised verb is a moment, not someone
        if (n === 'beim' && after.upper && /en$/.test(after.norm) && !partyLookup(after.norm)) continue;
        if (properAfter(s, k)) {
          if (after.kind === 'opaque' && !prevParty(doc, s) && ps.length === 0) continue;
          proper = k + 1;
          break;
        }
        if (THIRD_PRON.has(after.norm)) { generic = true; break; }
        // "an die Rezeption", "an unsere Hotline": the company's own front desk is no third party
        const noun = DETERMINERS.has(after.norm) || /^(?:ihr|ihre|ihrem|ihren|ihrer|dein|deine|deinem|deinen|deiner)$/.test(after.norm) ? s.items[k + 2] : after;
        // … but "an Ihre Filiale", "an deinen Kundenservice" is the customer's branch or provider, not ours
        if (noun && OWN_SERVICE.has(noun.norm) && !(noun.norm === 'filiale' && /^(?:ihr|ihre|ihrem|ihren|ihrer|dein|deine|deinem|deinen|deiner)$/.test(after.norm))) continue;
        if (!ownInClause && id !== 'melden' && id !== 'schicken' && after.kind === 'word' && !CUSTOMER.has(after.norm) && after.norm !== 'ihnen') generic = true;
      }
    }
    // "dort", "dorthin"; "Da müssen Sie nachfragen" after a third party was named
    const there = ns.some((n) => n === 'dort' || n === 'dorthin' || n === 'dahin') || (c.lead === 'da' && ns.some((n) => MUST.has(n)) && (prevParty(doc, s) || ps.some((p) => !p.own)));
    const self = ns.some((n) => MUST.has(n)) && ns.some((n) => n === 'selbst' || n === 'selber');
    const direct = ns.includes('direkt') && !ownInClause;
    const dept = ns.some((n) => /^(?:zustaendig|entsprechend)(?:e|en|er|es|em)$/.test(n));
    if (!(target || proper >= 0 || there || self || direct || dept || generic)) continue;
    // "Kontaktieren Sie die Entwickler": in manuals too; ask for a reply around it unless the target is a clear third party
    if (id === 'erreichen' && !(target && target.entry.kind === 'strong' && !target.own) && !(inClause.some((p) => !p.own) && !ownInClause)) continue;
    if ((id === 'halten' || id === 'bitte-an') && !(target && target.entry.kind === 'strong')) continue;
    if (id === 'aufgehoben' && !target) continue; // "beim Hotel besser aufgehoben": any third party, not our own desk
    // "Hier hilft Ihnen der Hersteller weiter": a third party is the one who helps
    // "Solche Fragen beantwortet Ihnen Ihr Makler" — but "den Termin teilt Ihnen DHL mit" is information
    if (id === 'helfen' && !/^(?:weiter|helf|hilf)/.test(s.items[v]!.norm) && !ns.some((n) => /^(?:frage|fragen|rueckfrage|rueckfragen|auskunft|auskuenfte)$/.test(n))) continue;
    if (id === 'helfen' && !(target && target.entry.kind === 'strong' && !ownInClause && hasAny(ns, TO_CUSTOMER) && !hasAny(ns, SPEAKER))) continue;
    if (id === 'schicken' && (ownInClause || !(target && target.entry.kind === 'strong') && !dept)) continue;
    const properAny = proper >= 0 || s.items.slice(c.from, c.to).some((_, k) => properAfter(s, c.from + k));
    if ((id === 'reklamieren' || id === 'verbindung' || id === 'klaeren') && !there && !self && !direct && !properAny && !ns.some((n) => MUST.has(n)) && !(target && target.entry.kind === 'strong' && !/entwickler/.test(s.items[target.i]!.norm)) && !replyContext(doc, s) && !s.items.some((t) => INFORMAL.has(t.norm))) continue;
    // a contingency with the reply otherwise owning the case: "Falls es wieder laut wird, rufen Sie bitte direkt den Ordnungsdienst an"
    const cond = s.clauses[0] !== c && ['falls', 'sollte', 'sollten', 'wenn'].includes(s.clauses[0]!.lead);
    if (cond && ownershipNear(doc, s, 2, 1)) continue;
    const phrase = target ? prepPhrase(doc, s, c, target.i, target.end) : proper >= 0 ? prepPhrase(doc, s, c, proper, proper + 1) : undefined;
    return { kind: 'redirect', party: target ? partyData(s, target) : undefined, phrase };
  }
  return null;
}


/** Someone other than the speaker and the customer is named: a listed party, a brand, the customer's own equipment. */
function partyPresent(s: Sentence, ps: PartyAt[]): boolean {
  if (ps.some((p) => !p.own)) return true;
  for (let k = 0; k < s.items.length - 1; k++) {
    if (s.items[k]!.quoted) continue;
    if (properAfter(s, k)) return true;
  }
  return false;
}

/** Does the sentence belong to a reply (speaker or customer addressed nearby)? Technical prose rarely is. */
function replyContext(doc: Doc, s: Sentence): boolean {
  return discourse.around(doc, s, 1, 1).some((x) => x.paragraph === s.paragraph && x.items.some((t) => !t.quoted && t.kind === 'word' &&
    (/^(?:wir|uns|unser|unsere|unseren|unserem|unserer|ich|mir|mich|dir|dich|dein|deine|deinen|deinem|deiner|ihnen|leider)$/.test(t.norm) || (t.upper && /^(?:ihr|ihre|ihren|ihrem|ihrer|ihres)$/.test(t.norm) && t !== x.items[0]))));
}

/** A brand-like name in the clause ("dafür ist Apple zuständig"). */
function brandIn(s: Sentence, c: Clause): boolean {
  for (let k = c.from + 1; k < c.to; k++) {
    const t = s.items[k]!;
    const prev = s.items[k - 1]!;
    if (t.kind !== 'word' || !t.upper || prev.kind !== 'word' || prev.upper || DETERMINERS.has(prev.norm) || OWN.has(t.norm) || COLLEAGUE.has(t.norm) || FORMAL_ADDRESS.has(t.norm)) continue;
    // "ist Samsung zuständig": a bare capitalised word right before the predicate is a name, whatever its ending
    const predNext = PREDICATIVE.has(s.items[k + 1]?.norm ?? '');
    if (/^(?:ist|sind|war|waren|wird|werden)$/.test(prev.norm) && (predNext || t.text === t.text.toUpperCase() || !/(?:en|ern|ung|heit|keit|ion|aet|nis|isse|schaft)$/.test(t.norm))) return true;
  }
  return false;
}

/** A `distance` pattern needs one of the DISTANCE words (some only with a negation in the sentence). */
function DISTANCE_GATE(s: Sentence): boolean {
  const b = factsOf(s).bits;
  return (b & W_DIST_FREE) !== 0 || ((b & W_NEG) !== 0 && (b & W_DIST_NEG) !== 0);
}
const CONTRAST = words('aber jedoch allerdings doch');

/** The speaker pushes responsibility away, or names someone else as responsible or at fault. */
function responsibilityIn(doc: Doc, s: Sentence): Responsibility | null {
  const found = responsibilityFound(doc, s);
  // concessions: "zwar … aber", "eigentlich … aber", "auch wenn …" (checked only when there is something to take back;
  // the checks are free of side effects, so the order does not change the result)
  if (!found) return null;
  const zwar = s.items.some((t) => t.norm === 'zwar') || /\bauch wenn\b/i.test(s.text) || (s.items.some((t) => t.norm === 'eigentlich') && s.items.some((t) => t.norm === 'aber'));
  return zwar ? null : found;
}

const NO_PARTIES: PartyAt[] = [];

type Responsibility = { finding: Finding; clearable: boolean };

/**
 * The checks in turn, each only when the sentence has the words it cannot do without (the first finding wins; every
 * check is free of side effects, so skipping one that cannot find anything changes nothing).
 */
function responsibilityFound(doc: Doc, s: Sentence): Responsibility | null {
  const bits = factsOf(s).bits;
  const all = partiesIn(s);
  const ps = all.length ? all.filter((p) => !p.own) : NO_PARTIES;
  return (DISTANCE_GATE(s) ? distanceIn(doc, s, ps) : null)
    ?? (bits & W_PRED ? responsibleIn(doc, s, ps) : null) // no predicative word in the sentence: none in any clause
    ?? (bits & W_ONLY ? onlyIn(doc, s, ps) : null)
    ?? (s.items[0]?.norm === 'laut' ? lautIn(s, ps) : null)
    // without a party or a blame verb the blame list is not asked; without a party only its "liegt" hits count
    ?? (ps.length || (bits & W_BLAME_VERB && bits & W_LIEGT) ? blameIn(s, ps) : null)
    ?? (ps.length ? apologyIn(doc, s, ps) : null);
}

/** The speaker distances the company from the problem ("liegt nicht in unserem Verantwortungsbereich"). */
function distanceIn(doc: Doc, s: Sentence, ps: PartyAt[]): Responsibility | null {
  for (const hit of DISTANCE.match(s)) {
    const i = hit.match.from;
    if (s.items[i]!.quoted) continue;
    const c = clauseOf(s, i);
    if (nonAsserted(s, c) && !causal(s, c)) continue;
    if (hasAny(norms(s, c), ADDRESSED) && hit.entry.id === 'nicht-zustaendig') continue; // "Sie sind nicht verantwortlich" – about the customer
    if (s.items[hit.match.to]?.norm === 'gemacht') continue; // "verantwortlich gemacht werden" (disclaimer)
    const needsParty = hit.entry.kind === 'needsParty' || hit.entry.id === 'nicht-wir';
    // "dein Problem, nicht unseres": the other side is the customer – that is blaming the customer, not shifting
    if (hit.entry.id === 'kontrast' && /\b(?:dein|deine|ihr|ihre|euer|eure)\s+(?:problem|fehler|schuld|sache|verschulden)\b/i.test(s.text)) continue;
    if (needsParty && !partyPresent(s, ps) && !prevParty(doc, s) && !systemTest(s)) continue;
    if (hit.entry.id === 'nichts-aendern' && !ps.some((p) => p.entry.kind === 'strong')) continue;
    if (hit.entry.kind === 'needsParty' && !hasAny(norms(s, c), WE_I)) continue; // "andere sollten keinen Zugriff haben"
    // inside a harmless phrase ("kein Problem"); checked last, as the harmless list is the dearest test (all of them
    // only skip the hit, so the order does not matter)
    if (harmlessIn(s).some(([a, b]) => i >= a && i < b)) continue;
    const clearable = causal(s, c) || hit.entry.kind === 'needsParty' || hit.entry.kind === 'clearable' || hit.entry.id === 'nicht-wir';
    return { finding: { kind: 'responsibility', party: ps[0] ? partyData(s, ps[0]) : undefined }, clearable };
  }
  return null;
}

/** "Für Garantiefälle ist der Hersteller zuständig." — someone other than the speaker (and the customer) is responsible. */
function responsibleIn(doc: Doc, s: Sentence, ps: PartyAt[]): Responsibility | null {
  for (const c of s.clauses) {
    if (nonAsserted(s, c) || s.items[c.from]?.quoted) continue;
    const ns = norms(s, c);
    if (ns.some((n) => PREDICATIVE.has(n)) && !hasAny(ns, FIRST_PERSON) && !hasAny(ns, ADDRESSED) && !realNegation(s, c)) {
      const p = ps.find((x) => x.i >= c.from && x.i < c.to);
      if (!p && !brandIn(s, c)) continue;
      if (!(p && p.entry.kind === 'strong' && !/entwickler|betreiber|partner/.test(s.items[p.i]!.norm)) && !(!p && c === s.clauses[0] && s.items[c.from]?.norm === 'fuer') && !replyContext(doc, s)) continue;
      return { finding: { kind: 'responsibility', party: p ? partyData(s, p) : undefined }, clearable: true };
    }
  }
  return null;
}

/** "Korrekturen kann nur das Rechenzentrum vornehmen", "Das entscheidet allein die Rückversicherung" */
function onlyIn(doc: Doc, s: Sentence, ps: PartyAt[]): Responsibility | null {
  for (let k = 0; k < s.items.length - 1; k++) {
    const n = s.items[k]!.norm;
    if (!(n === 'nur' || n === 'allein' || n === 'ausschliesslich') || s.items[k]!.quoted) continue;
    const c = clauseOf(s, k);
    if (nonAsserted(s, c)) continue;
    const ns = norms(s, c);
    if (hasAny(ns, FIRST_PERSON) || hasAny(ns, ADDRESSED)) continue;
    let j = k + 1;
    // "Eine Reklamation ist nur über den Hersteller möglich"
    if (/^(?:ueber|beim|bei|via)$/.test(s.items[j]!.norm)) {
      const p = ps.find((x) => x.i > j && x.i <= j + 3 && !x.own);
      if (p && replyContext(doc, s)) return { finding: { kind: 'responsibility', party: partyData(s, p) }, clearable: true };
      continue;
    }
    const t0 = s.items[j]!;
    // "können nur die Ihnen sagen" (demonstrative) — or a named third party: "nur das Rechenzentrum", "nur DHL"
    const demonstrative = (t0.norm === 'die' || t0.norm === 'der') && /^(?:ihnen|dir|euch|es|das|sie|uns)$/.test(s.items[j + 1]?.norm ?? '');
    if (DETERMINERS.has(s.items[j]!.norm)) j++;
    const named = ps.some((x) => x.i >= k && x.i <= j + 1 && !x.own) || properAfter(s, k) || (t0.kind === 'word' && t0.upper && t0.text === t0.text.toUpperCase() && t0.text.length > 1);
    if (!named && !demonstrative && !THIRD_PRON.has(t0.norm)) continue;
    // bare 'der Betreiber', 'die Entwickler' are often technical prose; compounds ('Messstellenbetreiber') are parties
    const strongNamed = ps.some((x) => x.i >= k && x.i <= j + 1 && x.entry.kind === 'strong' && !/^(?:entwickler|betreiber|partner|eigentuemer|absender|empfaenger)s?n?$/.test(s.items[x.i]!.norm));
    if (!strongNamed && !replyContext(doc, s)) continue;
    if (!hasAny(ns, ONLY_VERBS)) continue;
    if (s.clauses.some((x) => CAUSAL.has(x.lead) && x !== s.clauses[0])) continue; // "…, weil nur dort das Register geführt wird"
    const p = ps.find((x) => x.i >= k && x.i <= j);
    return { finding: { kind: 'responsibility', party: p ? partyData(s, p) : undefined }, clearable: true };
  }
  return null;
}

/** "Laut Vermieter dürfen wir keine Glasfaser verlegen": a third party's word as the reason for a refusal. */
function lautIn(s: Sentence, ps: PartyAt[]): Responsibility | null {
  // the refusal may follow in the next clause: "Laut DPD wurde das Paket zugestellt, wir können daher nichts weiter tun"
  if (s.items[0]?.norm === 'laut' && ps.some((p) => p.i <= 3) && s.clauses.some((c) => !nonAsserted(s, c) && (realNegation(s, c) || (hasAny(norms(s, c), WIR_ICH) && norms(s, c).some((n) => MODALS.has(n)) && anyNegation(s, c))))) {
    return { finding: { kind: 'responsibility', party: partyData(s, ps[0]!) }, clearable: true };
  }
  return null;
}

/** A named third party with a blame predicate in the same clause; "das liegt an Ihrem Antivirenprogramm". */
function blameIn(s: Sentence, ps: PartyAt[]): Responsibility | null {
  const blameHits = BLAME.match(s);
  if (blameHits.length) for (const p of ps) {
    const c = clauseOf(s, p.i);
    // "Da der Fehler beim Hersteller liegt, können wir Ihnen nicht weiterhelfen": the reason for a refusal
    const reasonForRefusal = causal(s, c) && s.clauses.some((o) => o !== c && !nonAsserted(s, o) && realNegation(s, o));
    const ns = norms(s, c);
    const relativeMust = c !== s.clauses[0] && DETERMINERS.has(c.lead) && !s.clauses.some((o) => o !== c && hasAny(norms(s, o), FIRST_PERSON));
    if (nonAsserted(s, c) && !reasonForRefusal && !relativeMust) continue;
    for (const h of blameHits) {
      const b = h.match.from;
      if (b < c.from || b >= c.to || s.items[b]!.quoted) continue;
      // "hängt im Depot fest": a place, not someone who acts
      if (p.i > 0 && (/^(?:im|ins)$/.test(s.items[p.i - 1]!.norm) || (p.i > 1 && s.items[p.i - 2]!.norm === 'in' && DETERMINERS.has(s.items[p.i - 1]!.norm)))) continue;
      if (h.entry.id === 'fehler' && !(p.i > b && p.i - b <= 3)) continue; // "Fehler des Herstellers"
      if (h.entry.id === 'verantwortung' && !(p.i > b && p.i - b <= 3)) continue; // "in der Verantwortung des Paketdienstes"
      if ((h.entry.id === 'liegt' || h.entry.id === 'zustaendig' || h.entry.id === 'schuld') && realNegation(s, c)) continue; // "ist nicht verantwortlich" does not blame
      if (s.items[h.match.to]?.norm === 'gemacht') continue;
      if (nonAsserted(s, c) && !reasonForRefusal && h.entry.id !== 'muss') continue;
      if (h.entry.id === 'vorgabe' && s.items[b]!.upper && b !== c.from) continue; // "die Vorgaben der …" (noun)
      if (h.entry.id === 'macht' && b !== c.from) continue; // "…, das macht der Lieferant"
      // "Über die Erstattung entscheidet der Reiseveranstalter": the third party is the subject after the verb
      if (h.entry.id === 'entscheidet' && (!(p.i > b && p.i - b <= 3) || hasAny(ns, ADDRESSED) || s.question)) continue;
      if (h.entry.id === 'kommt' && !(p.i >= h.match.to && p.i - h.match.to <= 1)) continue; // "kommt vom Hersteller"
      // "Die Sperre kam von der Schufa", "Das kommt vom Hersteller" – but "Das Ersatzteil kommt vom Zulieferer" is where goods come from
      // "die Aufzugsstörung betrifft die Wartungsfirma": a problem concerns a party named after the verb
      if (h.entry.id === 'betrifft' && !(p.i > b && p.i - b <= 3 && s.items.slice(c.from, b).some((t) => PROBLEM.test(t.norm) || (b === c.from + 1 && /^(?:das|dies)$/.test(t.norm))))) continue;
      if (h.entry.id === 'kommt' && !s.items.slice(c.from, b).some((t) => PROBLEM.test(t.norm) || (b === c.from + 1 && /^(?:das|dies|es)$/.test(t.norm)))) continue;
      // "fällt in den Bereich des Netzbetreibers", "Der Fehler steckt im Plugin des Drittanbieters": the party follows
      if (h.entry.id === 'faellt' && !(p.i >= h.match.to && p.i - h.match.to <= 2)) continue;
      if (h.entry.id === 'steckt' && !(p.i >= h.match.to && p.i - h.match.to <= 4)) continue;
      if (reasonForRefusal && !/^(?:fehler|schuld|liegt|verantwortung)$/.test(h.entry.id ?? '')) continue;
      // "hing bei unserem Zahlungsdienstleister fest, weil Ihre Karte erneuert wurde": a cause, explained
      if ((h.entry.id === 'schuld' || h.entry.id === 'liegt') && s.clauses.some((k) => k.from > c.from && CAUSAL.has(k.lead) && k.lead !== 'nachdem' && causal(s, k))) continue;
      if (h.entry.id !== 'fehler' && h.entry.id !== 'verantwortung' && hasAny(ns, WIR_ICH)) continue; // "haften wir bis 500 €"
      return { finding: { kind: 'responsibility', party: partyData(s, p) }, clearable: true };
    }
  }
  // "Das liegt an Ihrem Antivirenprogramm", "liegt an Apple", "liegt allein bei ihm"
  for (const h of blameHits) {
    if (h.entry.id !== 'liegt') continue;
    const c = clauseOf(s, h.match.from);
    if (nonAsserted(s, c) || realNegation(s, c)) continue;
    const p = h.match.to - 1;
    const after = s.items.slice(p + 1, Math.min(c.to, p + 4)).map((t) => t.norm);
    if (after.some((n) => OWN.has(n))) continue;
    const afterT = s.items.slice(p + 1, Math.min(c.to, p + 4));
    if (properAfter(s, p) || afterT.some((t) => (/^(?:ihr|ihre|ihrem|ihren|ihrer|ihres)$/.test(t.norm) && t.upper) || /^(?:dein|deine|deinem|deinen|deiner|deines|ihm|denen|dort)$/.test(t.norm))) {
      return { finding: { kind: 'responsibility' }, clearable: true };
    }
  }
  return null;
}

/** An apology taken back with a third party: "Es tut uns leid, aber die Reinigung macht eine externe Firma." */
function apologyIn(doc: Doc, s: Sentence, ps: PartyAt[]): Responsibility | null {
  const prev = doc.sentences[s.index - 1];
  const apologyHere = (factsOf(s).bits & W_APOLOGY) !== 0;
  const apologyBefore = !!prev && prev.paragraph === s.paragraph && (factsOf(prev).bits & W_APOLOGY) !== 0;
  if (apologyHere || apologyBefore) {
    const ci = s.items.findIndex((t) => CONTRAST.has(t.norm) || t.text === '–');
    if (ci >= 0) {
      const p = ps.find((x) => x.i > ci && (x.entry.kind === 'strong' || (x.i > 0 && /^(?:ein|eine|einer|einem|einen)$/.test(s.items[x.i - 1]!.norm))));
      if (p && !hasAny(norms(s, clauseOf(s, p.i)), ICH)) return { finding: { kind: 'responsibility', party: partyData(s, p) }, clearable: true };
    }
  }
  return null;
}

/** What can come from a third party as a problem (not goods): faults, blocks, refusals, decisions, changes. */
const PROBLEM = /(?:fehler|problem|stoerung|verzoegerung|ausfall|sperre|sperrung|ablehnung|absage|kuendigung|entscheidung|vorgabe|anweisung|aenderung|stornierung|storno|mahnung|abbuchung|rueckbuchung|ruecklastschrift|verspaetung|annullierung|streichung|schaden|ursache)$/;

const ACTION_DONE = words('vermerkt notiert veroeffentlicht behoben aktualisiert bereitgestellt ausgeliefert bestellt nachbestellt ausgetauscht getauscht repariert erstattet storniert eroeffnet korrigiert gutgeschrieben zurueckgebucht angehaengt beigefuegt ausgefuellt vorausgefuellt vorbereitet geschickt weitergegeben weitergeleitet informiert gebeten angeschrieben eingereicht beantragt ausgestellt beglaubigt gestartet angestossen eingestellt gemeldet beauftragt veranlasst vereinbart reserviert gebucht gespielt erledigt gestellt geklaert uebernommen organisiert angefragt nachgefragt kontaktiert angerufen gegeben uebermittelt zugeschickt');

/** The agent keeps ownership: a follow-up promise, or something the agent already did for the customer. */

function ownsIn(x: Sentence, skipClause?: Clause): boolean {
  const f = factsOf(x);
  // "wir sind der falsche Ansprechpartner" keeps nothing
  // ("dann können wir Ihnen nicht helfen" promises nothing either)
  if (f.owns === undefined) f.owns = OWNERSHIP.match(x).some((h) => !x.items[h.match.from]!.quoted && !x.items.slice(h.match.from, h.match.to).some((t) => t.norm.startsWith('falsch')) &&
    !((h.entry.id === 'dann' || h.entry.id === 'trotzdem') && (MODALS.has(x.items[h.match.from + 1]!.norm) || realNegation(x, clauseOf(x, h.match.from)))));
  if (f.owns) return true;
  if (skipClause) return didForCustomer(x, skipClause);
  if (f.did === undefined) f.did = didForCustomer(x);
  return f.did;
}

/** "Ich habe Ihre Akte am 4. Juni dorthin geschickt und die Kollegin vorab informiert" (a passing-on in `skipClause` does not count). */
function didForCustomer(x: Sentence, skipClause?: Clause): boolean {
  const who = x.items.findIndex((t) => t.norm === 'ich' || t.norm === 'wir');
  if (who < 0 || !x.items.some((t) => t.norm === 'habe' || t.norm === 'haben' || t.norm === 'hab')) return false;
  for (let k = who + 1; k < x.items.length; k++) {
    const n = x.items[k]!.norm;
    if (!ACTION_DONE.has(n) || x.items[k]!.quoted) continue;
    if (skipClause && k >= skipClause.from && k < skipClause.to && /^(?:weitergegeben|weitergeleitet|gegeben|uebermittelt|abgegeben|uebergeben)$/.test(n)) continue;
    return true;
  }
  return false;
}

function ownershipNear(doc: Doc, s: Sentence, before = 1, after = 2, skipClause?: Clause): boolean {
  if (realNegationSentence(s) && before === 0 && after === 0) return false;
  return discourse.around(doc, s, before, after).some((x) => ownsIn(x, x === s ? skipClause : undefined));
}

function realNegationSentence(s: Sentence): boolean {
  return s.clauses.some((c) => realNegation(s, c));
}

const HANDOVER_NEEDS = W_CASE | W_HANDOVER_TO | W_YOURS;

function handoverIn(s: Sentence): { finding: Finding; clause: Clause } | null {
  // a handover names the case, whose it is and where it went (each checked on the clause below)
  if ((factsOf(s).bits & HANDOVER_NEEDS) !== HANDOVER_NEEDS) return null;
  for (const h of HANDOVER.match(s)) {
    const i = h.match.from;
    if (s.items[i]!.quoted) continue;
    const c = clauseOf(s, i);
    if (nonAsserted(s, c)) continue;
    const ns = norms(s, c);
    if (!ns.some((n) => CASE_NOUNS.has(n) || CASE_SUFFIX.test(n))) continue;
    // passing on feedback to a named team of one's own is no handover of a problem
    const feedback = ns.some((n) => /^(?:feedback|rueckmeldung|anregung|anregungen|vorschlag|vorschlaege|kritik|lob|wunsch|idee)$/.test(n));
    const vague = ns.some((n) => /^(?:zustaendig|entsprechend)\w*$|^(?:stelle|stellen|abteilung|fachabteilung|bereich|fachbereich)$/.test(n)) || partiesIn(s).some((p) => p.i >= c.from && p.i < c.to && !p.own && p.entry.kind === 'strong');
    if (feedback && !vague) continue;
    if (ns.includes('gern') || ns.includes('gerne')) continue; // an offer: "leite ich Ihre Meldung gern weiter"
    const yours = s.items.slice(c.from, c.to).some((t) => (t.upper && /^(?:ihr|ihre|ihren|ihrem|ihrer|ihres)$/.test(t.norm)) || /^(?:dein|deine|deinen|deinem|deiner|wir|ich)$/.test(t.norm));
    if (!yours) continue;
    if (!ns.some((n) => n === 'an' || n === 'bei' || n === 'ans') && !ns.includes('abgegeben')) continue;
    if (ns.some((n) => n === 'ihnen' || n === 'dir') && !ns.includes('an')) continue;
    // "hat Ihre Unterlagen an uns weitergegeben": handed over to us, who now own it
    if (ns.some((n, k) => n === 'an' && /^(?:uns|mich|mir)$/.test(ns[k + 1] ?? ''))) continue;
    return { finding: { kind: 'handover' }, clause: c };
  }
  return null;
}

function systemIn(s: Sentence): Finding | null {
  if (!(factsOf(s).bits & W_SYSTEM)) return null;
  for (const h of SYSTEM.match(s)) {
    const i = h.match.from;
    if (s.items[i]!.quoted) continue;
    const c = clauseOf(s, i);
    if (nonAsserted(s, c)) continue;
    if (s.items.some((t) => t.norm === 'zwar')) continue;
    if (NEGATIONS.has(s.items[i]!.norm) && harmlessIn(s).some(([a, b]) => i >= a && i < b)) continue;
    // "…lässt unser Abrechnungssystem nicht zu, weil die Rechnungsnummer sonst doppelt vergeben würde": explained
    // ("…, da kann ich nichts machen" is no reason: "da" as an adverb)
    if (s.clauses.some((k) => k.from > c.from && CAUSAL.has(k.lead) && k.lead !== 'nachdem' && causal(s, k))) continue;
    return { kind: 'system' };
  }
  return null;
}

function detect(doc: Doc, s: Sentence): Finding | null {
  if (s.items.length < 3) return null;
  const r = redirectIn(doc, s);
  if (r) return r;
  const resp = responsibilityIn(doc, s);
  if (resp) {
    if (!resp.clearable || !ownershipNear(doc, s)) return resp.finding;
    return null;
  }
  const sys = systemIn(s);
  if (sys) return ownershipNear(doc, s, 0, 2) ? null : sys;
  const h = handoverIn(s);
  if (h && !ownershipNear(doc, s, 1, 2, h.clause)) return h.finding;
  return null;
}

const TASK_VERBS = words('uebernimmt uebernehmen organisiert organisieren erledigt erledigen regelt regeln macht machen bearbeitet bearbeiten wickelt wickeln fuehrt fuehren vergibt vergeben entscheidet entscheiden erstellt erstellen prueft pruefen liefert liefern stellt stellen verwaltet verwalten betreut betreuen');
/** "Die Montage hat ein Subunternehmer durchgeführt." – who did it, said right before the customer is sent there. */
function doneBy(doc: Doc, s: Sentence): boolean {
  // "Die Zustellung übernimmt GLS." – a task a third party performs
  if (!s.items.some((t) => /^(?:hat|haben|hatte|hatten)$/.test(t.norm) || TASK_VERBS.has(t.norm))) return false;
  if (s.items.some((t) => FIRST_PERSON.has(t.norm))) return false;
  return partiesIn(s).some((p) => !p.own && p.entry.kind === 'strong' && !nonAsserted(s, clauseOf(s, p.i))) && !ownershipNear(doc, s, 0, 2);
}

/** A reason that names a third party ("…, da DHL aktuell überlastet ist") right before the customer is left with it. */
function causalParty(doc: Doc, s: Sentence): boolean {
  for (const p of partiesIn(s)) {
    if (p.own) continue;
    const c = clauseOf(s, p.i);
    if (CAUSAL.has(c.lead) && c !== s.clauses[0]) return !ownershipNear(doc, s, 0, 2);
  }
  for (const c of s.clauses) {
    if (!CAUSAL.has(c.lead) || c === s.clauses[0]) continue;
    // "…, weil Apple die App noch nicht freigegeben hat": a brand right after the conjunction
    const k = c.from + 1;
    const t = s.items[k];
    if (t && t.kind === 'word' && t.upper && !FORMAL_ADDRESS.has(t.norm) && !DETERMINERS.has(t.norm) && !OWN.has(t.norm) && !/(?:en|ern|ung|heit|keit|ion|aet|nis|isse|schaft)$/.test(t.norm)) return !ownershipNear(doc, s, 0, 2);
  }
  return false;
}


function suggestion(f: Finding, s: Sentence, informal: boolean): SuggestionSpec {
  const du = (formal: string, inf: string): string => (informal ? inf : formal);
  const back = du('bis [Datum] mit dem Ergebnis bei Ihnen', 'bis [Datum] mit dem Ergebnis bei dir');
  switch (f.kind) {
    case 'redirect': {
      const p = f.phrase;
      let act: string;
      if (p && (p.prep === 'an' || p.prep === 'ans')) act = `Ich wende mich selbst ${p.text}`;
      else if (p && (p.prep === 'bei' || p.prep === 'beim')) act = `Ich frage selbst ${p.text} nach`;
      else if (p && p.prep === 'mit') act = `Ich kläre das selbst ${p.text}`;
      else if (f.party) act = `Ich kläre das selbst mit ${f.party}`;
      else act = 'Ich kläre das selbst für dich'.replace('für dich', du('für Sie', 'für dich'));
      return {
        desc: 'Den Fall selbst übernehmen statt den Kunden weiterzuschicken',
        text: `${du('Darum kümmere ich mich für Sie', 'Darum kümmere ich mich für dich')}: ${act} und melde mich ${back}.`,
      };
    }
    case 'responsibility':
      return {
        desc: 'Verantwortung übernehmen statt sie abzuschieben',
        text: f.party
          ? `${du('Darum kümmere ich mich für Sie', 'Darum kümmere ich mich für dich')}: Ich kläre das direkt mit ${f.party} und melde mich ${back}.`
          : `${du('Darum kümmere ich mich für Sie', 'Darum kümmere ich mich für dich')}: Ich sorge dafür, dass die richtige Stelle das klärt, und melde mich ${back}.`,
      };
    case 'system':
      return {
        desc: 'Den Grund erklären und einen Weg anbieten, statt das System vorzuschieben',
        text: `Das kann ich so leider nicht direkt ändern, weil [Grund in einfachen Worten]. ${du('Ich kann Ihnen aber', 'Ich kann dir aber')} [konkreter Weg, z. B. „die Stornierung von Hand anstoßen“] anbieten und melde mich ${back}.`,
      };
    case 'handover':
      return {
        desc: 'Zusagen, dass Sie Ansprechpartner bleiben und sich selbst melden (an den Satz anhängen)',
        start: s.end,
        end: s.end,
        text: ` ${du('Ich bleibe trotzdem Ihr Ansprechpartner und melde mich bis [Datum] selbst bei Ihnen', 'Ich bleibe trotzdem dein Ansprechpartner und melde mich bis [Datum] selbst bei dir')} – auch wenn es dann noch kein Ergebnis gibt.`,
      };
  }
}

export default defineRule({
  id: 'blame-shifting',
  meta: {
    type: 'problem',
    description: 'Meldet Antworten, die das Problem auf Hersteller, Paketdienst, Bank, „die zuständige Abteilung“ oder „das System“ abschieben, statt es selbst zu lösen.',
    severity: 'error',
    unit: 'reply',
    messages: {
      redirect: 'Schickt den Kunden weiter, statt das Problem selbst zu lösen: „{{actual}}“. Übernehmen Sie den Fall und melden Sie sich mit dem Ergebnis.',
      responsibility: 'Schiebt die Verantwortung ab: „{{actual}}“. Der Kunde hat bei Ihnen gekauft – übernehmen Sie das Problem, auch wenn ein anderer es verursacht hat.',
      system: 'Schiebt „das System“ vor: „{{actual}}“. Erklären Sie den Grund in einfachen Worten und bieten Sie einen Weg an.',
      handover: 'Weitergeleitet und vergessen? „{{actual}}“. Sagen Sie, dass Sie Ansprechpartner bleiben und bis wann Sie sich melden.',
    },
  },
  create(ctx) {
    // du or Sie in the suggestions: looked up on the first finding only (most replies have none)
    let informal: boolean | undefined;
    const report = (s: Sentence, f: Finding): void => {
        ctx.report({
          messageId: f.kind,
          data: { actual: snippet(s.text, 70) },
          start: s.start,
          end: s.end,
          note: 'Kunden verzeihen Probleme, aber nicht, mit ihnen allein gelassen zu werden. Der Klassiker: Der Verkäufer verweist auf den Hersteller und lässt den Kunden im Regen stehen. Übernehmen Sie den Fall – auch wenn ein anderer ihn lösen muss – und sagen Sie, bis wann Sie sich melden.',
          suggestions: [suggestion(f, s, (informal ??= ctx.doc.tokens.some((t) => t.kind === 'word' && !t.quoted && INFORMAL.has(t.norm))))],
        });
    };
    return {
      reply(doc) {
        for (const [s, f] of blameFindings(doc)) report(s, f);
      },
    };
  },
});

const findingsOf = perDoc<Array<[Sentence, Finding]>>();

/**
 * The sentences blame-shifting reports in a document, with what it found there. Worked out once per document:
 * missing-alternative reads them too (a reply that only sends the customer away offers no alternative).
 */
function blameFindings(doc: Doc): Array<[Sentence, Finding]> {
  let out = findingsOf.get(doc);
  if (out) return out;
  out = [];
  current = { sentences: doc.sentences, facts: new Array<Facts | undefined>(doc.sentences.length) };
  try {
    const found = doc.sentences.map((s) => detect(doc, s));
    doc.sentences.forEach((s, i) => {
      let f = found[i];
      const next = found[i + 1];
      if (!f && next && (next.kind === 'redirect' || next.kind === 'responsibility') && doc.sentences[i + 1]!.paragraph === s.paragraph && (causalParty(doc, s) || doneBy(doc, s))) {
        f = { kind: 'responsibility', party: next.party };
      }
      if (f) out!.push([s, f]);
    });
  } finally {
    current = null;
  }
  findingsOf.set(doc, out);
  return out;
}

export { detect, blameFindings };
export type { Token };
