import { describe, it, expect } from 'vitest';
import { verbForms } from '../src/morph.ts';

describe('verb inflection', () => {
  it('strong verbs with separable particle', () => {
    const v = verbForms('zurück|nehmen');
    for (const f of ['zuruecknehmen', 'zurueckgenommen', 'zurueckzunehmen']) expect(v.forms.has(f), f).toBe(true);
    for (const f of ['nehmen', 'nimmt', 'nahm', 'nahmen']) expect(v.splitForms.has(f), f).toBe(true);
    expect(v.particle).toBe('zurueck');
  });
  it('mixed verbs: wenden/wandte/gewandt and weak forms', () => {
    const v = verbForms('wenden');
    for (const f of ['wenden', 'wende', 'wendet', 'wandte', 'wandten', 'gewandt', 'gewendet', 'wendete']) expect(v.forms.has(f), f).toBe(true);
  });
  it('inseparable prefixes take no ge- in the participle', () => {
    expect(verbForms('verweisen').forms.has('verwiesen')).toBe(true);
    expect(verbForms('verweisen').forms.has('verwies')).toBe(true);
    expect(verbForms('erstatten').forms.has('erstattet')).toBe(true);
    expect(verbForms('entscheiden').forms.has('entschieden')).toBe(true);
    expect(verbForms('bearbeiten').forms.has('gebearbeitet')).toBe(false);
  });
  it('weak verbs, -ieren verbs, -eln verbs', () => {
    expect([...verbForms('reparieren').forms]).toEqual(expect.arrayContaining(['repariert', 'reparierte', 'reparieren']));
    expect([...verbForms('um|tauschen').forms]).toEqual(expect.arrayContaining(['umgetauscht', 'umzutauschen', 'umtauschen']));
    expect(verbForms('handeln').forms.has('handle')).toBe(true);
  });
  it('an -e- before -t only where German has one: wartet, atmet, rechnet, öffnet — but stimmt, nennt, filmt, wohnt', () => {
    for (const [v, f] of [['warten', 'wartet'], ['atmen', 'atmet'], ['rechnen', 'rechnet'], ['oeffnen', 'oeffnet'], ['zeichnen', 'zeichnet'], ['widmen', 'widmet']]) expect(verbForms(v!).forms.has(f!), f).toBe(true);
    for (const [v, f] of [['stimmen', 'stimmt'], ['zu|stimmen', 'zugestimmt'], ['bestimmen', 'bestimmt'], ['trennen', 'trennt'], ['filmen', 'filmt'], ['lernen', 'lernt'], ['wohnen', 'wohnt']]) expect(verbForms(v!).forms.has(f!), f).toBe(true);
  });
  it('modal verbs', () => {
    const v = verbForms('können');
    for (const f of ['kann', 'kannst', 'koennen', 'konnte', 'koennte', 'koennten']) expect(v.forms.has(f), f).toBe(true);
  });
});

