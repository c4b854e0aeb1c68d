/**
 * Workspace configuration for the language server: the nearest `.replylintrc.json` / `.yaml` / `.yml` or
 * package.json `replylint` key to a document (walking up), `extends` (built-in presets and JSON/YAML files by
 * path), `overrides`, and the editor's `replylint.rules` setting applied last.
 *
 * Config is data only: files are read and parsed as JSON/YAML, nothing from the workspace is ever executed
 * (no JavaScript configs, no package presets with code). Open editor buffers win over the disk, so editing a
 * .replylintrc in the editor takes effect before saving.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, relative, isAbsolute, sep, basename } from 'node:path';
import picomatch from 'picomatch';
import {
  parseConfig, resolveConfig, validateConfig, ConfigValidationError, PRESETS,
  type UserConfig, type ResolvedConfig, type ConfigError, type Override, type Rule, type RuleSetting,
} from '@replylint/core';
import { ruleMap } from 'replylint';

export const CONFIG_FILES = ['.replylintrc.json', '.replylintrc.yaml', '.replylintrc.yml', 'package.json'] as const;
const known = ruleMap as Map<string, Rule>;

export function isConfigFile(path: string): boolean {
  return (CONFIG_FILES as readonly string[]).includes(basename(path));
}

interface Node {
  path: string;
  entry: UserConfig;
  overrides: Array<{ override: Override; match: (rel: string) => boolean }>;
}

export interface EffectiveConfig {
  config: ResolvedConfig;
  /** The config file that applies (null: defaults). */
  configPath: string | null;
  /** Problems in config files or settings (the config falls back to what is valid). */
  errors: ConfigError[];
}

/** Reads file text: an open editor buffer or the disk; null if missing. */
export type ReadFile = (path: string) => string | null;

export function diskRead(path: string): string | null {
  try {
    if (!statSync(path).isFile()) return null;
    return readFileSync(path, 'utf8');
  } catch { return null; }
}

export class ConfigStore {
  private dirCache = new Map<string, string | null>();
  private nodes = new Map<string, Node | ConfigError[]>();
  private results = new Map<string, EffectiveConfig>();

  constructor(private readonly read: ReadFile) {}

  /** Forget everything (a config file changed). */
  invalidate(): void {
    this.dirCache.clear();
    this.nodes.clear();
    this.results.clear();
  }

  /** The nearest config file for a folder, walking up. package.json counts only with a `replylint` key. */
  configPathFor(dir: string): string | null {
    const d = resolve(dir);
    const hit = this.dirCache.get(d);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    for (const name of CONFIG_FILES) {
      const p = join(d, name);
      const text = this.read(p);
      if (text === null) continue;
      if (name === 'package.json') {
        try {
          const pkg = JSON.parse(text) as unknown;
          if (!pkg || typeof pkg !== 'object' || !('replylint' in pkg)) continue;
        } catch { continue; }
      }
      found = p;
      break;
    }
    if (!found) {
      const up = dirname(d);
      found = up === d ? null : this.configPathFor(up);
    }
    this.dirCache.set(d, found);
    return found;
  }

  private node(path: string, stack: string[] = []): Node | ConfigError[] {
    const cached = this.nodes.get(path);
    if (cached) return cached;
    const fail = (message: string): ConfigError[] => [{ file: path, line: 1, column: 1, message }];
    let result: Node | ConfigError[];
    if (stack.includes(path)) return fail(`"extends" bildet einen Zyklus: ${[...stack, path].join(' → ')}`);
    if (stack.length > 10) return fail('"extends" ist zu tief verschachtelt (mehr als 10 Ebenen)');
    const text = this.read(path);
    if (text === null) {
      result = fail('Konfiguration kann nicht gelesen werden');
    } else {
      try {
        const cfg = parseConfig(text, path, known);
        const ext = cfg.extends === undefined ? [] : typeof cfg.extends === 'string' ? [cfg.extends] : cfg.extends;
        const mapped: string[] = [];
        const overrides: Node['overrides'] = [];
        const errors: ConfigError[] = [];
        for (const name of ext) {
          if ((PRESETS as readonly string[]).includes(name)) { mapped.push(name); continue; }
          if (!/\.(json|ya?ml)$/i.test(name) || name.startsWith('replylint:')) {
            errors.push(...fail(`"extends": "${name}" wird im Editor nicht unterstützt – erlaubt sind ${PRESETS.join(', ')} und JSON-/YAML-Dateien (Pfad relativ zur Konfiguration); nichts wird ausgeführt`));
            continue;
          }
          const target = resolve(dirname(path), name);
          const child = this.node(target, [...stack, path]);
          if (Array.isArray(child)) { errors.push(...child); continue; }
          overrides.push(...child.overrides);
          mapped.push(target);
        }
        if (errors.length) throw new ConfigValidationError(errors);
        for (const o of cfg.overrides ?? []) overrides.push({ override: o, match: matcher(o.files) });
        const { overrides: _o, ignorePatterns: _i, ...rest } = cfg;
        void _o; void _i;
        result = { path, entry: { ...rest, ...(ext.length ? { extends: mapped } : {}) }, overrides };
      } catch (e) {
        result = e instanceof ConfigValidationError ? e.errors : fail((e as Error).message);
      }
    }
    this.nodes.set(path, result);
    return result;
  }

