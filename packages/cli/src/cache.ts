/**
 * --cache: results per file, keyed by content and config. An entry is used when the config hash matches and the
 * file is unchanged: same size and mtime (no read at all), or else the same content hash (the file is read and
 * hashed, not linted — e.g. after a fresh checkout in CI). The cache also records the replylint build, so a new
 * version or new rules start from scratch. Paths are stored relative to the cache file, so a cache restored in
 * another checkout folder still hits. Written atomically; a broken cache file is ignored and rebuilt.
 */
import { readFileSync, statSync, existsSync } from 'node:fs';
import { writeFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from 'replylint';
import { hashBytes } from './lint-file.ts';

export const DEFAULT_CACHE_FILE = '.replylintcache';
const CACHE_VERSION = 1;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  config: string;
  findings: Finding[];
  part?: string;
}

interface CacheFile { version: number; build: string; entries: Record<string, CacheEntry> }

/**
 * Identifies this build of replylint by the content of the running bundle (engine, rules and CLI are all in it):
 * a new version or changed rules start a new cache, while the same build installed or rebuilt elsewhere (a fresh
 * CI checkout) keeps hitting. Costs one read and hash of the bundle, only with --cache.
 */
export function buildId(version: string): string {
  try {
    return `${version}:${hashBytes(readFileSync(fileURLToPath(import.meta.url)))}`;
  } catch {
    return version; // running from source
  }
}

/** `--cache-location`: a file, or a folder (existing, or ending in a slash) that gets `.replylintcache`. */
export function cachePath(location: string | undefined, cwd: string): string {
  if (!location) return join(cwd, DEFAULT_CACHE_FILE);
  const abs = resolve(cwd, location);
  if (/[/\\]$/.test(location)) return join(abs, DEFAULT_CACHE_FILE);
  try { if (statSync(abs).isDirectory()) return join(abs, DEFAULT_CACHE_FILE); } catch { /* a file to be created */ }
  return abs;
}

export class LintCache {
  private entries: Record<string, CacheEntry> = {};
  private dirty = false;
  private readonly base: string;
  /** Remarks for --debug (why the cache was discarded). */
  readonly notes: string[] = [];

  constructor(readonly path: string, private readonly build: string) {
    this.base = dirname(path);
    if (!existsSync(path)) return;
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (data.version !== CACHE_VERSION || data.build !== build) { this.notes.push(`Cache ${path} stammt von einer anderen replylint-Version – neu aufgebaut`); this.dirty = true; return; }
      this.entries = data.entries ?? {};
    } catch {
      this.notes.push(`Cache ${path} ist unlesbar – neu aufgebaut`);
      this.dirty = true;
    }
  }

  private key(file: string): string { return relative(this.base, file).split(sep).join('/'); }

  /** A usable entry for the file and config, with whether its metadata still matches (no read needed). */
  lookup(file: string, configHash: string): { entry: CacheEntry; fresh: boolean } | null {
    const e = this.entries[this.key(file)];
    if (!e || e.config !== configHash) return null;
    let fresh = false;
    try {
      const st = statSync(file);
      fresh = st.size === e.size && Math.round(st.mtimeMs) === e.mtimeMs;
    } catch { return null; }
    return { entry: e, fresh };
  }

  set(file: string, entry: Omit<CacheEntry, 'mtimeMs' | 'size'>, size?: number): void {
    let st;
    try { st = statSync(file); } catch { return; }
    if (size !== undefined && st.size !== size) return; // changed since it was read
    this.entries[this.key(file)] = { ...entry, size: st.size, mtimeMs: Math.round(st.mtimeMs) };
    this.dirty = true;
  }

  delete(file: string): void {
    if (this.entries[this.key(file)]) { delete this.entries[this.key(file)]; this.dirty = true; }
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const data: CacheFile = { version: CACHE_VERSION, build: this.build, entries: this.entries };
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify(data));
      await rename(tmp, this.path);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw new Error(`${this.path}: Cache kann nicht geschrieben werden (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
}
