import { ruleTester } from '@replylint/core/testing';
import { describe, expect, it } from 'vitest';
import rule, { CODE, looksLikeCode } from './rule.ts';

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

describe('looksLikeCode', () => {
  it('agrees with CODE', () => {
    const samples = [
      'Dir::Etc::main', 'for dir in a b c; do', 'a && b', 'ls -la', 'du --max-depth=1', 'x=1', 'do', 'for', 'fort', 'undo it',
      'Sie -', 'Sie - gibt', 'Sie --', 'a\u00a0-b', 'a\u3000--b', '{{name}}', '$HOME', '`ls`', '<b>', 'a=', '=b', 'é=b',
      'Dodo do. do', '_do_', 'ado', 'do_', 'For', 'FOR', 'vorfor for', 'x:y', 'x:::', '&', '&&&', '', 'Hallo du, wie geht es dir?',
    ];
    for (const t of samples) expect(looksLikeCode(t), t).toBe(CODE.test(t));
    // random strings over the characters that matter
    const alphabet = ['d', 'o', 'f', 'r', '-', '=', ':', '&', ' ', '\u00a0', 'a', '_', '1', 'ä', '$', '.', '\n'];
    let seed = 1;
    const rand = (n: number): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    for (let k = 0; k < 20000; k++) {
      let t = '';
      for (let n = rand(8); n >= 0; n--) t += alphabet[rand(alphabet.length)];
      expect(looksLikeCode(t), JSON.stringify(t)).toBe(CODE.test(t));
    }
  });
});
