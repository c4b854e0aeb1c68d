/** The workspace quick fixes edit JSON, YAML and package.json configs without disturbing the rest. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editConfigText, phraseOf } from '../src/edits.ts';

describe('config edits', () => {
  it('creates a new .replylintrc.json', () => {
    expect(JSON.parse(editConfigText('/w/.replylintrc.json', null, { kind: 'disableRule', ruleId: 'flat-no' }))).toEqual({ rules: { 'flat-no': 'off' } });
    expect(JSON.parse(editConfigText('/w/.replylintrc.json', null, { kind: 'allow', phrase: 'Das geht nicht' }))).toEqual({ allow: ['Das geht nicht'] });
  });

  it('updates JSON in place, keeps other keys and the indentation, does not duplicate allowed phrases', () => {
    const src = '{\n    "extends": "replylint:recommended",\n    "rules": { "flat-no": "error" },\n    "allow": ["Hände gebunden"]\n}\n';
    const a = editConfigText('/w/.replylintrc.json', src, { kind: 'disableRule', ruleId: 'flat-no' });
    expect(JSON.parse(a)).toEqual({ extends: 'replylint:recommended', rules: { 'flat-no': 'off' }, allow: ['Hände gebunden'] });
    expect(a).toContain('\n    "extends"');
    const b = editConfigText('/w/.replylintrc.json', a, { kind: 'allow', phrase: 'Das geht nicht' });
    expect(JSON.parse(b).allow).toEqual(['Hände gebunden', 'Das geht nicht']);
    expect(editConfigText('/w/.replylintrc.json', b, { kind: 'allow', phrase: 'Das geht nicht' })).toBe(b);
  });

  it('edits the replylint key of package.json only', () => {
    const src = '{\n  "name": "x",\n  "replylint": { "rules": {} }\n}\n';
    expect(JSON.parse(editConfigText('/w/package.json', src, { kind: 'disableRule', ruleId: 'flat-no' }))).toEqual({ name: 'x', replylint: { rules: { 'flat-no': 'off' } } });
  });

  it('edits YAML and keeps comments', () => {
    const src = '# Team-Konfiguration\nrules:\n  flat-no: warn # bewusst\n';
    const out = editConfigText('/w/.replylintrc.yaml', src, { kind: 'allow', phrase: 'Das geht nicht' });
    expect(out).toContain('# Team-Konfiguration');
    expect(out).toContain('# bewusst');
    expect(parse(out)).toEqual({ rules: { 'flat-no': 'warn' }, allow: ['Das geht nicht'] });
    expect(parse(editConfigText('/w/.replylintrc.yaml', out, { kind: 'disableRule', ruleId: 'flat-no' })).rules).toEqual({ 'flat-no': 'off' });
  });

  it('refuses to rewrite a broken config', () => {
    expect(() => editConfigText('/w/.replylintrc.json', '{ "rules": ', { kind: 'disableRule', ruleId: 'flat-no' })).toThrow(/ungültiges JSON/);
  });

  it('phrase to allow: the finding text without final punctuation and quotes', () => {
    expect(phraseOf('Das geht nicht.')).toBe('Das geht nicht');
    expect(phraseOf(' „Hände gebunden“ ')).toBe('Hände gebunden');
  });
});
