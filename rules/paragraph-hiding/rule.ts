import { defineRule, snippet, lexicon, perWord, PhraseSet, type Doc, type PhraseEntry, type PhraseHit, type Sentence } from '@replylint/core';
import { adverse, authority, condition, exception, explain, harmless } from './phrases.gen.ts';

type Kind = 'cite' | 'reason' | 'subject' | 'final' | 'refer';
interface AuthorityEntry extends PhraseEntry { kind?: Kind }

const AUTHORITY_ENTRIES = authority as AuthorityEntry[];
/**
 * Entries whose citation can be the answer by itself ("Vorschrift ist Vorschrift", "Wir verweisen auf § 4"; see
 * `isInherent`): the only ones that can count in a sentence without any negation or adverse word. The authority
 * entries live in two sets, these and the rest, so such a sentence is matched against these only.
 */
const mayBeInherent = (e: AuthorityEntry): boolean => e.kind === 'final' || e.kind === 'refer';
const AUTHORITY_INHERENT = new PhraseSet<AuthorityEntry>(AUTHORITY_ENTRIES.filter(mayBeInherent), 'paragraph-hiding/authority-inherent');
const AUTHORITY_REST = new PhraseSet<AuthorityEntry>(AUTHORITY_ENTRIES.filter((e) => !mayBeInherent(e)), 'paragraph-hiding/authority');
const ENTRY_ORDER = new Map(AUTHORITY_ENTRIES.map((e, i) => [e, i]));

/**
 * The authority hits of a sentence in entry order, as one set of all entries would list them (one hit per entry;
 * `all: false`: the inherent entries only).
 */
function authorityHits(s: Sentence, all: boolean): Array<PhraseHit<AuthorityEntry>> {
  const inherent = AUTHORITY_INHERENT.match(s);
  if (!all) return inherent;
  const rest = AUTHORITY_REST.match(s);
  if (rest.length === 0) return inherent;
  if (inherent.length === 0) return rest;
  return rest.concat(inherent).sort((x, y) => ENTRY_ORDER.get(x.entry)! - ENTRY_ORDER.get(y.entry)!);
}

const ADVERSE = new PhraseSet(adverse, 'paragraph-hiding/adverse');
const EXPLAIN = new PhraseSet(explain, 'paragraph-hiding/explain');
const EXCEPTION = new PhraseSet(exception, 'paragraph-hiding/exception');
const CONDITION = new PhraseSet(condition, 'paragraph-hiding/condition');
const HARMLESS = new PhraseSet(harmless, 'paragraph-hiding/harmless');

/**
 * Clause leads after which the citation only states a condition, a question or a purpose. A causal clause ("…, weil
 * das unseren Mietbedingungen widerspricht") is not among them: a rule given as the reason is the rule again.
 */
const NOT_ASSERTED = new Set(['wenn', 'falls', 'sofern', 'ob', 'damit', 'obwohl', 'auch']);

interface Cue { kind: Kind; from: number; to: number }

/** The authority the sentence relies on, if any (not in quoted speech, not in a condition or a question). */
function authorityCue(s: Sentence, all = true): Cue | null {
  if (s.question) return null;
  let first: Cue | null = null;
  let harmless: Array<[number, number]> | null = null;
  for (const hit of authorityHits(s, all)) {
    const { from, to } = hit.match;
    if (s.items[from]!.quoted) continue;
    // "Das verstößt nicht gegen unsere Nutzungsbedingungen": a negated violation is no citation against the customer
    if (hit.entry.kind === 'final') {
      harmless ??= harmlessSpans(s);
      if (harmless.some(([a, b]) => from >= a && from < b)) continue;
    }
    // "aus Sicherheitsgründen" is everywhere in manuals; in a reply it speaks to the customer
    if (hit.entry.id === 'sicherheit' && !s.items.some((t) => /^(?:wir|ich|uns|mir|ihnen|dir|dich)$/.test(t.norm))) continue;
    const clause = s.clauses.find((c) => from >= c.from && from < c.to);
    if (clause && clause !== s.clauses[0] && NOT_ASSERTED.has(clause.lead)) continue;
    if (clause && clause === s.clauses[0] && (clause.lead === 'wenn' || clause.lead === 'falls' || clause.lead === 'sofern')) continue;
    const cue: Cue = { kind: hit.entry.kind ?? 'cite', from, to };
    if (isInherent(s, cue)) return cue;
    first ??= cue;
  }
  return first;
}

/** "Vorschrift ist Vorschrift", "Das ist so in den AGB vorgesehen", "Wir verweisen auf § 4": the citation is the answer. */
function isInherent(s: Sentence, cue: Cue): boolean {
  return cue.kind === 'final' || (cue.kind === 'refer' && /^(?:verweis|verwies|weis|wies)/.test(s.items[cue.from]!.norm));
}

/** Spans whose negation or adverse word refuses nothing ("kein Problem", "wird Ihnen nicht berechnet", "verstößt nicht gegen"). */
function harmlessSpans(s: Sentence): Array<[number, number]> {
  return HARMLESS.match(s).map((h) => [h.match.from, h.match.to] as [number, number]);
}

