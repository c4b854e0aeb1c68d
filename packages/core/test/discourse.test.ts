import { describe, it, expect } from 'vitest';
import { buildDoc } from '../src/linter.ts';
import * as discourse from '../src/discourse.ts';

const doc = (t: string) => buildDoc(t).doc;
/** The refusal kind of the first refusing sentence of a text, or null. */
const refusal = (t: string): string | null => {
  for (const s of doc(t).sentences) {
    const r = discourse.findRefusal(s);
    if (r) return r.kind;
  }
  return null;
};
const wayForward = (t: string): boolean => doc(t).sentences.some((s) => discourse.wayForwardIn(s));

describe('refusals', () => {
  it('finds refusals in their inflected and separable forms and free word order', () => {
    const cases: Array<[string, string]> = [
      ['Das geht nicht.', 'cannot'],
      ['Geht leider nicht, sorry!', 'cannot'],
      ['Eine Reservierung von Ware ist nicht möglich.', 'cannot'],
      ['Da können wir leider nichts mehr machen.', 'cannot'],
      ['Mir sind die Hände gebunden.', 'cannot'],
      ['Wir nehmen generell keine Saisonware zurück.', 'policy'],
      ['Die Ware tauschen wir grundsätzlich nicht um.', 'policy'],
      ['Kein Kassenbon, kein Umtausch.', 'policy'],
      ['Einen Preisnachlass können wir Ihnen leider nicht gewähren.', 'service'],
      ['Eine Erstattung kann gemäß § 6 der Verkaufsbedingungen nicht gewährt werden.', 'decision'],
      ['Ihr Antrag auf Kulanz wurde abgelehnt.', 'decision'],
      ['Eine Überprüfung des Anschlusses lehnen wir ab.', 'decision'],
      ['Ihrem Widerspruch wird nicht abgeholfen.', 'decision'],
      ['Rückerstattung gibt\'s keine.', 'service'],
      ['Wir sind leider nicht in der Lage, Ihnen den Betrag zu erstatten.', 'cannot'],
      ['Eine Entschädigung steht Ihnen nicht zu.', 'cannot'],
      ['Leider ist der Artikel nicht mehr lieferbar.', 'unavailable'],
      ['Darauf haben wir leider keinen Einfluss.', 'nocontrol'],
      ['Für Garantiefälle ist der Hersteller zuständig.', 'nocontrol'],
      ['Bitte wenden Sie sich direkt an den Hersteller.', 'deflect'],
      ['Wende dich bitte an den Apple Support.', 'deflect'],
      ['Das ist nicht unser Problem.', 'blame'],
      ['Nein.', 'no'],
    ];
    for (const [text, kind] of cases) expect(refusal(text), text).toBe(kind);
  });

  it('ignores harmless negation, conditions, questions and quotes', () => {
    for (const text of [
      'Kein Problem, das erledige ich gern für Sie.',
      'Sie müssen nichts weiter tun.',
      'Zögern Sie nicht, uns anzurufen.',
      'Das kostet Sie nichts.',
      'Die Rücksendung ist für Sie kostenlos.',
      'Falls das nicht möglich ist, rufen Sie uns einfach an.',
      'Sollte das nicht möglich sein, melde ich mich.',
      'Ist das wirklich nicht möglich?',
      'Geht das nicht auch per E-Mail?',
      'Sie schrieben: „Das geht nicht, ich will mein Geld zurück.“',
      'Wenn Sie den Zählerstand richtig abgelesen hätten, gäbe es jetzt keine Nachzahlung.',
      'Das geht nicht nur schneller, sondern spart Ihnen auch Porto.',
      'Weil die Jacke in Größe M ausverkauft ist, haben wir Ihnen Größe L geschickt.',
      'Wenden Sie sich bitte an unseren Kundenservice.',
      'Frau Kurz ist bis Montag im Urlaub; danach meldet sie sich direkt bei Ihnen.',
    ]) expect(refusal(text), text).toBeNull();
  });

  it('keeps neutral technical prose quiet', () => {
    for (const text of [
      'Dagegen ist es nicht möglich, Einhängeoptionen rekursiv zu ändern (zum Beispiel mit -o rbind,ro).',
      'Beachten Sie, dass die Priorität keinen Einfluss auf die Anordnung von Partitionen hat.',
      'mkswap verweigert die Erstellung von Bereichen, die kleiner als 10 Seiten sind.',
      'Es gibt KEINE GARANTIE, soweit gesetzlich zulässig.',
      'gibt keine Liste aller Pakete aus, für die ein Upgrade durchgeführt werden kann.',
      'Terminal-Cflags (Steuermodi) werden nicht zurückgesetzt.',
    ]) expect(refusal(text), text).toBeNull();
  });
});

