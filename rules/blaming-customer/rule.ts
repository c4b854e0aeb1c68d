import { defineRule, discourse, PhraseSet, type Doc, type PhraseEntry, type Sentence } from '@replylint/core';
import { reportSentence, type SuggestText } from '../_shared/sentence-finding.ts';
import { blaming, empathy, choice } from './phrases.gen.ts';

const BLAMING = new PhraseSet(blaming, 'blaming-customer/blaming');
const EMPATHY = new PhraseSet(empathy, 'blaming-customer/empathy');
const CHOICE = new PhraseSet(choice, 'blaming-customer/choice');

type MessageId = 'hindsight' | 'repeat' | 'fault' | 'lecture' | 'rhetoric';

const INFORMAL = new Set(['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'deines']);
const FORMAL = new Set(['sie', 'ihnen', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres']);
const COMPANY_SUBJECT = new Set(['wir', 'ich']);
const OWN = new Set(['wir', 'ich', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines', 'unsererseits', 'meinerseits']);
const RECEIVE = new Set(['bekommen', 'erhalten', 'kriegen', 'gekriegt', 'informiert', 'benachrichtigt', 'gewarnt', 'angerufen']);

/** Does the reply address the customer with "du"? */

const SUGGEST: Record<MessageId, SuggestText> = {
  hindsight: {
    desc: 'Nach vorn schauen statt Vorwürfe machen',
    sie: 'Damit es beim nächsten Mal klappt: [freundlicher Hinweis]. Für jetzt schlage ich Ihnen vor: [Lösung].',
    du: 'Damit es beim nächsten Mal klappt: [freundlicher Hinweis]. Für jetzt schlage ich dir vor: [Lösung].',
    note: '„Sie hätten … müssen“ ändert nichts mehr, es macht den Kunden nur zum Schuldigen. Sagen Sie, wie es jetzt weitergeht.',
  },
  repeat: {
    desc: 'Sachverhalt freundlich zusammenfassen',
    sie: 'Gern fasse ich es noch einmal zusammen: [Sachverhalt in einfachen Worten].',
    du: 'Gern fasse ich es noch einmal zusammen: [Sachverhalt in einfachen Worten].',
    note: '„Wie bereits mehrfach erwähnt“ sagt dem Kunden, er sei begriffsstutzig. Wenn er nachfragt, war die Erklärung nicht klar genug – erklären Sie es besser.',
  },
  fault: {
    desc: 'Sachverhalt neutral beschreiben und lösen',
    sie: 'Ich sehe, dass [Sachverhalt neutral beschrieben] – das kann leicht passieren. So lösen wir es: [Lösung].',
    du: 'Ich sehe, dass [Sachverhalt neutral beschrieben] – das kann leicht passieren. So lösen wir es: [Lösung].',
    note: 'Niemand hat jemals einen Streit mit einem Kunden gewonnen. Beschreiben Sie, was passiert ist, ohne Schuld zuzuweisen, und helfen Sie.',
  },
  lecture: {
    desc: 'Tipp statt Belehrung',
    sie: 'Ein kleiner Tipp für das nächste Mal: [Hinweis]. Jetzt kümmere ich mich um [Lösung].',
    du: 'Ein kleiner Tipp für das nächste Mal: [Hinweis]. Jetzt kümmere ich mich um [Lösung].',
    note: 'Belehrungen kommen beim Kunden als Tadel an. Geben Sie einen freundlichen Tipp und lösen Sie das Problem.',
  },
  rhetoric: {
    desc: 'Sachlich nachfragen',
    sie: 'Damit ich Ihnen helfen kann: [sachliche Frage]?',
    du: 'Damit ich dir helfen kann: [sachliche Frage]?',
    note: 'Rhetorische Fragen („Haben Sie das überhaupt gelesen?“) sind Vorwürfe. Fragen Sie sachlich nach dem, was Sie wissen müssen.',
  },
};

function clauseAt(s: Sentence, i: number): Sentence['clauses'][number] {
  return s.clauses.find((c) => i >= c.from && i < c.to) ?? s.clauses[0]!;
}

const FLAGS = new WeakMap<PhraseEntry, Set<string>>();

/** The entry's `kind` words as a set (made once per entry). */
function flags(e: PhraseEntry): Set<string> {
  let f = FLAGS.get(e);
  if (!f) FLAGS.set(e, (f = new Set(typeof e.kind === 'string' ? e.kind.split(/\s+/) : [])));
  return f;
}

/** Does the sentence (or the one before) speak about the customer ("weil Sie die Hausnummer vergessen haben")? */
function aboutCustomer(doc: Doc, s: Sentence): boolean {
  const prev = doc.sentences[s.index - 1];
  for (const x of prev && prev.paragraph === s.paragraph ? [prev, s] : [s]) {
    for (let i = 0; i < x.items.length; i++) {
      const t = x.items[i]!;
      if (t.kind === 'word' && !t.quoted && (INFORMAL.has(t.norm) || (FORMAL.has(t.norm) && (t.upper || i === 0)))) return true;
    }
  }
  return false;
}

// ge-participles ("gelesen", "abgeschickt"), weak ones with an inseparable prefix ("bezahlt"), strong ones with a
// prefix that takes no ge- ("überwiesen", "unterschrieben", "vergessen"), and -iert ("installiert")
const PARTICIPLE = /^(?:(?:ab|an|auf|aus|bei|ein|mit|nach|vor|weg|zu|zurueck|um|durch|ueber|unter|hin|her)?ge[a-z]{2,}(?:t|en)|(?:ab|an|auf|aus|bei|ein|mit|nach|vor|zu|zurueck)?(?:be|ver|er|ent|zer|emp)[a-z]{2,}t|(?:ueber|unter|hinter|wider|miss|ver|be|er|ent|zer)[a-z]{2,}en|[a-z]{3,}iert)$/;
const COUNTERFACTUAL_AUX = new Set(['haetten', 'haettest', 'haettet', 'waeren', 'waerst']);
const COUNTERFACTUAL_MAIN = new Set(['gaebe', 'wuesste', 'wuessten', 'wuesstest', 'haettest', 'waerst', 'koenntest', 'muesstest', 'wuerdest', 'waere', 'haette', 'haetten', 'waeren', 'wuerde', 'wuerden', 'muessten', 'muesste', 'koennten', 'koennte']);
const COUNTERFACTUAL: PhraseEntry = { pattern: '', message: 'hindsight' };

/** "Wenn Sie die Kündigung per Einschreiben geschickt hätten, gäbe es jetzt kein Problem." */
function counterfactual(s: Sentence): boolean {
  for (let k = 0; k < s.clauses.length - 1; k++) {
    const c = s.clauses[k]!;
    if (c.lead !== 'wenn' && c.lead !== 'falls') continue;
    const items = s.items.slice(c.from, c.to);
    if (!items.some((t) => t.norm === 'sie' || t.norm === 'du')) continue;
    if (items.some((t) => COMPANY_SUBJECT.has(t.norm) || RECEIVE.has(t.norm))) continue;
    const last = items[items.length - 1];
    const before = items[items.length - 2];
    if (!last || !before || !COUNTERFACTUAL_AUX.has(last.norm) || !PARTICIPLE.test(before.norm)) continue;
    const next = s.clauses[k + 1]!;
    if (COUNTERFACTUAL_MAIN.has(s.items[next.from]?.norm ?? '') || s.items[next.from]?.norm === 'dann') return true;
  }
  // inverted: "Hätten Sie die Lieferung bei Annahme kontrolliert, hätten wir …"
  for (let k = 0; k < s.clauses.length - 1; k++) {
    const c = s.clauses[k]!;
    if (!COUNTERFACTUAL_AUX.has(c.lead)) continue;
    const items = s.items.slice(c.from, c.to);
    if (items[1]?.norm !== 'sie' && items[1]?.norm !== 'du' && items[1]?.norm !== 'ihr') continue;
    if (items.some((t) => RECEIVE.has(t.norm))) continue;
    if (!PARTICIPLE.test(items[items.length - 1]?.norm ?? '')) continue;
    // a later clause in the conditional ("…, wie es auf dem Lieferschein steht, hätten wir …")
    for (const next of s.clauses.slice(k + 1)) {
      if (COUNTERFACTUAL_MAIN.has(s.items[next.from]?.norm ?? '') || s.items[next.from]?.norm === 'dann') return true;
    }
  }
  return false;
}

function blamingIn(doc: Doc, s: Sentence): PhraseEntry | null {
  const hits = BLAMING.match(s);
  if (hits.length === 0) return !s.question && counterfactual(s) ? COUNTERFACTUAL : null;
  const harmless = discourse.harmlessNegation(s);
  for (const h of hits) {
    const { from, to } = h.match;
    if (s.items[from]!.quoted) continue;
    const f = flags(h.entry);
    if (f.has('q') ? !s.question : s.question && !f.has('anyq')) continue;
    // a lower-case "sie" inside the sentence is "they/it", not the customer ("Falls sie nicht gelesen werden kann")
    if (h.pattern.source.startsWith('wenn|falls') && s.items.slice(from, to).some((t, k) => t.norm === 'sie' && !t.upper && from + k > 0)) continue;
    const first = clauseAt(s, from);
    const last = clauseAt(s, to - 1);
    if (f.has('cust')) {
      let company = false;
      for (let k = first.from; k < last.to; k++) if (COMPANY_SUBJECT.has(s.items[k]!.norm)) company = true;
      if (company) continue;
    }
    if (f.has('neg') && (discourse.negationsIn(s, last, harmless).length > 0 || (first !== last && discourse.negationsIn(s, first, harmless).length > 0))) {
      // "Sie haben nichts falsch gemacht" – unless the negation is part of the reproach ("uns nicht informiert")
      if (!h.pattern.source.includes('nicht|nie')) continue;
    }
    if (f.has('empathy') && EMPATHY.test(s)) continue;
    if (f.has('nochoice') && CHOICE.test(s)) continue;
    if (f.has('custctx') && !aboutCustomer(doc, s)) continue;
    // "…, wäre das nicht passiert" is our own fault when we or ours are in the sentence ("wenn wir Sie informiert hätten")
    if (f.has('own') && s.items.some((t) => OWN.has(t.norm))) continue;
    // "trotz mehrfacher Aufforderung …" reproaches only when "Sie"/"du" is in the sentence
    if (f.has('addressee') && !s.items.some((t, k) => t.kind === 'word' && !t.quoted && (INFORMAL.has(t.norm) || ((t.norm === 'sie' || t.norm === 'ihnen') && (t.upper || k === 0))))) continue;
    // "Sie haben die Mail wohl noch nicht gelesen" is about time, "Da haben Sie wohl nicht ganz unrecht" agrees
    if ((h.entry.id === 'offensichtlich' || h.entry.id === 'nicht-aufgepasst') && s.items.some((t, k) => k >= first.from && k < last.to && (t.norm === 'recht' || t.norm === 'unrecht' || (k < to && t.norm === 'noch' && /^(?:nicht|nie|kein\w*)$/.test(s.items[k + 1]?.norm ?? ''))))) continue;
    // "Den müssen Sie schon selbst anschreiben" sends the customer away (blame-shifting), it does not lecture
    if (h.entry.id === 'belehren' && h.pattern.source.includes('<müssen>') && s.items.slice(from, to + 1).some((t) => t.norm === 'selbst' || t.norm === 'selber')) continue;
    // "…, da müssen Sie schon bei der Zulassungsstelle nachfragen" also sends away (blame-shifting)
    if (h.entry.id === 'belehren' && h.pattern.source.includes('<müssen>') && s.items.some((t) => /^(?:zustaendig\w*|nachfragen|wenden|anrufen|kontaktieren|melden)$/.test(t.norm))) continue;
    // "Sie hätten eine Durchsage bekommen müssen" – the customer should have received something: our fault
    if (h.entry.id === 'haetten-muessen' && s.items.slice(first.from, last.to).some((t) => RECEIVE.has(t.norm))) continue;
    // "Sie haben die PIN dreimal falsch eingegeben" reports attempts, it does not reproach
    if (h.entry.id === 'falsch-bedient' && s.items.some((t, k) => k > from && k < to && /mal$/.test(t.norm) && s.items[k + 1]?.norm.startsWith('falsch'))) continue;
    // "Das steht auch in Ihrer Bestätigung, die ich Ihnen gern noch einmal schicke" / "Bitte lesen Sie die beigefügten Hinweise" help
    if (h.entry.id === 'belehren' && /^(?:<stehen>|bitte <lesen>|<lesen> sie)/.test(h.pattern.source) && (s.items[0]?.norm === 'um' || s.items.some((t) => /^(?:gern|gerne|beigefuegt\w*|anbei|anhang|angehaengt\w*|link|hier|unten|folgend\w*|details|weitere\w*|naehere\w*|diskussion|informationen|einschraenkungen|erlaeuterung\w*)$/.test(t.norm)))) continue;
    // "Vermutlich haben Sie die Mail noch nicht bekommen" – not receiving is no fault
    if (h.entry.id === 'offensichtlich' && s.items.slice(first.from, last.to).some((t) => RECEIVE.has(t.norm) || t.norm === 'bekommen' || t.norm === 'erhalten')) continue;
    // "Sie wissen doch, dass Sie jederzeit willkommen sind" reassures
    if (h.pattern.source.includes('<wissen> doch|eigentlich|selbst') && s.items.some((t) => /^(?:willkommen|jederzeit|gern|gerne|immer|koennen|duerfen)$/.test(t.norm))) continue;
    // "Wie bereits erwähnt, kümmere ich mich persönlich darum" repeats a promise, not a lecture
    if (h.entry.id === 'wie-bereits' && s.items.some((t) => /^(?:kuemmere|kuemmern|persoenlich|gern|gerne|zugesagt|versprochen)$/.test(t.norm))) continue;
    // "genauer gesagt" is a figure of speech
    if (s.items[to]?.norm === 'gesagt') continue;
    return h.entry;
  }
  return null;
}

export default defineRule({
  id: 'blaming-customer',
  meta: {
    type: 'suggestion',
    description: 'Meldet Vorwürfe und Belehrungen an den Kunden („Sie hätten die Anleitung lesen müssen.“, „Wie bereits mehrfach erwähnt …“).',
    severity: 'warn',
    unit: 'sentence',
    messages: {
      hindsight: 'Vorwurf: „{{actual}}“ hält dem Kunden vor, was er hätte tun sollen. Sagen Sie lieber, wie es jetzt weitergeht.',
      repeat: 'Belehrung: „{{actual}}“ wirft dem Kunden vor, nicht zuzuhören. Erklären Sie es freundlich noch einmal.',
      fault: 'Schuldzuweisung: „{{actual}}“ gibt dem Kunden die Schuld. Beschreiben Sie den Sachverhalt neutral und helfen Sie.',
      lecture: 'Belehrung: „{{actual}}“ weist den Kunden zurecht. Geben Sie einen Tipp statt einer Zurechtweisung.',
      rhetoric: 'Rhetorische Frage: „{{actual}}“ ist ein Vorwurf. Fragen Sie sachlich nach.',
    },
  },
  create(ctx) {
    return {
      sentence(s) {
        const entry = blamingIn(ctx.doc, s);
        if (!entry) return;
        const id = (entry.message ?? 'fault') as MessageId;
        reportSentence(ctx, s, id, SUGGEST[id], entry.note as string | undefined);
      },
    };
  },
});

