import { ruleTester } from '@replylint/core/testing';
import { lintText } from '@replylint/core';
import { describe, expect, it } from 'vitest';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'Übergabe mit Zusage', text: 'Ich habe Ihr Anliegen an unsere Technik weitergegeben und melde mich bis Freitag bei Ihnen.' },
    { name: 'Hersteller erwähnt, Fall übernommen', text: 'Wir schicken das Gerät für Sie an den Hersteller und melden uns, sobald es repariert ist.' },
    { name: 'verneinter Verweis', text: 'Sie müssen sich nicht an den Hersteller wenden: Um die Reparatur kümmern wir uns.' },
    { name: 'Angebot statt Verweis', text: 'Sie können sich natürlich auch selbst an den Hersteller wenden – schneller geht es aber über uns.' },
    { name: 'Einladung an den Mitarbeiter selbst', text: 'Bei Fragen wenden Sie sich gern jederzeit an mich.' },
    { name: 'eigene Hotline', text: 'Falls das nicht hilft, wenden Sie sich bitte an unsere kostenlose Technik-Hotline.' },
    { name: 'Frage', text: 'Haben Sie sich schon an den Hersteller gewandt?' },
    { name: 'Vergangenheit, erzählt', text: 'Es tut mir leid, dass man Sie zuerst an den Hersteller verwiesen hat. Das war falsch: Für Mängel in den ersten zwei Jahren sind wir zuständig.' },
    { name: 'Einräumung mit zwar … aber', text: 'Dafür sind wir zwar nicht verantwortlich, aber wir lassen Sie damit nicht allein: Ich kläre das heute mit der Airline.' },
    { name: 'Grund mit Dritten, danach Hilfe', text: 'Die Jeans gibt es leider nicht mehr, weil der Hersteller den Schnitt nicht weiter produziert. Sehr ähnlich sitzt die „Slim Ray“ – soll ich dir den Link schicken?' },
    { name: 'Zitat des Kunden', text: 'Sie schreiben, der Händler habe gesagt: „Wenden Sie sich an den Hersteller.“ Das übernehmen natürlich wir.' },
    { name: 'Übergabe mit Zusage, trennbares Verb', text: 'Wir leiten Ihre Beschwerde an die zuständige Abteilung weiter und melden uns bis Freitag bei Ihnen.' },
    { name: 'Ich-Form mit Verb zuerst ist kein Imperativ', text: 'Schicken Sie mir bitte zwei Fotos, dann melde ich es beim Hersteller an.' },
    { name: 'Handbuchsatz', text: 'Die Filter werden beim Entpacken angewandt und sind für die Prüfung der Pakete verantwortlich.' },
  ],
  invalid: [
    {
      name: 'Verweis an den Hersteller, Vorschlag übernimmt den Fall',
      text: 'Bitte wenden Sie sich an den Hersteller.',
      errors: [{
        messageId: 'redirect', start: 0, end: 40,
        suggestions: [{ output: 'Darum kümmere ich mich für Sie: Ich wende mich selbst an den Hersteller und melde mich bis [Datum] mit dem Ergebnis bei Ihnen.' }],
      }],
    },
    {
      name: 'freie Wortstellung, Modalverb, Du-Form',
      text: 'Hey Jonas, an den Hersteller musst du dich schon selbst wenden.',
      errors: [{
        messageId: 'redirect', actual: 'Hey Jonas, an den Hersteller musst du dich schon selbst wenden.',
        suggestions: [{ output: 'Darum kümmere ich mich für dich: Ich wende mich selbst an den Hersteller und melde mich bis [Datum] mit dem Ergebnis bei dir.' }],
      }],
    },
    {
      name: 'Paketdienst, trennbares Verb',
      text: 'Fragen Sie bitte direkt bei DHL nach.',
      errors: [{ messageId: 'redirect', suggestions: [{ output: 'Darum kümmere ich mich für Sie: Ich frage selbst bei DHL nach und melde mich bis [Datum] mit dem Ergebnis bei Ihnen.' }] }],
    },
    {
      name: 'nicht zuständig',
      text: 'Danke für Ihre Nachricht. Dafür bin ich nicht zuständig.',
      errors: [{ messageId: 'responsibility', actual: 'Dafür bin ich nicht zuständig.', line: 1, column: 27 }],
    },
    {
      name: 'Zuständigkeit beim Dritten, Vorschlag mit dem Dritten',
      text: 'Für Garantiefälle ist der Hersteller zuständig.',
      errors: [{ messageId: 'responsibility', suggestions: [{ output: 'Darum kümmere ich mich für Sie: Ich kläre das direkt mit dem Hersteller und melde mich bis [Datum] mit dem Ergebnis bei Ihnen.' }] }],
    },
    {
      name: 'das System',
      text: 'Das System lässt eine Stornierung nicht mehr zu.',
      errors: [{ messageId: 'system' }],
    },
    {
      name: 'Weiterleitung ohne Zusage: Zusage wird angehängt',
      text: 'Ihre Beschwerde wurde an die zuständige Fachabteilung weitergeleitet.',
      errors: [{
        messageId: 'handover',
        suggestions: [{ output: 'Ihre Beschwerde wurde an die zuständige Fachabteilung weitergeleitet. Ich bleibe trotzdem Ihr Ansprechpartner und melde mich bis [Datum] selbst bei Ihnen – auch wenn es dann noch kein Ergebnis gibt.' }],
      }],
    },
    {
      name: 'eigene Bank des Kunden',
      text: 'Die doppelte Abbuchung ist ein Fehler Ihrer Bank.',
      errors: [{ messageId: 'responsibility' }],
    },
    {
      name: 'trennbares Verb: leiten … weiter, ohne Zusage',
      text: 'Wir leiten Ihre Beschwerde an die zuständige Abteilung weiter.',
      errors: [{ messageId: 'handover' }],
    },
    {
      name: 'Präteritum: verwiesen',
      text: 'Wir haben den Fall geprüft und verwiesen Sie deshalb an den Kundendienst des Herstellers.',
      errors: [{ messageId: 'redirect' }],
    },
    {
      name: 'in Verbindung setzen',
      text: 'Bitte setzen Sie sich diesbezüglich mit dem Hersteller in Verbindung.',
      errors: [{ messageId: 'redirect' }],
    },
    {
      name: 'Kompositum und Genitiv: Sache Ihres Mobilfunkanbieters',
      text: 'Hier kann ich Ihnen leider nicht helfen, das ist Sache Ihres Mobilfunkanbieters.',
      errors: [{ messageId: 'responsibility' }],
    },
    {
      name: 'Grund mit Drittem, danach allein gelassen',
      text: 'Die Lieferung verzögert sich, da DHL aktuell überlastet ist. Wann sie kommt, kann Ihnen nur DHL sagen.',
      errors: [{ messageId: 'responsibility' }, { messageId: 'responsibility' }],
    },
    {
      name: 'Polizei',
      text: 'Wenn Ihr Paket gestohlen wurde, müssen Sie Anzeige bei der Polizei erstatten.',
      errors: [{ messageId: 'redirect' }],
    },
  ],
});

describe('blame-shifting: Vorschläge', () => {
  const run = (t: string) => lintText(t, { rules: [rule] }).findings;
  for (const text of [
    'Bitte wenden Sie sich an den Hersteller.',
    'Für Reklamationen bin ich nicht zuständig.',
    'Ihre Anfrage wurde an die zuständige Abteilung weitergeleitet.',
    'Die Verzögerung liegt in der Verantwortung des Paketdienstes.',
  ]) {
    it(`der Vorschlag beseitigt den Fund: ${text}`, () => {
      const [f] = run(text);
      expect(f).toBeDefined();
      const s = f!.suggestions[0]!;
      expect(run(text.slice(0, s.start) + s.text + text.slice(s.end))).toEqual([]);
    });
  }
});
