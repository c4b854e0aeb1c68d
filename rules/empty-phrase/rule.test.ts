import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'Schlussformel', text: 'Bei Fragen melden Sie sich gerne.' },
    { name: 'Geduld mit Termin', text: 'Danke für Ihre Geduld – Ihr Paket kommt am Freitag.' },
    { name: 'Verständnis des Mitarbeiters', text: 'Ich habe Verständnis dafür, dass Sie verärgert sind.' },
  ],
  invalid: [
    {
      name: 'Verständnis: Grund und Schritt vorschlagen',
      text: 'Die Lieferung verzögert sich. Wir bitten um Ihr Verständnis.',
      errors: [{
        messageId: 'understanding', actual: 'Wir bitten um Ihr Verständnis.', line: 1, column: 31, endLine: 1, endColumn: 61,
        suggestions: [{ output: 'Die Lieferung verzögert sich. Der Grund dafür ist [Grund in einfachen Worten]. Als Nächstes [konkreter Schritt] – bis [Datum] melde ich mich bei Ihnen.' }],
      }],
    },
    {
      name: 'Einsatz beteuert, Du-Form',
      text: 'Hey Lukas, wir geben unser Bestes für dich!',
      errors: [{
        messageId: 'effort', start: 0, end: 43,
        suggestions: [{ output: 'Als Nächstes [konkreter Schritt]; bis [Datum] melde ich mich mit dem Ergebnis bei dir.' }],
      }],
    },
    {
      name: 'Wortstellung: "Für Ihre Geduld bedanken wir uns"',
      text: 'Für Ihre Geduld bedanken wir uns.',
      errors: [{ messageId: 'patience', actual: 'Für Ihre Geduld bedanken wir uns.' }],
    },
    {
      name: 'Weitergabe ohne Termin',
      text: 'Wir haben Ihr Anliegen zur Kenntnis genommen.',
      errors: [{ messageId: 'handoff', actual: 'Wir haben Ihr Anliegen zur Kenntnis genommen.' }],
    },
  ],
});
