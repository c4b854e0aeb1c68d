import { defineRule, snippet, discourse, type Sentence } from '@replylint/core';
import { suggestionFor } from './suggest.ts';

/**
 * flat-no: a refusal with no reason and no way forward. The refusal vocabulary, reasons and ways forward live in
 * the shared discourse layer (packages/core/src/discourse.ts); this rule decides what is flat.
 */

/** Kinds that are flat-no material on their own. Sending away and unavailability are other rules' business. */
const PAST_MODAL = new Set(['konnte', 'konnten', 'durfte', 'durften']);
const FLAT_KINDS = new Set<discourse.RefusalKind>(['no', 'cannot', 'decision', 'service', 'policy']);

/** The refusal of a sentence if it is flat, else null. */
export function flatRefusal(doc: Parameters<typeof discourse.reasonFor>[0], s: Sentence): discourse.Refusal | null {
  if (discourse.isQuotedHistory(doc, s)) return null;
  const r = discourse.findRefusal(s);
  if (!r || !FLAT_KINDS.has(r.kind)) return null;
  // a refusal attributed to someone else in the same sentence ("Die Vorgaben lassen das nicht zu") or limited by
  // a condition ("…, falls die Ware benutzt wurde") states its reason
  if (r.kind !== 'no' && discourse.hasConditionClause(s)) return null;
  // "…, dafür ist Apple zuständig": the refusal names who is responsible — blame-shifting's business, not flat
  if (discourse.refusalHits(s).some((h) => h.kind === 'nocontrol' || h.kind === 'blame' || h.kind === 'deflect')) return null;
  if (discourse.reasonFor(doc, r)) return null;
  // "… konnten wir die Zimmer nicht früher fertig machen": an account of the past, not a refusal of a request
  if (r.kind === 'service' && s.items.some((t) => PAST_MODAL.has(t.norm))) return null;
  if (discourse.wayForwardNear(doc, s, r.from, 2, 3)) return null;
  return r;
}

export default defineRule({
  id: 'flat-no',
  meta: {
    type: 'problem',
    description: 'Meldet Absagen ohne Begründung und ohne Ausweg („Das geht nicht.“).',
    severity: 'error',
    unit: 'sentence',
    messages: {
      flatNo: 'Glatte Absage ohne Begründung und ohne Ausweg: „{{actual}}“. Sagen Sie, warum es nicht geht, und was stattdessen möglich ist.',
    },
  },
  create(ctx) {
    return {
      sentence(s) {
        const r = flatRefusal(ctx.doc, s);
        if (!r) return;
        const sug = suggestionFor(ctx.doc, s);
        const range = discourse.bodyRange(s);
        ctx.report({
          messageId: 'flatNo',
          data: { actual: snippet(ctx.doc.text.slice(range.start, range.end)) },
          start: range.start,
          end: range.end,
          note: 'Kunden verzeihen Probleme, aber kein plattes Nein. Erklären Sie den Grund in einfachen Worten und bieten Sie Alternativen an – jede mit ihrem Preis – und lassen Sie den Kunden wählen.',
          suggestions: [{ desc: 'Durch Absage mit Grund, Alternativen und Wahl ersetzen', text: sug }],
        });
      },
    };
  },
});
