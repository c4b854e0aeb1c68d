/**
 * Configuration: `.replylintrc.json`, `.replylintrc.yaml`, or the `replylint` key of package.json.
 * Pure: the caller reads the file; `parseConfig` turns its text into a validated config or errors that name
 * the file, line and column. Config is data only — nothing in it is ever executed.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode, type Document } from 'yaml';
import type { Rule, SeverityName } from './rule.ts';

export type RuleSetting = SeverityName | 0 | 1 | 2 | [SeverityName | 0 | 1 | 2, Record<string, unknown>?];

export interface Override {
  files: string | string[];
  rules?: Record<string, RuleSetting>;
  allow?: string[];
}

export interface UserConfig {
  /** Built-in preset (`replylint:recommended`, `replylint:all`, `replylint:strict`) or a path (resolved by the CLI). */
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  /** Phrases that are never reported (matched case-insensitively against the finding's text). */
  allow?: string[];
  ignorePatterns?: string[];
  overrides?: Override[];
  /** Largest input in bytes that is linted; larger input is reported, never silently truncated. */
  maxSize?: number;
}

export interface ConfigError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export class ConfigValidationError extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
    this.name = 'ConfigValidationError';
  }
}

export interface ResolvedRule {
  severity: 1 | 2;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Map<string, ResolvedRule>;
  allow: string[];
  maxSize: number;
}

export const DEFAULT_MAX_SIZE = 16 * 1024 * 1024;
export const PRESETS = ['replylint:recommended', 'replylint:all', 'replylint:strict', 'replylint:off'] as const;

const TOP_KEYS = new Set(['extends', 'rules', 'allow', 'ignorePatterns', 'overrides', 'maxSize', '$schema']);
const SEVERITIES = new Map<unknown, 0 | 1 | 2>([['off', 0], ['warn', 1], ['error', 2], [0, 0], [1, 1], [2, 2]]);

function suggestId(id: string, known: Iterable<string>): string {
  let best = '';
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(id, k);
    if (d < bestD) { bestD = d; best = k; }
  }
  return bestD <= Math.max(2, id.length / 3) ? ` Meinten Sie "${best}"?` : '';
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

interface Locator {
  file: string;
  at(path: Array<string | number>, key?: boolean): { line: number; column: number };
}

function locatorFor(file: string, doc: Document | null, lc: LineCounter | null): Locator {
  return {
    file,
    at(path, key = false) {
      if (!doc || !lc) return { line: 1, column: 1 };
      let node: unknown = doc.contents;
      let keyNode: unknown = null;
      for (const seg of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
          if (!pair) break;
          keyNode = pair.key;
          node = pair.value;
        } else if (isSeq(node) && typeof seg === 'number') {
          keyNode = null;
          node = node.items[seg];
        } else break;
      }
      const target = (key && keyNode ? keyNode : node) as YamlNode | null;
      const offset = target?.range?.[0] ?? 0;
      const p = lc.linePos(offset);
      return { line: p.line, column: p.col };
    },
  };
}

function checkSetting(value: unknown, path: Array<string | number>, rule: Rule | undefined, loc: Locator, errors: ConfigError[]): void {
  const push = (message: string, p = path): void => { errors.push({ file: loc.file, ...loc.at(p), message }); };
  let sev: unknown = value;
  let opts: unknown;
  if (Array.isArray(value)) {
    if (value.length < 1 || value.length > 2) return push('Regel-Einstellung als Liste: [Schweregrad] oder [Schweregrad, {Optionen}]');
    sev = value[0];
    opts = value[1];
  }
  if (!SEVERITIES.has(sev)) return push(`ungültiger Schweregrad ${JSON.stringify(sev)}: erlaubt sind "off", "warn", "error" (oder 0, 1, 2)`, Array.isArray(value) ? [...path, 0] : path);
  if (opts === undefined || !rule) return;
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) return push('Regel-Optionen müssen ein Objekt sein', [...path, 1]);
  const spec = rule.meta.options ?? {};
  for (const [k, v] of Object.entries(opts)) {
    const s = spec[k];
    if (!s) {
      const known = Object.keys(spec);
      push(`unbekannte Option "${k}" für Regel "${rule.id}"${known.length ? ` (bekannt: ${known.join(', ')})` : ' (die Regel hat keine Optionen)'}`, [...path, 1, k]);
      continue;
    }
    const ok = s.type === 'string[]' ? Array.isArray(v) && v.every((x) => typeof x === 'string') : typeof v === s.type;
    if (!ok) push(`Option "${k}" der Regel "${rule.id}" muss vom Typ ${s.type} sein`, [...path, 1, k]);
  }
}

