import { defineRule, addressForm, snippet, discourse, PhraseSet, type PhraseEntry, type Sentence } from '@replylint/core';
import { agreed, date, delay, notDelay, reason, shamReason, vague } from './phrases.gen.ts';

/**
 * The delay phrases and the vague promises (entries marked `vague`) in one indexed set: a sentence without a delay is
 * asked about vague timing, and one look-up answers both (the same hits per entry, in the same order).
 */
const DELAY_OR_VAGUE = new PhraseSet<PhraseEntry & { vague?: true }>([...delay, ...vague.map((e) => ({ ...e, vague: true as const }))], 'delay-without-reason/delay');
type Hits = ReturnType<typeof DELAY_OR_VAGUE.match>;
const NO_HITS: Hits = [];
const NOT_DELAY = new PhraseSet(notDelay, 'delay-without-reason/notDelay');
const REASON = new PhraseSet(reason, 'delay-without-reason/reason');
const SHAM = new PhraseSet(shamReason, 'delay-without-reason/shamReason');
const DATE = new PhraseSet(date, 'delay-without-reason/date');
const AGREED = new PhraseSet(agreed, 'delay-without-reason/agreed');

const PAST = new Set('war waren hatte hatten wurde wurden kam kamen ging gingen gab fiel fielen lag lagen musste mussten konnte konnten'.split(' '));
const NEXT_STEP = new Set('melden melde informieren informiere sobald bescheid erhalten bekommen schicken senden'.split(' '));
const NUMERIC_DATE = /^\d{1,2}\.\d{1,2}\.?(?:\d{2,4})?$/;
const CLOCK = /^\d{1,2}[:.]\d{2}$/;

/** Where in the sentence is a delay announced (item index), or -1; `found`: the sentence's DELAY_OR_VAGUE hits. */
function delayAt(s: Sentence, found: Hits): number {
  if (s.question) return -1;
  const hits = found.filter((h) => !h.entry.vague && !s.items[h.match.from]!.quoted);
  if (hits.length === 0) return -1;
  if (NOT_DELAY.match(s).some((h) => !s.items[h.match.from]!.quoted)) return -1;
  // "wie besprochen verlegt" is agreed; "nicht wie vereinbart" is the delay itself
  if (AGREED.match(s).some((h) => h.match.from === 0 || s.items[h.match.from - 1]!.norm !== 'nicht')) return -1;
  for (const h of hits) {
    const c = s.clauses.find((k) => h.match.from >= k.from && h.match.from < k.to) ?? s.clauses[0]!;
    if (discourse.isConditional(s, c)) continue;
    // "Dass dein Flug ausfällt, ist ärgerlich": talks about the delay, does not announce it
    if (c.from === 0 && c.lead === 'dass') continue;
    return h.match.from;
  }
  return -1;
}

/** A real reason in the sentence: a causal marker or a cause, but not "aus organisatorischen Gründen". */
function reasonIn(s: Sentence, delayItem = -1): boolean {
  const sham = SHAM.match(s).map((h) => [h.match.from, h.match.to] as const);
  for (const h of REASON.match(s)) {
    const i = h.match.from;
    if (s.items[i]!.quoted) continue;
    if (sham.some(([a, b]) => i >= a && i < b)) continue;
    return true;
  }
  // a template fills in the reason: "{{ delay.reason }}"
  if (s.items.some((t) => t.kind === 'opaque' && /reason|grund|ursache|cause/i.test(t.text))) return true;
  // "…, am 21. Oktober: Beim letzten Test ist uns ein Fehler aufgefallen" – an explanation after a colon
  if (delayItem >= 0) {
    for (let i = 4; i < s.items.length; i++) {
      if (s.items[i]!.text !== ':') continue;
      const after = s.items.slice(i + 1).filter((t) => t.kind === 'word');
      if (after.length < 6) continue;
      // an explanation tells what happened (past tense, a state), not what happens next
      if (after.some((t) => NEXT_STEP.has(t.norm))) continue;
      if (after.some((t) => PAST.has(t.norm) || (/^ge\w{3,}(?:t|en)$/.test(t.norm) && !t.upper) || /aufgefallen$|herausgestellt$/.test(t.norm))) return true;
    }
  }
  return false;
}

/** The next sentence gives the reason ("Der Grund: …", "Das liegt daran, …"). */
function reasonFollows(s: Sentence | undefined): boolean {
  if (!s) return false;
  const hits = REASON.match(s).filter((h) => h.match.from <= 4 && !s.items[h.match.from]!.quoted && s.items[h.match.from]!.norm !== 'wegen');
  return hits.length > 0 && SHAM.match(s).length === 0;
}

function dateIn(s: Sentence): boolean {
  for (const t of s.items) if (t.kind === 'opaque' && /date|datum|termin|tag|day/i.test(t.text)) return true;
  for (const t of s.items) if (t.kind === 'num' && !t.quoted && (NUMERIC_DATE.test(t.text) || CLOCK.test(t.text))) return true;
  return DATE.match(s).some((h) => !s.items[h.match.from]!.quoted);
}



