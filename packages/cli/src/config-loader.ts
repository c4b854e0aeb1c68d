/**
 * Config discovery for the CLI (Node side; the engine itself never touches the file system).
 *
 * - The nearest `.replylintrc.json` / `.replylintrc.yaml` / `.replylintrc.yml` / package.json `replylint` key to a
 *   file applies (walking up from the file's folder); `--config` replaces discovery with one file.
 * - `extends`: built-in presets (`replylint:…`), a file path (relative to the config's folder) or a package name
 *   resolved from the config's folder (`node_modules/<name>`, also `replylint-config-<name>`). A package preset is
 *   data only: its package.json `replylint` key, a JSON/YAML `main`, or a `.replylintrc.*` file in the package.
 *   JavaScript is never executed.
 * - `overrides: [{ files, rules, allow }]`: globs relative to the folder of the config file that applies to the
 *   file (also for overrides inherited through `extends`); matching overrides apply in order after the config's own
 *   rules; `--rule` flags come last.
 * - `ignorePatterns`: gitignore-style patterns relative to that config's folder.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, isAbsolute, relative, sep, basename } from 'node:path';
import picomatch from 'picomatch';
import ignore, { type Ignore } from 'ignore';
import { parseConfig, resolveConfig, PRESETS, type ResolvedConfig, type UserConfig, type Override, type Rule } from '@replylint/core';
import { ruleMap } from 'replylint';

export const CONFIG_FILES = ['.replylintrc.json', '.replylintrc.yaml', '.replylintrc.yml', 'package.json'];
const PRESET_FILES = ['.replylintrc.json', '.replylintrc.yaml', '.replylintrc.yml', 'replylint.json', 'replylint.yaml', 'replylint.yml'];

const known = ruleMap as Map<string, Rule>;

/** A configuration problem outside the validator's reach (missing preset, cycle …); exit code 2. */
export class ConfigFileError extends Error {}

const fileCache = new Map<string, UserConfig | null>();

/** Read and validate one config file (cached). package.json without a `replylint` key gives null. */
export function readConfigFile(path: string): UserConfig | null {
  if (fileCache.has(path)) return fileCache.get(path)!;
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigFileError(`${path}: Konfiguration kann nicht gelesen werden (${code === 'ENOENT' ? 'Datei nicht gefunden' : code === 'EACCES' ? 'keine Leserechte' : code === 'EISDIR' ? 'ist ein Ordner' : (e as Error).message})`);
  }
  let cfg: UserConfig | null;
  if (basename(path) === 'package.json') {
    let pkg: unknown;
    try { pkg = JSON.parse(text); } catch { pkg = null; }
    cfg = pkg && typeof pkg === 'object' && 'replylint' in pkg ? parseConfig(text, path, known, 'package.json') : null;
  } else {
    cfg = parseConfig(text, path, known);
  }
  fileCache.set(path, cfg);
  return cfg;
}

/** Line and column of the first occurrence of `needle` in a file (for messages about `extends`). */
function positionOf(file: string, needle: string): string {
  try {
    const text = readFileSync(file, 'utf8');
    let i = text.indexOf(JSON.stringify(needle));
    if (i < 0) i = text.indexOf(needle);
    if (i < 0) return '';
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    return `:${line}:${i - before.lastIndexOf('\n')}`;
  } catch { return ''; }
}

/** "./base.json", "../x.yaml", "/abs/path", or a relative file name that exists ("presets/base.json"). */
function isPathLike(name: string, fromDir: string): boolean {
  if (/^\.\.?([/\\]|$)/.test(name) || isAbsolute(name)) return true;
  return /\.(json|ya?ml)$/i.test(name) && !name.startsWith('@') && existsSync(resolve(fromDir, name));
}

