import { ruleTester } from '@replylint/core/testing';
import { lintText } from '@replylint/core';
import { describe, expect, it } from 'vitest';
import rule from './rule.ts';

const APPEND = ' Das heißt für Sie konkret: [was die Regel in einfachen Worten bedeutet und warum es sie gibt]. Damit Sie trotzdem weiterkommen, kann ich Ihnen [konkrete Alternative] anbieten – sagen Sie mir einfach, was Ihnen lieber ist.';
const REPLACE = 'Das kann ich leider nicht machen, weil [Grund in einfachen Worten, z. B. „die Ware nach dem Öffnen nicht mehr verkauft werden darf“]. Gerne biete ich Ihnen stattdessen [Alternative] an – was ist Ihnen lieber?';

ruleTester.run(rule, {
  valid: [
    { name: '§ mit „das heißt“ erklärt', text: 'Laut unseren AGB beginnt die Mindestlaufzeit mit der Schaltung, nicht mit der Bestellung. Für Sie heißt das: Ihr Vertrag läuft bis zum 14. Februar.' },
    { name: 'Regel mit „weil“ begründet', text: 'In unseren AGB ist das so geregelt, weil wir Hotels und Flüge für Sie sofort fest bezahlen müssen.' },
    { name: 'Regel mit Zweck („damit“)', text: 'Ohne seine Zustimmung darf ich Ihnen nichts sagen – das schreibt der Datenschutz vor, damit niemand fremde Bestellungen einsehen kann.' },
    { name: 'Regel gibt dem Kunden ein Recht', text: 'Nach § 651m BGB steht Ihnen dafür eine Minderung zu.' },
    { name: 'Pflicht des Unternehmens', text: 'Rechnungsdaten müssen wir wegen der gesetzlichen Aufbewahrungspflicht zehn Jahre behalten, wir verwenden sie aber für nichts anderes.' },
    { name: 'Ausnahme im Folgesatz', text: 'Unser SLA sieht eine Gutschrift erst ab vier Stunden Ausfall vor. Ich verstehe aber Ihren Ärger. Deshalb schreibe ich Ihnen einmalig 15 % der Monatsgebühr gut.' },
    { name: 'Frage', text: 'Gilt das laut AGB nicht auch für Sale-Artikel?' },
    { name: 'Bedingung', text: 'Falls laut Tarif keine Erstattung möglich ist, melde ich mich heute noch bei Ihnen.' },
    { name: 'Zitat des Kunden', text: 'Sie schreiben, man habe Ihnen „aus rechtlichen Gründen“ nichts sagen wollen. Das tut mir leid: Die Auskunft bekommen Sie von mir.' },
    { name: 'Bedingung der Regel in einfachen Worten', text: 'Eine Brille dürfen wir nach § 33 SGB V nur bezahlen, wenn die Sehschwäche sehr stark ist – Ihre Verordnung liegt bei 2,5 Dioptrien.' },
    { name: 'Sicherheitsgründe in Handbüchern', text: 'Aus Sicherheitsgründen überschreiben Kernspeicherabzüge in diesem Modus keine anderen Dateien.' },
    { name: 'Vorgabe = Voreinstellung in Handbüchern', text: 'Falls falsch (die Vorgabe), werden Anmeldungen erlaubt.' },
    { name: 'Verweis auf den Kunden, nicht auf eine Regel', text: 'Laut Sendungsverfolgung wurde das Paket nicht zugestellt; ich schicke Ihnen heute Ersatz.' },
  ],
  invalid: [
    {
      name: 'AGB-Ziffer als Begründung, beide Vorschläge',
      text: 'Gemäß Ziffer 8.3 unserer AGB sind Hygieneartikel vom Umtausch ausgeschlossen.',
      errors: [{
        messageId: 'hiding', start: 0, end: 77,
        suggestions: [
          { output: 'Gemäß Ziffer 8.3 unserer AGB sind Hygieneartikel vom Umtausch ausgeschlossen.' + APPEND },
          { output: REPLACE },
        ],
      }],
    },
    {
      name: 'Datenschutzgründe, Kompositum, zweiter Satz',
      text: 'Danke für Ihre Nachricht. Aus Datenschutzgründen dürfen wir Ihnen am Telefon keine Auskünfte erteilen.',
      errors: [{ messageId: 'hiding', actual: 'Aus Datenschutzgründen dürfen wir Ihnen am Telefon keine Auskünfte erteilen.', line: 1, column: 27 }],
    },
    {
      name: 'Richtlinien als Subjekt',
      text: 'Sorry, unsere Richtlinien erlauben keine Teillieferungen.',
      errors: [{ messageId: 'hiding', actual: 'Sorry, unsere Richtlinien erlauben keine Teillieferungen.' }],
    },
    {
      name: 'Verweis ohne Verneinung',
      text: 'Wir verweisen auf § 4 Abs. 2 unserer Mietbedingungen.',
      errors: [{ messageId: 'hiding', actual: 'Wir verweisen auf § 4 Abs. 2 unserer Mietbedingungen.' }],
    },
    {
      name: 'Alternative allein reicht nicht: die Regel bleibt unerklärt',
      text: 'Nach unseren Rückgaberichtlinien nehmen wir Elektrogeräte nur originalverpackt zurück. Sie können den Toaster aber gegen einen Gutschein eintauschen.',
      errors: [{ messageId: 'hiding', actual: 'Nach unseren Rückgaberichtlinien nehmen wir Elektrogeräte nur originalverpackt zurück.' }],
    },
    {
      name: '„daher“ erklärt nichts',
      text: 'Laut Kleingedrucktem sind Anrufe zu Sonderrufnummern nicht in der Flatrate enthalten, die 38,70 € bleiben daher bestehen.',
      errors: [{ messageId: 'hiding' }],
    },
    {
      name: 'Abkürzung lt. und Bindestrich-Kompositum',
      text: 'Lt. AGB-Bestimmungen ist eine Stornierung nur bis 24 Stunden vorher möglich.',
      errors: [{ messageId: 'hiding' }],
    },
    {
      name: 'entspricht nicht unseren Richtlinien',
      text: 'Das entspricht nicht unseren Beförderungsrichtlinien.',
      errors: [{ messageId: 'hiding' }],
    },
    {
      name: 'Pflicht, die zur Absage wird',
      text: 'Wir müssen uns an die Vorschriften halten und können daher keine Ausnahme machen.',
      errors: [{ messageId: 'hiding' }],
    },
    {
      name: 'Behörde: Paragraph und Versagung',
      text: 'Nach § 66 SGB I sind wir berechtigt, die Leistung zu versagen.',
      errors: [{ messageId: 'hiding' }],
    },
  ],
});

describe('paragraph-hiding: Vorschläge', () => {
  it('die angehängte Erklärung beseitigt den Fund', () => {
    const text = 'Aus rechtlichen Gründen können wir Ihnen keine Auskunft geben.';
    const run = (t: string) => lintText(t, { rules: [rule] }).findings;
    const [f] = run(text);
    expect(f).toBeDefined();
    const s = f!.suggestions[0]!;
    expect(run(text.slice(0, s.start) + s.text + text.slice(s.end))).toEqual([]);
    const r = f!.suggestions[1]!;
    expect(run(text.slice(0, r.start) + r.text + text.slice(r.end))).toEqual([]);
  });
});
