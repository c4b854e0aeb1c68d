import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'Entschuldigung mit Lösung', text: 'Es tut mir leid. Ich habe Ihnen heute Ersatz geschickt.' },
    { name: 'aber mit guter Nachricht', text: 'Das tut mir leid! Aber ich habe eine gute Nachricht: Das Teil ist da.' },
    { name: 'keine Entschuldigung', text: 'Sie müssen sich nicht entschuldigen.' },
  ],
  invalid: [
    {
      name: 'aber im selben Satz: Streichen oder neu formulieren',
      text: 'Danke. Es tut uns leid, aber wir haben gerade sehr viele Bestellungen.',
      errors: [{
        messageId: 'excuse', actual: 'Es tut uns leid, aber wir haben gerade sehr viele Bestellungen.', line: 1, column: 8, endLine: 1, endColumn: 71,
        suggestions: [
          { output: 'Danke. Es tut uns leid.' },
          { output: 'Danke. Es tut mir leid, dass [was passiert ist] – das hätte nicht passieren dürfen. Ich habe [konkrete Wiedergutmachung] für Sie veranlasst.' },
        ],
      }],
    },
    {
      name: 'bedingte Entschuldigung, Du-Form',
      text: 'Es tut uns leid, falls du dich über den neuen Preis geärgert hast.',
      errors: [{
        messageId: 'conditional', start: 0, end: 66,
        suggestions: [{ output: 'Es tut mir leid, dass [was passiert ist]. Damit es wieder gut wird, [was ich jetzt für dich tue].' }],
      }],
    },
    {
      name: 'Ausrede im nächsten Satz',
      text: 'Wir bedauern sehr, dass Ihr Koffer später ankam. Auf die Gepäckabfertigung haben wir jedoch keinen Einfluss.',
      errors: [{ messageId: 'excuse', actual: 'Wir bedauern sehr, dass Ihr Koffer später ankam. Auf die Gepäckabfertigung haben wir jedoch keinen Einfluss.' }],
    },
  ],
});