/** Resolve an `extends` entry that is not a built-in preset to a config file. */
export function resolvePreset(name: string, fromFile: string): string {
  const fromDir = dirname(fromFile);
  const where = `${fromFile}${positionOf(fromFile, name)}`;
  if (isPathLike(name, fromDir)) {
    const p = resolve(fromDir, name);
    if (!existsSync(p)) throw new ConfigFileError(`${where}: "extends": Preset "${name}" nicht gefunden (${p})`);
    if (statSync(p).isDirectory()) {
      for (const f of PRESET_FILES) if (existsSync(join(p, f))) return join(p, f);
      throw new ConfigFileError(`${where}: "extends": "${name}" ist ein Ordner ohne ${PRESET_FILES.slice(0, 3).join(' / ')}`);
    }
    if (/\.(c|m)?(j|t)s$/i.test(p)) throw new ConfigFileError(`${where}: "extends": "${name}" ist JavaScript – Konfiguration ist nur Daten (JSON oder YAML), nichts wird ausgeführt`);
    return p;
  }
  // package name, optionally with a sub path: "@acme/replylint-config", "acme", "@acme/replylint-config/strict.json"
  const m = /^(@[^/]+\/[^/]+|@[^/]+|[^@/][^/]*)(?:\/(.+))?$/.exec(name);
  if (!m) throw new ConfigFileError(`${where}: "extends": "${name}" ist weder ein eingebautes Preset (${PRESETS.join(', ')}), noch ein Pfad, noch ein Paketname`);
  const pkg = m[1]!;
  const sub = m[2];
  const candidates = pkg.startsWith('@')
    ? (pkg.includes('/') ? [pkg] : [`${pkg}/replylint-config`])
    : pkg.startsWith('replylint-config') ? [pkg] : [pkg, `replylint-config-${pkg}`];
  const tried: string[] = [];
  for (let d = fromDir; ; d = dirname(d)) {
    for (const c of candidates) {
      const pdir = join(d, 'node_modules', c);
      tried.push(pdir);
      if (!existsSync(join(pdir, 'package.json'))) continue;
      if (sub) {
        const p = join(pdir, sub);
        if (!/\.(json|ya?ml)$/i.test(p)) throw new ConfigFileError(`${where}: "extends": "${name}" muss eine JSON- oder YAML-Datei sein – Konfiguration ist nur Daten, nichts wird ausgeführt`);
        if (!existsSync(p)) throw new ConfigFileError(`${where}: "extends": "${name}" nicht gefunden (${p})`);
        return p;
      }
      let meta: Record<string, unknown> = {};
      try { meta = JSON.parse(readFileSync(join(pdir, 'package.json'), 'utf8')) as Record<string, unknown>; } catch { /* reported below */ }
      if (meta && typeof meta === 'object' && 'replylint' in meta) return join(pdir, 'package.json');
      if (typeof meta.main === 'string' && /\.(json|ya?ml)$/i.test(meta.main) && existsSync(join(pdir, meta.main))) return join(pdir, meta.main);
      for (const f of PRESET_FILES) if (existsSync(join(pdir, f))) return join(pdir, f);
      throw new ConfigFileError(`${where}: "extends": Paket "${c}" (${pdir}) enthält keine replylint-Konfiguration: erwartet wird ein "replylint"-Schlüssel in package.json, ein JSON/YAML-"main" oder ${PRESET_FILES[0]} – JavaScript wird nie ausgeführt`);
    }
    if (dirname(d) === d) break;
  }
  const asFile = /\.(json|ya?ml)$/i.test(name) ? `, noch als Datei ${resolve(fromDir, name)}` : '';
  throw new ConfigFileError(`${where}: "extends": Preset "${name}" nicht gefunden – weder eingebaut (${PRESETS.join(', ')}), noch als Paket ${candidates.map((c) => `"${c}"`).join(' oder ')} in node_modules ab ${fromDir}${asFile}`);
}

interface LoadedOverride { override: Override; source: string; index: number; match: (rel: string) => boolean }