function hasRealNegation(s: Sentence, from = 0, to = s.items.length): boolean {
  const harmless = harmlessSpans(s);
  for (let i = from; i < to; i++) {
    const t = s.items[i]!;
    if (t.kind !== 'word' || t.quoted || !lexicon.NEGATIONS.has(t.norm)) continue;
    if (!harmless.some(([a, b]) => i >= a && i < b)) return true;
  }
  return false;
}

/**
 * The adverse words of a sentence outside quotes, without those inside a harmless span: a sanction that is negated
 * ("wird Ihnen nicht berechnet", "Das verstößt nicht gegen …", "Es gibt keine Vorschrift, die das verbietet") favours
 * the customer.
 */
function adverseHits(s: Sentence): Array<PhraseHit<PhraseEntry>> {
  const hits = ADVERSE.match(s);
  if (hits.length === 0) return hits;
  const harmless = harmlessSpans(s);
  return hits.filter((h) => !s.items[h.match.from]!.quoted && !harmless.some(([a, b]) => h.match.from >= a && h.match.from < b));
}

const COMPANY = new Set(['wir', 'ich']);
const MUST = new Set(['muessen', 'muss', 'musste', 'mussten', 'muessten']);

/**
 * Does the sentence refuse, limit or charge (a real negation or an adverse word outside quotes)? A duty the
 * company itself carries ("Rechnungen müssen wir nach § 147 AO zehn Jahre aufbewahren") is no refusal unless
 * its clause is negated.
 */
function isAdverse(s: Sentence, cue: Cue): boolean {
  const clause = s.clauses.find((c) => cue.from >= c.from && cue.from < c.to) ?? s.clauses[0]!;
  let company = false, must = false;
  for (let i = clause.from; i < clause.to; i++) {
    const n = s.items[i]!.norm;
    if (COMPANY.has(n)) company = true;
    if (MUST.has(n)) must = true;
  }
  // "…, und können daher keine Ausnahme machen": the duty is turned into a refusal
  const consequence = s.clauses.some((c) => c !== clause && hasRealNegation(s, c.from, c.to) && s.items.slice(c.from, c.to).some((t) => /^(?:daher|deshalb|deswegen|somit|also|darum)$/.test(t.norm)));
  if (company && must && !consequence && !hasRealNegation(s, clause.from, clause.to)) {
    // a duty of the company is no refusal – unless it blocks, charges or cuts ("müssen wir Ihr Konto gesperrt lassen")
    return adverseHits(s).some((h) => h.entry.id === 'strong' && h.match.from >= clause.from && h.match.from < clause.to);
  }
  if (hasRealNegation(s)) return true;
  return adverseHits(s).length > 0;
}

/** The agent grants an exception after all ("mache ich eine Ausnahme", "einmalig schreibe ich Ihnen … gut"). */
function grantsException(s: Sentence): boolean {
  for (const h of EXCEPTION.match(s)) {
    const c = s.clauses.find((k) => h.match.from >= k.from && h.match.from < k.to) ?? s.clauses[0]!;
    if (!hasRealNegation(s, c.from, c.to)) return true;
  }
  // "Ich habe die Frist deshalb bis zum 30. September verlängert"
  for (const c of s.clauses) {
    let first = false, done = false;
    for (let i = c.from; i < c.to; i++) {
      const n = s.items[i]!.norm;
      if (n === 'ich' || n === 'wir') first = true;
      if (GRANTED.has(n)) done = true;
    }
    if (first && done && !hasRealNegation(s, c.from, c.to)) return true;
  }
  return false;
}

const GRANTED = new Set(['erstattet', 'erlassen', 'verlaengert', 'gutgeschrieben', 'zurueckgezahlt', 'zurueckgebucht', 'storniert', 'ueberwiesen']);

/** Words that name a rule, not a fact of the customer's case (checked on the folded word). */
const RULE_WORD = /agb|bedingung|richtlinie|vorgabe|vorschrift|bestimmung|gesetz|verordnung|regel|satzung|ordnung|ziffer|paragra|absatz|abschnitt|klausel|policy|polic|vertrag|recht|datenschutz|compliance|tarif|reglement|regularien|artikel|punkt|kleingedruck/;

/**
 * Does the clause around token `i` only give the rule again? A "weil", "da" or "denn" whose clause cites an authority
 * and names no fact of the case — no noun besides rule words, abbreviations (BGB, StVZO) and the address — is no
 * reason in plain words ("…, weil das unseren Mietbedingungen widerspricht", "…, denn unsere Richtlinien erlauben es
 * nicht", "…, da es die Tarifbestimmungen so vorsehen"); "…, weil das Gesetz diesen Nachweis für jede Anmeldung
 * verlangt" or "…, weil der Fahrer wegen der gesetzlichen Ruhezeit nicht früher starten darf" is one.
 */
