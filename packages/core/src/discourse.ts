/**
 * Discourse helpers shared by the rules: is this sentence a refusal (and of which kind), does a reason or a way
 * forward come with it, is a clause conditional or a question, is a sentence quoted history. They work on the
 * token model (folded words, clauses), not on raw strings, so inflection, word order and negation scope are
 * handled once for every rule.
 *
 * Vocabulary (all patterns folded, see pattern.ts):
 * - refusal: the agent says that something the customer wants will not happen ("Das geht nicht.", "Eine
 *   Erstattung ist nicht möglich.", "Ihr Antrag wurde abgelehnt.", "Wir nehmen keine Saisonware zurück.").
 *   Weaker kinds: "nocontrol" (not our business: "darauf haben wir keinen Einfluss", "dafür ist der Hersteller
 *   zuständig") and "deflect" (sending the customer away: "Wenden Sie sich an den Hersteller.").
 * - reason: why ("weil/da/denn …", "Der Grund ist …", "deshalb", "laut AGB" – a cited rule counts as a reason
 *   here; whether it is explained plainly is paragraph-hiding's business).
 * - way forward: an alternative, a choice, an offer, a concrete action of the agent, a next step for the
 *   customer on the company's own channels, an interim solution, a concrete follow-up.
 */
import { type PhraseEntry } from './phrases.ts';
import { GatedPhraseSet, wordFacts } from './discourse-phrases.ts';
import { NEGATIONS, SUBORDINATORS } from './lexicon.ts';
import type { Clause, Sentence, Token } from './types.ts';
import type { Doc } from './doc.ts';
import { contextSentences, sameBranchContext } from './formats/branches.ts';
import { addressForm } from './address.ts';
import { perWord, perSentence, perDoc } from './words.ts';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/**
 * One PhraseSet entry per pattern: PhraseSet reports one hit per entry, and the discourse checks (clause,
 * negation, subject) must see every pattern that matches, not only the first one of an entry.
 */
function perPattern<P extends PhraseEntry>(list: P[]): P[] {
  return list.flatMap((e) => (typeof e.pattern === 'string' ? [e] : e.pattern.map((p) => ({ ...e, pattern: p }))));
}

/**
 * What the discourse layer has worked out about a sentence, in one object: every rule asks about every sentence
 * several times, and one memo slot per sentence (words.ts, perSentence) is cheaper than one look-up per question. A null / -2 field is not known yet.
 */
interface SentenceFacts {
  hits: Refusal[] | null;
  /** Refusals left out of `hits` only because the sentence alone shows no customer context (see letterRefusal). */
  contextless: Refusal[] | null;
  harmless: Array<[number, number]> | null;
  /** Reason marker outside quotes: 0 none, 1 a cited rule only, 2 causal; -1 not known yet. */
  reason: number;
  /** Way forward in the sentence: 0 no, 1 yes; -1 not known yet. */
  wayForward: number;
  /** Item index of a dismissal, -1 none; -2 not known yet. */
  dismissal: number;
  context: SentenceContext | null;
}
const factsCache = perSentence<SentenceFacts>();
function factsOf(s: Sentence): SentenceFacts {
  let f = factsCache.get(s);
  if (!f) {
    f = { hits: null, contextless: null, harmless: null, reason: -1, wayForward: -1, dismissal: -2, context: null };
    factsCache.set(s, f);
  }
  return f;
}

/** Leads of clauses that only state a condition or ask: what follows is not asserted. */
const CONDITIONAL_LEADS = words('wenn falls sofern soweit ob sollte sollten solange insofern insoweit waere waeren koennte angenommen');

/** Negations that do not negate the service ("kein Problem", "nicht nur", "zögern Sie nicht"). */
const HARMLESS_NEGATION = new GatedPhraseSet(perPattern([
  { pattern: ['kein* problem*', 'keine sorge*', 'keine umstaende', 'keine ursache', 'nicht nur', 'nicht zu <zoegern>', '<zoegern> ...3 nicht', 'nicht <zoegern>', 'nicht vergessen', 'nicht zu vergessen',
    'keine* weiteren? kosten', 'keine* zusaetzlich* kosten', 'kostenlos', 'nichts weiter*', '<muessen> ...3 nichts mehr', 'sie|du ...4 nichts mehr <tun>|<machen>|<unternehmen>', 'nichts <tun>|<unternehmen> <muessen>', '<muessen> ...3 nichts', 'nicht selbst', 'nicht erneut', 'nicht extra', 'nicht noch einmal', 'nicht nochmal',
    'nicht mehr als', 'nicht mehr lange', 'nicht lange', 'nicht unbedingt', 'gar kein* aufwand', 'nichts <aus|machen>', 'nicht <aus|machen>', 'keine* gebuehr*', 'nicht <berechnen>', 'nichts <berechnen>', 'nichts <kosten>', 'nicht verloren', 'keine* nachteil*', 'nicht <verfallen>', 'nichts <verlieren>', '<verlieren> ...4 kein*|nichts', 'nicht|nichts ohne ihr*|dein*|euer* okay|ok|zustimmung|einverständnis|erlaubnis|auftrag|freigabe|rücksprache',
    'nichts <bezahlen>|<zahlen>', 'nicht <bezahlen>|<zahlen> <muessen>', 'keinen cent', 'nicht <passieren>', 'nicht <betreffen>', 'nicht betroffen', 'nicht <vor|kommen>', 'nichts <aendern>', 'nicht mehr <warten>', 'nicht <warten>', 'ohne <warten>'] },
]), 'harmless-negation');

/** Markers of a reason: causal conjunctions and adverbs, explicit "Grund", a cited rule. */
const REASON = new GatedPhraseSet(perPattern([
  { id: 'causal', pattern: ['weil', 'denn', 'da @DET|@PRON|@FORMAL|@INFORMAL|unser*|mein*|kein*|nur|noch|bereits|schon|leider|wir|ich|es|sie|man|ihr*|diese*|jede*|alle*|@NUM|an|auf|in|im|am|bei|beim|mit|nach|vom|von|zum|zur|fuer|durch|seit|aus|unter|ueber|gerade|momentan|derzeit|aktuell', 'daher', 'deshalb', 'deswegen', 'darum', 'aufgrund', 'wegen', 'naemlich', 'grund|gruende|grundes|gruenden', '*grund|*gruende|*gruenden', 'hintergrund', 'ursache', 'liegt daran', 'liegt an', 'sodass', 'so dass', 'zumal', 'damit nicht|kein*', 'bedingt', 'infolge', 'angesichts', 'hintergrund'] },
  { id: 'explain', pattern: ['das heisst', 'bedeutet', 'konkret', 'zur erklaerung', 'zum hintergrund'] },
  { id: 'rule', pattern: ['laut', 'gemaess', 'entsprechend @DET|unser*|den|der', 'zufolge', 'nach @DET? §', 'nach ziffer|punkt|abschnitt|artikel|art', '§', 'agb', '*bedingungen', '*bestimmungen', 'richtlinie*', '*richtlinie|*richtlinien', 'vorschrift*', '*vorschrift|*vorschriften', 'vorgabe*', '*vorgabe|*vorgaben', 'gesetz*', '*gesetz', 'verordnung', '*ordnung', 'satzung', '*satzung', 'kleingedruckt*', 'preisliste', 'leistungsbeschreibung', '<verweisen> ...4 auf', 'wie ...6 festgelegt|vereinbart|geregelt|vorgesehen|beschrieben', 'geltend*', '*anweisung', '^ ohne ...6 <koennen>|<duerfen>', 'dsgvo', 'datenschutz*', 'vorgeschrieben', 'geregelt'] },
]), 'reason');

/**
 * Refusals. `kind` orders how clearly a sentence refuses: cannot/decision/service/policy (3) > nocontrol (2) >
 * deflect (1) > bare no (0). Entries with `flat: false` are refusals for the reply (missing-alternative) but not
 * flat-no material on their own (unavailability, sending away).
 */
export type RefusalKind = 'no' | 'cannot' | 'decision' | 'service' | 'policy' | 'nocontrol' | 'deflect' | 'blame' | 'unavailable';
const STRENGTH: Record<RefusalKind, number> = { cannot: 3, decision: 3, service: 3, policy: 3, unavailable: 2, nocontrol: 2, deflect: 1, blame: 1, no: 0 };

