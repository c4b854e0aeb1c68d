import { describe, expect, it } from 'vitest';
import { fold } from '@replylint/core';
import { ruleTester } from '@replylint/core/testing';
import rule, { FEE_HINT } from './rule.ts';
import { fee } from './phrases.gen.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'kostenlose 0800-Nummer', text: 'Rufen Sie uns kostenlos unter 0800 123 4455 an.' },
    { name: 'bloße Erwähnung einer 0180-Nummer', text: 'Die 0180-Nummer ist seit 2022 abgeschaltet.' },
    { name: 'zitierter Kundentext', text: 'Sie schrieben: „Ich soll die 0900 1 234567 anrufen?“ Nein, ich rufe Sie kostenlos zurück.' },
  ],
  invalid: [
    {
      name: '0900-Nummer mit Minutenpreis, Vorschlag',
      text: 'Danke. Bitte rufen Sie 0900 1 234567 an (1,99 €/Min.).',
      errors: [{
        messageId: 'premiumNumber', actual: 'Bitte rufen Sie 0900 1 234567 an (1,99 €/Min.).', line: 1, column: 8,
        suggestions: [{ output: 'Danke. Antworten Sie einfach auf diese E-Mail oder rufen Sie uns kostenlos unter [0800-Nummer] an – ich kümmere mich direkt darum.' }],
      }],
    },
    {
      name: 'kostenpflichtige Hotline, Du-Form im Vorschlag',
      text: 'Für deine Frage nutz bitte unsere kostenpflichtige Hotline.',
      errors: [{
        messageId: 'paidChannel', start: 0, end: 59,
        suggestions: [{ output: 'Antworte einfach auf diese Nachricht oder ruf uns kostenlos unter [0800-Nummer] an – ich kümmere mich direkt darum.' }],
      }],
    },
    {
      name: 'Preis pro Anruf ohne Vorwahl',
      text: 'Ihre Frage beantwortet unser Service-Center (0,20 €/Anruf).',
      errors: [{ messageId: 'paidChannel', actual: 'Ihre Frage beantwortet unser Service-Center (0,20 €/Anruf).' }],
    },
  ],
});

describe('fee phrases', () => {
  it('each holds a fee word (the rule skips the fee look-up in sentences without one)', () => {
    for (const e of fee) for (const p of typeof e.pattern === 'string' ? [e.pattern] : e.pattern) expect(fold(p)).toMatch(FEE_HINT);
  });
});
