import { defineRule, perWord, snippet, type Doc, type Sentence, type Token } from '@replylint/core';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Formal address when capitalised (folded forms). */
const FORMAL = words('sie ihnen ihr ihre ihren ihrem ihrer ihres');
const FORMAL_POSS = words('ihr ihre ihren ihrem ihrer ihres');
/** Informal address, singular and plural ("ihr" is left out: it is also formal, possessive and dative). */
const INFORMAL = words('du dich dir dein deine deinen deinem deiner deines euch euer eure euren eurem eurer eures');
/** Singular imperatives that address one person informally ("Schreib uns", "ruf einfach an", "bleib gesund"). */
const IMPERATIVE = words(`schreib ruf meld melde bleib schau schick gib nimm sieh hab sei pruef klick kleb probier versuch waehl
  geh komm frag lass wart oeffne antworte hol leg mach denk vergiss schalt zieh trag nutz scann loes
  schreibe rufe bleibe schaue schicke pruefe klicke klebe probiere versuche waehle lasse warte hole lege mache denke schalte ziehe nutze`);
/** Words that may stand before a clause-initial imperative. */
const IMP_LEAD = words('und bitte einfach dann oder gerne gern doch mal jetzt also aber sonst');
const AUX = words('werden wurden wuerden sind waren waeren haben hatten haetten koennen konnten koennten muessen mussten muessten sollen sollten duerfen durften moegen moechten wollen wollten');
const IMP_AFTER = words('und oder aber dann bitte einfach');
/** First-person words: a sentence in which the agent speaks ("Wir senden ihnen …"). */
const SPEAKER = words('ich wir uns mir mich unser unsere unseren unserem unserer unseres mein meine meinen meinem meiner');
const THANKS = words('dank danke bitte herzlichen vielen');
const REFLEXIVE_CUE = words('gerne gern bitte einfach jederzeit');
const SUBJECT_PRON = words('ich wir er es man du ihr sie');
/** Determiners and possessives that open a third-person noun phrase (a possible antecedent of sie/ihr/ihnen). */
const NP_DET = words(`der die das den dem des ein eine einen einem einer eines diese dieser diesen diesem dieses jene jener jenen
  unser unsere unseren unserem unserer unseres mein meine meinen meinem meiner sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer ihres
  beide beiden alle allen zwei drei mehrere viele`);
const TITLE = words('frau herr herrn dr prof familie');
const FIRST_PERSON = words('wir ich');
const ARTICLE = words('dem den der das des');
/** After a non-bare imperative form: first person with the pronoun left out ("melde mich") or formal ("rufe Sie"). */
const IMP_OBJECT = words('mich mir ich uns ihnen sie es das');
const FORMAL_SALUTATION = /^(?:sehr geehrte|guten (?:tag|morgen|abend) (?:frau|herr)|(?:hallo|liebe|lieber|moin|servus|gruess gott|gruezi) (?:frau|herr)|werte)/;
const INFORMAL_SALUTATION = /^(?:hi|hey|hallo|moin|servus|liebe|lieber|huhu|na)\b/;

type Register = 'formal' | 'informal';
const CODE = /[$`{}<>]|::|&&|\s--?\w|\w=\w|\bdo\b|\bfor\b/;
/**
 * `CODE.test(text)`, split by alternative: the alternatives that need a given character are only tried when the text
 * has it (a fast search), so most sentences take one scan for the sign characters instead of every alternative at
 * every position. rule.test.ts checks the two agree.
 */
const CODE_SIGNS = /[$`{}<>]|::|&&/;
const CODE_OPTION = /\s--?\w/;
const CODE_ASSIGN = /\w=\w/;
const CODE_WORD = /\bdo\b|\bfor\b/;
function looksLikeCode(text: string): boolean {
  return CODE_SIGNS.test(text) || (text.includes('-') && CODE_OPTION.test(text)) || (text.includes('=') && CODE_ASSIGN.test(text))
    || ((text.includes('do') || text.includes('for')) && CODE_WORD.test(text));
}