const REFUSAL = new GatedPhraseSet(perPattern([
  { id: 'no', kind: 'no', pattern: ['^ ausgeschlossen|unmöglich|keinesfalls|niemals $', '^ auf keinen fall $', '^ leider? nein|nee|noe|ne|nope $', '^ nein|nee|noe|nope , leider nicht? $', '^ leider nicht $', '^ leider? no way', '^ kommt|käme leider? nicht in frage|betracht $', '^ kommt|käme leider? nicht infrage $', '^ nein|nee|noe|ausgeschlossen|unmöglich , sorry $', '^ nein|nee|noe|ausgeschlossen|unmöglich , tut mir leid $', '^ sorry , nein|nee|noe|ausgeschlossen|unmöglich $', '^ tut mir leid , nein|nee|noe $', '^ nein|nee , das <machen> wir|ich nicht'] },
  { id: 'geht-nicht', kind: 'cannot', pattern: ['das|dies|es|so|sowas|dat|umtausch|rueckgabe|storno|erstattung <gehen> leider? ...3 nicht', '<gehen> das|dies|es|so leider? ...3 nicht', '^ leider? <gehen> leider? nicht', '<gehen> leider nicht', '<gehen> ...4 nicht $', '<gehen> ...4 nicht ,|;|–', '<gehen> ...2 nichts|nix mehr? $', '<gehen> ...2 nichts|nix mehr? ,', 'geht nicht', 'geht leider nicht'] },
  { id: 'nicht-moeglich', kind: 'cannot', pattern: ['nicht|keinesfalls|leider möglich|machbar|vorgesehen|drin|zulässig|umsetzbar|realisierbar|darstellbar|erlaubt|gestattet|erstattungsfähig|erstattbar|zugesichert|vorgesehen|zulaessig|gestattet|umtauschbar|stornierbar|rückgabefähig', 'nicht mehr möglich|machbar|drin', 'nicht mehr? wirksam|rechtzeitig|fristgerecht|nachträglich|rückwirkend|kurzfristig|kostenlos|kostenfrei möglich|machbar', 'nur noch ...3 nicht', '<sein> ...4 ausgeschlossen', '<sein> ...3 unmöglich', 'ausgeschlossen $', 'ausgeschlossen , da|weil', '<sein> ...4 untersagt', 'untersagt $', '<untersagen>', 'nicht in frage', 'kommt nicht in frage', 'kein* rückgaberecht|umtauschrecht|anspruch|widerrufsrecht|reklamationsgrund|mangel|garantiefall|gewährleistungsfall|sachmangel', '<sehen> ...5 nicht|kein* vor $', 'nicht in betracht', 'nicht infrage', '<müssen> ...4 <enttäuschen>', '<stehen> ihnen|dir|euch ...4 nicht|kein* zu', 'nicht|kein* ...3 <zu|stehen>', 'kein* kulanz', 'kosten <tragen> der|die|sie|du', 'abschlägig', 'nicht in der lage', 'nicht üblich', 'nicht rückgängig', '<lassen> sich ...3 nicht|kein* ...3 <ändern>|<machen>|rückgängig|<stornieren>|<erstatten>', 'keine positive* nachricht|rückmeldung|entscheidung', 'eine absage', 'kein* kapazität*', '<sein> ...4 abgelaufen|verstrichen|erloschen|verfallen $', '<sein> ...4 abgelaufen|verstrichen|erloschen|verfallen ,', '<tragen>|<übernehmen> sie|du ...6 selbst', 'auf eigene kosten', '<sein> ...4 nicht verpflichtet', 'nicht verpflichtet', '<verbieten>', 'verboten', 'nur ...6 zulässig|erlaubt|gestattet|möglich', 'nicht übertragbar|kombinierbar|auszahlbar|verlängerbar|kündbar|einlösbar|änderbar|rückgabefähig|verhandelbar', 'kein* aussage|angaben|auskunft|auskünfte ...3 <machen>|<treffen>|<geben>|<erteilen>', '<greifen> ...3 nicht', '<sein> ...6 ausgenommen', '<entsprechen> nicht ...4 *richtlinien|*bedingungen|*bestimmungen|*vorgaben|*regeln', 'kein* handlungsbedarf|anlass', '<entfallen>', '<sein> ...3 so geregelt|vorgeschrieben|festgelegt', '^ das|dies|es|so <werden> leider? nichts|nix', '^ daraus <werden> leider? nichts|nix', 'is|isch nich|nicht $', 'is|isch nich|nicht drin', 'wir|ich <sein> ...3 nicht bereit', '<sein> wir|ich ...3 nicht bereit', '<müssen> wir|ich ...3 passen $', 'nicht mehr gültig', '<aus|scheiden>', 'nicht befugt|berechtigt|ermächtigt', 'außerstande', 'das|dies|es|so <werden> ...3 nicht <gehen>', '<werden> es ...3 nicht|kein* <geben>', 'das|dies|es|so <klappen>|<funktionieren> ...3 nicht $', 'gilt|gelten ...4 nur|ausschliesslich', 'das|dies <machen>|<tun> wir|ich ...2 nicht', 'das|dies <können>|<dürfen> wir|ich ...2 nicht $', 'wir|ich <können>|<dürfen>|<werden> das ...2 nicht $', 'kein* geld zurück', '<bekommen>|<erhalten> sie|du ...6 nicht|kein*', 'sie|du <bekommen>|<erhalten> ...6 nicht|kein*', 'erst ...8 möglich', '<lassen> ...6 nicht|kein* mehr? zu', '<erlauben> ...6 nicht|kein*', 'nicht|kein* ...3 <erlauben>', '<werden> ...5 nicht ...2 kommen|umgesetzt|angeboten|eingeführt', '<bleiben> ...4 bestehen $', '<erfolgen> ...3 nicht $', 'nicht erfolgen', '<erfolgen> kein*', '<aus|schliessen>', 'ausgeschlossen <sein>', 'voraussetzung* ...6 nicht', '<haften> ...6 nur', 'bei uns falsch|verkehrt', 'an der falschen adresse', '<duerfen> ...8 nicht|kein* ...6 <teil|nehmen>|<mit|nehmen>|<mit|bringen>|<nutzen>|<betreten>|<parken>|<mit|fahren>'] },
  { id: 'nichts-machen', kind: 'cannot', pattern: ['nichts|nix <machen>|<tun>|<ändern>|<unternehmen>|<drehen>|<aus|richten> <können>|<lassen>', '<können>|<lassen> ...4 nichts|nix ...3 <machen>|<tun>|<ändern>|<unternehmen>|<drehen>|<aus|richten>', 'nichts|nix mehr? zu <machen>|<ändern>', '^ mehr <sein> leider? nicht drin|möglich', 'nicht zu <machen>|<ändern> $', 'mehr ...3 <können> ...3 nicht <tun>|<machen>', '^ keine chance', 'da <sein> nichts zu <machen>', 'hände ...2 gebunden', 'kein* spielraum|handlungsspielraum', 'nicht <weiter|helfen>', '<weiter|helfen> ...4 nicht', 'nicht <entgegen|kommen>', 'nicht <nach|kommen>', '<nach|kommen> ...3 nicht $', 'nicht <entsprechen>', '<entsprechen> ...3 nicht $', '<sein> ...3 berechtigt ...6 <versagen>'] },
  { id: 'keine-moeglichkeit', kind: 'cannot', pattern: ['keine möglichkeit'] },
  // "Eine Überprüfung ist daher nicht erforderlich": the check the customer asks for is refused
  { id: 'nicht-noetig', kind: 'cannot', pattern: ['*prüfung|untersuchung|besichtigung|reparatur|umtausch|austausch|technikereinsatz|technikertermin|begutachtung|nachbesserung ...4 nicht|kein* nötig|notwendig|erforderlich'] },
  // "Der Wasserschaden fällt nicht unter die Garantie": the damage is the subject, not a denied problem; the
  // cover (tariff, policy, guarantee) it names is its reason, so it is no flat-no material
  { id: 'nicht-gedeckt', kind: 'unavailable', pattern: ['<fallen> ...4 nicht unter', 'nicht ...3 <ab|decken>|gedeckt|versichert|mitversichert', '<ab|decken> ...2 kein*|nicht', '<sein> ...6 nicht|kein* enthalten|inbegriffen $'] },
  { id: 'generell-keine', kind: 'policy', pattern: ['generell|grundsätzlich|prinzipiell|ausnahmslos|pauschal ...3 kein*|nicht', '^ kein* @CAP für|bei|ohne|auf|unter', 'kein* ausnahme*', 'keine* ausnahmen', '^ ohne @WORD @WORD? kein* @WORD', '^ kein* @WORD , kein* @WORD $',
    // "SIM-Karten schicken wir nur an die Vertragsadresse, nicht an eine Urlaubsadresse"
    'wir|ich ...6 nur ...8 , nicht an|in|für|bei|per|zu|auf|am|im|ans|ins|nach|ueber'] },
  { id: 'decision', kind: 'decision', pattern: ['<ab|lehnen>', '<zurück|weisen>', 'negativ <bescheiden>', '<verweigern>', 'nicht ausgeführt|genehmigt|freigegeben|bewilligt|stattgegeben|anerkannt|akzeptiert|gewährt|eingeräumt|erstattet|übernommen|getragen|zurückgezahlt|gutgeschrieben|verlängert|angenommen|angeordnet|ausgestellt|abgeholfen|zugelassen|erteilt|ersetzt|umgetauscht|zurückgenommen|storniert|bearbeitet|freigeschaltet', '<werden> abgesehen', '<sehen> wir|ich ...6 ab $', 'gesperrt', '<versagen>', '<kuerzen>', '<verwehren>', 'von|davon ...6 absehen', 'negativ <beantworten>', 'ihnen|dir|euch leider? absagen'] },
  { id: 'gibt-es-nicht', kind: 'service', pattern: ['<geben> es ...4 nicht|kein*', 'gibt|gibts|gibt\'s ...5 kein*|nicht', '<bestehen> ...8 kein*', '<bestehen> ...3 nicht $', '<bestehen> ...3 nicht ,', 'es <geben> ...5 kein*', '<geben> ...4 nicht $', 'wir|ich <geben> ...3 kein*', 'kein* ...4 <geben> wir|ich'] },
  { id: 'unavailable', kind: 'unavailable', pattern: ['nicht|kein* mehr? lieferbar|verfügbar|vorrätig|erhältlich', 'nicht|kein* mehr? auf lager', 'ausverkauft', 'ausgebucht', 'annulliert|storniert|gekündigt|abgesagt', 'nicht <statt|finden>', '<statt|finden> ...4 nicht',
    'nicht|kein* mehr? im sortiment|angebot|programm|bestand', 'nicht|kein* mehr? zu bekommen|kriegen|haben|beschaffen', 'vergriffen',
    '<unterstuetzen> ...6 nicht|kein* $', '<unterstuetzen> ...6 nicht|kein* ,', 'nicht mehr unterstuetzt',
    'alle|vollstaendig|komplett|restlos|bereits|schon|voll vergeben|belegt|ausgelastet', 'ausgelastet $'] },
  // "Für das Modell gibt es keine Ersatzteile mehr": discontinued
  { id: 'unavailable-more', kind: 'unavailable', pattern: ['<vor|liegen> ...6 nicht|kein* mehr', '<geben> es ...4 kein* ...4 mehr', 'gibt|gibts|gibt\'s ...5 kein* ...4 mehr', 'es <geben> ...5 kein* ...4 mehr'] },
  // "Die Abholung am Freitag fällt aus": cancelled — not "fällt geringer aus"
  { id: 'unavailable-cancel', kind: 'unavailable', pattern: ['faellt|fallen|fiel|fielen ...4 aus $', 'faellt|fallen|fiel|fielen ...4 aus ,', 'ersatzlos'] },
  // "Ein Fahrzeug mit Automatik haben wir heute nicht mehr", "Einen Ökostrom-Tarif haben wir nicht"
  { id: 'unavailable-have', kind: 'unavailable', pattern: ['haben|habe|hab wir|ich ...8 nicht|kein* mehr? $', 'haben|habe|hab wir|ich ...8 nicht|kein* mehr? ,', 'haben|habe|hab wir|ich ...8 nicht|kein* mehr? im|auf|da|vorraetig|frei'] },
  // "Die Kosten müssen wir Ihnen in Rechnung stellen", "Die Kaution müssen wir einbehalten": the charge stands
  { id: 'charged', kind: 'policy', pattern: ['<müssen> wir|ich ...8 in rechnung <stellen>', 'wir|ich <müssen> ...8 in rechnung <stellen>', '<müssen> wir|ich ...8 <berechnen>|<einbehalten>|<ein|behalten>|<erheben>|<verrechnen>', 'wir|ich <müssen> ...8 <berechnen>|<einbehalten>|<ein|behalten>|<erheben>|<verrechnen>'] },
  // "Es bleibt bei der Stornogebühr", "Wir halten an unserer Entscheidung fest": a request to change is refused
  { id: 'upheld', kind: 'policy', pattern: ['<bleiben> es leider? ...3 bei ...5 *gebuehr|*gebuehren|*kosten|*zahlung|entscheidung|ablehnung|*betrag|*forderung|*preis|*rechnung|*bescheid|*summe|*frist|*abzug|*tarif|@NUM', '^ es <bleiben> leider? ...3 bei ...5 *gebuehr|*gebuehren|*kosten|*zahlung|entscheidung|ablehnung|*betrag|*forderung|*preis|*rechnung|*bescheid|*summe|*frist|*abzug|*tarif|@NUM', 'wir|ich <bleiben> ...3 bei ...3 entscheidung|ablehnung|einschaetzung|bewertung|standpunkt|auffassung', 'entscheidung|ablehnung|einschaetzung|auffassung|standpunkt|bescheid ...4 <fest|halten>', '<fest|halten> ...6 entscheidung|ablehnung|einschaetzung|auffassung|standpunkt|bescheid'] },
  { id: 'blame', kind: 'blame', pattern: ['nicht mehr? unser* fehler|problem|schuld|sache|bereich|aufgabe', 'überfragt', '<sein> wir|ich ...2 raus', 'ausschliesslich|allein|nur ...4 ansprechpartner', '*verantwortungsbereich*', '<fallen> nicht in', 'nicht in unsere* verantwortung*|zuständigkeit*', 'außerhalb unseres|unserer', 'machtlos', '*einflussbereich*', 'nicht unsere* verantwortung', 'liegt|liegen nicht bei uns|mir', 'nicht bei uns', ', nicht für uns $', 'nicht wir|uns $', ', nicht wir|uns', 'fehler|problem ihrer|ihres|deiner|deines', '<sein> dein|ihr problem', '<liegen> ...3 an ihrem|ihrer|ihren|deinem|deiner|@CAP', '<liegen> ...3 allein|ausschliesslich|nur bei', '<liegen> ...4 bei ihm|ihr|dem|der|den', '<verursachen>', 'so geregelt|vorgeschrieben|festgelegt $', '<sehen> ...4 so vor', '<koennen> ...3 nichts dafuer', 'ablehnung ...3 <beruhen>|<ergeben>', 'das <machen> der|die @WORD $', 'sache des|der|ihres|ihrer', '<liegen> ...2 beim|bei der|bei dem', 'gesetzlich ...3 vorgeschrieben $', '<haben> ...4 nichts zu tun', ', nicht von uns', '<kommen> ...2 von ihrem|ihrer|deinem|deiner|ihren|deinen', 'kann|können nur der|die|das|ihr|ihre', '<sein> ...4 nur ...3 <vermitteln>'] },
  { id: 'nocontrol', kind: 'nocontrol', pattern: ['kein* einfluss|zugriff|zugang|handhabe', 'nicht zuständig|verantwortlich', 'nicht in unsere* zuständigkeit', 'nicht ...3 zuständigkeit', '<sein> da raus', '^ für ...6 <sein> ...6 zuständig|verantwortlich', 'zuständig|verantwortlich , nicht',  'in der verantwortung', 'kann|koennen ihnen nur', 'nur ...3 <sein> ...3 zustaendig|verantwortlich', 'ausschliesslich ...3 zustaendig|verantwortlich', 'allein ...3 zustaendig|verantwortlich', 'dafür|hierfür|da <sein> ...5 zuständig|verantwortlich', 'zuständig|verantwortlich <sein> ...3 @DET|ihr*|die|der|das', '<sein> ...6 zuständig $', '<sein> ...6 verantwortlich $', '<haften> der|die|das', '<liegen> beim|bei|im ...3 nicht',  'wir <sein> ...2 nur|lediglich', 'wir ...4 nur ...3 <vermitteln>|<weiter|geben>|<ein|ziehen>|<bereit|stellen>', 'wir <vermitteln>|<bereit|stellen>|<ein|ziehen>|<weiter|geben>|<verkaufen>|<liefern>|<vertreiben> ...4 nur|lediglich', 'nur der|die|das|ein|eine|ihr händler|vermittler|wiederverkäufer|reisebüro|vermittlerin|makler|plattform', 'lediglich vermittler|händler|wiederverkäufer|makler'] },
  { id: 'deflect', kind: 'deflect', pattern: ['<wenden> sie|du ...3 sich|dich ...6 an|dorthin', '<wenden> dich|euch ...6 an|dorthin', 'sich|dich ...4 dorthin|direkt ...3 <wenden>', 'sich|dich ...6 an ...6 <wenden>', '<verweisen> wir|ich sie|dich ...6 an', '<verweisen> ...4 an den|die|das|ihren|ihre', '<richten> sie|du ...6 an', 'schreib|schreibt|schreiben sie? ...2 denen|dort|dorthin', '<melden> sie|du ...3 sich|dich ...4 dort|direkt', '<fragen> sie|du ...5 bei|dort', '<fragen> ...4 nach $', '<klären> sie|du ...6 mit|dort|direkt', '<reklamieren> sie|du ...6 bei|dort', '<beschweren> sie|du ...3 sich|dich ...4 dort|bei', 'zur polizei', '<kontaktieren> sie|du', '<müssen>|<sollen> sie|du ...6 mit ...6 <klären>|<besprechen>|<aus|machen>', '<rufen> sie|du ...6 bei ...4 an', 'anzeige ...4 <erstatten>', 'kann ihnen|dir nur @CAP', 'an @DET? hersteller|händler|netzbetreiber|vermieter|anbieter|airline|veranstalter ...3 <wenden>', '<müssen> sie|du ...6 selbst'] },
]), 'refusal');

