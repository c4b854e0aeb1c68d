import { defineRule, addressForm, type Doc, type Sentence, type Token } from '@replylint/core';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Words that open a salutation (folded). */
const GREETING_START = words('sehr liebe lieber liebes hallo hallochen halloechen hi hey moin moinsen servus guten gruess gruezi werte werter wertes tag');
/** Greeting vocabulary that carries no addressee. */
const GREETING_WORDS = words('sehr geehrte geehrter geehrtes geehrten liebe lieber liebes hallo hallochen halloechen hi hey moin moinsen servus guten tag morgen abend gruess gott gruezi werte werter wertes und r n s e');
/** Generic addressees: a role or a crowd instead of a person. */
const GENERIC = words('damen herren kunde kundin kunden kundinnen kundschaft gast gaeste fahrgast fahrgaeste mitglied mitglieder nutzer nutzerin nutzerinnen versicherungsnehmer versicherungsnehmerin versicherte versicherter antragsteller antragstellerin abonnent abonnentin abonnenten interessent interessentin interessenten leser leserin leserinnen mieter mieterin patient patientin teilnehmer teilnehmerin buerger buergerin buergerinnen einwohner einwohnerin kaeufer kaeuferin besteller bestellerin reisende reisender empfaenger empfaengerin community vertragspartner vertragspartnerin anwender anwenderin user sir madam');
const GENERIC_SUFFIX = /(?:kunde|kundin|kunden|kundinnen|nutzer|nutzerin|nutzerinnen|nehmer|nehmerin|steller|stellerin|gast|gaeste|mitglied|mitglieder)$/;
const INFORMAL_GREETING = words('hallo hallochen halloechen hi hey moin moinsen servus liebe lieber liebes');
const CLOSING = /^(?:(?:mit\s+)?(?:freundlichen|freundliche|viele|vielen|beste|besten|liebe|lieben|herzliche|herzlichen|schoene|schoenen|sonnige|sonnigen|kollegiale|kollegialen)\b.*\bgruess|gruss\b|gruesse\b|mfg\b|lg\b|vg\b|pfiat\b|servus\s*$|tschuess\b|ciao\b|bis\s+bald\b|hochachtungsvoll\b)/;

function norms(s: Sentence): string[] {
  return s.items.filter((t) => t.kind === 'word').map((t) => t.norm);
}

function isClosing(s: Sentence): boolean {
  if (s.items.length > 10) return false;
  return CLOSING.test(norms(s).join(' '));
}

function isGreeting(s: Sentence): boolean {
  const first = s.items.find((t) => t.kind === 'word');
  if (!first || !GREETING_START.has(first.norm) || isClosing(s)) return false;
  const n = norms(s);
  if (first.norm === 'guten' && !/^(?:tag|morgen|abend)$/.test(n[1] ?? '')) return false;
  if (first.norm === 'gruess' && n[1] !== 'gott') return false;
  if (first.norm === 'sehr' && !/^geehrt/.test(n[1] ?? '')) return false;
  if (first.norm === 'tag' && !s.items[1]) return false;
  // a salutation stands on its own: it ends with a comma, an exclamation mark or the line
  const last = s.items[s.items.length - 1]!;
  return last.text === ',' || last.text === '!' || last.kind !== 'punct' || s.items.length <= 8;
}

/** The salutation is addressed to nobody in particular ("Sehr geehrte Damen und Herren", "Hallo,"). */
function impersonal(s: Sentence): boolean {
  for (const t of s.items) {
    if (t.kind === 'opaque') return false; // {{ticket.requester.name}}
    if (t.kind !== 'word') continue;
    if (GREETING_WORDS.has(t.norm)) continue;
    if (GENERIC.has(t.norm) || GENERIC_SUFFIX.test(t.norm)) continue;
    // any other word is a name, a title with a name ("Frau Dr. Brandt", "Familie Özdemir", "Team der Kita …")
    return false;
  }
  return true;
}

/** A clause made only of greeting words and generic addressees ("Liebe Kundin", "lieber Kunde"). */
function greetingClause(s: Sentence, c: { from: number; to: number }): boolean {
  let words = 0;
  for (let i = c.from; i < c.to; i++) {
    const t = s.items[i]!;
    if (t.kind !== 'word') continue;
    words++;
    if (!GREETING_WORDS.has(t.norm) && !GENERIC.has(t.norm) && !GENERIC_SUFFIX.test(t.norm)) return false;
  }
  return words > 0 && GREETING_START.has(s.items[c.from]?.norm ?? '');
}


function firstWord(s: Sentence): Token | undefined {
  return s.items.find((t) => t.kind === 'word');
}

/** Strip trailing characters from a set (a loop instead of a `[…]+$` regex, which backtracks polynomially). */
function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]!) || /\s/.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}