/** The customer's own pronoun written in lower case ("Wir senden ihnen …"), or null when it may be a third person. */
interface LowerHit { token: Token; strong: boolean }

function isWord(t: Token | undefined): t is Token {
  return !!t && t.kind === 'word';
}

function clauseOf(s: Sentence, i: number): { from: number; to: number } {
  return s.clauses.find((c) => i >= c.from && i < c.to) ?? { from: 0, to: s.items.length };
}

/** Third-person noun phrases in items[from, to): heads of "die Kollegen", "Ihre Tochter", "Frau Demir". */
function antecedents(items: Token[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, from); i < to; i++) {
    const t = items[i]!;
    if (!isWord(t)) continue;
    if (TITLE.has(t.norm) && t.upper && isWord(items[i + 1]) && items[i + 1]!.upper) { out.push(i + 1); continue; }
    if (!NP_DET.has(t.norm)) continue;
    // possessive "ihr*" in lower case is itself a candidate, not an antecedent
    if (FORMAL_POSS.has(t.norm) && !t.upper) continue;
    for (let k = i + 1; k <= i + 3 && k < to; k++) {
      const n = items[k]!;
      if (!isWord(n)) break;
      if (n.upper && !FORMAL.has(n.norm)) { out.push(k); break; }
    }
  }
  return out;
}

/** Is there a possible third-person referent for the pronoun at items[i]? */
function hasAntecedent(s: Sentence, i: number, prev: Sentence | undefined, objectSie: boolean): boolean {
  const items = s.items;
  const c = clauseOf(s, i);
  for (const a of antecedents(items, 0, i)) {
    // an object fronted before "wir"/"ich" in the same clause is not what the pronoun refers to:
    // "die Differenz haben wir ihrem Kundenkonto gutgeschrieben"
    if (a >= c.from) {
      let firstPersonBetween = false;
      for (let k = a + 1; k < i; k++) if (FIRST_PERSON.has(items[k]!.norm)) firstPersonBetween = true;
      if (firstPersonBetween) continue;
    }
    return true;
  }
  if (objectSie && prev && !isSalutation(prev)) {
    if (antecedents(prev.items, 0, prev.items.length).length > 0) return true;
    // plural nouns without an article: "Rückwärtsschritte werden … angesehen. Normalerweise werden sie …"
    if (prev.items.some((x, k) => k > 0 && isWord(x) && x.upper && !FORMAL.has(x.norm))) return true;
  }
  // a subject "sie" with a noun before it in its own sentence: "…, das heißt, sie werden …"
  if (objectSie && s.items.slice(0, i).some((x, k) => k > 0 && isWord(x) && x.upper && !FORMAL.has(x.norm) && !TITLE.has(x.norm))) return true;
  return false;
}

const PERSON_NOUN = /(?:mutter|vater|eltern|tochter|soehne|sohn|kinder|kind|ehemann|ehefrau|mann|partner|partnerin|kollege|kollegen|kollegin|kolleginnen|mitarbeiter|mitarbeiterin|mitarbeiterinnen|techniker|monteur|monteure|handwerker|fahrer|fahrerin|nachbar|nachbarin|nachbarn|team|leute|gutachter|beraterin|berater|innen|erin)$/;

/** A person is mentioned in the sentence ("Ihrer Mutter", "Frau König", "die Kolleginnen"). */
function personIn(s: Sentence): boolean {
  const items = s.items;
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (!isWord(t) || !t.upper) continue;
    if (TITLE.has(t.norm) && isWord(items[i + 1]) && items[i + 1]!.upper) return true;
    if (i > 0 && PERSON_NOUN.test(t.norm)) return true;
    if (i > 0 && isWord(items[i + 1]) && items[i + 1]!.upper && !FORMAL.has(t.norm) && !FORMAL.has(items[i + 1]!.norm)) return true;
  }
  return false;
}

function endsPlural(t: Token | undefined): boolean {
  return isWord(t) && /(?:en|ern|eln)$/.test(t.norm) && !NP_DET.has(t.norm) && t.norm !== 'wenn' && t.norm !== 'denn';
}