describe('reasons', () => {
  it('sees causal clauses, a following "Der Grund" and cited rules in the same sentence', () => {
    const reasoned = (t: string): boolean => {
      const d = doc(t);
      const r = discourse.refusals(d)[0]!;
      return discourse.reasonFor(d, r);
    };
    expect(reasoned('Das geht leider nicht, weil die Ware schon versandt ist.')).toBe(true);
    expect(reasoned('Da der Artikel bereits an unser Lager übergeben wurde, können wir die Bestellung nicht mehr ändern.')).toBe(true);
    expect(reasoned('Das geht leider nicht. Der Grund: Die Ware wurde bereits versandt.')).toBe(true);
    expect(reasoned('Das ist laut Reisebedingungen leider ausgeschlossen.')).toBe(true);
    // an adverbial "da" is no reason, pointing at the AGB in the next sentence explains nothing
    expect(reasoned('Da kann ich nichts machen.')).toBe(false);
    expect(reasoned('Die Rückgabe ist ausgeschlossen. Weitere Informationen finden Sie in unseren AGB.')).toBe(false);
  });
});

describe('ways forward', () => {
  it('counts alternatives, offers, actions of the agent, next steps and choices', () => {
    for (const text of [
      'Gerne können wir Ihnen stattdessen einen Gutschein über 50 € anbieten.',
      'Alternativ buche ich Ihnen kostenlos einen anderen Termin um.',
      'Sie haben die Wahl: Reparatur für 89 € oder ein Gutschein über den vollen Betrag.',
      'Ich habe Ihr Anliegen an unsere Technik weitergegeben und melde mich bis Freitag bei Ihnen.',
      'Bis dahin schicken wir Ihnen kostenlos ein Leihgerät.',
      'Sie können die Reise aber bis 24 Stunden vor Abflug kostenlos umbuchen.',
      'Ich kann eine Wiederherstellung aus dem Backup anstoßen.',
      'Bitte rufen Sie dafür unsere Service-Hotline an.',
      'Was ist Ihnen lieber?',
    ]) expect(wayForward(text), text).toBe(true);
  });

  it('does not count courtesy, sending away, refused offers or history', () => {
    for (const text of [
      'Bei Fragen stehen wir Ihnen gern zur Verfügung.',
      'Gerne helfen wir Ihnen weiter.',
      'Wir bitten um Ihr Verständnis.',
      'Bitte wenden Sie sich direkt an den Hersteller.',
      'Weil das Schiff voll ausgebucht ist, können wir Ihnen keine Außenkabine mehr anbieten.',
      'Wir haben Ihre Reklamation sorgfältig geprüft.',
      'Das Gutachten haben wir Ihnen bereits geschickt.',
      'Die gesetzlichen Bestimmungen erlauben uns nicht, Ihnen die Verbindungsdaten zur Verfügung zu stellen.',
      'Der Rabatt galt nur bis Sonntag.',
    ]) expect(wayForward(text), text).toBe(false);
  });
});