function restatesRule(s: Sentence, i: number): boolean {
  const c = s.clauses.find((k) => i >= k.from && i < k.to);
  if (!c) return false;
  if (!authorityHits(s, true).some((h) => h.match.from >= c.from && h.match.from < c.to && !s.items[h.match.from]!.quoted)) return false;
  for (let k = Math.max(c.from, 1); k < c.to; k++) {
    const t = s.items[k]!;
    if (t.kind !== 'word' || !t.upper || t.quoted) continue;
    if (lexicon.FORMAL_ADDRESS.has(t.norm) || lexicon.DETERMINERS.has(t.norm) || RULE_WORD.test(t.norm)) continue;
    if ((t.text.match(/\p{Lu}/gu)?.length ?? 0) >= 2) continue;
    return false;
  }
  return true;
}

/** A plain-words explanation in the sentence or right around it (same reply, one before, two after). */
function explainedNear(doc: Doc, s: Sentence): boolean {
  const list = doc.sentences;
  for (let k = Math.max(0, s.index - 1); k <= Math.min(list.length - 1, s.index + 2); k++) {
    const x = list[k]!;
    if (k !== s.index && Math.abs(x.paragraph - s.paragraph) > 1) continue;
    const nextInParagraph = x.paragraph === s.paragraph && (k === s.index || k === s.index + 1);
    for (const h of EXPLAIN.match(x)) {
      if (x.items[h.match.from]!.quoted || restatesRule(x, h.match.to - 1)) continue;
      if (h.entry.id === 'consequence' && !nextInParagraph) continue;
      return true;
    }
    if (k >= s.index && grantsException(x)) return true;
  }
  return false;
}


/** Is the folded word a negation? Worked out once per word and kept on its record (core's perWord). */
const isNegation = perWord((norm: string): boolean => lexicon.NEGATIONS.has(norm));

/** A negation word outside quotes (harmless ones included: a cheap superset of `hasRealNegation`). */
function anyNegation(s: Sentence): boolean {
  for (let i = 0; i < s.items.length; i++) {
    const t = s.items[i]!;
    if (t.kind === 'word' && !t.quoted && isNegation(t.word)) return true;
  }
  return false;
}

function hides(doc: Doc, s: Sentence): Cue | null {
  if (s.question) return null;
  // `isAdverse` needs a negation or an adverse word: without both only a citation that is the answer by itself can
  // count, and matching just those entries spares most of the authority patterns in most sentences (same cue: the
  // first inherent one is preferred either way)
  const mayBeAdverse = anyNegation(s) || ADVERSE.match(s).length > 0;
  const cue = authorityCue(s, mayBeAdverse);
  if (!cue) return null;
  // the rule's condition in plain words right after the citation: "nach § 33 SGB V nur, wenn die Sehschwäche …"
  if (CONDITION.match(s).some((h) => h.match.from > cue.from)) return null;
  if (!isInherent(s, cue) && !isAdverse(s, cue)) return null;
  if (explainedNear(doc, s)) return null;
  return cue;
}

export default defineRule({
  id: 'paragraph-hiding',
  meta: {
    type: 'problem',
    description: 'Meldet Absagen, die sich hinter Paragraphen, AGB, Richtlinien oder „rechtlichen Gründen“ verstecken, statt in einfachen Worten zu erklären.',
    severity: 'error',
    unit: 'sentence',
    messages: {
      hiding: 'Versteckt sich hinter „{{authority}}“: „{{actual}}“. Erklären Sie in einfachen Worten, was die Regel für den Kunden bedeutet und warum es sie gibt – und was Sie trotzdem für ihn tun können.',
    },
  },
  create(ctx) {
    return {
      sentence(s) {
        const cue = hides(ctx.doc, s);
        if (!cue) return;
        const authorityText = ctx.doc.text.slice(s.items[cue.from]!.start, s.items[cue.to - 1]!.end);
        ctx.report({
          messageId: 'hiding',
          data: { authority: snippet(authorityText, 70), actual: snippet(s.text, 70) },
          start: s.start,
          end: s.end,
          note: 'Kunden verstehen keine Paragraphen – sie wollen wissen, was das für sie heißt. Nennen Sie die Regel ruhig, aber erklären Sie sie in einfachen Worten und zeigen Sie, was trotzdem geht.',
          suggestions: [
            {
              desc: 'Regel in einfachen Worten erklären und einen Weg anbieten (an den Satz anhängen)',
              start: s.end,
              end: s.end,
              text: ' Das heißt für Sie konkret: [was die Regel in einfachen Worten bedeutet und warum es sie gibt]. Damit Sie trotzdem weiterkommen, kann ich Ihnen [konkrete Alternative] anbieten – sagen Sie mir einfach, was Ihnen lieber ist.',
            },
            {
              desc: 'Satz durch eine Erklärung ohne Paragraphen ersetzen',
              text: 'Das kann ich leider nicht machen, weil [Grund in einfachen Worten, z. B. „die Ware nach dem Öffnen nicht mehr verkauft werden darf“]. Gerne biete ich Ihnen stattdessen [Alternative] an – was ist Ihnen lieber?',
            },
          ],
        });
      },
    };
  },
});

export { hides };
