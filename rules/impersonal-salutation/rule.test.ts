import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

const body = '\n\nIhr Paket ist unterwegs.\n\nViele Grüße\nJan';

ruleTester.run(rule, {
  valid: [
    { name: 'Anrede mit Name', text: `Hallo Herr Dr. Meier,${body}` },
    { name: 'Chat ohne Grußformel und ohne Anrede', text: 'Ihre Sendung ist gerade in der Zustellung.' },
  ],
  invalid: [
    {
      name: 'förmliche Sammelanrede: Vorschläge mit Namen',
      text: `Sehr geehrte Damen und Herren,${body}`,
      errors: [{
        messageId: 'impersonal', start: 0, end: 30, line: 1, column: 1,
        suggestions: [
          { output: `Sehr geehrte Frau [Nachname],${body}` },
          { output: `Sehr geehrter Herr [Nachname],${body}` },
          { output: `Guten Tag {{ticket.requester.name}},${body}` },
        ],
      }],
    },
    {
      name: 'Hallo ohne Namen: Platzhalter',
      text: `Hallo,${body}`,
      errors: [{
        messageId: 'impersonal', actual: 'Hallo,',
        suggestions: [{ output: `Hallo {{ticket.requester.first_name}},${body}` }, { output: `Guten Tag {{ticket.requester.name}},${body}` }],
      }],
    },
    {
      name: 'fehlende Anrede im Brief im Du',
      text: 'danke für deine Nachricht! Dein Export hängt.\n\nLiebe Grüße\nTom',
      errors: [{
        messageId: 'missing', actual: 'danke für deine Nachricht!',
        suggestions: [{ output: 'Hallo {{ticket.requester.first_name}},\n\ndanke für deine Nachricht! Dein Export hängt.\n\nLiebe Grüße\nTom' }],
      }],
    },
  ],
});