/** Service verbs: negated with the company as subject, or in a negated passive, they refuse. */
const SERVICE = new GatedPhraseSet(perPattern([
  { pattern: ['<zurück|nehmen>', '<um|tauschen>', '<erstatten>', '<zurück|erstatten>', '<zurück|zahlen>', '<aus|zahlen>', '<gewähren>', '<akzeptieren>', '<an|nehmen>', '<ersetzen>', '<reparieren>', '<stornieren>', '<übernehmen>', '<an|bieten>', '<retournieren>',
    '<tauschen>', '<zurück|geben>', '<aus|tauschen>', '<gutschreiben>', '<verlängern>', '<liefern>', '<zurück|buchen>', '<bearbeiten>', '<helfen>', '<ermöglichen>', '<erlauben>', '<aus|stellen>', '<versenden>', '<löschen>', '<kündigen>',
    '<frei|schalten>', '<zurück|setzen>', '<erlassen>', '<vor|ziehen>', '<ändern>', '<geben>', '<machen>', '<tun>', '<raus|schicken>', '<schicken>', '<senden>', '<erteilen>', '<aktivieren>', '<fort|führen>', '<verschieben>', '<zu|lassen>', '<ein|räumen>', '<genehmigen>', '<haften>', '<auf|heben>', '<übergeben>', '<aus|händigen>', '<zu|stellen>', '<mit|teilen>', '<sagen>', '<prüfen>', '<garantieren>', '<zahlen>', '<bezahlen>', '<vor|nehmen>', '<auf|kommen>', '<wiederher|stellen>', '<bereit|stellen>', '<beheben>', '<entgegen|nehmen>', '<erstellen>', '<ausstellen>', '<zu|sichern>', '<zu|stimmen>', '<veranlassen>', '<auf|lösen>', '<an|erkennen>', '<verkaufen>', '<um|setzen>', '<berücksichtigen>', '<tragen>', '<durch|führen>', '<vergeben>', '<exportieren>', '<erhöhen>', '<senken>', '<frei|geben>', '<regulieren>', '<ab|helfen>', '<korrigieren>', '<reduzieren>', '<verrechnen>', '<hin|kriegen>', '<hin|bekommen>', '<ein|lösen>', '<übertragen>', '<wiederherstellen>', '<um|stellen>', '<um|leiten>', '<mit|nehmen>', '<zurück|holen>', '<eröffnen>', '<ein|richten>', '<an|legen>', '<dazu|buchen>', '<reservieren>'] },
]), 'service');

/** The agent as subject of a negated service verb ("Wir nehmen … nicht zurück", "Ich kann … nicht erstatten"). */
const COMPANY_SUBJECT = words('wir ich');

/**
 * Words that tie a sentence to a customer conversation: the customer or the agent, a softener, an apology.
 * Impersonal refusals ("… ist nicht möglich", "… wird nicht akzeptiert") count only in such a context or when
 * they are about something a customer asks for (a service noun); neutral technical prose has neither.
 */
const CUSTOMER_REF = words(`sie ihnen ihr ihre ihren ihrem ihrer ihres du dich dir dein deine deinen deinem deiner deines euch euer eure
  wir uns unser unsere unseren unserem unserer unseres ich meines mir mich mein meine meinen meinem leider bedauerlicherweise sorry bedauern
  bedaure ausnahmsweise kunde kundin kunden nope`);
/** Deictic subjects that point at the customer's request ("Das geht nicht", "Dies ist leider ausgeschlossen"). */
const DEICTIC = words('das dies dat sowas so');
/** Things customers ask for. Compounds count ("Rückerstattung", "Vor-Ort-Termin", "Gruppenrabatte"). */
const SERVICE_NOUN_SUFFIX = ['erstattung', 'stornierung', 'storno', 'umbuchung', 'buchung', 'reservierung', 'kuendigung', 'lieferung', 'zustellung', 'gutschrift',
  'auszahlung', 'rueckzahlung', 'ratenzahlung', 'stundung', 'verlaengerung', 'entschaedigung', 'minderung', 'reduzierung', 'ermaessigung', 'freischaltung',
  'abholung', 'beglaubigung', 'genehmigung', 'bewilligung', 'uebernahme', 'ruecknahme', 'rueckgabe', 'tausch', 'reparatur', 'garantie', 'gewaehrleistung',
  'kulanz', 'kulanzregelung', 'rabatt', 'rabatte', 'nachlass', 'gutschein', 'gutscheine', 'upgrade', 'ausnahme', 'ausnahmen', 'einsichtnahme', 'zusendung',
  'auskunft', 'auskuenfte', 'termin', 'termine', 'ticket', 'tickets', 'zimmer', 'kabine', 'tarif', 'vertrag', 'aufloesung', 'frist', 'widerruf', 'reklamation',
  'retoure', 'retouren', 'anspruch', 'kaution', 'bonus', 'zuschuss', 'ausweis', 'antrag', 'versicherungsschutz', 'mitnahme', 'check-in', 'geld', 'kosten',
  'gebuehr', 'gebuehren', 'bestellung', 'ware', 'tour', 'ausflug', 'ausfluege', 'reise', 'flug', 'fahrt', 'angebot', 'abo', 'abos', 'support', 'beratung',
  'anzahlung', 'verguetung', 'teilnahme', 'einlass', 'sitzplatz', 'parkausweis', 'zahlungsaufschub', 'preisanpassung', 'kostenuebernahme', 'schadensersatz',
  'aenderung', 'beschwerde', 'widerspruch', 'forderung', 'leistungen', 'leistung', 'ruecksendung', 'artikel', 'rueckgaberecht', 'umtauschrecht', 'widerrufsrecht', 'anfrage', 'bearbeitung', 'annahme', 'sendung', 'rechnung', 'mahnung', 'zahlung', 'konto', 'karte', 'police', 'schaden', 'sonderanfertigung', 'belastung', 'abbuchung', 'meldung', 'recht', 'kredit', 'kurs', 'verzoegerung', 'dispo', 'erhoehung', 'senkung', 'preis'];
/** Generic heads that count only inside a compound ("Namensänderung", "Versicherungsleistung"), not alone. */
const NOT_SERVICE = words('software hardware firmware middleware malware schadsoftware');
const COMPOUND_ONLY = new Set(['aenderung', 'tausch', 'recht', 'meldung']);
const TECH = words(`datei dateien option optionen befehl befehle programm programme verzeichnis verzeichnisse parameter prozess prozesse argument argumente
  variable variablen kernel treiber zeichenkette zeichen dateisystem dateisysteme partition partitionen standardmaessig systemaufruf modus puffer
  schalter funktion funktionen bibliothek speicher socket sockets benutzer knoten syntax ausgabe eingabe terminal shell skript skripte wert werte`);

function isServiceNoun(t: Token): boolean {
  if (t.kind !== 'word' || !t.upper || t.norm.length < 4) return false;
  return serviceNoun(t.word);
}
/** Per word (the suffix scan is ~300 string tests), kept on the word's record. */
const serviceNoun = perWord((n: string): boolean => serviceNounWord(n));
function serviceNounWord(n: string): boolean {
  if (NOT_SERVICE.has(n)) return false;
  const stem = n.replace(/(?:en|n|e|s|er)$/, '');
  for (const suf of SERVICE_NOUN_SUFFIX) {
    const hit = n.endsWith(suf) ? n : stem.endsWith(suf) ? stem : '';
    if (!hit) continue;
    if (COMPOUND_ONLY.has(suf) && hit.length < suf.length + 2) continue;
    return true;
  }
  return false;
}

function serviceNounIn(s: Sentence, c: Clause): boolean {
  for (let k = c.from; k < c.to; k++) if (isServiceNoun(s.items[k]!) && !s.items[k]!.quoted) return true;
  return false;
}

/**
 * Is an impersonal refusal in this sentence about a customer's request? True with a customer/agent word or a
 * deictic subject in the sentence, or a service noun in the refusal's clause — unless the sentence is technical.
 */
export function customerContext(s: Sentence, c: Clause): boolean {
  const ctx = sentenceContext(s);
  if (ctx === 'technical') return false;
  if (ctx === 'customer') return true;
  // "Eine Senkung des Abschlags ist nicht möglich.": a short sentence whose subject is a requested thing
  let lead = c.from;
  while (lead < c.to && s.items[lead]!.kind !== 'word') lead++;
  if (lead < c.to && INDEFINITE.has(s.items[lead]!.norm) && s.items.length <= 14) return true;
  for (let k = c.from; k < c.to; k++) {
    const t = s.items[k]!;
    if (t.kind !== 'word' || t.quoted) continue;
    if (DEICTIC.has(t.norm)) {
      // a pronoun before its verb ("Das geht nicht", "Dies ist leider …"), not an article ("das auf diese Weise …")
      const next = s.items[k + 1];
      if (!next || next.kind !== 'word' || DEICTIC_NEXT.has(next.norm)) return true;
    }
  }
  return false;
}

/**
 * The part of customerContext that does not depend on the clause, once per sentence: 'technical' (never a
 * customer's matter), 'customer' (always), or 'clause' (the clause decides: a requested thing as its subject, a
 * deictic pronoun).
 */