function checkRules(rules: unknown, path: Array<string | number>, known: Map<string, Rule>, loc: Locator, errors: ConfigError[]): void {
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    errors.push({ file: loc.file, ...loc.at(path), message: '"rules" muss ein Objekt sein: { "regel-id": "warn" }' });
    return;
  }
  for (const [id, setting] of Object.entries(rules)) {
    const rule = known.get(id);
    if (!rule) {
      errors.push({ file: loc.file, ...loc.at([...path, id], true), message: `unbekannte Regel "${id}".${suggestId(id, known.keys())}` });
      continue;
    }
    checkSetting(setting, [...path, id], rule, loc, errors);
  }
}

function checkStringList(v: unknown, path: Array<string | number>, name: string, loc: Locator, errors: ConfigError[]): void {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    errors.push({ file: loc.file, ...loc.at(path), message: `"${name}" muss eine Liste von Zeichenketten sein` });
  }
}

/** Validate a config object. `loc` maps a key path to a source position. */
export function validateConfig(value: unknown, known: Map<string, Rule>, loc: Locator = locatorFor('<config>', null, null)): ConfigError[] {
  const errors: ConfigError[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ file: loc.file, line: 1, column: 1, message: 'die Konfiguration muss ein Objekt sein' }];
  }
  const cfg = value as Record<string, unknown>;
  for (const key of Object.keys(cfg)) {
    if (!TOP_KEYS.has(key)) {
      errors.push({ file: loc.file, ...loc.at([key], true), message: `unbekannter Schlüssel "${key}" (erlaubt: ${[...TOP_KEYS].filter((k) => k !== '$schema').join(', ')})` });
    }
  }
  if (cfg.extends !== undefined && typeof cfg.extends !== 'string') checkStringList(cfg.extends, ['extends'], 'extends', loc, errors);
  if (cfg.rules !== undefined) checkRules(cfg.rules, ['rules'], known, loc, errors);
  if (cfg.allow !== undefined) checkStringList(cfg.allow, ['allow'], 'allow', loc, errors);
  if (cfg.ignorePatterns !== undefined) checkStringList(cfg.ignorePatterns, ['ignorePatterns'], 'ignorePatterns', loc, errors);
  if (cfg.maxSize !== undefined && (typeof cfg.maxSize !== 'number' || !(cfg.maxSize > 0))) {
    errors.push({ file: loc.file, ...loc.at(['maxSize']), message: '"maxSize" muss eine positive Zahl (Bytes) sein' });
  }
  if (cfg.overrides !== undefined) {
    if (!Array.isArray(cfg.overrides)) {
      errors.push({ file: loc.file, ...loc.at(['overrides']), message: '"overrides" muss eine Liste sein' });
    } else {
      cfg.overrides.forEach((o: unknown, i: number) => {
        const p = ['overrides', i];
        if (typeof o !== 'object' || o === null) { errors.push({ file: loc.file, ...loc.at(p), message: 'ein Override muss ein Objekt sein' }); return; }
        const ov = o as Record<string, unknown>;
        for (const k of Object.keys(ov)) if (!['files', 'rules', 'allow'].includes(k)) errors.push({ file: loc.file, ...loc.at([...p, k], true), message: `unbekannter Schlüssel "${k}" in overrides (erlaubt: files, rules, allow)` });
        if (typeof ov.files !== 'string') {
          if (ov.files === undefined) errors.push({ file: loc.file, ...loc.at(p), message: 'ein Override braucht "files"' });
          else checkStringList(ov.files, [...p, 'files'], 'files', loc, errors);
        }
        if (ov.rules !== undefined) checkRules(ov.rules, [...p, 'rules'], known, loc, errors);
        if (ov.allow !== undefined) checkStringList(ov.allow, [...p, 'allow'], 'allow', loc, errors);
      });
    }
  }
  return errors;
}

function jsonSyntaxError(text: string, file: string, err: Error): ConfigError {
  const m = /position (\d+)/.exec(err.message);
  const lc = /line (\d+) column (\d+)/.exec(err.message);
  let line = 1, column = 1;
  if (lc) { line = Number(lc[1]); column = Number(lc[2]); }
  else if (m) {
    const pos = Number(m[1]);
    const before = text.slice(0, pos);
    line = before.split('\n').length;
    column = pos - before.lastIndexOf('\n');
  }
  const msg = err.message.replace(/^JSON\.parse: /, '').split(' in JSON at position ')[0]!;
  return { file, line, column, message: `ungültiges JSON: ${msg}` };
}

