import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'Absage mit Grund im Folgesatz', text: 'Das geht leider nicht. Der Grund: Die Ware wurde bereits versandt.' },
    { name: 'Absage mit Ausweg im Folgesatz', text: 'Das ist nicht möglich. Ich schlage Ihnen aber vor, die Lieferung an eine Packstation umzuleiten.' },
    { name: 'Frage', text: 'Ist das wirklich nicht möglich?' },
    { name: 'nicht nur', text: 'Das geht nicht nur schneller, sondern spart Ihnen auch Porto.' },
  ],
  invalid: [
    {
      name: 'Bereich und Vorschlag',
      text: 'Danke für Ihre Mail. Das geht nicht.',
      errors: [{
        messageId: 'flatNo', actual: 'Das geht nicht.', line: 1, column: 22, endLine: 1, endColumn: 37,
        suggestions: [{ output: 'Danke für Ihre Mail. Das ist leider nicht möglich, weil [Grund in einfachen Worten]. Ich kann Ihnen stattdessen zwei Möglichkeiten anbieten: [Alternative 1, mit Preis] oder [Alternative 2, mit Preis]. Sagen Sie mir einfach, was Ihnen lieber ist.' }],
      }],
    },
    {
      name: 'UTF-16-Spalten nach Emoji und Umlauten, CRLF',
      text: 'Danke 😀 für Ihre Mail.\r\nÄh, das geht nicht.',
      errors: [{ messageId: 'flatNo', actual: 'Äh, das geht nicht.', line: 2, column: 1, endLine: 2, endColumn: 20 }],
    },
    {
      name: 'Trennstrich und Nullbreitenzeichen werden durchschaut',
      text: 'Mir sind die Hän\u00ADde ge\u200Bbunden.',
      errors: [{ messageId: 'flatNo', start: 0, end: 30 }],
    },
    {
      name: 'wandte Verbform: trennbares Verb',
      text: 'Die Ware tauschen wir grundsätzlich nicht um.',
      errors: [{ messageId: 'flatNo', actual: 'Die Ware tauschen wir grundsätzlich nicht um.' }],
    },
  ],
});