function lowerFormal(s: Sentence, prev: Sentence | undefined, afterSalutation: boolean): LowerHit[] {
  const items = s.items;
  const out: LowerHit[] = [];
  let addressing = false; // once "sie" addresses the customer, following ihr*/ihnen in the sentence do too
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (!isWord(t) || t.upper || t.quoted || !FORMAL.has(t.norm)) continue;
    const before = items[i - 1];
    const after = items[i + 1];
    const c = clauseOf(s, i);
    const clauseStart = i === c.from || (before && (before.text === '–' || before.text === ':'));
    const atReplyStart = i === 0 && afterSalutation;
    if (t.norm === 'sie') {
      // formal "Sie" takes a plural verb: "Können sie", "Bitte prüfen sie", "melden sie sich"; "meldet sie sich" is "she"
      let strong = false;
      const objectSie = false;
      if (atReplyStart && endsPlural(after)) strong = true;
      else if (endsPlural(before)) {
        const vi = i - 1;
        const verbFirst = vi === c.from || (vi === c.from + 1 && items[c.from]!.norm === 'bitte');
        let subjectBefore = false;
        for (let k = c.from; k < vi; k++) if (SUBJECT_PRON.has(items[k]!.norm) || items[k]!.norm === 'sie') subjectBefore = true;
        // "Wir prüfen sie", "Sie erreichen sie": an object, almost always a thing or a third person
        if (subjectBefore) continue;
        // "Können sie …?", "Bitte prüfen sie …" open the sentence; "Falls Dateien fehlen, werden sie angelegt" refers back
        strong = verbFirst && (c.from === 0 || !s.items.slice(0, c.from).some((x) => isWord(x) && x.upper && x.index !== s.items[0]!.index));
        if (strong && !s.question && items[c.from]!.norm !== 'bitte' && AUX.has(items[vi]!.norm)) strong = false;
        // "Bei Fragen melden sie sich gerne": the customer is invited
        if (!strong && !subjectBefore && after?.norm === 'sich' && items.slice(i + 2, c.to).some((x) => REFLEXIVE_CUE.has(x.norm))) strong = true;
      } else if (clauseStart && endsPlural(after)) {
        // "…; sie holen es morgen ab" – a subject at the start of a clause: only without any referent
      } else continue;
      if (!atReplyStart && hasAntecedent(s, i, prev, objectSie || !strong)) continue;
      addressing = true;
      out.push({ token: t, strong: strong || atReplyStart });
      continue;
    }
    if (t.norm === 'ihr') {
      // possessive "ihr Zugang"; "ihr bekommt" / "dass ihr euch meldet" is informal plural, "ihr erklärt" dative
      const n1 = after;
      const n2 = items[i + 2];
      const possessive = isWord(n1) && !FORMAL.has(n1.norm) && !NP_DET.has(n1.norm) && (n1.upper || (isWord(n2) && n2.upper && /e[rsnm]?$/.test(n1.norm)));
      if (!possessive) continue;
    }
    if (!atReplyStart && !addressing) {
      const speaking = items.some((x) => !x.quoted && SPEAKER.has(x.norm));
      const thanks = i >= 2 && (THANKS.has(items[i - 2]!.norm) || THANKS.has(items[i - 3]?.norm ?? ''));
      if (!speaking && !thanks) continue;
      if (hasAntecedent(s, i, prev, false)) continue;
      // a person named just before: "… zum Tod Ihrer Mutter. Über ihr Konto …"
      if (prev && !isSalutation(prev) && personIn(prev)) continue;
    }
    const strong = atReplyStart || addressing || !(prev && !prev.line && antecedents(prev.items, 0, prev.items.length).length > 0);
    out.push({ token: t, strong });
  }
  return out;
}

interface Evidence {
  formal: Token[];
  informal: Token[];
  weakInformal: Token[];
  /** The sentence has a lower-case formal pronoun outside quotes (a candidate for `lowerFormal`). */
  lower: boolean;
}

