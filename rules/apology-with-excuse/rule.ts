import { defineRule, snippet, addressForm, discourse, PhraseSet, type Doc, type Sentence } from '@replylint/core';
import { apologies, notApologies, hedges, contrast, excuses, help, thirdParties } from './phrases.gen.ts';

const APOLOGY = new PhraseSet(apologies, 'apology-with-excuse/apologies');
const NOT_APOLOGY = new PhraseSet(notApologies, 'apology-with-excuse/notApologies');
const HEDGE = new PhraseSet(hedges, 'apology-with-excuse/hedges');
const CONTRAST = new PhraseSet(contrast, 'apology-with-excuse/contrast');
const EXCUSE = new PhraseSet(excuses, 'apology-with-excuse/excuses');
const HELP = new PhraseSet(help, 'apology-with-excuse/help');
const THIRD = new PhraseSet(thirdParties, 'apology-with-excuse/thirdParties');

const CONDITIONAL = new Set(['wenn', 'falls', 'sofern', 'soweit', 'sollte', 'sollten', 'insofern']);
const COMPANY = new Set(['wir', 'uns', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres', 'ich', 'mir', 'mich']);


/** The sentence from item `from` on, as a sentence of its own (for phrase matching). */
function tail(s: Sentence, from: number): Sentence {
  const clauses = s.clauses.filter((c) => c.to > from).map((c) => ({ ...c, from: Math.max(0, c.from - from), to: c.to - from }));
  return { ...s, items: s.items.slice(from), clauses, memo: [] }; // a sentence of its own: its own memo
}

/** Is there help (not negated) in the sentence? "Aber ich habe eine gute Nachricht: …" */
function helps(s: Sentence): boolean {
  const harmless = discourse.harmlessNegation(s);
  return HELP.match(s).some((h) => {
    const c = s.clauses.find((k) => h.match.from >= k.from && h.match.from < k.to);
    return !c || !discourse.negationsIn(s, c, harmless).some((i) => i < h.match.from || i >= h.match.to);
  });
}

function isContrastAt(s: Sentence, i: number): boolean {
  const t = s.items[i]!;
  if (t.quoted) return false;
  if (t.norm === 'doch') {
    // "doch" contrasts only at the head of a clause ("…, doch die Überbuchung …")
    return i === 0 || (s.items[i - 1]!.kind === 'punct' && /^[,;:–—-]$/.test(s.items[i - 1]!.text));
  }
  return true;
}

function contrastIn(s: Sentence, from: number): number {
  // nothing after the end of the sentence (where firstContrast asks from): no tail to make and list
  if (from >= s.items.length) return -1;
  for (const h of CONTRAST.match(tail(s, from))) {
    // first contrast word after `from`
    for (let i = from + h.match.from; i < s.items.length; i++) {
      if (s.items[i]!.norm === s.items[from + h.match.from]!.norm && isContrastAt(s, i)) return i;
    }
  }
  for (let i = from; i < s.items.length; i++) if (s.items[i]!.norm === 'doch' && isContrastAt(s, i)) return i;
  return -1;
}

function firstContrast(s: Sentence, from: number): number {
  let best = -1;
  for (let i = from; i < s.items.length; i++) {
    const n = s.items[i]!.norm;
    if ((n === 'aber' || n === 'allerdings' || n === 'jedoch' || n === 'dennoch' || n === 'trotzdem' || n === 'doch') && isContrastAt(s, i)) { best = i; break; }
  }
  return best >= 0 ? best : contrastIn(s, s.items.length);
}

function mentionsCompany(s: Sentence): boolean {
  return s.items.some((t) => t.kind === 'word' && !t.quoted && COMPANY.has(t.norm));
}

interface Finding { kind: 'excuse' | 'conditional'; end: number; cut: { start: number; end: number } | null }

function check(doc: Doc, s: Sentence): Finding | null {
  if (s.question) return null;
  const hit = APOLOGY.match(s).find((h) => !s.items[h.match.from]!.quoted);
  if (!hit || NOT_APOLOGY.test(s)) return null;
  const a = hit.match.to;
  const ci = s.clauses.findIndex((c) => hit.match.from >= c.from && hit.match.from < c.to);
  // "Es tut uns leid, falls Sie sich geärgert haben." / "…, sollte es zu Unannehmlichkeiten gekommen sein."
  for (const k of [ci - 1, ci + 1]) {
    const c = s.clauses[k];
    if (c && CONDITIONAL.has(c.lead)) return { kind: 'conditional', end: s.end, cut: null };
  }
  if (HEDGE.test(tail(s, hit.match.from))) return { kind: 'conditional', end: s.end, cut: null };

  // "Es tut uns leid, aber …" within the sentence
  const c = firstContrast(s, a);
  if (c >= 0) {
    const rest = tail(s, c);
    if (!helps(rest)) {
      const prev = s.items[c - 1];
      let last = s.items.length - 1;
      while (last > c && s.items[last]!.kind === 'punct' && /^[.!…]+$/.test(s.items[last]!.text)) last--;
      const from = prev && prev.kind === 'punct' && /^[,;:–—-]$/.test(prev.text) ? prev.start : s.items[c]!.start;
      const cutEnd = s.items[last]!.end;
      return { kind: 'excuse', end: s.end, cut: c > a ? { start: from, end: cutEnd } : null };
    }
    return null;
  }
  // an excuse in a later clause of the apology sentence (not in what the apology is about: "…, dass …")
  let k = ci + 1;
  while (k < s.clauses.length && (s.clauses[k]!.lead === 'dass' || s.clauses[k]!.lead === 'daß')) k++;
  const restS = k < s.clauses.length ? tail(s, s.clauses[k]!.from) : null;
  if (restS && EXCUSE.test(restS) && !helps(restS)) return { kind: 'excuse', end: s.end, cut: null };

  // the excuse in the next sentence: "… tut uns leid. Allerdings verpacken wir alle Möbel sorgfältig …"
  const n = doc.sentences[s.index + 1];
  if (!n || n.paragraph !== s.paragraph || n.question) return null;
  if (n.items[0]?.quoted) return null;
  const nc = firstContrast(n, 0);
  if (nc >= 0) {
    if (!helps(n) && (EXCUSE.test(n) || THIRD.test(n) || mentionsCompany(n) || discourse.hasReason(n))) return { kind: 'excuse', end: n.end, cut: null };
    return null;
  }
  if (EXCUSE.test(n) && !helps(n)) return { kind: 'excuse', end: n.end, cut: null };
  return null;
}

export default defineRule({
  id: 'apology-with-excuse',
  meta: {
    type: 'suggestion',
    description: 'Meldet Entschuldigungen, die im selben Atemzug zurückgenommen werden („Es tut uns leid, aber …“, „…, falls Sie sich geärgert haben“).',
    severity: 'warn',
    unit: 'sentence',
    messages: {
      excuse: 'Entschuldigung mit Ausrede: „{{actual}}“ nimmt die Entschuldigung mit einer Rechtfertigung wieder zurück. Entschuldigen Sie sich ohne „aber“ und sagen Sie, was Sie jetzt tun.',
      conditional: 'Bedingte Entschuldigung: „{{actual}}“ entschuldigt sich nur unter Vorbehalt („falls“, „wenn“, „möglicherweise“). Entschuldigen Sie sich für das, was passiert ist.',
    },
  },
  create(ctx) {
    let du: boolean | null = null;
    return {
      sentence(s) {
        const f = check(ctx.doc, s);
        if (!f) return;
        du ??= addressForm(ctx.doc) === 'du';
        const you = du ? 'dich' : 'Sie';
        const suggestions = [];
        if (f.cut) suggestions.push({ desc: 'Rechtfertigung nach „aber“ streichen', text: '', start: f.cut.start, end: f.cut.end });
        suggestions.push({
          desc: 'Aufrichtig entschuldigen und handeln',
          text: f.kind === 'conditional'
            ? `Es tut mir leid, dass [was passiert ist]. Damit es wieder gut wird, [was ich jetzt für ${you} tue].`
            : `Es tut mir leid, dass [was passiert ist] – das hätte nicht passieren dürfen. Ich habe [konkrete Wiedergutmachung] für ${you} veranlasst.`,
          start: s.start,
          end: f.end,
        });
        ctx.report({
          messageId: f.kind,
          data: { actual: snippet(ctx.doc.text.slice(s.start, f.end)) },
          start: s.start,
          end: f.end,
          note: f.kind === 'conditional'
            ? '„Falls Sie sich geärgert haben“ unterstellt, der Ärger sei vielleicht eingebildet. Eine echte Entschuldigung benennt, was schiefging, und sagt, was jetzt passiert.'
            : 'Ein „aber“ nach der Entschuldigung löscht sie aus: Der Kunde hört nur noch die Ausrede. Übernehmen Sie Verantwortung und bieten Sie eine Lösung an.',
          suggestions,
        });
      },
    };
  },
});

