import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'Wahl gelassen', text: 'Wir können Sie umbuchen oder Ihnen den Ticketpreis erstatten. Was ist Ihnen lieber?' },
    { name: 'auf Wunsch', text: 'Wie gewünscht haben wir Sie auf den Abendflug umgebucht.' },
    { name: 'Angebot unter Bedingung', text: 'Wenn Sie möchten, buche ich Sie auf den Flug am Donnerstag um.' },
  ],
  invalid: [
    {
      name: 'Entscheidung mit Vorschlag (Sie-Form)',
      text: 'Danke für Ihre Geduld. Wir haben entschieden, Ihnen einen Gutschein auszustellen.',
      errors: [{
        messageId: 'decided', actual: 'Wir haben entschieden, Ihnen einen Gutschein auszustellen.', line: 1, column: 24, endLine: 1, endColumn: 82,
        suggestions: [{ output: 'Danke für Ihre Geduld. Sie haben zwei Möglichkeiten: [Möglichkeit A, mit Preis/Folgen] oder [Möglichkeit B, mit Preis/Folgen]. Was ist Ihnen lieber?' }],
      }],
    },
    {
      name: 'Umbuchung mit Grund im Satz, Du-Form',
      text: 'Ich habe dich auf den Abendflug umgebucht, weil der Morgenflug ausfällt.',
      errors: [{
        messageId: 'decided', start: 0, end: 72,
        suggestions: [{ output: 'Du hast zwei Möglichkeiten: [Möglichkeit A, mit Preis/Folgen] oder [Möglichkeit B, mit Preis/Folgen]. Was ist dir lieber?' }],
      }],
    },
    {
      name: 'Zustimmung unterstellt',
      text: 'Wir gehen davon aus, dass Sie damit einverstanden sind.',
      errors: [{ messageId: 'presumed', actual: 'Wir gehen davon aus, dass Sie damit einverstanden sind.' }],
    },
    {
      name: 'Passiv ohne Handelnden',
      text: 'Ihr Tarif wurde zum 1. Mai auf den Tarif Basic umgestellt.',
      errors: [{ messageId: 'decided', actual: 'Ihr Tarif wurde zum 1. Mai auf den Tarif Basic umgestellt.' }],
    },
  ],
});