interface ConfigNode {
  /** Absolute path of the config file. */
  path: string;
  /** The config as handed to resolveConfig: `extends` rewritten to absolute keys, `overrides` removed. */
  chainEntry: UserConfig;
  /** Overrides of this config and of everything it extends (extended first). */
  overrides: LoadedOverride[];
  /** Every config file that contributes (extended first). */
  files: string[];
  ignore: Ignore | null;
}

function compileOverride(o: Override, source: string, index: number): LoadedOverride {
  const globs = (typeof o.files === 'string' ? [o.files] : o.files).map((g) => {
    let p = g.replace(/\\/g, '/').replace(/^\.\//, '');
    if (p.endsWith('/')) p += '**';
    return p;
  });
  const matchers = globs.map((g) => picomatch(g, { dot: true, basename: !g.includes('/') }));
  return { override: o, source, index, match: (rel) => matchers.some((m) => m(rel)) };
}

export interface FileConfig {
  /** Key identifying (config file, applied overrides); equal keys have equal configs. */
  key: string;
  config: ResolvedConfig;
  /** Config file that applies (null: defaults). */
  configPath: string | null;
  /** Every config file that contributed, extended first. */
  files: string[];
  /** The overrides that matched, as "file#index". */
  overrides: string[];
}

export interface ConfigResolverOptions {
  /** `--config`: use this file instead of discovery. */
  explicit?: string | null;
  /** `--rule` flags, applied last. */
  ruleFlags?: UserConfig | null;
  cwd?: string;
}

/** Finds and resolves the config for each file; caches per folder and per (config, overrides). */
export class ConfigResolver {
  private readonly explicit: string | null;
  private readonly ruleFlags: UserConfig | null;
  private readonly cwd: string;
  private readonly dirCache = new Map<string, string | null>();
  private readonly nodes = new Map<string, ConfigNode>();
  private readonly resolved = new Map<string, FileConfig>();

  constructor(opts: ConfigResolverOptions = {}) {
    this.cwd = opts.cwd ?? process.cwd();
    this.explicit = opts.explicit ? resolve(this.cwd, opts.explicit) : null;
    this.ruleFlags = opts.ruleFlags ?? null;
    if (this.explicit) {
      if (!existsSync(this.explicit)) throw new ConfigFileError(`--config ${opts.explicit}: Datei nicht gefunden (${this.explicit})`);
      this.node(this.explicit);
    }
  }

  /** The config file for a folder: --config, or the nearest one walking up. */
  configPathFor(dir: string): string | null {
    if (this.explicit) return this.explicit;
    const d = resolve(dir);
    const hit = this.dirCache.get(d);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    for (const name of CONFIG_FILES) {
      const p = join(d, name);
      if (existsSync(p) && (name !== 'package.json' || readConfigFile(p))) { found = p; break; }
    }
    if (!found) {
      const up = dirname(d);
      found = up === d ? null : this.configPathFor(up);
    }
    this.dirCache.set(d, found);
    return found;
  }

  private node(path: string, stack: string[] = []): ConfigNode {
    const cached = this.nodes.get(path);
    if (cached) return cached;
    if (stack.includes(path)) throw new ConfigFileError(`${stack[stack.length - 1]}: "extends" bildet einen Zyklus: ${[...stack, path].join(' → ')}`);
    if (stack.length > 10) throw new ConfigFileError(`${path}: "extends" ist zu tief verschachtelt (mehr als 10 Ebenen)`);
    const cfg = readConfigFile(path) ?? {};
    const ext = cfg.extends === undefined ? [] : typeof cfg.extends === 'string' ? [cfg.extends] : cfg.extends;
    const overrides: LoadedOverride[] = [];
    const files: string[] = [];
    const mapped: string[] = [];
    for (const name of ext) {
      if ((PRESETS as readonly string[]).includes(name)) { mapped.push(name); continue; }
      if (name.startsWith('replylint:')) {
        throw new ConfigFileError(`${path}${positionOf(path, name)}: "extends": unbekanntes Preset "${name}" (eingebaut: ${PRESETS.join(', ')})`);
      }
      const target = resolvePreset(name, path);
      const child = this.node(target, [...stack, path]);
      overrides.push(...child.overrides);
      files.push(...child.files.filter((f) => !files.includes(f)));
      mapped.push(target);
    }
    (cfg.overrides ?? []).forEach((o, i) => overrides.push(compileOverride(o, path, i)));
    files.push(path);
    const { overrides: _o, ignorePatterns, ...rest } = cfg;
    void _o;
    const node: ConfigNode = {
      path,
      chainEntry: { ...rest, ...(ext.length ? { extends: mapped } : {}) },
      overrides,
      files,
      ignore: ignorePatterns?.length ? ignore().add(ignorePatterns) : null,
    };
    this.nodes.set(path, node);
    return node;
  }

  private resolveChain(chain: UserConfig[]): ResolvedConfig {
    return resolveConfig(chain, known, (name) => {
      const n = this.nodes.get(name);
      if (!n) throw new ConfigFileError(`"extends": Preset "${name}" nicht gefunden`);
      return n.chainEntry;
    });
  }

  /** The effective config for a file (absolute or relative to cwd). */
  forFile(file: string): FileConfig {
    const abs = resolve(this.cwd, file);
    const cfgPath = this.configPathFor(dirname(abs));
    const node = cfgPath ? this.node(cfgPath) : null;
    const matched: LoadedOverride[] = [];
    if (node && node.overrides.length) {
      const rel = relative(dirname(node.path), abs).split(sep).join('/');
      if (!rel.startsWith('../') && rel !== '..' && !isAbsolute(rel)) for (const o of node.overrides) if (o.match(rel)) matched.push(o);
    }
    const key = `${cfgPath ?? ''}|${matched.map((o) => `${o.source}#${o.index}`).join(',')}`;
    const hit = this.resolved.get(key);
    if (hit) return hit;
    const chain: UserConfig[] = [];
    if (node) chain.push(node.chainEntry);
    for (const o of matched) chain.push({ ...(o.override.rules ? { rules: o.override.rules } : {}), ...(o.override.allow ? { allow: o.override.allow } : {}) });
    if (this.ruleFlags) chain.push(this.ruleFlags);
    const fc: FileConfig = {
      key,
      config: this.resolveChain(chain),
      configPath: cfgPath,
      files: node ? node.files : [],
      overrides: matched.map((o) => `${o.source}#${o.index}`),
    };
    this.resolved.set(key, fc);
    return fc;
  }

  /** The `ignorePatterns` of the config that applies to the file, if one matches. */
  ignoredByConfig(file: string): string | null {
    const abs = resolve(this.cwd, file);
    const cfgPath = this.configPathFor(dirname(abs));
    if (!cfgPath) return null;
    const node = this.node(cfgPath);
    if (!node.ignore) return null;
    const rel = relative(dirname(cfgPath), abs).split(sep).join('/');
    if (!rel || rel.startsWith('../') || isAbsolute(rel)) return null;
    return node.ignore.ignores(rel) ? `ignorePatterns in ${cfgPath}` : null;
  }
}

/** A resolved config as plain JSON (for --print-config and the cache key). */
export function configToJson(fc: FileConfig): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const id of [...fc.config.rules.keys()].sort()) {
    const r = fc.config.rules.get(id)!;
    const sev = r.severity === 2 ? 'error' : 'warn';
    rules[id] = Object.keys(r.options).length ? [sev, r.options] : sev;
  }
  const off = [...known.keys()].filter((id) => !fc.config.rules.has(id)).sort();
  for (const id of off) rules[id] = 'off';
  return { rules, allow: fc.config.allow, maxSize: fc.config.maxSize };
}