export default defineRule({
  id: 'impersonal-salutation',
  meta: {
    type: 'suggestion',
    description: 'Meldet unpersönliche oder fehlende Anreden („Sehr geehrte Damen und Herren“) in Antworten an bekannte Kunden.',
    severity: 'warn',
    unit: 'reply',
    messages: {
      impersonal: 'Unpersönliche Anrede „{{actual}}“: Sie antworten einer bekannten Person. Sprechen Sie sie mit Namen an.',
      missing: 'Die Antwort hat keine Anrede. Sprechen Sie den Kunden mit Namen an.',
    },
  },
  create(ctx) {
    return {
      reply(doc) {
        const list = doc.sentences;
        if (list.length === 0) return;
        let closing = -1;
        for (const s of list) if (s.index > 0 && s.line && isClosing(s)) { closing = s.index; break; }
        // the salutation: among the opening lines, before the first body sentence
        let salutation: Sentence | null = null;
        for (const s of list.slice(0, 8)) {
          if (s.index === closing) break;
          if (isGreeting(s)) { salutation = s; break; }
          if (/[.?]$/.test(s.terminal) && !s.line) break;
          if (s.terminal === '.' && s.items.length > 6) break;
        }
        if (salutation) {
          if (!impersonal(salutation)) return;
          // a greeting that opens a running sentence in a chat ("Hallo, wie kann ich helfen?") is not a letter salutation
          const next = list[salutation.index + 1];
          if (!salutation.line || !next || !/[\r\n]/.test(doc.text.slice(salutation.end, next.start))) return;
          const greet = firstWord(salutation)!;
          const du = addressForm(doc) === 'du';
          const informalGreeting = INFORMAL_GREETING.has(greet.norm) && !(greet.norm.startsWith('lieb') && !du);
          const actual = trimEndOf(salutation.text, ',!');
          ctx.report({
            messageId: 'impersonal',
            data: { actual },
            start: salutation.start,
            end: salutation.end,
            note: 'Ein Kunde ist eine Person, kein Name auf einer Liste. Im Ticket steht sein Name – nutzen Sie ihn oder den Platzhalter Ihres Helpdesks.',
            suggestions: informalGreeting || du
              ? [{ desc: 'Mit Namen anreden', text: 'Hallo {{ticket.requester.first_name}},' }, { desc: 'Förmlich mit Namen anreden', text: 'Guten Tag {{ticket.requester.name}},' }]
              : [{ desc: 'Mit Namen anreden (Frau)', text: 'Sehr geehrte Frau [Nachname],' }, { desc: 'Mit Namen anreden (Herr)', text: 'Sehr geehrter Herr [Nachname],' }, { desc: 'Mit Platzhalter anreden', text: 'Guten Tag {{ticket.requester.name}},' }],
          });
          return;
        }
        // "Liebe Kundin, Ihre Gesundheit liegt uns am Herzen." – a role salutation opening a one-line reply
        const first = list[0]!;
        if (first.clauses.length > 1) {
          let k = 0;
          while (k < first.clauses.length - 1 && greetingClause(first, first.clauses[k]!)) k++;
          const roles = first.items.slice(0, first.clauses[k]!.from).some((t) => t.kind === 'word' && (GENERIC.has(t.norm) || GENERIC_SUFFIX.test(t.norm)));
          if (k > 0 && roles) {
            const du = addressForm(doc) === 'du';
            const end = first.items[first.clauses[k]!.from - 1]!.end;
            const actual = trimEndOf(doc.text.slice(first.start, end), ',!');
            ctx.report({
              messageId: 'impersonal',
              data: { actual },
              start: first.start,
              end,
              note: 'Ein Kunde ist eine Person, kein Name auf einer Liste. Im Ticket steht sein Name – nutzen Sie ihn oder den Platzhalter Ihres Helpdesks.',
              suggestions: du
                ? [{ desc: 'Mit Namen anreden', text: 'Hallo {{ticket.requester.first_name}},' }]
                : [{ desc: 'Mit Namen anreden (Frau)', text: 'Liebe Frau [Nachname],' }, { desc: 'Mit Namen anreden (Herr)', text: 'Lieber Herr [Nachname],' }, { desc: 'Mit Platzhalter anreden', text: 'Guten Tag {{ticket.requester.name}},' }],
            });
            return;
          }
        }
        // no salutation at all: only whole, letter-like replies (a closing line after the body)
        if (closing < 2) return;
        const du = addressForm(doc) === 'du';
        const at = /^betreff\b/i.test(first.text) && list[1] && list[1].index < closing ? list[1] : first;
        ctx.report({
          messageId: 'missing',
          start: first.start,
          end: first.end,
          note: 'Eine Antwort ohne Anrede wirkt wie ein Formbrief. Beginnen Sie mit dem Namen des Kunden – er ist eine Person, kein Vorgang.',
          suggestions: du
            ? [{ desc: 'Anrede mit Namen einfügen', text: 'Hallo {{ticket.requester.first_name}},\n\n', start: at.start, end: at.start }]
            : [
              { desc: 'Anrede mit Namen einfügen (Frau)', text: 'Sehr geehrte Frau [Nachname],\n\n', start: at.start, end: at.start },
              { desc: 'Anrede mit Namen einfügen (Herr)', text: 'Sehr geehrter Herr [Nachname],\n\n', start: at.start, end: at.start },
            ],
        });
      },
    };
  },
});
