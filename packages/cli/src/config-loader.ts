/** Config discovery for the CLI: nearest .replylintrc.json / .replylintrc.yaml / .replylintrc.yml / package.json key. */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, isAbsolute } from 'node:path';
import { parseConfig, resolveConfig, type ResolvedConfig, type UserConfig } from '@replylint/core';
import { ruleMap } from 'replylint';
import type { Rule } from '@replylint/core';

export const CONFIG_FILES = ['.replylintrc.json', '.replylintrc.yaml', '.replylintrc.yml', 'package.json'];

const known = ruleMap as Map<string, Rule>;
const fileCache = new Map<string, UserConfig | null>();

export function readConfigFile(path: string): UserConfig | null {
  if (fileCache.has(path)) return fileCache.get(path)!;
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new Error(`${path}: Konfiguration kann nicht gelesen werden (${(e as Error).message})`); }
  let cfg: UserConfig | null;
  if (path.endsWith('package.json')) {
    let pkg: unknown;
    try { pkg = JSON.parse(text); } catch { pkg = null; }
    cfg = pkg && typeof pkg === 'object' && 'replylint' in pkg ? parseConfig(text, path, known, 'package.json') : null;
  } else {
    cfg = parseConfig(text, path, known);
  }
  fileCache.set(path, cfg);
  return cfg;
}

/** Find the nearest config for a directory (walking up to the file system root). */
export function findConfig(dir: string): string | null {
  let d = resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const p = join(d, name);
      if (existsSync(p) && (name !== 'package.json' || readConfigFile(p))) return p;
    }
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

export function resolveFileConfig(configPath: string | null, extra: UserConfig[] = []): ResolvedConfig {
  const chain: UserConfig[] = [];
  if (configPath) {
    const cfg = readConfigFile(configPath);
    if (cfg) chain.push(cfg);
  }
  chain.push(...extra);
  const base = configPath ? dirname(configPath) : process.cwd();
  return resolveConfig(chain, known, (name) => {
    const p = isAbsolute(name) ? name : resolve(base, name);
    if (!existsSync(p)) throw new Error(`${configPath ?? '<config>'}: "extends": Preset "${name}" nicht gefunden (${p})`);
    return readConfigFile(p) ?? {};
  });
}
