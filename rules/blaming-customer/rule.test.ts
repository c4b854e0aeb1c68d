import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'Selbstkritik des Unternehmens', text: 'Wir hätten Sie früher informieren müssen.' },
    { name: 'verneint', text: 'Sie haben nichts falsch gemacht.' },
    { name: 'echte Frage', text: 'Haben Sie die Anleitung schon gefunden?' },
    { name: 'Entscheidung beim Kunden', text: 'Die Entscheidung liegt bei Ihnen.' },
  ],
  invalid: [
    {
      name: 'Vorwurf im Nachhinein mit Vorschlag (Sie-Form)',
      text: 'Danke für Ihre Mail. Sie hätten die Anleitung lesen müssen.',
      errors: [{
        messageId: 'hindsight', actual: 'Sie hätten die Anleitung lesen müssen.', line: 1, column: 22, endLine: 1, endColumn: 60,
        suggestions: [{ output: 'Danke für Ihre Mail. Damit es beim nächsten Mal klappt: [freundlicher Hinweis]. Für jetzt schlage ich Ihnen vor: [Lösung].' }],
      }],
    },
    {
      name: 'Du-Form im Vorschlag',
      text: 'Hi Ben, du hättest dich halt früher melden müssen.',
      errors: [{
        messageId: 'hindsight', start: 0, end: 50,
        suggestions: [{ output: 'Damit es beim nächsten Mal klappt: [freundlicher Hinweis]. Für jetzt schlage ich dir vor: [Lösung].' }],
      }],
    },
    {
      name: 'Wortstellung: Objekt vorn',
      text: 'Die Jacke hast du offensichtlich bei 60 Grad gewaschen.',
      errors: [{ messageId: 'fault', actual: 'Die Jacke hast du offensichtlich bei 60 Grad gewaschen.' }],
    },
    {
      name: 'Wiederholungs-Vorwurf',
      text: 'Zum wiederholten Mal: Wir brauchen Ihre Vollmacht.',
      errors: [{ messageId: 'repeat', actual: 'Zum wiederholten Mal: Wir brauchen Ihre Vollmacht.' }],
    },
    {
      name: 'rhetorische Frage',
      text: 'Warum haben Sie das Paket denn überhaupt angenommen?',
      errors: [{ messageId: 'rhetoric', actual: 'Warum haben Sie das Paket denn überhaupt angenommen?' }],
    },
  ],
});
