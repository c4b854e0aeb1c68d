import { describe, it, expect } from 'vitest';
import { parseConfig, resolveConfig, ConfigValidationError, type ConfigError } from '../src/config.ts';
import { defineRule, type Rule } from '../src/rule.ts';
import { lintText } from '../src/linter.ts';

const rule = defineRule({
  id: 'demo-rule',
  meta: { type: 'problem', description: 'Demo.', severity: 'error', unit: 'sentence', messages: { m: 'Demo „{{x}}“.' }, options: { strict: { type: 'boolean', default: false, description: 'x' } } },
  create: (ctx) => ({ sentence(s) { if (/geht nicht/.test(s.text)) ctx.report({ messageId: 'm', data: { x: s.text }, start: s.start, end: s.end }); } }),
});
const known = new Map<string, Rule>([[rule.id, rule]]);

function errorsOf(text: string, file: string): ConfigError[] {
  try { parseConfig(text, file, known); } catch (e) { if (e instanceof ConfigValidationError) return e.errors; throw e; }
  return [];
}

describe('config', () => {
  it('reports malformed JSON with line and column', () => {
    const errs = errorsOf('{\n  "rules": {\n    "demo-rule": "warn",\n  }\n}', '.replylintrc.json');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ file: '.replylintrc.json', line: 4 });
    expect(errs[0]!.message).toMatch(/ungültiges JSON/);
  });
  it('reports malformed YAML with position', () => {
    const errs = errorsOf('rules:\n  demo-rule: [warn\n', '.replylintrc.yaml');
    expect(errs.length).toBeGreaterThan(0);
    expect(errs[0]!.message).toMatch(/ungültiges YAML/);
  });
  it('names unknown rule ids at their position and suggests the closest', () => {
    const errs = errorsOf('{\n  "rules": {\n    "demo-rul": "warn"\n  }\n}', 'c.json');
    expect(errs).toEqual([{ file: 'c.json', line: 3, column: 5, message: 'unbekannte Regel "demo-rul". Meinten Sie "demo-rule"?' }]);
  });
  it('rejects wrong severities, unknown keys, unknown and mistyped options', () => {
    const errs = errorsOf('rules:\n  demo-rule: [loud, {strict: 1, nope: true}]\nfoo: 1\n', 'c.yaml');
    const msgs = errs.map((e) => `${e.line}:${e.message}`);
    expect(msgs.some((m) => m.startsWith('2:ungültiger Schweregrad'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('3:unbekannter Schlüssel "foo"'))).toBe(true);
    const errs2 = errorsOf('rules:\n  demo-rule: [warn, {strict: 1, nope: true}]\n', 'c.yaml');
    expect(errs2.map((e) => e.message)).toEqual([
      'Option "strict" der Regel "demo-rule" muss vom Typ boolean sein',
      'unbekannte Option "nope" für Regel "demo-rule" (bekannt: strict)',
    ]);
  });
  it('reads the replylint key of package.json and reports positions inside it', () => {
    const errs = errorsOf('{\n  "name": "x",\n  "replylint": { "rules": { "nix": "off" } }\n}', 'package.json');
    expect(errs[0]).toMatchObject({ line: 3 });
  });
  it('resolves severities, options and presets', () => {
    const c = resolveConfig([{ rules: { 'demo-rule': ['warn', { strict: true }] } }], known);
    expect(c.rules.get('demo-rule')).toEqual({ severity: 1, options: { strict: true } });
    expect(resolveConfig([{ extends: 'replylint:off' }], known).rules.size).toBe(0);
    expect(resolveConfig([{ rules: { 'demo-rule': 'off' } }], known).rules.has('demo-rule')).toBe(false);
    expect(() => resolveConfig([{ extends: 'nope' }], known)).toThrow(ConfigValidationError);
  });
  it('allow-list suppresses matching findings', () => {
    const config = resolveConfig([{ allow: ['GEHT NICHT'] }], known);
    expect(lintText('Das geht nicht.', { rules: [rule], config }).findings).toEqual([]);
    expect(lintText('Das geht nicht.', { rules: [rule] }).findings).toHaveLength(1);
  });
});
