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