type SentenceContext = 'technical' | 'customer' | 'clause';
function sentenceContext(s: Sentence): SentenceContext {
  const f = factsOf(s);
  return f.context ??= computeSentenceContext(s);
}
function computeSentenceContext(s: Sentence): SentenceContext {
  let ref = false, agent = false, technical = false, weak = false;
  let caps = 0;
  const items = s.items;
  for (let k = 0; k < items.length; k++) {
    const t = items[k]!;
    const text = t.text;
    if (text === '»' || text === '«') technical = true;
    if (text === '§') ref = true;
    if (t.kind !== 'word') continue;
    // licence boilerplate shouts ("Es gibt KEINE GARANTIE"); a word with a lower-case a–z among its first two
    // letters is not upper case (upper-casing never yields one), which spares most words the two case copies
    if (text.length >= 4 && !isLowerAZ(text.charCodeAt(0)) && !isLowerAZ(text.charCodeAt(1)) && text === text.toUpperCase() && text !== text.toLowerCase() && ++caps >= 2) technical = true;
    if (t.quoted) continue;
    const w = contextBits(t.word);
    if (w === 0) continue;
    if (w & W_TECH) technical = true;
    if (w & W_RULE) { ref = true; agent = true; }
    if (!(w & W_REF)) continue;
    // formal address is capitalised ("Ihnen", "Ihr"); lower-case "ihr/sie" mid-sentence is the third person
    if ((w & W_FORMAL) && k > 0 && !t.upper) continue;
    // "Beachten Sie, dass …": an imperative addressing a reader, as manuals do
    if (t.norm === 'sie' && k === 1) continue;
    // the formal "Sie/Ihnen/Ihr" alone is weak: manuals address their reader the same way
    if (w & W_AGENT) { agent = true; ref = true; } else weak = true;
  }
  if (technical && !agent) return 'technical';
  if (ref) return 'customer';
  // naming the manufacturer, the carrier, the bank …: a customer's matter
  for (const t of s.items) if (t.kind === 'word' && !t.quoted && thirdParty(t)) return 'customer';
  // a short sentence that addresses the customer ("Ihre Anfrage kann nicht bearbeitet werden.")
  if (weak && s.items.length <= 12) return 'customer';
  // a requested thing anywhere in the sentence ("Eine Erstattung ist nicht möglich")
  for (const t of s.items) if (!t.quoted && isServiceNoun(t)) return 'customer';
  return 'clause';
}
/** A cited rule of the company or the law: AGB, Richtlinien, Satzung, Datenschutz … */
function citesRule(n: string): boolean {
  return n === 'agb' || n === 'dsgvo' || n.endsWith('bedingungen') || n.endsWith('richtlinie') || n.endsWith('richtlinien') || n.endsWith('satzung')
    || n.startsWith('datenschutz') || n.startsWith('kleingedruckt') || n.endsWith('ordnung') && n.length > 9
    || n.endsWith('gesetz') || n.endsWith('gesetzes') || n.endsWith('beschreibung') || n === 'preisliste' || n.endsWith('bestimmungen') || n.endsWith('vorschriften');
}
const DEICTIC_NEXT = words('nicht so leider ist sind war waere wird wuerde kann koennen koennte darf duerfen muss muessen geht ging klappt funktioniert kommt machen tun laesst lassen leider sehen gibt bieten nehmen');
/** "Beachten Sie, dass …", "Hinweis: …": how manuals talk to their reader. */
const MANUAL_NOTE = words('beachten hinweis achtung anmerkung');
const INDEFINITE = words('ein eine einen');
const FORMAL_OR_THIRD = words('sie ihnen ihr ihre ihren ihrem ihrer ihres');
const AGENT_OR_SOFTENER = words('nope unseres meines wir uns unser unsere unseren unserem unserer ich mir mich mein meine meinen meinem leider bedauerlicherweise sorry bedauern bedaure du dir dich dein deine deinen deinem deiner');

/**
 * What computeSentenceContext asks of a word token's folded word, as bits: worked out once per word and kept on its
 * record (words.ts), instead of up to five set look-ups and citesRule's dozen affix tests per token and sentence.
 */
const W_TECH = 1, W_RULE = 2, W_REF = 4, W_FORMAL = 8, W_AGENT = 16;
const contextBits = perWord((n: string): number =>
  (TECH.has(n) ? W_TECH : 0) | (citesRule(n) ? W_RULE : 0) | (CUSTOMER_REF.has(n) ? W_REF : 0) | (FORMAL_OR_THIRD.has(n) ? W_FORMAL : 0)
  | (AGENT_OR_SOFTENER.has(n) || n.startsWith('kunde') ? W_AGENT : 0));
const isLowerAZ = (c: number): boolean => c >= 97 && c <= 122;

/** Generic courtesy lines: they offer nothing concrete. */
const COURTESY = new GatedPhraseSet(perPattern([
  { pattern: ['bei|für weitere|weiteren|sonstigen|allen? fragen', 'bei|für ...2 *fragen|*anliegen|*rückfragen', 'sie erreichen uns|mich', 'erreichen sie uns|mich', '^ bei fragen', '^ für fragen', 'fragen ...4 <stehen> ...4 zur verfügung', '<stehen> ...4 gerne? zur verfügung', '<bitten> ...3 um ...3 verständnis', 'verständnis ...3 <danken>|<bedanken>', 'für ihr|dein verständnis', 'für ihre|deine geduld', '<hoffen> ...3 auf ...3 verständnis', '<wünschen> ...6 tag|reise|woche|wochenende|aufenthalt|fahrt', 'liegt uns ...3 am herzen', '<freuen> ...4 uns|mich', '<hoffen> ...4 wir|ich', 'wir|ich <hoffen>', '<wuenschen> ...4 ihnen|dir', '<helfen> ...4 weiter $', '<weiter|helfen> ...2 $', 'gern* <beantworten>', '<beantworten> ...4 gern*', '<sein> uns ...3 wichtig', 'priorität'] },
]), 'courtesy');

/**
 * Markers of a way forward. `strong` entries count wherever they stand (not negated); `action` entries need the
 * agent as subject (ich/wir) in a clause that is not negated; `customer` entries a concrete next step of the
 * customer on the company's own channels.
 */
const WAY_FORWARD = new GatedPhraseSet(perPattern([
  { id: 'alternative', kind: 'strong', pattern: ['alternativ*', 'stattdessen', 'statt dessen', 'anstelle dessen', 'ersatzweise', 'wahlweise', 'die wahl', 'zur wahl', 'zur auswahl', 'zwei|drei|mehrere|folgende|verschiedene|einige|andere moeglichkeit*|option*|wege|varianten|loesung*', 'eine moeglichkeit ...3 <sein>', 'eine loesung', 'was ist ihnen|dir|euch lieber', 'was ihnen|dir|euch lieber ist', 'ihnen|dir lieber ist', 'sie|du <entscheiden> ...4 selbst|einfach|gern*', '<entscheiden> sie|du', 'ganz wie sie|du', 'wie sie moechten', 'wenn sie|du <moegen>', 'falls sie|du <moegen>', 'wenn ihnen das lieber ist', 'entweder', 'wenn ihnen ...3 lieber', 'oder lieber', '<wollen>|<moegen> sie|du lieber', 'ich|wir <haben>|<werden> ...2 aber', '<haben> ich|wir ...2 aber', '<koennen> ...3 aber', 'oder wir|ich', ', aber|sondern ein|eine|einen', 'auf ihr*|dein* ...2 konto|kundenkonto|karte ...4 <buchen>|gutgeschrieben|erstattet|überwiesen|zurückgebucht', '<buchen>|gutgeschrieben|erstattet|überwiesen|zurückgebucht ...4 auf ihr*|dein* ...2 konto|kundenkonto|karte', 'sie|du <finden> ...6 unter|im|in der|in unserem|in ihrem|in deinem', 'ihnen|dir ...6 zugewiesen|gutgeschrieben|erstattet|zurückgezahlt|überwiesen|zugeschickt|zugesandt|reserviert', 'auf wunsch', 'moeglich waere|waeren', 'waere ...6 moeglich', 'warteliste', '<koennen> ...8 sofort', 'an sie|dich|euch raus', 'per express', 'heute|morgen ...4 raus|unterwegs|rausgegangen', 'behoben', '<sein> ...3 noch frei', '<melden> ...4 sich ...4 bei ihnen|dir|euch', 'wann passt es ihnen|dir', 'wann ...3 <passen> ...2 ihnen|dir',
    // a replacement the customer gets ("Ersatz gibt es ab 14 Uhr", "Als Ersatz gibt's am Freitag eine Extra-Stunde")
    'als ersatz', 'ersatz <geben>', '<geben> es|wir|ich ...3 ersatz', 'ersatzverkehr|schienenersatzverkehr|ersatzbus|ersatzbusse|ersatzzug|ersatzstunde|ersatzkurs|ersatzflug|ersatzzimmer',
    // "Ihr Ticket gilt für jeden anderen Zug am selben Tag"
    '<gelten> ...4 für jeden|jede|alle|einen|eine anderen|andere|anderer|späteren|spätere|nächsten|nächste',
    // "Eine Stundung ist aber möglich", "Über „Passwort vergessen“ geht es aber in zwei Minuten"
    'aber|jedoch|durchaus|dagegen|hingegen ...4 möglich|machbar|drin', '<gehen> es|das aber', 'aber <gehen> es|das',
    // "Ihre Bestellung ist davon nicht betroffen und wird wie geplant morgen geliefert"
    'wie geplant|vereinbart|bestellt', 'planmaessig'] },
  { id: 'offer-noun', kind: 'noun', pattern: ['kulanz*', 'gutschein*', '*gutschein', 'gutschrift*', 'rabatt*', 'preisnachlass', 'nachlass', 'rueckruf*'] },
  { id: 'offer', kind: 'strong', pattern: ['<an|bieten>', '<vor|schlagen>', 'vorschlag', 'ersatzgeraet|leihgeraet|leihwagen|ersatzwagen|ersatzfahrzeug|austauschgeraet|ersatzartikel|ersatzteil*|ersatzakku|ersatzlieferung|neulieferung|neugeraet', 'uebergangsweise', 'voruebergehend <koennen>', 'in der zwischenzeit', 'bis dahin', 'zwischenzeitlich', 'retourenlabel|ruecksendeetikett|versandetikett|ruecksendeschein|abholauftrag|nachforschungsauftrag', 'kostenlos|kostenfrei|gratis|umsonst ...4 <stornieren>|<um|buchen>|<tauschen>|<um|tauschen>|<reparieren>|<ersetzen>|<schicken>|<zurueck|senden>|<ab|holen>|<nach|liefern>|<liefern>', 'ohne aufpreis', 'auf unsere kosten', 'wir|ich <uebernehmen> ...6 kosten|haelfte|differenz|versand*'] },
  { id: 'action', kind: 'action', pattern: ['<schicken>', '<senden>', '<zu|schicken>', '<zu|senden>', '<erstatten>', '<zurueck|erstatten>', '<zurueck|zahlen>', '<aus|zahlen>', '<ueberweisen>', '<buchen>', '<um|buchen>', '<reservieren>', '<zurueck|legen>', '<veranlassen>', '<beauftragen>', '<kuemmern>', '<rufen> ...6 an', '<an|rufen>', '<zurueck|rufen>', '<melden> ...4 mich|uns', '<reparieren>', '<tauschen> ...6 um', '<um|tauschen>', '<aus|tauschen>', '<ersetzen>', '<gutschreiben>', '<stornieren>', '<vor|merken>', '<benachrichtigen>', '<ab|holen>', '<nach|liefern>', '<liefern>', '<an|legen>', '<erfassen>', '<ein|richten>', '<frei|schalten>', '<aktivieren>', '<korrigieren>', '<an|passen>', '<verlaengern>', '<an|haengen>', '<bereit|stellen>', '<ueberpruefen>', '<nach|sehen>', '<nach|fragen>', '<erkundigen>', '<beschleunigen>', '<ueber|nehmen>', '<uebernehmen>', '<ab|wickeln>', '<weiter|geben>', '<weiter|leiten>', '<in|auftrag|geben>', 'auftrag ...3 <geben>', '<zuruecklegen>', '<um|leiten>', '<nachreichen>', '<zahlen>', '<erlassen>', '<streichen>', '<gewaehren>', '<erhoehen>', '<halten> ...3 auf dem laufenden', '<helfen> ...4 beim|bei', '<pruefen>', '<klaeren>', '<schauen>', '<versuchen>', '<bemuehen>', '<geben> ...4 bescheid', '<ein|tragen>', '<erledigen>', '<verbinden>', '<weiter|verbinden>', '<aus|stellen>', '<bereit|legen>', '<um|stellen>', '<gut|schreiben>', '<empfehlen>', '<schalten>', '<frei|schalten>', '<um|ziehen>', '<sichern>', '<beheben>', '<erklaeren>', '<beraten>', '<setzen> ...4 auf', '<nach|reichen>', '<zu|stellen>', '<auf|nehmen>', '<eroeffnen>', '<beantragen>', '<nach|haken>', '<vorziehen>', '<vor|ziehen>', '<verschieben>', '<sorgen>', '<organisieren>', '<ein|planen>', '<vorbei|kommen>', '<kommen> ...6 vorbei', '<verlegen>', '<hinterlegen>', '<loeschen>', '<an|weisen>', '<verschicken>', '<versenden>', '<uebergeben>', '<heraus|filtern>', '<zu|weisen>', '<um|setzen>', '<an|stossen>', '<vereinbaren>', '<ein|reichen>', '<herab|stufen>', '<ab|stufen>', '<dazu|buchen>', '<auf|heben>', '<entsperren>', '<frei|geben>', '<vermerken>', '<notieren>', '<blockieren>', '<ein|planen>', '<übertragen>', '<umschreiben>', '<um|schreiben>'] },
  { id: 'customer', kind: 'customer', pattern: ['sie|du|ihr <koennen> ...12 <um|legen>|<nutzen>|<bestellen>|<beantragen>|<buchen>|<um|buchen>|<einreichen>|<ein|reichen>|<waehlen>|<nachreichen>|<hochladen>|<hoch|laden>|<ein|senden>|<zurueck|senden>|<zurueck|schicken>|<schicken>|<einloggen>|<aendern>|<ab|holen>|<tauschen>|<um|tauschen>|<stornieren>|<verschieben>|<wechseln>|<mitnehmen>|<mit|nehmen>|<ein|loesen>|<nach|buchen>|<zu|buchen>|<herunter|laden>|<aus|drucken>|<erhalten>|<bekommen>|<verlaengern>|<kuendigen>|<reservieren>|<vorbei|kommen>|<nutzen>|<zurueck|geben>|<ein|stellen>|<aktivieren>|<anpassen>|<an|passen>|<sparen>|<ab|schliessen>|<nach|holen>|<fort|setzen>|<ab|geben>|<bringen>|<vormerken>|<vor|merken>|<behalten>|<verwenden>|<teilnehmen>|<fahren>|<fliegen>|<parken>|<anrufen>|<an|rufen>|<zahlen>|<bezahlen>|<testen>|<entscheiden>|<uebertragen>|<ein|legen>|<erheben>|<aus|weisen>|<herunter|laden>|<ab|schliessen>|<wechseln>|<an|fordern>|<beantragen>',
    '<koennen> sie|du|ihr ...12 <um|legen>|<nutzen>|<bestellen>|<beantragen>|<buchen>|<um|buchen>|<einreichen>|<ein|reichen>|<waehlen>|<hochladen>|<hoch|laden>|<zurueck|senden>|<zurueck|schicken>|<schicken>|<aendern>|<ab|holen>|<tauschen>|<um|tauschen>|<stornieren>|<verschieben>|<wechseln>|<mit|nehmen>|<ein|loesen>|<erhalten>|<bekommen>|<verlaengern>|<kuendigen>|<reservieren>|<zurueck|geben>|<an|passen>|<ab|geben>|<bringen>|<behalten>|<verwenden>|<an|rufen>|<bezahlen>|<testen>|<entscheiden>|<uebertragen>|<ein|legen>|<erheben>|<aus|weisen>|<an|fordern>|<beantragen>|<nutzen>|<buchen>',
    '<erhalten>|<bekommen> sie|du', '<werden> ihnen|dir|euch ...6 gutgeschrieben|erstattet|zurückgezahlt|überwiesen|zugeschickt|zugesandt|ersetzt|geliefert', 'sie|du <koennen> ...4 aber', '<koennen> sie|du ...4 aber', '<wenden> sie|du ...3 sich|dich ...4 an unser*|uns|mich', 'wenn sie|du lieber', 'am schnellsten|einfachsten|besten <gehen>', 'sie|du <erhalten>|<bekommen>', 'steht ihnen|dir ...4 zu', 'ihnen|dir ...4 zur verfuegung', '<bleiben> ...4 erhalten', 'antworten sie|du ...3 einfach|kurz', 'sie|du <koennen> ...12 <hinterlegen>|<um|stellen>|<pausieren>|<aus|waehlen>|<ein|tragen>|<hinzu|fuegen>', 'schreib|schreibt|schreiben ...4 mir|uns', 'wieder auf ihr*|dein* ...2 konto|kundenkonto|karte', 'sagen sie|du ...3 mir|uns', 'geben sie|du ...3 mir|uns ...3 bescheid', 'lassen sie|du ...3 mich|uns ...4 wissen', 'klicken sie|du', 'laden sie|du ...6 hoch', 'fuellen sie|du ...6 aus', 'schicken sie|du ...4 uns|mir', 'senden sie|du ...4 uns|mir', 'bitte ...2 rufen sie|du ...8 an', '^ rufen sie|du ...8 an', 'rufen sie|du ...4 uns|mich ...4 an', 'bringen sie|du', 'buchen sie|du', 'nutzen sie|du', 'bestellen sie|du', 'waehlen sie|du', 'reichen sie|du ...6 ein', 'link', 'formular'] },
  { id: 'followup', kind: 'strong', pattern: ['noch heute', 'heute noch', 'termin ...4 am|fuer|zum', 'neue|neuer|neuen|neues termin*|liefertermin*|datum', 'ersatztermin*|nachholtermin*|ausweichtermin*'] },
]), 'way-forward');

