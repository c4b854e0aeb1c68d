import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'Passiv mit Handelndem', text: 'Ihr Kreditantrag wurde von mir geprüft.' },
    { name: 'neutrales Passiv', text: 'Ihre Daten wurden wie gewünscht gelöscht.' },
    { name: 'Ich-Form', text: 'Wir haben entschieden, die Filiale zu schließen.' },
  ],
  invalid: [
    {
      name: '„Es wurde entschieden“ wird zu „Wir haben entschieden“',
      text: 'Es wurde entschieden, die Filiale zu schließen.',
      errors: [{
        messageId: 'hiddenDecider', start: 0, end: 47,
        suggestions: [
          { output: 'Wir haben entschieden, die Filiale zu schließen.' },
          { output: 'Ich habe Ihr Anliegen selbst geprüft und entschieden: Es wurde entschieden, die Filiale zu schließen.' },
        ],
      }],
    },
    {
      name: 'Modalpassiv nach Anrede, Zeile und Spalte',
      text: 'Sehr geehrte Frau Jansen,\n\neine Verlängerung der Widerrufsfrist kann nicht gewährt werden.',
      errors: [{
        messageId: 'hiddenDecider', line: 3, column: 1, actual: 'eine Verlängerung der Widerrufsfrist kann nicht gewährt werden.',
        suggestions: [{ output: 'Sehr geehrte Frau Jansen,\n\nIch habe Ihr Anliegen selbst geprüft und entschieden: eine Verlängerung der Widerrufsfrist kann nicht gewährt werden.' }],
      }],
    },
    {
      name: 'Nebensatz mit Modalverb am Ende',
      text: 'Wir teilen Ihnen mit, dass Ihrem Antrag nicht entsprochen werden kann.',
      errors: [{ messageId: 'hiddenDecider', start: 0, end: 70 }],
    },
  ],
});
