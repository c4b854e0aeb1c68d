import { defineRule, PhraseSet, verbForms, type Doc, type Sentence } from '@replylint/core';
import { reportSentence, type SuggestText } from '../_shared/sentence-finding.ts';
import { phrases, concrete } from './phrases.gen.ts';

const PHRASES = new PhraseSet(phrases, 'empty-phrase/phrases');
const CONCRETE = new PhraseSet(concrete, 'empty-phrase/concrete');
const UNDERSTAND = new Set([...verbForms('verstehen').forms, ...verbForms('nachvollziehen').forms, 'nachvollziehen']);
const BUT = new Set(['aber', 'jedoch', 'allerdings']);

type MessageId = 'understanding' | 'patience' | 'importance' | 'effort' | 'assurance' | 'handoff';



/** What to write instead: the concrete statement the phrase stands in for. */
const SUGGEST: Record<MessageId, SuggestText> = {
  understanding: {
    desc: 'Grund und nächsten Schritt nennen statt um Verständnis bitten',
    sie: 'Der Grund dafür ist [Grund in einfachen Worten]. Als Nächstes [konkreter Schritt] – bis [Datum] melde ich mich bei Ihnen.',
    du: 'Der Grund dafür ist [Grund in einfachen Worten]. Als Nächstes [konkreter Schritt] – bis [Datum] melde ich mich bei dir.',
    note: 'Verständnis bekommt, wer erklärt. Die Bitte darum ersetzt die Erklärung nicht: Nennen Sie den Grund und was als Nächstes passiert.',
  },
  patience: {
    desc: 'Sagen, wie lange es dauert',
    sie: 'Ich melde mich bis [Datum] mit [Ergebnis] bei Ihnen.',
    du: 'Ich melde mich bis [Datum] mit [Ergebnis] bei dir.',
    note: 'Kunden müssen planen können. Statt für Geduld zu danken, sagen Sie, bis wann sie warten müssen und was dann passiert.',
  },
  importance: {
    desc: 'Zeigen statt beteuern',
    sie: 'Konkret heißt das für Sie: [was Sie jetzt für den Kunden tun] bis [Datum].',
    du: 'Konkret heißt das für dich: [was du jetzt für den Kunden tust] bis [Datum].',
    note: 'Dass ihm sein Anliegen wichtig sei, glaubt der Kunde erst, wenn er es merkt. Ersetzen Sie die Beteuerung durch das, was Sie konkret tun.',
  },
  effort: {
    desc: 'Schritt und Termin nennen statt Einsatz beteuern',
    sie: 'Als Nächstes [konkreter Schritt]; bis [Datum] melde ich mich mit dem Ergebnis bei Ihnen.',
    du: 'Als Nächstes [konkreter Schritt]; bis [Datum] melde ich mich mit dem Ergebnis bei dir.',
    note: '„Mit Hochdruck“ und „schnellstmöglich“ sagen dem Kunden nicht, wann er mit einer Lösung rechnen kann. Nennen Sie den nächsten Schritt und einen Termin.',
  },
  assurance: {
    desc: 'Konkret sagen, was geprüft wird',
    sie: 'Konkret prüfe ich [was] und melde mich bis [Datum] mit dem Ergebnis bei Ihnen.',
    du: 'Konkret prüfe ich [was] und melde mich bis [Datum] mit dem Ergebnis bei dir.',
    note: 'Versicherungen („Seien Sie versichert“, „Wir nehmen das sehr ernst“) sind Worte ohne Inhalt. Sagen Sie, was Sie tun und wann der Kunde davon hört.',
  },
  handoff: {
    desc: 'Weitergabe mit Verantwortung und Termin',
    sie: 'Ich habe Ihr Anliegen an [Abteilung/Person] gegeben und melde mich bis [Datum] mit dem Ergebnis bei Ihnen.',
    du: 'Ich habe dein Anliegen an [Abteilung/Person] gegeben und melde mich bis [Datum] mit dem Ergebnis bei dir.',
    note: '„Weitergeleitet“ oder „zur Kenntnis genommen“ lässt den Kunden im Ungewissen. Sagen Sie, wer sich kümmert und bis wann er eine Antwort bekommt.',
  },
};

function concreteNear(doc: Doc, s: Sentence, nearby: boolean): boolean {
  if (CONCRETE.test(s)) return true;
  if (!nearby) return false;
  for (const k of [s.index - 1, s.index + 1, s.index - 2, s.index + 2]) {
    const x = doc.sentences[k];
    if (x && x.paragraph === s.paragraph && CONCRETE.test(x)) return true;
  }
  return false;
}

function emptyPhrase(doc: Doc, s: Sentence): MessageId | null {
  if (s.question) return null;
  for (const h of PHRASES.match(s)) {
    if (s.items[h.match.from]!.quoted) continue;
    const kind = typeof h.entry.kind === 'string' ? h.entry.kind : '';
    if (kind && concreteNear(doc, s, kind === 'nearby')) continue;
    // "Wir verstehen Ihren Ärger, aber …" is a concession that leads somewhere (apology-with-excuse, dismissive)
    if (s.items.slice(h.match.from, h.match.to).some((t) => UNDERSTAND.has(t.norm)) && s.items.slice(h.match.to).some((t) => BUT.has(t.norm))) continue;
    return (h.entry.message ?? 'importance') as MessageId;
  }
  return null;
}

export default defineRule({
  id: 'empty-phrase',
  meta: {
    type: 'suggestion',
    description: 'Meldet hohle Floskeln, die Inhalt ersetzen („Wir bitten um Ihr Verständnis.“, „Ihr Anliegen ist uns sehr wichtig.“), und schlägt eine konkrete Aussage vor.',
    severity: 'warn',
    unit: 'sentence',
    messages: {
      understanding: 'Floskel: „{{actual}}“ bittet um Verständnis, statt zu erklären. Nennen Sie den Grund und den nächsten Schritt.',
      patience: 'Floskel: „{{actual}}“ dankt für Geduld, ohne zu sagen, wie lange es dauert. Nennen Sie einen Termin.',
      importance: 'Floskel: „{{actual}}“ beteuert Wichtigkeit, statt sie zu zeigen. Sagen Sie, was Sie konkret tun.',
      effort: 'Floskel: „{{actual}}“ beteuert Einsatz ohne Schritt und Termin. Nennen Sie, was als Nächstes passiert und bis wann.',
      assurance: 'Floskel: „{{actual}}“ versichert, ohne etwas zu sagen. Nennen Sie, was Sie prüfen und bis wann.',
      handoff: 'Floskel: „{{actual}}“ meldet eine Weitergabe ohne Zuständigen und Termin. Sagen Sie, wer sich kümmert und bis wann.',
    },
  },
  create(ctx) {
    return {
      sentence(s) {
        const id = emptyPhrase(ctx.doc, s);
        if (id) reportSentence(ctx, s, id, SUGGEST[id]);
      },
    };
  },
});