describe('prefixes without |', () => {
  const has = (lemma: string, yes: string[], no: string[] = []): void => {
    const v = verbForms(lemma);
    for (const f of yes) expect(v.forms.has(f), `${lemma}: ${f}`).toBe(true);
    for (const f of no) expect(v.forms.has(f), `${lemma}: not ${f}`).toBe(false);
  };
  it('über- is inseparable: übernommen, übernimmt, übernahm — never "geuebernehmt"', () => {
    has('übernehmen', ['uebernehmen', 'uebernimmt', 'uebernimmst', 'uebernahm', 'uebernahmen', 'uebernommen', 'uebernaehme'], ['geuebernehmt', 'uebernehmte', 'uebergenommen']);
    has('übertragen', ['uebertraegt', 'uebertrug', 'uebertragen'], ['uebertragte', 'geuebertragt']);
    has('überweisen', ['ueberweist', 'ueberwies', 'ueberwiesen'], ['geueberweist', 'ueberweiste']);
    has('übertreiben', ['uebertreibt', 'uebertrieb', 'uebertrieben', 'uebertreib'], ['uebertreibte']);
    has('überprüfen', ['ueberprueft', 'ueberpruefte', 'ueberpruefen'], ['geueberprueft']);
    has('überführen', ['ueberfuehrt', 'ueberfuehrte'], ['geueberfuehrt']);
    has('übergeben', ['uebergibt', 'uebergab', 'uebergeben'], ['uebergegeben']);
    has('überdenken', ['ueberdenkt', 'ueberdachte', 'ueberdacht']);
    has('übersehen', ['uebersieht', 'uebersah', 'uebersehen']);
    has('überschreiten', ['ueberschreitet', 'ueberschritt', 'ueberschritten']);
  });
  it('unter-, wider-, durch-, um-, hinter-, voll- are inseparable when not marked', () => {
    has('unterschreiben', ['unterschreibt', 'unterschrieb', 'unterschrieben'], ['untergeschrieben', 'geunterschreibt']);
    has('unternehmen', ['unternimmt', 'unternahm', 'unternommen']);
    has('unterlassen', ['unterlaesst', 'unterliess', 'unterlassen']);
    has('untersagen', ['untersagt', 'untersagte'], ['geuntersagt']);
    has('widersprechen', ['widerspricht', 'widersprach', 'widersprochen'], ['widergesprochen']);
    has('durchsuchen', ['durchsucht', 'durchsuchte'], ['durchgesucht', 'gedurchsucht']);
    has('umarmen', ['umarmt', 'umarmte'], ['umgearmt', 'geumarmt']);
    has('hinterlegen', ['hinterlegt', 'hinterlegte'], ['gehinterlegt']);
    has('vollenden', ['vollendet', 'vollendete'], ['gevollendet']);
  });
  it('the same prefixes marked with | are separable', () => {
    const v = verbForms('über|laufen');
    for (const f of ['uebergelaufen', 'ueberzulaufen', 'ueberlaeuft']) expect(v.forms.has(f), f).toBe(true);
    for (const f of ['laeuft', 'lief']) expect(v.splitForms.has(f), f).toBe(true);
    has('unter|bringen', ['untergebracht', 'unterzubringen', 'unterbrachte']);
    has('durch|führen', ['durchgefuehrt', 'durchzufuehren']);
    const u = verbForms('um|tauschen');
    for (const f of ['umgetauscht', 'umzutauschen', 'umtauschen', 'umtauscht']) expect(u.forms.has(f), f).toBe(true);
    for (const f of ['tauschen', 'tauscht', 'tauschte', 'tauschten']) expect(u.splitForms.has(f), f).toBe(true);
    expect(u.particle).toBe('um');
  });
  it('inseparable prefix inside a separable verb: zurück|überweisen, an|erkennen, weiter|verbinden', () => {
    const v = verbForms('zurück|überweisen');
    for (const f of ['zurueckueberwiesen', 'zurueckzuueberweisen']) expect(v.forms.has(f), f).toBe(true);
    for (const f of ['ueberweist', 'ueberwies']) expect(v.splitForms.has(f), f).toBe(true);
    expect(v.forms.has('zurueckgeueberweist')).toBe(false);
    has('an|erkennen', ['anerkannt', 'anzuerkennen', 'anerkannte']);
    has('weiter|verbinden', ['weiterverbunden', 'weiterzuverbinden']);
  });
  it('ge- of a base verb and an inseparable prefix: entgangen, vergeben, ergeben, gehört', () => {
    has('entgehen', ['entgangen', 'entging'], ['entgegangen']);
    has('vergeben', ['vergeben', 'vergibt', 'vergab'], ['vergegeben']);
    has('gehören', ['gehoert', 'gehoerte'], ['gegehoert']);
    has('gefallen', ['gefaellt', 'gefiel', 'gefallen']);
  });
  it('an unmarked separable verb gives its contiguous forms: eingehalten, zugestellt, nachvollzogen', () => {
    has('einhalten', ['einhalten', 'einhaelt', 'einhielt', 'eingehalten', 'einzuhalten'], ['geeinhaltet', 'einhaltete']);
    has('zustellen', ['zustellt', 'zugestellt', 'zuzustellen'], ['gezustellt']);
    has('nachvollziehen', ['nachvollzieht', 'nachvollzogen', 'nachzuvollziehen'], ['genachvollzieht']);
    has('anrufen', ['angerufen', 'anrief', 'anzurufen'], ['anrufte']);
    has('teilnehmen', ['teilnimmt', 'teilgenommen', 'teilnahm']);
    has('zurücklegen', ['zurueckgelegt', 'zurueckzulegen']);
    expect(verbForms('einhalten').particle).toBe('');
    expect(verbForms('einhalten').splitForms.size).toBe(0);
    // not a particle: antworten, analysieren, beinhalten, teilen
    has('antworten', ['antwortet', 'geantwortet'], ['angetwortet']);
    has('analysieren', ['analysiert']);
    has('beinhalten', ['beinhaltet'], ['beingehalten']);
    has('teilen', ['teilt', 'geteilt']);
    has('wiederholen', ['wiederholt', 'wiederholte'], ['gewiederholt']);
    has('wiederherstellen', ['wiederhergestellt', 'wiederherzustellen'], ['gewiederherstellt']);
    has('wiedergeben', ['wiedergegeben', 'wiedergibt']);
    has('entgegenkommen', ['entgegengekommen', 'entgegenkommt', 'entgegenkam']);
  });
});