/** Sentences that send the customer elsewhere or belong to another actor: their "Sie können …" is no way forward. */
const THIRD_PARTY_STEMS = `hersteller spediteur spedition paketdienst zusteller dhl hermes dpd gls bank kreditinstitut polizei vermieter
  netzbetreiber anbieter airline fluggesellschaft veranstalter hotel eigentuemer agentur versicherung lieferant dienstleister
  familienkasse finanzamt behoerde stadtwerke apple google paypal amazon telekom vodafone`.trim().split(/\s+/);
/** Does the folded word name a third party (a stem inside it: "Paketdienstleister", "Hausbank")? Per word. */
const thirdPartyWord = perWord((norm: string): boolean => THIRD_PARTY_STEMS.some((st) => norm.includes(st)));
const thirdParty = (t: Token): boolean => thirdPartyWord(t.word);

export interface Refusal {
  sentence: Sentence;
  kind: RefusalKind;
  strength: number;
  /** Sub-id of the refusal pattern ("geht-nicht", "service" …). */
  id: string;
  /** Item range of the refusal phrase. */
  from: number;
  to: number;
  clause: Clause;
}

export function clauseOf(s: Sentence, i: number): Clause {
  for (const c of s.clauses) if (i >= c.from && i < c.to) return c;
  return s.clauses[s.clauses.length - 1]!;
}

/** Is this clause (of the sentence) only a condition or a question? */
export function isConditional(sentence: Sentence, clause: Clause): boolean {
  if (sentence.question) return true;
  if (CONDITIONAL_LEADS.has(clause.lead)) return true;
  // "auch wenn / selbst wenn der Vertrag gekündigt ist": a concession, nothing asserted
  if ((clause.lead === 'auch' || clause.lead === 'selbst') && (sentence.items[clause.from + 1]?.norm === 'wenn' || sentence.items[clause.from + 1]?.norm === 'falls')) return true;
  // "Sollte das nicht möglich sein, …" / "Wäre das nicht möglich?": verb-first conditional
  const first = sentence.clauses[0];
  if (first && clause === first && (first.lead === 'sollte' || first.lead === 'sollten' || first.lead === 'waere' || first.lead === 'falls' || first.lead === 'wenn')) return true;
  // a clause continued after a conditional: "Wenn …, und falls …"
  if (clause.lead === 'und' || clause.lead === 'oder') {
    // "…, und falls Sie keinen Zugriff mehr haben, …"
    const second = sentence.items[clause.from + 1];
    if (second && CONDITIONAL_LEADS.has(second.norm)) return true;
    const idx = sentence.clauses.indexOf(clause);
    const prev = idx > 0 ? sentence.clauses[idx - 1] : undefined;
    if (prev && CONDITIONAL_LEADS.has(prev.lead)) return true;
  }
  return false;
}

/** Does the sentence restrict a statement by a condition ("…, falls Wodim den Treiber lädt")? */
export function hasConditionClause(sentence: Sentence): boolean {
  return sentence.clauses.some((c) => c.lead === 'falls' || c.lead === 'wenn' || c.lead === 'sofern' || c.lead === 'soweit' || c.lead === 'solange' || c.lead === 'insofern');
}

export function clauseTokens(sentence: Sentence, clause: Clause): Token[] {
  return sentence.items.slice(clause.from, clause.to);
}

/** Ranges of harmless negations ("kein Problem", "zögern Sie nicht") in the sentence. */
export function harmlessNegation(sentence: Sentence): Array<[number, number]> {
  const f = factsOf(sentence);
  return f.harmless ??= HARMLESS_NEGATION.match(sentence).map((h) => [h.match.from, h.match.to] as [number, number]);
}
/** A negation word, as negationsIn and spoiled read them ("nix" counts in clauses). */
function isNegation(norm: string): boolean {
  return NEGATIONS.has(norm) || norm === 'nix';
}

function inRanges(i: number, ranges: Array<[number, number]>): boolean {
  for (const [a, b] of ranges) if (i >= a && i < b) return true;
  return false;
}

/** Real negations in a clause (indices into sentence.items), excluding harmless ones and quoted text. */
export function negationsIn(sentence: Sentence, clause: Clause, harmless?: Array<[number, number]>): number[] {
  const out: number[] = [];
  for (let i = clause.from; i < clause.to; i++) {
    const t = sentence.items[i]!;
    if (t.kind !== 'word' || t.quoted || !isNegation(t.norm)) continue;
    // the harmless ranges are looked up only once a negation is found
    if (inRanges(i, harmless ??= harmlessNegation(sentence))) continue;
    out.push(i);
  }
  return out;
}

function hasWord(s: Sentence, c: Clause, set: Set<string>): boolean {
  for (let k = c.from; k < c.to; k++) if (set.has(s.items[k]!.norm) && !s.items[k]!.quoted) return true;
  return false;
}

/** "Ihr Antrag wurde abgelehnt", "kann nicht gewährt werden": a passive clause (werden + participle). */
function isPassive(s: Sentence, c: Clause): boolean {
  return hasWord(s, c, PASSIVE_AUX);
}
const PASSIVE_AUX = words('wird werden wurde wurden worden werde');

/**
 * Quoted history: lines starting with ">", everything after "Am … schrieb …:" / "-----Ursprüngliche Nachricht-----".
 * The input formats blank these out; this keeps the rules safe on plain text as well.
 */
const historyCache = perDoc<number>();
export function historyStart(doc: Doc): number {
  const hit = historyCache.get(doc);
  if (hit !== undefined) return hit;
  const m = /^[ \t]*(?:Am .{3,120}schrieb.{0,200}:[ \t]*$|-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Originalnachricht)\s*-{2,}|Von: .+\n(?:Gesendet|Datum): )/m.exec(doc.text);
  const at = m ? m.index : doc.text.length;
  historyCache.set(doc, at);
  return at;
}

/**
 * Per doc: per sentence index 0 not known yet, 1 quoted history, 2 not (every rule asks about every sentence); and
 * whether the text has a '>' at all (most replies have none: no line can then be a quoted one).
 */
const quotedCache = perDoc<{ known: Uint8Array; gt: boolean }>();
export function isQuotedHistory(doc: Doc, s: Sentence): boolean {
  let q = quotedCache.get(doc);
  if (!q) { q = { known: new Uint8Array(doc.sentences.length), gt: doc.text.includes('>') }; quotedCache.set(doc, q); }
  // only sentences of the doc's own list are cached (a caller may pass a sentence of another segmentation)
  if (doc.sentences[s.index] !== s) return computeQuoted(doc, s, q.gt);
  const k = q.known[s.index]!;
  if (k !== 0) return k === 1;
  const r = computeQuoted(doc, s, q.gt);
  q.known[s.index] = r ? 1 : 2;
  return r;
}
function computeQuoted(doc: Doc, s: Sentence, gt: boolean): boolean {
  if (s.start >= historyStart(doc)) return true;
  const first = s.items[0];
  if (first && first.text === '>') return true;
  if (!gt) return false;
  // line start of the sentence
  const ls = doc.text.lastIndexOf('\n', s.start - 1) + 1;
  return /^[ \t]*>/.test(doc.text.slice(ls, s.start + 1));
}

