import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'Grund und Datum', text: 'Ihr Paket kommt wegen der Osterfeiertage erst am Dienstag, 2. April.' },
    { name: 'Frage', text: 'Verzögert sich meine Lieferung?' },
    { name: 'Grund im Folgesatz, Datum im Satz', text: 'Ihre Karte kommt erst am 12. Juni. Der Grund: Ihr Name war falsch geschrieben.' },
  ],
  invalid: [
    {
      name: 'weder Grund noch Datum: Vorschlag ergänzt beides',
      text: 'Ihre Sendung verzögert sich.',
      errors: [{
        messageId: 'noReasonNoDate', start: 0, end: 28,
        suggestions: [{ output: 'Ihre Sendung verzögert sich. Der Grund: [Grund in einfachen Worten]. Neuer Termin: [Datum] – ich halte Sie auf dem Laufenden.' }],
      }],
    },
    {
      name: 'Datum, aber kein Grund',
      text: 'Ihr Wechsel startet nicht wie geplant am 1. Juli, sondern erst am 1. August.',
      errors: [{
        messageId: 'noReason', actual: 'Ihr Wechsel startet nicht wie geplant am 1. Juli, sondern erst am 1. August.',
        suggestions: [{ output: 'Ihr Wechsel startet nicht wie geplant am 1. Juli, sondern erst am 1. August. Der Grund: [Grund in einfachen Worten].' }],
      }],
    },
    {
      name: 'Grund, aber kein Datum; Du-Form',
      text: 'Hi Lea,\n\nwegen einer Krankheit unserer Trainerin verschiebt sich dein Kurs.',
      errors: [{
        messageId: 'noDate', line: 3, column: 1,
        suggestions: [{ output: 'Hi Lea,\n\nwegen einer Krankheit unserer Trainerin verschiebt sich dein Kurs. Neuer Termin: [Datum] – ich melde mich, falls sich daran etwas ändert.' }],
      }],
    },
  ],
});
