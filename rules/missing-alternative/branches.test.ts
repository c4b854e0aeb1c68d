import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

const template = (ifBranch: string, elseBranch: string): string =>
  `Hallo {{ticket.requester.first_name}},\n\n{{#if refundable}}\n${ifBranch}\n{{else}}\n${elseBranch}\n{{/if}}\n\nViele Grüße\n{{agent.name}}`;

ruleTester.run(rule, {
  valid: [
    {
      name: 'Vorlage: beide Zweige mit Alternative',
      format: 'template',
      text: template('Gerne erstatten wir Ihnen den Betrag.', 'Eine Erstattung ist leider nicht möglich. Gerne biete ich Ihnen stattdessen einen Gutschein über 25 € an.'),
    },
    {
      name: 'Vorlage: Alternative im gemeinsamen Text gilt für jeden Zweig',
      format: 'template',
      text: `{{#if a}}\nEine Erstattung ist leider nicht möglich.\n{{else}}\nEin Umtausch ist leider nicht möglich.\n{{/if}}\n\nGerne biete ich Ihnen stattdessen einen Gutschein über 25 € an.`,
    },
  ],
  invalid: [
    {
      name: 'Vorlage: die Alternative im if-Zweig rettet die Absage im else-Zweig nicht',
      format: 'template',
      text: template('Gerne erstatten wir Ihnen den Betrag. Alternativ erhalten Sie einen Gutschein über 25 €.', 'eine Erstattung ist leider nicht möglich.'),
      errors: [{ messageId: 'noAlternative', actual: 'eine Erstattung ist leider nicht möglich.', line: 6, column: 1 }],
    },
  ],
});