/**
 * Parse and validate config text. `kind` is 'json', 'yaml' or 'package.json' (the `replylint` key is used).
 * Throws ConfigValidationError listing every problem with file, line and column.
 */
export function parseConfig(text: string, file: string, known: Map<string, Rule>, kind: 'json' | 'yaml' | 'package.json' = file.endsWith('.json') ? (file.endsWith('package.json') ? 'package.json' : 'json') : 'yaml'): UserConfig {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (kind !== 'yaml') {
    try { JSON.parse(src); } catch (e) { throw new ConfigValidationError([jsonSyntaxError(src, file, e as Error)]); }
  }
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ConfigValidationError(doc.errors.map((e) => {
      const p = lc.linePos(e.pos[0]);
      return { file, line: p.line, column: p.col, message: `ungültiges YAML: ${e.message.split('\n')[0]}` };
    }));
  }
  let value: unknown = doc.toJS({ maxAliasCount: 50 });
  let loc = locatorFor(file, doc, lc);
  if (kind === 'package.json') {
    value = (value as Record<string, unknown> | null)?.replylint ?? {};
    const inner = loc;
    loc = { file, at: (path, key) => inner.at(['replylint', ...path], key) };
  }
  if (value === null || value === undefined) value = {};
  const errors = validateConfig(value, known, loc);
  if (errors.length) throw new ConfigValidationError(errors);
  return value as UserConfig;
}

function severityOf(setting: RuleSetting): { sev: 0 | 1 | 2; options?: Record<string, unknown> } {
  if (Array.isArray(setting)) return { sev: SEVERITIES.get(setting[0]) ?? 0, options: setting[1] };
  return { sev: SEVERITIES.get(setting) ?? 0 };
}

function applyRules(out: Map<string, ResolvedRule>, rules: Record<string, RuleSetting> | undefined, known: Map<string, Rule>): void {
  if (!rules) return;
  for (const [id, setting] of Object.entries(rules)) {
    const rule = known.get(id);
    if (!rule) throw new ConfigValidationError([{ file: '<config>', line: 1, column: 1, message: `unbekannte Regel "${id}".${suggestId(id, known.keys())}` }]);
    const { sev, options } = severityOf(setting);
    if (sev === 0) { out.delete(id); continue; }
    const prev = out.get(id);
    out.set(id, { severity: sev, options: { ...defaults(rule), ...(prev?.options ?? {}), ...(options ?? {}) } });
  }
}

function defaults(rule: Rule): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(rule.meta.options ?? {})) o[k] = s.default;
  return o;
}

/** The preset's rule table. */
export function presetRules(name: string, known: Map<string, Rule>): Map<string, ResolvedRule> {
  const out = new Map<string, ResolvedRule>();
  if (name === 'replylint:off') return out;
  for (const rule of known.values()) {
    const sev = name === 'replylint:strict' ? 2 : rule.meta.severity === 'error' ? 2 : 1;
    out.set(rule.id, { severity: sev, options: defaults(rule) });
  }
  return out;
}

/**
 * Resolve a chain of configs (least specific first) into the effective rule table. A config without
 * `extends` starts from `replylint:recommended` when it is the first in the chain.
 * `resolveExtends` is asked for non-builtin presets (the CLI loads files; in a browser there are none).
 */
export function resolveConfig(chain: UserConfig[], known: Map<string, Rule>, resolveExtends?: (name: string) => UserConfig): ResolvedConfig {
  let rules = presetRules('replylint:recommended', known);
  const allow: string[] = [];
  let maxSize = DEFAULT_MAX_SIZE;
  const apply = (cfg: UserConfig, depth: number): void => {
    if (depth > 10) throw new ConfigValidationError([{ file: '<config>', line: 1, column: 1, message: '"extends" ist zu tief verschachtelt (Zyklus?)' }]);
    const ext = cfg.extends === undefined ? [] : typeof cfg.extends === 'string' ? [cfg.extends] : cfg.extends;
    for (const name of ext) {
      if ((PRESETS as readonly string[]).includes(name)) rules = presetRules(name, known);
      else if (resolveExtends) apply(resolveExtends(name), depth + 1);
      else throw new ConfigValidationError([{ file: '<config>', line: 1, column: 1, message: `unbekanntes Preset "${name}" (bekannt: ${PRESETS.join(', ')})` }]);
    }
    applyRules(rules, cfg.rules, known);
    if (cfg.allow) allow.push(...cfg.allow);
    if (cfg.maxSize) maxSize = cfg.maxSize;
  };
  for (const cfg of chain) apply(cfg, 0);
  return { rules, allow, maxSize };
}