/**
 * Is the match [from, to) inside a harmless negation or quoted text? The harmless ranges only ever exempt a negation
 * word, so they are looked up (phrase matching, once per sentence) only for a match that holds one — as negationsIn
 * does: most refusal and dismissal matches hold none, and many sentences with a negation never need the ranges.
 */
function spoiled(s: Sentence, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (s.items[k]!.quoted) return true;
    if (NEGATIONS.has(s.items[k]!.norm) && inRanges(k, harmlessNegation(s))) return true;
  }
  return false;
}

/** Does a deflection send the customer to us (our own channel) rather than to someone else? */
function deflectsToUs(s: Sentence, from: number): boolean {
  for (let k = from; k < Math.min(s.items.length, from + 10); k++) {
    const n = s.items[k]!.norm;
    if (n === 'uns' || n === 'mich' || n === 'unser' || n === 'unsere' || n === 'unseren' || n === 'unserem' || n === 'mir' || n === 'hier') return true;
    if (thirdParty(s.items[k]!)) return false;
  }
  return false;
}

/** Every refusal phrase of a sentence (questions, conditions, quotes and harmless negations excluded). */
export function refusalHits(s: Sentence): Refusal[] {
  if (s.question) return [];
  const facts = factsOf(s);
  if (facts.hits) return facts.hits;
  const out: Refusal[] = [];
  facts.contextless = null;
  const found = REFUSAL.match(s);
  for (const hit of found) {
    const { from, to } = hit.match;
    if (spoiled(s, from, to)) continue;
    const kind = hit.entry.kind as RefusalKind;
    const id = String(hit.entry.id);
    // the refusal's key word decides the clause ("Falls das nicht möglich ist, …" is conditional)
    // (a match that ends on the comma after its clause — "geht bei Sperrgut nicht, weil …" — belongs to the clause before it)
    const last = to - 1 > from && s.items[to - 1]!.kind === 'punct' ? to - 2 : to - 1;
    const clause = clauseOf(s, kind === 'deflect' ? from : last);
    if (isConditional(s, clause) || counterfactual(s, clause) || causalClause(s, clause)) continue;
    if (kind === 'deflect' && (deflectsToUs(s, from) || thirdPersonSie(s, from, to))) continue;
    // "nur über unser Call-Center möglich": a pointer to our own channel, not a refusal
    if (id === 'nicht-moeglich' && s.items[from]!.norm === 'nur' && (ownChannelIn(s, from, to) || channelIn(s, from, to))) continue;
    if (id === 'geht-nicht' && requirement(s, clause)) continue;
    if (kind === 'decision' && !decisionApplies(s, from, clause)) continue;
    // "Gerne kürzen wir die Beine kostenlos": an offer, not a decision against the customer
    if (kind === 'decision' && hasWord(s, clause, GLADLY)) continue;
    // "wir haben Ihr Abo gekündigt, weil …": the agent's own action with its reason — deciding-for-customer's business
    if (id === 'unavailable' && hasWord(s, clause, COMPANY_SUBJECT) && hasWord(s, clause, HAVE) && DONE_CANCEL.has(s.items[from]!.norm)) continue;
    if (kind !== 'no' && s.clauses.some((k) => k.lead === 'falls' || k.lead === 'sofern')) continue;
    // "an Ihrer Adresse gibt es keine Netzprobleme", "ein Datenverlust ist ausgeschlossen": denying a problem dismisses,
    // it refuses nothing — unless the negated word is itself a requested thing ("für den Sturmschaden besteht kein Anspruch")
    if ((id === 'gibt-es-nicht' || id === 'nicht-moeglich' || id === 'unavailable-more') && problemNounIn(s, clause) && !refusedThingNamed(s, from, to, clause)) continue;
    // "haben wir nicht mehr" — "haben wir noch nicht" is a delay
    if (id === 'unavailable-have' && notYet(s, from, to)) continue;
    // "Wenn Sie nichts ändern, bleibt es bei der vierteljährlichen Abbuchung": a consequence, not a refusal
    if (id === 'upheld' && hasConditionClause(s)) continue;
    if (id === 'unavailable-cancel' && (hasConditionClause(s) || comparativeBefore(s, from, to))) continue;
    // impersonal refusals need a customer context; without one in the sentence they are kept aside for a reply that
    // is addressed to a customer as a whole (letterRefusal)
    const needsContext = IMPERSONAL.has(id) || kind === 'blame' || (kind === 'deflect' && s.items[from]!.norm.startsWith('kontaktier')) || MANUAL_NOTE.has(s.items[0]!.norm);
    const noContext = needsContext && !customerContext(s, clause);
    if (noContext && !(IMPERSONAL.has(id) && !MANUAL_NOTE.has(s.items[0]!.norm))) continue;
    if (id === 'gibt-es-nicht' && ((!serviceNounIn(s, clause) && !softened(s)) || hasWord(s, clause, PAST_GEBEN) || notYet(s, from, to))) continue;
    // "Wie gewünscht habe ich Ihre Bestellung storniert": the customer's own wish
    if ((kind === 'decision' || kind === 'unavailable') && asWished(s)) continue;
    if (noContext) (facts.contextless ??= []).push({ sentence: s, kind, strength: STRENGTH[kind], id, from, to, clause });
    else out.push({ sentence: s, kind, strength: STRENGTH[kind], id, from, to, clause });
  }
  // negated service verb with the company as subject or in a passive: "Wir nehmen keine Saisonware zurück",
  // "Eine Erstattung kann nicht gewährt werden".
  const anyNegation = wordFacts(s).wordNegation;
  for (const hit of anyNegation ? SERVICE.match(s) : []) {
    const i = hit.match.from;
    const clause = clauseOf(s, i);
    if (isConditional(s, clause) || counterfactual(s, clause) || causalClause(s, clause) || s.items[i]!.quoted) continue;
    // the negation must belong to the service verb's conjunct: "… gesandt und können nicht manipuliert werden"
    const negs = negationsIn(s, clause).filter((n) => !coordinatedApart(s, n, i));
    if (negs.length === 0) continue;
    // "Wir haben entschieden, den Schaden nicht zu regulieren": the agent decided on the infinitive's clause
    const agent = hasWord(s, clause, COMPANY_SUBJECT) || agentDecidedBefore(s, clause);
    // generic verbs ("gemacht", "gegeben") refuse only with the agent as subject
    // "lässt sich nicht übertragen": reflexive lassen is a passive of what can be done
    if (!agent && (GENERIC_VERB.has(hit.pattern.source) || !(isPassive(s, clause) || hasWord(s, clause, PARTICIPLE_AUX) || lassenSich(s, clause)))) continue;
    const r: Refusal = { sentence: s, kind: 'service', strength: 3, id: 'service', from: Math.min(i, negs[0]!), to: Math.max(hit.match.to, negs[0]! + 1), clause };
    if (agent || customerContext(s, clause)) out.push(r);
    else (facts.contextless ??= []).push(r);
  }
  // "leider können wir Ihre Daten nicht exportieren", "Den Dispokredit können wir Ihnen nicht erhöhen": the agent
  // cannot or may not — whatever the verb
  if (anyNegation && !out.some((r) => r.kind === 'service' || r.kind === 'cannot')) {
    for (const c of s.clauses) {
      if (!hasWord(s, c, AGENT) || !hasWord(s, c, CAN_MODAL) || hasWord(s, c, COGNITIVE) || isConditional(s, c) || causalClause(s, c) || counterfactual(s, c)) continue;
      const negs = negationsIn(s, c);
      if (negs.length === 0 || notYet(s, negs[0]!, negs[0]! + 1)) continue;
      out.push({ sentence: s, kind: 'service', strength: 3, id: 'agent-cannot', from: c.from, to: c.to, clause: c });
      break;
    }
  }
  facts.hits = out;
  return out;
}
const CAN_MODAL = words('kann koennen darf duerfen');
const LASSEN = words('laesst lassen liess liessen');
function lassenSich(s: Sentence, c: Clause): boolean {
  return hasWord(s, c, LASSEN) && hasWord(s, c, SICH);
}
const SICH = words('sich');
const GLADLY = words('gern gerne');
const HAVE = words('haben habe hat hab');
const DONE_CANCEL = words('storniert gekuendigt annulliert');
/** "nur schriftlich/online/persönlich möglich": names the way, refuses nothing. */
const CHANNEL = words('schriftlich online persoenlich telefonisch postalisch per vor ueber');
function channelIn(s: Sentence, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (CHANNEL.has(s.items[k]!.norm)) return true;
  return false;
}
const DECIDED = words('entschieden beschlossen entschlossen entscheiden beschliessen');
function agentDecidedBefore(s: Sentence, c: Clause): boolean {
  const idx = s.clauses.indexOf(c);
  if (idx < 1 || hasWord(s, c, OTHER_SUBJECT)) return false;
  const prev = s.clauses[idx - 1]!;
  return hasWord(s, prev, AGENT) && hasWord(s, prev, DECIDED);
}
/** "Wir können Ihre Beschwerde nicht nachvollziehen": a dismissal (another rule's business), not a refusal. */
const COGNITIVE = words('nachvollziehen nachstellen erkennen reproduzieren verstehen feststellen finden nachempfinden');
/** A refusal inside "weil/da …" is the reason for something else ("Weil M ausverkauft ist, haben wir L geschickt"). */
/** Subordinating conjunctions proper (not articles or relative pronouns, which also start clauses). */
const TRUE_SUB = words('weil da dass wenn falls ob sofern soweit obwohl obgleich damit bevor nachdem sobald solange waehrend indem wie wo warum weshalb wieso sodass seit seitdem bis ehe zumal');
const CAUSAL_LEADS = words('weil da denn nachdem zumal obwohl obgleich');
/** "da" subordinates only before a subject ("da der Artikel …", "da Ihre Frist …"); "Da kann ich …" is an adverb. */
const DA_SUBJECT = words(`der die das den dem des ein eine einen einem einer eines dieser diese dieses diesen unser unsere unseren unserem unserer
  mein meine ihr ihre ihren ihrem ihrer ihres dein deine deinen deinem deiner kein keine keinen keinem keiner wir ich es sie man du er
  nur noch bereits schon leider an auf in im am bei beim mit nach vom von zum zur fuer durch seit aus unter ueber gerade momentan derzeit aktuell alle jede jeder jedes`);
function causalClause(s: Sentence, c: Clause): boolean {
  if (!CAUSAL_LEADS.has(c.lead)) return false;
  if (c.lead !== 'da') return true;
  let k = c.from;
  while (k < c.to && s.items[k]!.kind !== 'word') k++;
  const next = s.items[k + 1];
  return !!next && (next.kind === 'num' || (next.kind === 'word' && (DA_SUBJECT.has(next.norm) || (next.upper && !MODALS_AUX.has(next.norm)))));
}
const MODALS_AUX = words('kann koennen muss muessen darf duerfen soll sollen will wollen ist sind war waren hat haben habe hatte hatten wird werden wurde wurden bin bist gibt geht laesst steht liegt');
const GENERIC_VERB = new Set(['<machen>', '<tun>', '<geben>', '<sagen>', '<helfen>', '<schicken>', '<senden>', '<prüfen>', '<tragen>']);
/** "danach meldet sie sich direkt": lower-case "sie" is a third person, not the customer. */
function thirdPersonSie(s: Sentence, from: number, to: number): boolean {
  for (let k = from; k < to; k++) { const t = s.items[k]!; if (t.norm === 'sie' && !t.upper) return true; }
  return false;
}
function ownChannelIn(s: Sentence, from: number, to: number): boolean {
  for (let k = from; k < to; k++) { const n = s.items[k]!.norm; if (n === 'uns' || n.startsWith('unser')) return true; }
  return false;
}

/** The clearest refusal in a sentence, or null. */
export function findRefusal(s: Sentence): Refusal | null {
  let best: Refusal | null = null;
  for (const r of refusalHits(s)) if (!best || r.strength > best.strength) best = r;
  return best;
}

/** "Wenn Sie … abgelesen hätten, gäbe es keine Nachzahlung": a counterfactual, not a refusal. */
const K2 = words('waere waeren haette haetten gaebe gaeben koennte koennten wuerde wuerden muesste muessten duerfte duerften');
function counterfactual(s: Sentence, c: Clause): boolean {
  return hasConditionClause(s) && hasWord(s, c, K2);
}

