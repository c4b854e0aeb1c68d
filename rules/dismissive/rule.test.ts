import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'verneint', text: 'Das ist nicht normal, ich kümmere mich sofort darum.' },
    { name: 'begründet', text: 'Das Brummen ist normal, weil der Kompressor anläuft.' },
    { name: 'Frage des Kunden', text: 'Ist das normal?' },
    { name: 'zitierter Kundentext', text: 'Sie schreiben: „Das ist doch nicht normal!“ Da haben Sie recht.' },
  ],
  invalid: [
    {
      name: 'Einzelfall mit Vorschlag (Sie-Form)',
      text: 'Danke für Ihre Mail. Sie sind der Einzige, der sich beschwert.',
      errors: [{
        messageId: 'lone', actual: 'Sie sind der Einzige, der sich beschwert.', line: 1, column: 22, endLine: 1, endColumn: 63,
        suggestions: [{ output: 'Danke für Ihre Mail. Danke, dass Sie uns darauf hinweisen – genau solche Hinweise brauchen wir. Ich prüfe [was] und melde mich bis [Datum] bei Ihnen.' }],
      }],
    },
    {
      name: 'normal mit Vorschlag (Du-Form)',
      text: 'Hey Mara, dass deine Synchronisierung dauert, ist völlig normal.',
      errors: [{
        messageId: 'normal', start: 0, end: 64,
        suggestions: [{ output: 'Ich verstehe, dass dich das stört. Der Grund dafür ist [Ursache in einfachen Worten]; gerne [konkretes Angebot, z. B. Prüfung, Austausch, Termin].' }],
      }],
    },
    {
      name: 'Wortstellung und Zeitform: "hatten wir noch nie"',
      text: 'Einen Verlust hatten wir in diesem Bezirk noch nie.',
      errors: [{ messageId: 'lone', actual: 'Einen Verlust hatten wir in diesem Bezirk noch nie.' }],
    },
    {
      name: 'Zweifel',
      text: 'Dass Ihre Karte ohne Grund gesperrt wird, kann eigentlich nicht passieren.',
      errors: [{ messageId: 'denial', actual: 'Dass Ihre Karte ohne Grund gesperrt wird, kann eigentlich nicht passieren.' }],
    },
    {
      name: 'für fehlerfrei erklärt',
      text: 'Laut Messung ist alles in Ordnung, ein Fehler liegt nicht vor.',
      errors: [{ messageId: 'fine', actual: 'Laut Messung ist alles in Ordnung, ein Fehler liegt nicht vor.' }],
    },
  ],
});
