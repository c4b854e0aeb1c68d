import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'Plural-„sie“ mit Bezugswort', text: 'Die Monteure kommen am Dienstag. Sie bringen das Ventil mit.' },
    { name: 'durchgehend du', text: 'Klar, du kannst dein Passwort selbst ändern. Schau sonst in deinen Spam-Ordner.' },
  ],
  invalid: [
    {
      name: 'sichere Korrektur: „ihnen“ → „Ihnen“',
      text: 'Wir senden ihnen den Artikel morgen zu.',
      errors: [{
        messageId: 'lowercase', start: 11, end: 16, actual: 'ihnen',
        suggestions: [{ output: 'Wir senden Ihnen den Artikel morgen zu.' }],
      }],
    },
    {
      name: 'Frage mit klein geschriebenem „sie“',
      text: 'Haben sie ihren Zählerstand schon eingegeben?',
      errors: [
        { messageId: 'lowercase', actual: 'sie', suggestions: [{ output: 'Haben Sie ihren Zählerstand schon eingegeben?' }] },
        { messageId: 'lowercase', actual: 'ihren', suggestions: [{ output: 'Haben sie Ihren Zählerstand schon eingegeben?' }] },
      ],
    },
    {
      name: 'Du-Satz in förmlicher Antwort: Vorschlag ins Sie',
      text: 'Sehr geehrte Frau Brandt,\n\nIhre Umbuchung hat geklappt. Wir wünschen dir einen schönen Urlaub!',
      errors: [{
        messageId: 'mixInformal', line: 3, column: 30,
        suggestions: [{ output: 'Sehr geehrte Frau Brandt,\n\nIhre Umbuchung hat geklappt. Wir wünschen Ihnen einen schönen Urlaub!' }],
      }],
    },
    {
      name: 'Sie-Satz in Du-Antwort: Vorschlag ins du',
      text: 'Hey Mara,\n\ndeine Bestellung ist unterwegs. Haben Sie noch Fragen?',
      errors: [{
        messageId: 'mixFormal', actual: 'Haben Sie noch Fragen?',
        suggestions: [{ output: 'Hey Mara,\n\ndeine Bestellung ist unterwegs. Hast du noch Fragen?' }],
      }],
    },
  ],
});