describe('reply helpers', () => {
  it('treats quoted history as not the agent\'s text', () => {
    const d = doc('Ich habe die Erstattung veranlasst.\n\nAm 12.03.2024 um 10:15 schrieb Petra Berger:\n> Das geht so nicht!');
    expect(discourse.refusals(d)).toHaveLength(0);
    // the guard also holds on raw sentences, before any input format blanked the history out
    expect(discourse.historyStart({ ...d, text: 'Danke.\nAm 1. März schrieb Petra:\n> Nein.', memo: [] })).toBe(7);
  });

  it('skips a salutation on the same line and detects informal address', () => {
    const d = doc('Hi Jonas, das geht leider nicht.');
    const r = discourse.bodyRange(d.sentences[0]!);
    expect(d.text.slice(r.start, r.end)).toBe('das geht leider nicht.');
    expect(discourse.informal(doc('Hallo Tom, kannst du mir deine Nummer schicken?'))).toBe(true);
    expect(discourse.informal(doc('Können Sie mir Ihre Nummer schicken?'))).toBe(false);
  });
});

describe('refusal language (unseen wording)', () => {
  it('recognises refusals in new forms', () => {
    const cases: Array<[string, string]> = [
      ['Von einer Erstattung müssen wir absehen.', 'decision'],
      ['Wir haben beschlossen, die Mahngebühr nicht zu erlassen.', 'service'],
      ['Daraus wird leider nix.', 'cannot'],
      ['Sorry, Umtausch nach 14 Tagen is nich.', 'cannot'],
      ['Nein, sorry.', 'no'],
      ['Der Sturmschaden ist über Ihre Police nicht gedeckt.', 'unavailable'],
    ];
    for (const [t, kind] of cases) expect(refusal(t), t).toBe(kind);
  });
  it('does not read offers, own cancellations or named channels as refusals', () => {
    for (const t of ['Gerne kürzen wir Ihnen die Hose kostenlos.', 'Ich habe die doppelte Buchung storniert.', 'Die Anmeldung zum Kurs ist nur online möglich.', 'Ich lösche nichts ohne Ihre Zustimmung.']) {
      expect(refusal(t), t).toBeNull();
    }
  });
  it('finds dismissals that close the matter', () => {
    const first = (t: string) => doc(t).sentences.map((s) => discourse.dismissalIn(s)).find((i) => i >= 0) ?? -1;
    expect(first('Damit ist der Vorgang für uns abgeschlossen.')).toBeGreaterThanOrEqual(0);
    expect(first('Damit musst du leben.')).toBeGreaterThanOrEqual(0);
    expect(first('Ist der Vorgang für Sie damit abgeschlossen?')).toBe(-1);
  });
  it('counts a new date and customer steps on our side as a way forward', () => {
    expect(wayForward('Ein neuer Termin kommt bis Mittwoch per SMS.')).toBe(true);
    expect(wayForward('Sie können bis Freitag eine neue Karte hinterlegen oder auf PayPal umstellen.')).toBe(true);
  });
});