export default defineRule({
  id: 'delay-without-reason',
  meta: {
    type: 'suggestion',
    description: 'Meldet Verzögerungen und Änderungen, die ohne Grund oder ohne neuen Termin angekündigt werden.',
    severity: 'warn',
    unit: 'sentence',
    messages: {
      noReason: 'Verzögerung ohne Grund: „{{actual}}“. Sagen Sie in einfachen Worten, warum – einen Grund, den der Kunde verstehen und weitergeben kann.',
      noDate: 'Verzögerung ohne neuen Termin: „{{actual}}“. Nennen Sie ein konkretes neues Datum, damit der Kunde planen kann.',
      noReasonNoDate: 'Verzögerung ohne Grund und ohne neuen Termin: „{{actual}}“. Sagen Sie, warum, und nennen Sie ein konkretes neues Datum.',
    },
  },
  create(ctx) {
    const sentences = ctx.doc.sentences;
    let du: boolean | null = null;
    let lastDelay = -1;
    return {
      sentence(s) {
        // (a question is asked about neither)
        const found = s.question ? NO_HITS : DELAY_OR_VAGUE.match(s);
        let at = delayAt(s, found);
        let vagueOnly = false;
        // "Bitte haben Sie noch etwas Geduld." right after the delay was announced: the same delay, reported once
        // (also "Ein neuer Termin folgt.")
        if (at >= 0 && lastDelay >= 0 && lastDelay === s.index - 1 && s.items.some((t) => t.norm === 'geduld' || (t.norm === 'termin' && /^neue[rn]?$/.test(s.items[s.items.indexOf(t) - 1]?.norm ?? '')))) return;
        if (at < 0) {
          // a promise with vague timing ("wird Ihnen zu gegebener Zeit überwiesen", "Wir melden uns.") is a change
          // of plans the customer cannot plan with – unless a delay was already reported just before
          if (s.question || lastDelay >= s.index - 2 && lastDelay >= 0) return;
          const v = found.find((h) => h.entry.vague && !s.items[h.match.from]!.quoted);
          if (!v) return;
          const c = s.clauses.find((k) => v.match.from >= k.from && v.match.from < k.to) ?? s.clauses[0]!;
          if (discourse.isConditional(s, c) || s.clauses.some((k) => k.lead === 'sobald' || k.lead === 'wenn' || k.lead === 'falls')) return;
          at = v.match.from;
          vagueOnly = true;
        }
        const prev = sentences[s.index - 1];
        const next = sentences[s.index + 1];
        const next2 = sentences[s.index + 2];
        const sameTurn = (x: Sentence | undefined): x is Sentence => !!x && x.paragraph === s.paragraph;
        const hasReason = reasonIn(s, at) || (sameTurn(next) && reasonFollows(next))
          || (sameTurn(prev) && !prev.line && REASON.match(prev).some((h) => !prev.items[h.match.from]!.quoted && /^(?:krank|erkrankt|panne|unfall|streik|warnstreik|sturm|unwetter|ausgefallen|aufgefallen|herausgestellt|defekt|beschaedigt|ausverkauft)/.test(prev.items[h.match.from]!.norm)));
        const hasDate = dateIn(s) || (sameTurn(next) && dateIn(next)) || (sameTurn(next2) && dateIn(next2)) || (sameTurn(prev) && prev.items.length > 6 && dateIn(prev));
        if (!vagueOnly) lastDelay = s.index;
        if (vagueOnly ? hasDate : hasReason && hasDate) return;
        du ??= addressForm(ctx.doc) === 'du';
        const messageId = !hasReason && !hasDate ? 'noReasonNoDate' : !hasReason ? 'noReason' : 'noDate';
        const add = messageId === 'noReasonNoDate'
          ? (du ? ' Der Grund: [Grund in einfachen Worten]. Neuer Termin: [Datum] – ich halte dich auf dem Laufenden.' : ' Der Grund: [Grund in einfachen Worten]. Neuer Termin: [Datum] – ich halte Sie auf dem Laufenden.')
          : messageId === 'noReason'
            ? ' Der Grund: [Grund in einfachen Worten].'
            : ' Neuer Termin: [Datum] – ich melde mich, falls sich daran etwas ändert.';
        ctx.report({
          messageId,
          data: { actual: snippet(s.text) },
          start: s.start,
          end: s.end,
          note: 'Informieren Sie früh und geben Sie einen Grund, den der Kunde verstehen und weitergeben kann – und ein neues Datum: Kunden müssen planen können.',
          suggestions: [{ desc: messageId === 'noDate' ? 'Neuen Termin ergänzen' : messageId === 'noReason' ? 'Grund ergänzen' : 'Grund und neuen Termin ergänzen', text: add, start: s.end, end: s.end }],
        });
      },
    };
  },
});