/** An apology, a softener or the agent speaking ("Sorry, …", "leider", "wir"). */
function softened(s: Sentence): boolean {
  for (const t of s.items) if (t.kind === 'word' && !t.quoted && AGENT_OR_SOFTENER.has(t.norm)) return true;
  return false;
}

const COORD = words('und oder aber sondern sowie bzw');
function coordinatedApart(s: Sentence, a: number, b: number): boolean {
  for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) if (COORD.has(s.items[k]!.norm)) return true;
  return false;
}

/** Refusal patterns that need a customer context (see customerContext). */
const IMPERSONAL = new Set(['upheld', 'unavailable-have', 'unavailable-more', 'nicht-moeglich', 'nicht-gedeckt', 'nicht-noetig', 'unavailable-cancel', 'decision', 'gibt-es-nicht', 'unavailable', 'keine-moeglichkeit', 'generell-keine']);

const PAST_GEBEN = words('gab gaben');
/**
 * The refusal names the requested thing it refuses: the noun a negation of the match negates ("kein Anspruch",
 * "keine weitere Erstattung"), or what something is excluded from ("Zugausfälle sind von der Erstattung ausgenommen").
 */
/** "fällt geringer/höher/gut aus": an amount or a result, not a cancellation. */
const NOT_RESULT = words('leider wieder immer aber oder daher sicher naemlich endgueltig kurzfristig voruebergehend morgen heute');
const RESULT_ADJ = words('gut hoch niedrig gering knapp positiv negativ anders deutlich unterschiedlich so');
function comparativeBefore(s: Sentence, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    const t = s.items[k]!;
    if (t.norm !== 'aus') continue;
    const p = s.items[k - 1]!;
    return p.kind === 'word' && !p.upper && !NOT_RESULT.has(p.norm) && (RESULT_ADJ.has(p.norm) || /(?:er|ig|lich)$/.test(p.norm));
  }
  return false;
}
const DETERMINER_LEAD = words('ein eine einen einer der die das den dem des ihr ihre ihren ihrem ihres dein deine deinen kein keine keinen');
function refusedThingNamed(s: Sentence, from: number, to: number, c: Clause): boolean {
  const nextNoun = (k: number): Token | null => {
    for (let j = k + 1; j < Math.min(s.items.length, k + 4); j++) {
      const t = s.items[j]!;
      if (t.kind !== 'word') return null;
      if (t.upper) return t;
    }
    return null;
  };
  for (let k = from; k < to; k++) {
    if (!isNegation(s.items[k]!.norm)) continue;
    const n = nextNoun(k);
    if (n) return isServiceNoun(n);
  }
  // the clause opens with the requested thing ("eine Gutschrift für den Ausfall erhalten Sie nicht")
  for (let k = c.from; k < c.to; k++) {
    const t = s.items[k]!;
    if (t.kind !== 'word') continue;
    if (t.upper && k > c.from && !DETERMINER_LEAD.has(s.items[k - 1]!.norm)) break;
    if (t.upper && k > c.from) { if (isServiceNoun(t)) return true; break; }
    if (!DETERMINER_LEAD.has(t.norm)) break;
  }
  for (let k = c.from; k < c.to; k++) {
    const w = s.items[k]!.norm;
    if (w !== 'von' && w !== 'vom') continue;
    const n = nextNoun(k);
    if (n && isServiceNoun(n)) return true;
  }
  return false;
}
function problemNounIn(s: Sentence, c: Clause): boolean {
  for (let k = c.from; k < c.to; k++) {
    const n = s.items[k]!.norm;
    if (s.items[k]!.upper && /(?:fehler|problem|probleme|verlust|irrtum|verwechslung|stoerung|stoerungen|ausfall|ausfaelle|mangel|defekt|schaden)$/.test(n)) return true;
  }
  return false;
}
/** "noch nicht", "noch kein …": not yet — a delay, not a refusal. */
function notYet(s: Sentence, from: number, to: number): boolean {
  for (let k = Math.max(1, from); k < Math.min(s.items.length, to + 3); k++) {
    const n = s.items[k]!.norm;
    if ((n === 'nicht' || n.startsWith('kein')) && s.items[k - 1]!.norm === 'noch') return true;
  }
  return false;
}
function asWished(s: Sentence): boolean {
  for (let k = 0; k + 1 < s.items.length; k++) {
    const a = s.items[k]!.norm, b = s.items[k + 1]!.norm;
    if ((a === 'wie' && (b === 'gewuenscht' || b === 'besprochen' || b === 'vereinbart')) || (a === 'ihrem' && b === 'wunsch') || (a === 'ihren' && b === 'wunsch')) return true;
  }
  return false;
}

/** "ohne die geht es nicht", "es geht nicht um …": a requirement or a topic, not a refusal. */
function requirement(s: Sentence, c: Clause): boolean {
  if (c.lead === 'ohne') return true;
  for (let k = c.from; k < c.to - 1; k++) {
    const t = s.items[k]!;
    if (t.norm === 'nicht' && (s.items[k + 1]!.norm === 'um' || s.items[k + 1]!.norm === 'darum')) return true;
  }
  return false;
}

/**
 * A decision verb refuses the customer's request when the agent decides ("lehnen wir ab") or in a passive about
 * the customer's matter ("Ihr Antrag wurde abgelehnt") — not when a machine or the customer is the subject ("Das
 * Terminal hat Ihre Karte abgelehnt", "Sie können die Annahme verweigern"), nor when negated ("nicht abgelehnt").
 */
function decisionApplies(s: Sentence, from: number, c: Clause): boolean {
  if (s.items[from]!.norm !== 'nicht') {
    for (let k = Math.max(c.from, from - 3); k < from; k++) if (s.items[k]!.norm === 'nicht' || s.items[k]!.norm === 'kein') return false;
  }
  // the agent or a passive in the decision's clause or in a main clause of the sentence ("Ihr Antrag wurde gemäß
  // Art. 5 (…) abgelehnt", "es wurde entschieden, Ihren Antrag abzulehnen") — not in a "weil …" clause
  const main = s.clauses.filter((k) => k === c || !TRUE_SUB.has(k.lead));
  if (main.some((k) => hasWord(s, k, COMPANY_SUBJECT))) return true;
  if (main.some((k) => isPassive(s, k) || hasWord(s, k, PARTICIPLE_AUX))) return customerContext(s, c);
  return false;
}
const PARTICIPLE_AUX = words('ist sind war waren bleibt bleiben');

/** Is there a reason marker in the sentence? */
export function hasReason(sentence: Sentence): boolean {
  return REASON.test(sentence);
}

/** A reason marker that is not quoted and not inside the refusal phrase itself. */
export function reasonIn(sentence: Sentence, causalOnly = false): boolean {
  const f = factsOf(sentence);
  if (f.reason < 0) {
    f.reason = 0;
    for (const h of REASON.match(sentence)) {
      if (sentence.items[h.match.from]!.quoted) continue;
      if (h.entry.id !== 'rule') { f.reason = 2; break; }
      f.reason = 1;
    }
  }
  return causalOnly ? f.reason === 2 : f.reason > 0;
}

/** Is this sentence generic courtesy ("Bei Fragen stehen wir gern zur Verfügung.")? */
export function isCourtesy(s: Sentence): boolean {
  return COURTESY.test(s);
}

/** Does the sentence send the customer to someone else? */
export function isDeflection(s: Sentence): boolean {
  const r = findRefusal(s);
  return !!r && (r.kind === 'deflect' || r.kind === 'nocontrol');
}

/**
 * Does the sentence offer a way forward — an alternative, an offer, an action of the agent, a concrete next step
 * for the customer, an interim solution or a concrete follow-up? Negated clauses, conditions that only ask and
 * sentences that send the customer elsewhere do not count. `except` (optional) is a clause not to look at (the
 * refusal itself).
 */
export function wayForwardIn(s: Sentence, except?: Clause): boolean {
  if (except) return computeWayForward(s, except);
  const f = factsOf(s);
  if (f.wayForward < 0) f.wayForward = computeWayForward(s) ? 1 : 0;
  return f.wayForward === 1;
}

function computeWayForward(s: Sentence, except?: Clause): boolean {
  if (s.question && !CHOICE_QUESTION.test(s.text)) return false;
  const refused = refusalHits(s);
  // is the sentence a courtesy line? asked only when an offer or a marker makes it matter
  let courtesy: boolean | null = null;
  if (agentOffer(s, refused, except) && !(courtesy = isCourtesy(s))) return true;
  // the markers are matched only now: an offer of the agent settles the question without them
  const sendsAway = refused.some((r) => r.kind === 'deflect');
  for (const h of WAY_FORWARD.match(s)) {
    const i = h.match.from;
    if (s.items[i]!.quoted) continue;
    const c = clauseOf(s, i);
    if (except && c === except) continue;
    // an offer inside a refusal is refused ("… können wir Ihnen keine Außenkabine mehr anbieten")
    // "wir haben Ihre Bestellung storniert und den Betrag … hinterlegt": an action coordinated after a cancellation counts
    if (refused.some((r) => r.clause === c && !((r.kind === 'unavailable' || r.kind === 'decision') && coordinatedApart(s, r.to - 1, i) && i > r.to))) continue;
    // … or inside the refusal phrase itself ("schicken wir nur an die Vertragsadresse, nicht an eine Urlaubsadresse")
    if (refused.some((r) => r.kind !== 'deflect' && ((i >= r.from && i < r.to) || (r.id === 'generell-keine' && clauseOf(s, r.from) === c)))) continue;
    // the complement of a refusal ("erlauben uns nicht, Ihnen … zur Verfügung zu stellen") offers nothing; a new
    // main clause after it does ("…, aber wir schicken Ihnen …", "…, wir schreiben den Betrag gut")
    const ci = s.clauses.indexOf(c);
    if (ci > 0 && !NEW_MAIN.has(c.lead) && refused.some((r) => r.clause === s.clauses[ci - 1] && r.kind !== 'deflect' && !TRUE_SUB.has(r.clause.lead))) continue;
    if (negationsIn(s, c).length > 0) continue;
    const kind = h.entry.kind;
    // a courtesy line ("Bei Fragen stehen wir Ihnen gern zur Verfügung") offers nothing concrete
    if (kind !== 'strong' && (courtesy ??= isCourtesy(s))) continue;
    if (kind === 'action') {
      if (!agentSubject(s, c)) continue;
      // "Wir haben Ihren Antrag geprüft": a check that is over is no next step
      if (EFFORT_DONE.has(s.items[i]!.norm)) continue;
      // "Wir haben Ihnen die Ware am 3. März geliefert", "… bereits geschickt": history, not a way forward
      if (history(s, c)) continue;
    } else if (kind === 'customer') {
      if ((sendsAway || thirdPartyIn(s)) && !ownChannel(s)) continue;
    } else if (kind === 'noun') {
      // "einen Gutschein über 20 €", "Ihnen eine Gutschrift" — not "Der Rabatt galt nur bis Sonntag"
      if (!agentSubject(s, c) && !hasWord(s, c, RECIPIENT) && !hasAmount(s, c)) continue;
    }
    return true;
  }
  return false;
}
/**
 * "Ich kann Ihnen … anbieten/anstoßen/dazubuchen", "Gern vereinbare ich …": the agent offers to do something — in a
 * clause that is not negated, not a refusal, not limited by "nur", and not sending the customer elsewhere.
 */
const OFFER_MODAL = words('kann koennen koennte koennten wuerde wuerden gern gerne');
const LIMITING = words('nur lediglich leider');
/** "Ich kann Ihren Ärger verstehen", "Wir können Ihnen versichern …", "Wir würden uns freuen …": no offer. */
const NOT_AN_OFFER = words(`verstehen nachvollziehen nachempfinden versichern bestaetigen mitteilen sagen bedauern entschuldigen freuen hoffen
  garantieren vorstellen`);
