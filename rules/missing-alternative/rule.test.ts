import { ruleTester } from '@replylint/core/testing';
import rule from './rule.ts';

ruleTester.run(rule, {
  valid: [
    { name: 'Absage mit Alternative im Folgesatz', text: 'Eine Erstattung ist leider nicht möglich. Gerne biete ich Ihnen stattdessen einen Gutschein über 30 € an.' },
    { name: 'Absage mit Wahl', text: 'Den Wunschtermin können wir nicht halten. Sie haben die Wahl: Lieferung am Freitag oder Abholung in der Filiale.' },
    { name: 'Übergabe mit Termin', text: 'Ich habe Ihr Anliegen an unsere Technik weitergegeben und melde mich bis Freitag bei Ihnen.' },
    { name: 'Angebot des Agenten mit können', text: 'Die Frist ist leider abgelaufen. Ich kann aber eine Wiederherstellung aus dem Backup anstoßen – das dauert zwei Werktage.' },
    { name: 'Bedingung', text: 'Falls das nicht möglich ist, melden Sie sich bitte kurz bei mir.' },
    { name: 'Verweis auf den eigenen Kanal', text: 'Das geht per E-Mail leider nicht. Bitte rufen Sie dafür unsere Service-Hotline an.' },
    { name: 'harmlose Verneinung', text: 'Sie müssen nichts weiter tun, die Gutschrift kommt von selbst.' },
  ],
  invalid: [
    {
      name: 'Absage mit Grund, aber ohne Ausweg: Vorschlag wird angehängt',
      text: 'Danke für Ihre Mail. Eine Umbuchung ist bei diesem Tarif nicht möglich.',
      errors: [{
        messageId: 'noAlternative', actual: 'Eine Umbuchung ist bei diesem Tarif nicht möglich.', line: 1, column: 22, endLine: 1, endColumn: 72,
        suggestions: [{ output: 'Danke für Ihre Mail. Eine Umbuchung ist bei diesem Tarif nicht möglich. Ich kann Ihnen stattdessen zwei Möglichkeiten anbieten: eine Umbuchung gegen eine Gebühr von [Betrag] oder einen Reisegutschein über den vollen Preis. Sagen Sie mir einfach, was Ihnen lieber ist.' }],
      }],
    },
    {
      name: 'Weiterverweis: die ganze Passage, Vorschlag übernimmt den Fall',
      text: 'Für Garantiefälle ist der Hersteller zuständig. Bitte wenden Sie sich direkt an Bosch.',
      errors: [{
        messageId: 'notOurs', actual: 'Für Garantiefälle ist der Hersteller zuständig. Bitte wenden Sie sich direkt an Bosch.',
        suggestions: [{ output: 'Für Garantiefälle ist der Hersteller zuständig. Bitte wenden Sie sich direkt an Bosch. Ich kümmere mich selbst darum: Ich kläre das direkt mit [Hersteller/Dienstleister] und melde mich bis [Datum] bei Ihnen. Wenn Sie nicht so lange warten möchten, kann ich Ihnen stattdessen Folgendes anbieten: eine Reparatur zum Festpreis von [Betrag]. Was ist Ihnen lieber?' }],
      }],
    },
    {
      name: 'Anrede in derselben Zeile gehört nicht zum Fund; du-Form im Vorschlag',
      text: 'Hi Jonas, den Rabatt kann ich dir leider nicht mehr geben.',
      errors: [{
        messageId: 'noAlternative', actual: 'den Rabatt kann ich dir leider nicht mehr geben.', start: 10, end: 58,
        suggestions: [{ output: 'Hi Jonas, den Rabatt kann ich dir leider nicht mehr geben. Ich kann dir stattdessen zwei Möglichkeiten anbieten: einen Gutschein über [Betrag] für deine nächste Bestellung oder kostenlosen Versand bei deiner nächsten Bestellung. Sag mir einfach, was dir lieber ist.' }],
      }],
    },
    {
      name: 'Floskeln zählen nicht als Alternative',
      text: 'Wir haben Ihre Reklamation geprüft. Leider können wir den Betrag nicht erstatten. Bei Fragen stehen wir Ihnen gern zur Verfügung.',
      errors: [{ messageId: 'noAlternative', actual: 'Leider können wir den Betrag nicht erstatten.' }],
    },
    {
      name: 'Passiv und trennbares Verb',
      text: 'Ihr Widerspruch wurde zurückgewiesen.',
      errors: [{ messageId: 'noAlternative', actual: 'Ihr Widerspruch wurde zurückgewiesen.' }],
    },
  ],
});