describe('strong and mixed verbs', () => {
  const has = (lemma: string, yes: string[], no: string[] = []): void => {
    const v = verbForms(lemma);
    for (const f of yes) expect(v.forms.has(f), `${lemma}: ${f}`).toBe(true);
    for (const f of no) expect(v.forms.has(f), `${lemma}: not ${f}`).toBe(false);
  };
  it('ablaut in past and participle, umlaut or e → i in the present', () => {
    has('messen', ['misst', 'mass', 'massen', 'gemessen', 'miss'], ['gemesst', 'messte']);
    has('nach|messen', ['nachgemessen']);
    has('treiben', ['treibt', 'trieb', 'getrieben'], ['treibte']);
    has('betreiben', ['betreibt', 'betrieb', 'betrieben'], ['betreibte']);
    has('fahren', ['faehrt', 'faehrst', 'fuhr', 'gefahren']);
    has('laufen', ['laeuft', 'lief', 'gelaufen']);
    has('geben', ['gibt', 'gib', 'gab', 'gegeben']);
    has('nehmen', ['nimmt', 'nimm', 'nahm', 'genommen']);
    has('halten', ['haelt', 'hielt', 'gehalten', 'haltet'], ['haltt']);
    has('lesen', ['liest', 'lies', 'las', 'gelesen']);
    has('vergessen', ['vergisst', 'vergass', 'vergessen'], ['vergesste']);
    has('fliegen', ['fliegt', 'flog', 'geflogen']);
    has('streichen', ['streicht', 'strich', 'gestrichen']);
    has('verbinden', ['verbindet', 'verband', 'verbunden']);
    has('verschwinden', ['verschwindet', 'verschwand', 'verschwunden']);
    has('genießen', ['geniesst', 'genoss', 'genossen']);
    has('verzeihen', ['verzeiht', 'verzieh', 'verziehen']);
    has('lügen', ['luegt', 'log', 'gelogen']);
  });
  it('an -e- after d/t in strong and weak verbs: rechnet, arbeitet, findet, bietet', () => {
    has('rechnen', ['rechnet', 'rechnete', 'gerechnet']);
    has('arbeiten', ['arbeitet', 'arbeitest', 'arbeitete', 'gearbeitet']);
    has('finden', ['findet', 'findest', 'fand', 'fandest', 'gefunden']);
    has('bieten', ['bietet', 'bot', 'geboten']);
  });
  it('mixed verbs: brachte, dachte, kannte, nannte, sandte/sendete, wandte/wendete', () => {
    has('bringen', ['bringt', 'brachte', 'gebracht', 'braechte']);
    has('denken', ['denkt', 'dachte', 'gedacht']);
    has('kennen', ['kennt', 'kannte', 'gekannt']);
    has('nennen', ['nennt', 'nannte', 'genannt']);
    has('senden', ['sendet', 'sandte', 'sendete', 'gesandt', 'gesendet']);
    has('versenden', ['versendet', 'versandte', 'versendete', 'versandt']);
    has('verwenden', ['verwendet', 'verwandte', 'verwendete', 'verwendet', 'verwandt']);
  });
  it('hängen is strong (hing) and weak (hängte, angehängt)', () => {
    has('an|hängen', ['angehaengt', 'anhaengte', 'angehangen']);
  });
  it('irregular verbs and modal verbs: wissen, tun, sein, mögen, dürfen, müssen, wollen, sollen', () => {
    has('wissen', ['weiss', 'weisst', 'wissen', 'wisst', 'wusste', 'gewusst', 'wuesste']);
    has('tun', ['tue', 'tut', 'tat', 'getan', 'taete']);
    has('sein', ['bin', 'bist', 'ist', 'sind', 'seid', 'war', 'gewesen', 'waere', 'sei']);
    has('mögen', ['mag', 'magst', 'mochte', 'moechte', 'gemocht']);
    has('dürfen', ['darf', 'darfst', 'durfte', 'duerfte']);
    has('müssen', ['muss', 'musst', 'musste', 'muesste']);
    has('wollen', ['will', 'willst', 'wollte']);
    has('sollen', ['soll', 'sollst', 'sollte']);
  });
});

describe('no forms of another verb', () => {
  it('fahren has no contracted plural Konjunktiv "führt" (führen), but sein keeps "wärt"', () => {
    expect(verbForms('fahren').forms.has('fuehrt')).toBe(false);
    expect(verbForms('sein').forms.has('waert')).toBe(true);
    expect(verbForms('sein').forms.has('waerst')).toBe(true);
    expect(verbForms('kommen').forms.has('kaemst')).toBe(true);
  });
});