function agentOffer(s: Sentence, refused: Refusal[], except?: Clause): boolean {
  if (refused.some((r) => r.kind === 'deflect')) return false;
  for (const c of s.clauses) {
    if (c === except || !hasWord(s, c, AGENT) || !hasWord(s, c, OFFER_MODAL)) continue;
    if (hasWord(s, c, LIMITING) || hasWord(s, c, NOT_AN_OFFER) || refused.some((r) => r.clause === c) || negationsIn(s, c).length > 0) continue;
    if (isConditional(s, c) && !s.question) continue;
    if (c.to - c.from < 4) continue;
    return true;
  }
  return false;
}
const HISTORY = words('bereits damals urspruenglich seinerzeit letzte letzten letzter vorige vorigen vergangene vergangenen');
function history(s: Sentence, c: Clause): boolean {
  for (let k = c.from; k < c.to; k++) {
    const t = s.items[k]!;
    if (HISTORY.has(t.norm)) return true;
    if (t.norm === 'am' && s.items[k + 1]?.kind === 'num') return true;
  }
  return false;
}
const EFFORT_DONE = words('geprueft ueberprueft geklaert versucht bemueht geschaut nachgesehen angeschaut');
const RECIPIENT = words('ihnen dir euch');
function hasAmount(s: Sentence, c: Clause): boolean {
  for (let k = c.from; k < c.to; k++) { const t = s.items[k]!; if (t.kind === 'num' || t.text === '€' || t.norm === 'euro' || t.norm === 'prozent' || t.text === '%') return true; }
  return false;
}
const NEW_MAIN = words('deshalb daher darum deswegen aber sondern stattdessen doch jedoch dafuer gerne gern alternativ wir ich sie du ihr allerdings trotzdem dennoch damit');
const CHOICE_QUESTION = /\b(?:lieber|möchten|wünschen|soll ich|sollen wir|darf ich|dürfen wir|passt)\b/i;

/** "an unsere Hotline", "bei uns": the customer is sent to the company's own channel. */
function ownChannel(s: Sentence): boolean {
  for (const t of s.items) if (t.norm === 'uns' || t.norm.startsWith('unser')) return true;
  return false;
}

/** "ich|wir" in the clause or, for a clause without its own subject, in one of the three clauses before it. */
function agentSubject(s: Sentence, c: Clause): boolean {
  if (hasWord(s, c, AGENT)) return true;
  if (hasWord(s, c, OTHER_SUBJECT)) return false;
  // "…: Die Leitung ist in Ordnung und liefert die volle Bandbreite": a clause that opens with its own subject
  const next = s.items[c.from + 1];
  if (SUBJECT_DET.has(s.items[c.from]!.norm) && next && next.kind === 'word' && next.upper && !FORMAL_OR_THIRD.has(next.norm)) return false;
  const idx = s.clauses.indexOf(c);
  for (let k = idx - 1; k >= Math.max(0, idx - 3); k--) if (hasWord(s, s.clauses[k]!, AGENT)) return true;
  return false;
}
const AGENT = words('ich wir');
const SUBJECT_DET = words('der die das ein eine dieser diese dieses jeder jede jedes');
const OTHER_SUBJECT = words('er es man du');

/**
 * A third party the customer's step goes through ("bei Ihrer Bank", "an den Hersteller", "mit DHL", "des
 * Herstellers") — not a brand named as a means on our side ("auf PayPal umstellen", "unter stadtwerke.de").
 */
const VIA_THIRD = words('bei beim an am mit vom von des ueber zum zur dem');
function thirdPartyIn(s: Sentence): boolean {
  for (let k = 0; k < s.items.length; k++) {
    const t = s.items[k]!;
    if (t.kind !== 'word' || t.quoted || !thirdParty(t)) continue;
    for (let j = Math.max(0, k - 3); j < k; j++) if (VIA_THIRD.has(s.items[j]!.norm)) return true;
  }
  return false;
}

/**
 * Look around a sentence: the sentence itself and up to `after` following (and `before` preceding) sentences of
 * the reply, never quoted history.
 */
export function around(doc: Doc, s: Sentence, before: number, after: number): Sentence[] {
  // branch-aware: in a template, the other branch of an if/else is never read together with this sentence
  return contextSentences(doc, s, before, after).filter((x) => x === s || !isQuotedHistory(doc, x));
}

/** A reason for the refusal: in its own sentence, or in a following sentence that is not itself a refusal. */
export function reasonFor(doc: Doc, r: Refusal, after = 2): boolean {
  const s = r.sentence;
  if (reasonIn(s)) return true;
  // "…, da Frau Dr. Hahn ausgebucht ist", "Tickets sind ausverkauft, da kann ich …": a causal clause or a stated
  // unavailability in the same sentence explains the refusal
  if (s.clauses.some((c) => c !== r.clause && causalClause(s, c))) return true;
  if (refusalHits(s).some((h) => (h.kind === 'unavailable' || (h.id !== r.id && h.kind !== 'no' && h.clause.to <= r.clause.from)) && h.clause !== r.clause)) return true;
  for (const x of around(doc, s, 0, after)) {
    if (x === s || x.question) continue;
    const xr = findRefusal(x);
    if (xr && xr.kind === 'unavailable') return true;
    if (xr) continue;
    // a following sentence explains with "weil/denn/der Grund …"; merely pointing at the AGB explains nothing
    if (reasonIn(x, true)) return true;
  }
  return false;
}

/** Kept for compatibility: any reason marker near the sentence. */
export function reasonNear(doc: Doc, s: Sentence, before = 1, after = 2): boolean {
  return around(doc, s, before, after).some(hasReason);
}

/** A way forward near a refusal: in another clause of its sentence, or in the sentences around it. */
export function wayForwardNear(doc: Doc, s: Sentence, refusalItem: number, before = 2, after = 3): boolean {
  const own = clauseOf(s, refusalItem);
  return around(doc, s, before, after).some((x) => (x === s ? wayForwardIn(s, own) : wayForwardIn(x)));
}

const replyWayForwardCache = perDoc<boolean>();

/**
 * Does the reply offer a way forward anywhere (outside quoted history)? With `from`, only text the customer
 * reads together with that sentence counts: in a template, a way forward in the `{{else}}` branch does not
 * rescue a refusal in the `{{#if}}` branch.
 */
export function replyWayForward(doc: Doc, from?: Sentence): boolean {
  const branchy = from !== undefined && doc.branches.length > 0;
  if (!branchy) {
    const hit = replyWayForwardCache.get(doc);
    if (hit !== undefined) return hit;
  }
  let found = false;
  for (const s of doc.sentences) {
    if (isQuotedHistory(doc, s)) continue;
    if (branchy && !sameBranchContext(doc, from.start, s.start)) continue;
    if (wayForwardIn(s)) { found = true; break; }
  }
  if (!branchy) replyWayForwardCache.set(doc, found);
  return found;
}

/** Every refusal of the reply (outside quoted history), in order. */
export function refusals(doc: Doc, opts?: { letter?: boolean }): Refusal[] {
  const out: Refusal[] = [];
  const letter = opts?.letter === true && addressedReply(doc);
  for (const s of doc.sentences) {
    if (isQuotedHistory(doc, s)) continue;
    const r = findRefusal(s) ?? (letter ? letterRefusal(s) : null);
    if (r) out.push(r);
  }
  return out;
}

/**
 * An impersonal refusal the sentence alone does not tie to a customer ("Das Sofa ist nicht mehr lieferbar.", "Der
 * Diebstahl aus dem Auto ist nicht versichert."): neutral prose says such things too, so refusalHits leaves them
 * out — in a reply addressed to a customer (see addressedReply) they refuse the customer all the same.
 */
export function letterRefusal(s: Sentence): Refusal | null {
  refusalHits(s);
  let best: Refusal | null = null;
  for (const r of factsOf(s).contextless ?? []) if (!best || r.strength > best.strength) best = r;
  return best;
}

/** Salutations and closing lines that make a text a reply to a customer. */
const SALUTE_NEXT = new Map<string, Set<string> | null>([
  ['hallo', null], ['hi', null], ['hey', null], ['moin', null], ['servus', null], ['liebe', null], ['lieber', null],
  ['sehr', words('geehrte geehrter geehrt')], ['guten', words('tag morgen abend')],
]);
const CLOSING = words('gruesse gruessen gruss gruessle hochachtungsvoll lg vg mfg');
const addressedCache = perDoc<boolean>();
/** Does the reply open with a salutation ("Hallo Frau Ernst,", "Sehr geehrter Herr …,") or close with greetings? */
export function addressedReply(doc: Doc): boolean {
  const hit = addressedCache.get(doc);
  if (hit !== undefined) return hit;
  let found = false;
  for (const s of doc.sentences) {
    if (isQuotedHistory(doc, s)) continue;
    const it = s.items;
    const first = it[0];
    if (!first || first.kind !== 'word') continue;
    const next = SALUTE_NEXT.get(first.norm);
    if (next !== undefined && (next === null || (it[1] && next.has(it[1].norm)))) {
      for (let k = 1; k < Math.min(it.length, 7); k++) if (it[k]!.text === ',') { found = true; break; }
    }
    for (let k = 0; !found && k < Math.min(it.length, 4); k++) if (CLOSING.has(it[k]!.norm)) found = true;
    if (found) break;
  }
  addressedCache.set(doc, found);
  return found;
}

/** Does the reply address the customer informally (du/dir/dein …)? */
export function informal(doc: Doc): boolean {
  return addressForm(doc) === 'du';
}

export { SUBORDINATORS };

const GREETING = words('hallo hi hey moin servus liebe lieber sehr guten');
/**
 * The range of a sentence without a leading salutation that shares its line ("Hi Jonas, die Lieferzeit …"):
 * findings point at what the agent says, not at the greeting.
 */
export function bodyRange(s: Sentence): { start: number; end: number } {
  const first = s.items[0];
  if (first && first.kind === 'word' && GREETING.has(first.norm)) {
    for (let k = 1; k < Math.min(s.items.length - 1, 6); k++) {
      const t = s.items[k]!;
      if (t.kind === 'punct' && t.text === ',') {
        const next = s.items[k + 1]!;
        return { start: next.start, end: s.end };
      }
      if (t.kind !== 'word') break;
    }
  }
  return { start: s.start, end: s.end };
}

/**
 * Dismissals: the reply closes the matter without acting on it ("Damit ist der Vorgang für uns abgeschlossen",
 * "Damit müssen Sie leben", "Das gehört so"). Like a refusal, such a
 * reply leaves the customer alone unless it offers a way forward — missing-alternative reads them; they are not
 * refusals for the other rules (no reason/flat-no logic applies).
 */
const DISMISSAL = new GatedPhraseSet(perPattern([
  { id: 'dismissal', pattern: [
    // "Einen Mangel können wir nicht feststellen", "Eine Störung liegt nicht vor", "Wir sehen keinerlei Auffälligkeiten"
    'kein* mangel|fehler|defekt|stoerung|fehlfunktion|auffaelligkeit*|unregelmaessigkeit* ...6 <fest|stellen>|<erkennen>|<finden>|<entdecken>|<sehen>',
    '<fest|stellen>|<erkennen>|<finden>|<entdecken>|<sehen> ...6 kein*|keinerlei mangel|fehler|defekt|stoerung|fehlfunktion|auffaelligkeit*|unregelmaessigkeit*',
    'mangel|fehler|defekt|stoerung|fehlfunktion|reklamationsgrund|garantiefall|gewaehrleistungsfall ...3 <vor|liegen> ...2 nicht',
    '<vor|liegen> ...3 kein* mangel|fehler|defekt|stoerung|fehlfunktion|reklamationsgrund|garantiefall|gewaehrleistungsfall',
    'mangel|fehler|defekt|stoerung|fehlfunktion ...6 nicht <fest|stellen>|<erkennen>|<finden>|<entdecken>|<sehen>',
    'für uns ...2 erledigt|abgeschlossen', 'damit <sein> ...4 erledigt|abgeschlossen $', 'damit <müssen> sie|du ...2 leben', '<betrachten>|<sehen> ...6 als erledigt|abgeschlossen', '<gehören> so $', '<gehören> so ,'] },
]), 'dismissal');
/** Item index where the sentence dismisses the customer's problem, or -1. */
export function dismissalIn(s: Sentence): number {
  const f = factsOf(s);
  let r = f.dismissal;
  if (r === -2) {
    r = -1;
    if (!s.question) {
      for (const h of DISMISSAL.match(s)) {
        const { from, to } = h.match;
        if (spoiled(s, from, to)) continue;
        const c = clauseOf(s, to - 1);
        if (isConditional(s, c) && !hasWord(s, c, K2)) continue;
        if (!customerContext(s, c)) continue;
        r = from;
        break;
      }
    }
    f.dismissal = r;
  }
  return r;
}
