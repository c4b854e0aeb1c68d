import { defineRule, discourse, type Sentence } from '@replylint/core';
import { PhraseSet } from '@replylint/core';
import { refusals, serviceVerbs } from './phrases.gen.ts';

const REFUSALS = new PhraseSet(refusals, 'flat-no/refusals');
const SERVICE = new PhraseSet(serviceVerbs, 'flat-no/serviceVerbs');
function quote(text: string): string {
  const t = text.replace(/[.!…\s]+$/, '');
  return t.length > 60 ? t.slice(0, 57) + '…' : t;
}

const COMPANY = new Set(['wir', 'ich', 'man', 'uns', 'mir']);

/** Where in the sentence is a refusal, if any? Returns the item index of its start. */
function refusalAt(s: Sentence): number {
  if (s.question) return -1;
  const harmless = discourse.harmlessNegation(s);
  const inHarmless = (i: number): boolean => harmless.some(([a, b]) => i >= a && i < b);
  for (const hit of REFUSALS.match(s)) {
    const i = hit.match.from;
    if (s.items[i]!.quoted) continue;
    let harmlessHit = false;
    for (let k = hit.match.from; k < hit.match.to; k++) if (inHarmless(k)) harmlessHit = true;
    if (harmlessHit) continue;
    const clause = s.clauses.find((c) => i >= c.from && i < c.to) ?? s.clauses[0]!;
    if (discourse.isConditional(s, clause)) continue;
    return i;
  }
  // negated service verb with the company as subject: "Wir nehmen generell keine Saisonware zurück."
  for (const hit of SERVICE.match(s)) {
    const i = hit.match.from;
    const clause = s.clauses.find((c) => i >= c.from && i < c.to);
    if (!clause || discourse.isConditional(s, clause) || s.items[i]!.quoted) continue;
    const negs = discourse.negationsIn(s, clause, harmless);
    if (negs.length === 0) continue;
    let company = false;
    for (let k = clause.from; k < clause.to; k++) if (COMPANY.has(s.items[k]!.norm)) { company = true; break; }
    if (company) return clause.from;
  }
  return -1;
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
        const at = refusalAt(s);
        if (at < 0) return;
        if (discourse.reasonNear(ctx.doc, s, 0, 2) || discourse.wayForwardNear(ctx.doc, s, at, 0, 3)) return;
        ctx.report({
          messageId: 'flatNo',
          data: { actual: quote(s.text) },
          start: s.start,
          end: s.end,
          note: 'Kunden verzeihen Probleme, aber kein plattes Nein. Erklären Sie den Grund in einfachen Worten und bieten Sie Alternativen an – jede mit ihrem Preis.',
          suggestions: [{
            desc: 'Durch Absage mit Grund und Alternative ersetzen',
            text: 'Das ist leider nicht möglich, weil [Grund in einfachen Worten]. Gerne kann ich Ihnen stattdessen [Alternative] anbieten – was ist Ihnen lieber?',
          }],
        });
      },
    };
  },
});

export { refusalAt };