describe('refusals in a reply to a customer, kept-up charges, unavailability (probe-missing-alternative)', () => {
  const letter = (t: string): string | null => {
    const d = doc(t);
    const r = discourse.refusals(d, { letter: true });
    return r.length ? r[0]!.kind : null;
  };
  it('keeps impersonal refusals aside and counts them in a reply with salutation or greetings', () => {
    const t = 'Hallo Frau Ernst,\n\ndas Sofa ist nicht mehr lieferbar, das Modell wurde eingestellt.\n\nViele Grüße\nMöbelhaus Lind';
    expect(refusal(t)).toBeNull();
    expect(letter(t)).toBe('unavailable');
    expect(discourse.addressedReply(doc(t))).toBe(true);
    // neutral prose: no salutation, no greetings
    expect(discourse.addressedReply(doc('Das Paket ist nicht mehr verfügbar. Die Option entfällt.'))).toBe(false);
    expect(letter('Die Option ist in dieser Version nicht mehr verfügbar.')).toBeNull();
  });
  it('recognises new refusal families', () => {
    const cases: Array<[string, string]> = [
      ['Es bleibt bei der Stornogebühr von 40 Prozent.', 'policy'],
      ['Leider bleibt es bei der Kontoführungsgebühr.', 'policy'],
      ['Wir halten an unserer Entscheidung fest.', 'policy'],
      ['Die Kosten müssen wir Ihnen leider in Rechnung stellen.', 'policy'],
      ['Ein Fahrzeug mit Automatik haben wir heute nicht mehr.', 'unavailable'],
      ['Einen Ökostrom-Tarif haben wir in deiner Region leider nicht im Angebot.', 'unavailable'],
      ['Ihre Rechnungen aus dem Jahr 2018 liegen uns nicht mehr vor.', 'unavailable'],
      ['Ihre Lizenz lässt sich nicht auf einen zweiten Rechner übertragen.', 'service'],
      ['Ein Konto für Ihren Verein eröffnen wir ohne Vereinsregister nicht.', 'service'],
      ['Für den Sturmschaden besteht leider kein Anspruch auf Leistungen, weil das Gartenhaus nicht mitversichert ist.', 'cannot'],
      ['Eine Gutschrift für den Ausfall erhalten Sie nicht, da die Störung kürzer war.', 'cannot'],
      ['Eine Lieferung an eine Packstation geht bei Sperrgut nicht, weil die Fächer zu klein sind.', 'cannot'],
      ['Die Kündigung zum 1. März ist nicht mehr wirksam möglich.', 'cannot'],
    ];
    for (const [t, kind] of cases) expect([t, refusal(t)]).toEqual([t, kind]);
  });
  it('does not read consequences, results, good news or concessions as refusals', () => {
    for (const t of [
      'Wenn Sie nichts ändern, bleibt es bei der vierteljährlichen Abbuchung.',
      'Die Nachzahlung fällt deutlich geringer aus als im letzten Jahr.',
      'Die Störung liegt nicht mehr vor.',
      'Es gibt keine Probleme mehr mit dem Login.',
      'Das Paket haben wir noch nicht.',
      'An Ihrer Adresse gibt es laut unserer Netzkarte keine Störung.',
    ]) expect([t, refusal(t)]).toEqual([t, null]);
    const d = doc('Sobald ich die Unterlagen habe, übertrage ich die Nummer – sie bleibt reserviert, auch wenn der Vertrag gekündigt ist.');
    expect(d.sentences.flatMap((s) => discourse.refusalHits(s))).toEqual([]);
  });
  it('counts replacements, "ist aber möglich" and "geht es aber" as ways forward, not a third subject\'s action', () => {
    expect(wayForward('Ersatz gibt es ab 14 Uhr.')).toBe(true);
    expect(wayForward('Ihr Ticket gilt für jeden anderen Zug am selben Tag.')).toBe(true);
    expect(wayForward('Eine Stundung bis zum 30. September ist aber möglich.')).toBe(true);
    expect(wayForward('Über die App geht es aber in zwei Minuten.')).toBe(true);
    expect(wayForward('Ich habe in deiner Buchung vermerkt, dass du am Fenster sitzen möchtest.')).toBe(true);
    expect(wayForward('Wir haben den Anschluss gemessen: Die Leitung ist in Ordnung und liefert die volle Bandbreite.')).toBe(false);
  });
  it('reads a denied problem as a dismissal', () => {
    for (const t of ['Einen Mangel können wir nicht feststellen.', 'Eine Störung liegt nicht vor.', 'Im Messprotokoll sehen wir keinerlei Auffälligkeiten.']) {
      expect([t, doc(t).sentences.some((s) => discourse.dismissalIn(s) >= 0)]).toEqual([t, true]);
    }
  });
});