  /**
   * The effective config for a file path (or null for an untitled document: `folder` is then used to find the
   * config), with the editor's rule overrides applied last.
   */
  forFile(file: string | null, folder: string | null, settingsRules: Record<string, RuleSetting> | undefined): EffectiveConfig {
    const dir = file ? dirname(file) : folder;
    const cfgPath = dir ? this.configPathFor(dir) : null;
    const node = cfgPath ? this.node(cfgPath) : null;
    const errors: ConfigError[] = [];
    const chain: UserConfig[] = [];
    const entries = new Map<string, UserConfig>();
    const matched: string[] = [];
    if (node && !Array.isArray(node)) {
      const collect = (n: Node): void => {
        entries.set(n.path, n.entry);
        for (const e of (typeof n.entry.extends === 'string' ? [n.entry.extends] : n.entry.extends ?? [])) {
          const c = this.nodes.get(e);
          if (c && !Array.isArray(c)) collect(c);
        }
      };
      collect(node);
      chain.push(node.entry);
      if (file && node.overrides.length) {
        const rel = relative(dirname(node.path), file).split(sep).join('/');
        if (!rel.startsWith('../') && !isAbsolute(rel)) {
          node.overrides.forEach((o, i) => {
            if (!o.match(rel)) return;
            matched.push(String(i));
            chain.push({ ...(o.override.rules ? { rules: o.override.rules } : {}), ...(o.override.allow ? { allow: o.override.allow } : {}) });
          });
        }
      }
    } else if (node) errors.push(...node);
    const settingsKey = settingsRules && Object.keys(settingsRules).length ? JSON.stringify(settingsRules) : '';
    const key = `${cfgPath ?? ''}|${matched.join(',')}|${settingsKey}`;
    const hit = this.results.get(key);
    if (hit) return hit;
    if (settingsKey) {
      const errs = validateConfig({ rules: settingsRules }, known).map((e) => ({ ...e, file: 'Einstellung replylint.rules' }));
      if (errs.length) errors.push(...errs);
      else chain.push({ rules: settingsRules });
    }
    let config: ResolvedConfig;
    try {
      config = resolveConfig(chain, known, (name) => {
        const e = entries.get(name);
        if (!e) throw new ConfigValidationError([{ file: cfgPath ?? '<config>', line: 1, column: 1, message: `"extends": "${name}" nicht gefunden` }]);
        return e;
      });
    } catch (e) {
      errors.push(...(e instanceof ConfigValidationError ? e.errors : [{ file: cfgPath ?? '<config>', line: 1, column: 1, message: (e as Error).message }]));
      config = resolveConfig([], known);
    }
    const result: EffectiveConfig = { config, configPath: node && !Array.isArray(node) ? cfgPath : null, errors };
    this.results.set(key, result);
    return result;
  }
}

function matcher(files: string | string[]): (rel: string) => boolean {
  const globs = (typeof files === 'string' ? [files] : files).map((g) => {
    let p = g.replace(/\\/g, '/').replace(/^\.\//, '');
    if (p.endsWith('/')) p += '**';
    return p;
  });
  const ms = globs.map((g) => picomatch(g, { dot: true, basename: !g.includes('/') }));
  return (rel) => ms.some((m) => m(rel));
}
