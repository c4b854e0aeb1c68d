import { defineRule, snippet, discourse } from '@replylint/core';
import { alternativesFor, ownershipFor } from '../flat-no/suggest.ts';
import { blameFindings } from '../blame-shifting/rule.ts';

/**
 * missing-alternative: the reply refuses (or cannot deliver, or sends the customer elsewhere) and offers no
 * alternative, no next step and no choice anywhere. Reported once per reply, on the clearest refusal.
 */

type Doc = Parameters<typeof discourse.refusals>[0];

/** Dismissing sentences of the reply, as weak refusals (outside quoted history). */
function dismissals(doc: Doc): discourse.Refusal[] {
  const out: discourse.Refusal[] = [];
  for (const s of doc.sentences) {
    if (discourse.isQuotedHistory(doc, s)) continue;
    const i = discourse.dismissalIn(s);
    if (i < 0) continue;
    out.push({ sentence: s, kind: 'no', strength: 0, id: 'dismissal', from: i, to: i + 1, clause: discourse.clauseOf(s, i) });
  }
  return out;
}

/** "Entschuldigen Sie …", "Es tut uns leid …": an apology for something that went wrong, not a request refused. */
const APOLOGY = /\b(?:entschuldig|tut (?:uns|mir) (?:sehr |wirklich )?leid|bedauern)/i;

/**
 * Sentences blame-shifting reports: the customer sent to a third party ('redirect'), or the problem declared
 * someone else's ('responsibility', 'system' — unless the reply apologises for a past mistake and only excuses it,
 * apology-with-excuse's business). By the corpus conventions such a reply carries missing-alternative too when it
 * offers nothing of its own. A handover ('handover') is left to blame-shifting.
 */
function sentAway(doc: Doc): discourse.Refusal[] {
  const out: discourse.Refusal[] = [];
  const seen = new Set<number>();
  let apology: boolean | null = null;
  for (const [s, f] of blameFindings(doc)) {
    if (f.kind === 'handover') continue;
    if (f.kind !== 'redirect' && (apology ??= doc.sentences.some((x) => !discourse.isQuotedHistory(doc, x) && APOLOGY.test(x.text)))) continue;
    if (seen.has(s.index) || discourse.isQuotedHistory(doc, s)) continue;
    seen.add(s.index);
    out.push({ sentence: s, kind: f.kind === 'redirect' ? 'deflect' : 'blame', strength: 0, id: 'sent-away', from: 0, to: 1, clause: discourse.clauseOf(s, 0) });
  }
  return out.sort((a, b) => a.sentence.index - b.sentence.index);
}

export default defineRule({
  id: 'missing-alternative',
  meta: {
    type: 'problem',
    description: 'Meldet Antworten, die absagen, aber keine Alternative, keinen nächsten Schritt und keine Wahl anbieten.',
    severity: 'error',
    unit: 'reply',
    messages: {
      noAlternative: 'Absage ohne Alternative: „{{actual}}“. Die Antwort sagt, was nicht geht, aber nicht, was stattdessen geht – bieten Sie Alternativen an (jede mit ihrem Preis) und lassen Sie den Kunden wählen.',
      sentAway: 'Weiterverweis ohne Alternative: „{{actual}}“. Die Antwort schickt den Kunden weiter, bietet aber selbst keine Lösung, keinen nächsten Schritt und keine Wahl an.',
      notOurs: 'Absage ohne Alternative: „{{actual}}“. Die Antwort sagt, wer zuständig ist oder woran es liegt, bietet aber selbst keine Lösung, keinen nächsten Schritt und keine Wahl an.',
    },
  },
  create(ctx) {
    return {
      reply(doc) {
        // without template branches every sentence is read with the whole reply, and each list below keeps only what
        // the reply's way forward does not answer: a reply that has one (most do; the answer is worked out once per
        // reply) reports nothing, so its refusals, dismissals and sendings-away need not be looked for
        if (doc.branches.length === 0 && discourse.replyWayForward(doc)) return;
        // refusals the customer reads without any way forward (per template branch, if the reply has branches)
        let list = discourse.refusals(doc, { letter: true }).filter((r) => !discourse.replyWayForward(doc, r.sentence));
        // a reply that only dismisses the problem ("liegt im normalen Bereich", "für uns erledigt") leaves the
        // customer just as alone as a refusal
        if (list.length === 0) list = dismissals(doc).filter((r) => !discourse.replyWayForward(doc, r.sentence));
        // a reply that only sends the customer to someone else, or declares the problem someone else's
        if (list.length === 0 && !discourse.replyWayForward(doc)) list = sentAway(doc).filter((r) => !discourse.replyWayForward(doc, r.sentence));
        if (list.length === 0) return;
        // the clearest refusal; the first one among equals
        let best = list[0]!;
        for (const r of list) if (r.strength > best.strength) best = r;
        const s = best.sentence;
        // the finding covers the refusing passage: the run of refusing sentences around the clearest one
        const inRun = new Set(list.map((r) => r.sentence.index));
        let first = s, last = s;
        // a dismissal is argued over the whole paragraph ("… ist technisch bedingt und völlig üblich. Im Messprotokoll
        // sehen wir keinerlei Auffälligkeiten."): the finding covers the paragraph up to it
        const dismissing = best.id === 'dismissal';
        for (let k = s.index - 1; k >= 0 && (inRun.has(k) || dismissing) && doc.sentences[k]!.paragraph === s.paragraph && !discourse.isQuotedHistory(doc, doc.sentences[k]!); k--) first = doc.sentences[k]!;
        for (let k = s.index + 1; k < doc.sentences.length && inRun.has(k) && doc.sentences[k]!.paragraph === s.paragraph; k++) last = doc.sentences[k]!;
        const range = { start: discourse.bodyRange(first).start, end: last.end };
        const away = best.kind === 'deflect' || best.kind === 'nocontrol' || best.kind === 'blame';
        ctx.report({
          messageId: best.kind === 'deflect' ? 'sentAway' : away ? 'notOurs' : 'noAlternative',
          data: { actual: snippet(ctx.doc.text.slice(range.start, range.end)) },
          start: range.start,
          end: range.end,
          note: 'Kunden verzeihen Probleme, aber nicht, mit ihnen allein gelassen zu werden. Nennen Sie mindestens eine Alternative, einen konkreten nächsten Schritt oder einen Termin, an dem Sie sich melden – und lassen Sie den Kunden entscheiden.',
          suggestions: [{
            desc: away ? 'Den Fall selbst übernehmen und eine Wahl anbieten' : 'Alternativen anbieten und den Kunden wählen lassen',
            text: away ? ownershipFor(doc, s) : alternativesFor(doc, s),
            start: range.end,
            end: range.end,
          }],
        });
      },
    };
  },
});