/** Which of the word lists a folded word is in (0: none), kept on the word's record: no look-up per token. */
const IS_INFORMAL = 1, IS_FORMAL = 2, IS_IMPERATIVE = 4;
const wordClass = perWord((norm: string): number =>
  (INFORMAL.has(norm) ? IS_INFORMAL : 0) | (FORMAL.has(norm) ? IS_FORMAL : 0) | (IMPERATIVE.has(norm) ? IS_IMPERATIVE : 0));

/** Tokens that show the register of a sentence (arrays are made on the first find; most sentences have none). */
function evidence(s: Sentence): Evidence {
  const items = s.items;
  let formal: Token[] | null = null;
  let informal: Token[] | null = null;
  let weakInformal: Token[] | null = null;
  let lower = false;
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (t.kind !== 'word' || t.quoted) continue;
    const cls = wordClass(t.word);
    if (cls === 0) continue;
    const norm = t.norm;
    if (cls & IS_FORMAL && !t.upper) lower = true;
    if (cls & IS_INFORMAL) {
      const p = items[i - 1];
      const n = items[i + 1];
      // "der Befehl du", "dem Unix-Befehl du.", "du - gibt den Platzverbrauch an": a command, not a person
      if ((norm === 'du' || norm === 'dir') && ((p && (p.norm.endsWith('befehl') || ARTICLE.has(p.norm))) || (n && n.kind === 'punct' && !/^[,!?]$/.test(n.text)) || !n)) continue;
      (informal ??= []).push(t);
      continue;
    }
    if (t.upper && cls & IS_FORMAL) {
      const first = i === 0 || (items[i - 1]!.kind === 'punct' && /^[:–\-„"»(]$/.test(items[i - 1]!.text));
      if (norm === 'sie' && first) continue; // sentence-initial "Sie" may be "they"
      if (norm === 'ihr' && first) {
        // "Ihr bekommt die Bordkarten" is informal plural; "Ihr neuer Abschlag" is formal
        const n = items[i + 1];
        const n2 = items[i + 2];
        const poss = isWord(n) && (n.upper || (/(?:e|er|es|en|em)$/.test(n.norm) && isWord(n2) && n2.upper));
        if (!poss) continue;
      }
      (formal ??= []).push(t);
      continue;
    }
    if (cls & IS_IMPERATIVE) {
      const c = clauseOf(s, i);
      let k = c.from;
      while (k < i && IMP_LEAD.has(items[k]!.norm)) k++;
      const bare = !norm.endsWith('e') || norm === 'oeffne' || norm === 'antworte';
      if (k !== i && !(bare && i > 0 && IMP_AFTER.has(items[i - 1]!.norm))) continue;
      // "melde mich", "rufe Sie an": first person with the pronoun left out, or formal
      if (!bare && items[i + 1] && IMP_OBJECT.has(items[i + 1]!.norm)) continue;
      if (t.upper && i > 0) continue; // capitalised inside a sentence: a noun ("-Suche", "Start")
      const n = items[i + 1];
      if (n && (SUBJECT_PRON.has(n.norm) || (n.upper && n.norm === 'sie'))) continue; // "Frage ich", "Rufe Sie"
      if (bare) (informal ??= []).push(t);
      else (weakInformal ??= []).push(t);
    }
  }
  // "Dir::Etc::main", "for dir in a b c; do": code, not address (tested only when there is evidence to drop)
  if ((formal || informal || weakInformal) && looksLikeCode(s.text)) return { formal: [], informal: [], weakInformal: [], lower };
  return { formal: formal ?? [], informal: informal ?? [], weakInformal: weakInformal ?? [], lower };
}

/**
 * The first three words of a sentence, folded and joined by spaces (opaque tokens as "{}" when `opaque`): all the
 * salutation expressions read — none reaches past a third word ("guten tag frau", "gruess gott herr"), so the
 * words after them cannot change their answer, and the rest of a long first sentence is not joined.
 */
function leadingWords(s: Sentence, opaque: boolean): string {
  let out = '', n = 0;
  for (let i = 0; i < s.items.length && n < 3; i++) {
    const t = s.items[i]!;
    if (t.kind === 'word') out += (n++ ? ' ' : '') + t.norm;
    else if (opaque && t.kind === 'opaque') out += (n++ ? ' ' : '') + '{}';
  }
  return out;
}

function salutationRegister(doc: Doc): Register | null {
  for (const s of doc.sentences.slice(0, 3)) {
    if (!s.line) continue;
    const norm = leadingWords(s, true);
    if (FORMAL_SALUTATION.test(norm)) return 'formal';
    if (INFORMAL_SALUTATION.test(norm)) {
      // "Hallo Jonas" says little; "Hi Lukas" / "Hey Mara" lean informal
      return /^(?:hi|hey|huhu|na)\b/.test(norm) ? 'informal' : null;
    }
  }
  return null;
}

/** At least four unquoted words, none of them capitalised (stops at the first capital: most replies have one at once). */
function lowerStyle(list: readonly Sentence[]): boolean {
  let n = 0;
  for (const s of list) {
    for (const t of s.items) {
      if (t.kind !== 'word' || t.quoted) continue;
      if (t.upper) return false;
      n++;
    }
  }
  return n >= 4;
}

/** Does an unquoted word of the reply belong to the set? */
function someWord(list: readonly Sentence[], set: Set<string>): boolean {
  for (const s of list) for (const t of s.items) if (t.kind === 'word' && !t.quoted && set.has(t.norm)) return true;
  return false;
}

const SURNAME_TITLE = words('herr frau herrn');

function isSalutation(s: Sentence | undefined): boolean {
  if (!s || !s.line) return false;
  const last = s.items[s.items.length - 1];
  return !!last && last.text === ',' && s.items.length <= 10;
}

const LOWER_NOTE = 'Die höfliche Anrede „Sie“, „Ihnen“, „Ihr“ schreibt man groß. Klein geschrieben heißt es „sie“ (die anderen) – der Kunde stolpert und fühlt sich nicht gemeint.';
const MIX_NOTE = 'Bleiben Sie in einer Antwort bei einer Anrede: entweder durchgehend „Sie“ oder durchgehend „du“. Der Wechsel wirkt wie ein zusammenkopierter Textbaustein.';


export default defineRule({
  id: 'formality-mix',
  meta: {
    type: 'problem',
    description: 'Meldet Antworten, die „Sie“ und „du“ mischen, und klein geschriebenes „sie/ihnen/ihr“ in der Anrede.',
    severity: 'error',
    unit: 'reply',
    fixable: true,
    messages: {
      lowercase: 'Höfliche Anrede klein geschrieben: „{{actual}}“. Schreiben Sie „{{fixed}}“.',
      mixInformal: 'Anrede gemischt: Die Antwort siezt, dieser Satz duzt („{{actual}}“). Bleiben Sie beim „Sie“.',
      mixFormal: 'Anrede gemischt: Die Antwort duzt, dieser Satz siezt („{{actual}}“). Bleiben Sie beim „du“.',
    },
  },
  create(ctx) {
    return {
      reply(doc) {
        const list = doc.sentences;
        const formalSentences = new Set<number>();
        const informalSentences = new Set<number>();
        let firstRegister: Register | null = null;
        const ev = list.map((s) => evidence(s));
        // "Öffne …", "Schreibe …" count only when the reply also says "du"/"dein" somewhere
        if (ev.some((e) => e.informal.length > 0)) for (const e of ev) e.informal.push(...e.weakInformal);
        // 0. a reply written entirely in lower case ("hallo herr weber, … den sie unterschrieben haben"): capital
        //    letters cannot tell the customer from third persons, so the formal pronouns count as address
        if (lowerStyle(list) && !someWord(list, INFORMAL)) {
          const surname = someWord(list, SURNAME_TITLE);
          for (const s of list) {
            const hits = s.items.filter((t, k) => {
              if (t.kind !== 'word' || t.quoted || !FORMAL.has(t.norm)) return false;
              const n = s.items[k + 1];
              const p = s.items[k - 1];
              if (t.norm === 'ihr' && (!isWord(n) || n.norm === 'euch' || /t$/.test(n.norm))) return false;
              if (t.norm === 'sie') return surname || (isWord(p) && /en$/.test(p.norm) && (s.items[k - 2]?.norm === 'bitte' || k === 1));
              return true;
            });
            for (const hit of hits) {
            const fixed = hit.text[0]!.toUpperCase() + hit.text.slice(1);
            ctx.report({
              messageId: 'lowercase',
              data: { actual: hit.text, fixed },
              start: hit.start,
              end: hit.end,
              note: LOWER_NOTE,
              suggestions: [{ desc: `Großschreiben: „${fixed}“`, text: fixed, safe: false }],
            });
            }
          }
          return;
        }
        // 1. lower-case formal pronouns
        for (const s of list) {
          if (!ev[s.index]!.lower) continue; // no lower-case formal pronoun: nothing for lowerFormal to find
          const prev = list[s.index - 1];
          const hits = lowerFormal(s, prev, isSalutation(prev) || s.index === 0);
          if (hits.length) formalSentences.add(s.index);
          for (const h of hits) {
            const fixed = h.token.text[0]!.toUpperCase() + h.token.text.slice(1);
            ctx.report({
              messageId: 'lowercase',
              data: { actual: h.token.text, fixed },
              start: h.token.start,
              end: h.token.end,
              note: LOWER_NOTE,
              suggestions: [{ desc: `Großschreiben: „${fixed}“`, text: fixed, safe: h.strong }],
            });
          }
        }
        // 2. Sie and du in one reply
        for (const s of list) {
          const e = ev[s.index]!;
          if (e.formal.length) formalSentences.add(s.index);
          if (e.informal.length) informalSentences.add(s.index);
          if (!firstRegister && (e.formal.length || e.informal.length || formalSentences.has(s.index))) {
            firstRegister = e.formal.length || formalSentences.has(s.index) ? (e.informal.length && e.informal[0]!.index < (e.formal[0]?.index ?? Infinity) ? 'informal' : 'formal') : 'informal';
          }
        }
        // "Hallo Herr Ludwig, …" addresses the customer by surname: formal, even before any "Sie"
        for (const s of list.slice(0, 2)) {
          const norm = leadingWords(s, false);
          if (FORMAL_SALUTATION.test(norm)) { formalSentences.add(s.index); firstRegister ??= 'formal'; break; }
        }
        if (formalSentences.size === 0 || informalSentences.size === 0) return;
        const nFormal = [...formalSentences].filter((i) => !informalSentences.has(i)).length;
        const nInformal = [...informalSentences].filter((i) => !formalSentences.has(i)).length;
        const dominant = salutationRegister(doc) ?? (nFormal > nInformal ? 'formal' : nInformal > nFormal ? 'informal' : firstRegister ?? 'formal');
        const flagged = dominant === 'formal' ? informalSentences : formalSentences;
        for (const s of list) {
          const both = formalSentences.has(s.index) && informalSentences.has(s.index);
          if (!flagged.has(s.index) && !both) continue;
          const e = ev[s.index]!;
          const informalHere = dominant === 'formal' || (both && !flagged.has(s.index));
          ctx.report({
            messageId: informalHere ? 'mixInformal' : 'mixFormal',
            data: { actual: snippet(s.text) },
            start: s.start,
            end: s.end,
            note: MIX_NOTE,
            suggestions: informalHere
              ? [{ desc: 'Satz ins „Sie“ setzen', text: rewrite(s, e.informal, 'formal') }]
              : [{ desc: 'Satz ins „du“ setzen', text: rewrite(s, e.formal, 'informal') }],
          });
        }
      },
    };
  },
});

const TO_FORMAL = new Map(Object.entries({
  du: 'Sie', dich: 'Sie', dir: 'Ihnen', dein: 'Ihr', deine: 'Ihre', deinen: 'Ihren', deinem: 'Ihrem', deiner: 'Ihrer', deines: 'Ihres',
  euch: 'Ihnen', euer: 'Ihr', eure: 'Ihre', euren: 'Ihren', eurem: 'Ihrem', eurer: 'Ihrer', eures: 'Ihres',
}));
const TO_INFORMAL = new Map(Object.entries({
  sie: 'du', ihnen: 'dir', ihr: 'dein', ihre: 'deine', ihren: 'deinen', ihrem: 'deinem', ihrer: 'deiner', ihres: 'deines',
}));
/** Infinitives of imperatives that do not just add "-en" ("gib" → "geben"). */
const IRREGULAR_IMPERATIVE = new Map(Object.entries({ gib: 'geben', nimm: 'nehmen', sieh: 'sehen', hab: 'haben', sei: 'seien', vergiss: 'vergessen', lass: 'lassen', lasse: 'lassen' }));

const DU_VERB: Record<string, string> = {
  haben: 'hast', sind: 'bist', koennen: 'kannst', moechten: 'möchtest', wollen: 'willst', muessen: 'musst', duerfen: 'darfst',
  werden: 'wirst', wissen: 'weißt', sollten: 'solltest', koennten: 'könntest', wuerden: 'würdest', haetten: 'hättest', waeren: 'wärst',
};

/** The du-form of a verb that went with "Sie": "Haben Sie" → "Hast du", "schicken Sie" → "schickst du". */
function duVerb(v: Token): string {
  const known = DU_VERB[v.norm];
  const base = known ?? (/[dt]en$/.test(v.text) ? v.text.slice(0, -2) + 'est' : v.text.replace(/en$/, 'st'));
  return v.text[0] === v.text[0]!.toUpperCase() ? base[0]!.toUpperCase() + base.slice(1) : base;
}

/** Swap the pronouns of a sentence to the reply's register (other verb forms are left for the writer to check). */
function rewrite(s: Sentence, tokens: Token[], to: Register): string {
  const map = to === 'formal' ? TO_FORMAL : TO_INFORMAL;
  const items = s.items;
  let out = '';
  let last = s.start;
  const set = new Set(tokens);
  // "Haben Sie" / "Sie können": adjust the verb next to the subject "Sie"
  const verbs = new Map<Token, string>();
  if (to === 'informal') {
    for (let k = 0; k < items.length; k++) {
      const t = items[k]!;
      if (t.norm !== 'sie' || !set.has(t)) continue;
      const before = items[k - 1];
      const after = items[k + 1];
      const verbFirst = isWord(before) && before.norm.endsWith('en') && (k - 1 === 0 || !isWord(items[k - 2]) || items[k - 2]!.norm === 'bitte' || items[k - 2]!.kind === 'punct');
      if (verbFirst && !s.question && !DU_VERB[before.norm]) {
        // imperative: "Bitte schicken Sie uns …" → "Bitte schick uns …"
        const stem = before.text.replace(/en$/, '');
        verbs.set(before, /[dt]$/.test(stem) ? stem + 'e' : stem);
        verbs.set(t, '');
        const refl = items[k + 1];
        if (refl && refl.norm === 'sich') verbs.set(refl, 'dich');
      } else if (verbFirst) verbs.set(before, duVerb(before));
      else if (isWord(after) && after.norm.endsWith('en') && !after.upper) verbs.set(after, duVerb(after));
    }
  }
  for (const t of items) {
    const verb = verbs.size ? verbs.get(t) : undefined;
    if (verb !== undefined) {
      // a dropped pronoun takes the space before it along
      const gap = s.text.slice(last - s.start, t.start - s.start);
      out += (verb === '' ? gap.trimEnd() : gap) + verb;
      last = t.end;
      continue;
    }
    if (!set.has(t)) continue;
    let repl = map.get(t.norm);
    if (!repl && to === 'formal' && IMPERATIVE.has(t.norm)) {
      const base = IRREGULAR_IMPERATIVE.get(t.norm) ?? t.text.toLowerCase().replace(/e$/, '') + 'en';
      repl = (t.start === s.start ? base[0]!.toUpperCase() + base.slice(1) : base) + ' Sie';
    }
    if (!repl) continue;
    const cap = to === 'informal' && t.start === s.start ? repl[0]!.toUpperCase() + repl.slice(1) : repl;
    out += s.text.slice(last - s.start, t.start - s.start) + cap;
    last = t.end;
  }
  return out + s.text.slice(last - s.start);
}

export { CODE, looksLikeCode };
