/**
 * --cache: results per file, keyed by content and config. An entry is used when the config hash matches and the
 * file is unchanged: same size and mtime (no read at all), or else the same content hash (the file is read and
 * hashed, not linted — e.g. after a fresh checkout in CI). The cache also records the replylint build, so a new
 * version or new rules start from scratch. Paths are stored relative to the cache file, so a cache restored in
 * another checkout folder still hits. Written atomically; a broken cache file is ignored and rebuilt.
 *
 * File format (version 2): findings are stored packed (see Packer): every string once in a table, every object as
 * [shape, ...values] with the keys in the shape table. Findings repeat long strings (note, docs URL, suggestion
 * texts): as plain JSON, 2,000 templates made a 20 MB cache whose read and parse took most of a fully cached run;
 * packed it is about a tenth. Entries are unpacked when they are looked up.
 */
import { readFileSync, statSync, existsSync } from 'node:fs';
import { writeFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from 'replylint';
import { hashBytes } from './lint-file.ts';

export const DEFAULT_CACHE_FILE = '.replylintcache';
const CACHE_VERSION = 2;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  config: string;
  findings: Finding[];
  part?: string;
}

type Packed = unknown[];
/** On disk: [size, mtimeMs, hash, config, part (or null), packed findings]. */
type StoredEntry = [number, number, string, string, string | null, Packed];
interface CacheFile { version: number; build: string; strings: string[]; shapes: string[]; entries: Record<string, StoredEntry> }

/**
 * Packs JSON-like values: a string becomes its index in `strings`; a plain object becomes [shape, ...values], where
 * `shapes[shape]` lists its keys, each prefixed with how its value is stored: `s` string index, `o` object, `a` array
 * of objects, `v` the value as it is (numbers, booleans, null, other arrays). Keys with undefined values are left
 * out, as JSON.stringify does, and key order is kept, so unpacking gives what JSON.parse(JSON.stringify(x)) gives.
 */
class Packer {
  readonly strings: string[] = [];
  readonly shapes: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly shapeIds = new Map<string, number>();

  private str(s: string): number {
    let i = this.stringIds.get(s);
    if (i === undefined) { i = this.strings.length; this.strings.push(s); this.stringIds.set(s, i); }
    return i;
  }

  object(o: Record<string, unknown>): Packed {
    const keys: string[] = [];
    const out: Packed = [0];
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      if (typeof v === 'string') { keys.push('s' + k); out.push(this.str(v)); }
      else if (Array.isArray(v) && v.length > 0 && v.every(isPlainObject)) { keys.push('a' + k); out.push(v.map((x) => this.object(x))); }
      else if (isPlainObject(v)) { keys.push('o' + k); out.push(this.object(v)); }
      else { keys.push('v' + k); out.push(v); }
    }
    const shape = keys.join('\u0000');
    let id = this.shapeIds.get(shape);
    if (id === undefined) { id = this.shapes.length; this.shapes.push(shape); this.shapeIds.set(shape, id); }
    out[0] = id;
    return out;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { toJSON?: unknown }).toJSON === undefined;

class Unpacker {
  private readonly shapes: Array<(p: Packed) => Record<string, unknown>>;
  constructor(private readonly strings: string[], shapes: string[]) {
    this.shapes = shapes.map((s) => this.compile(s));
  }

  /**
   * A function that builds the objects of one shape with an object literal: with ~20,000 findings in a cached
   * run, assigning keys one by one in a loop took several times longer (and left slow, dictionary-like objects).
   */
  private compile(shape: string): (p: Packed) => Record<string, unknown> {
    const parts = shape === '' ? [] : shape.split('\u0000');
    const props = parts.map((part, i) => {
      const name = part.slice(1);
      // a quoted "__proto__" in a literal would set the prototype; JSON.parse makes it an own property
      const key = name === '__proto__' ? `[${JSON.stringify(name)}]` : JSON.stringify(name);
      const v = `p[${i + 1}]`;
      switch (part[0]) {
        case 's': return `${key}: str(${v})`;
        case 'o': return `${key}: obj(${v})`;
        case 'a': return `${key}: arr(${v})`;
        case 'v': return `${key}: ${v}`;
        default: throw new Error('cache: bad shape');
      }
    });
    const strings = this.strings;
    const str = (i: unknown): string => {
      const s = strings[i as number];
      if (s === undefined) throw new Error('cache: bad string');
      return s;
    };
    const obj = (p: unknown): Record<string, unknown> => this.object(p as Packed);
    const arr = (a: unknown): Array<Record<string, unknown>> => (a as Packed[]).map(obj);
    const n = parts.length + 1;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- keys are JSON-quoted, values come from p only
    const build = new Function('str', 'obj', 'arr', `return (p) => ({ ${props.join(', ')} });`)(str, obj, arr) as (p: Packed) => Record<string, unknown>;
    return (p) => {
      if (p.length !== n) throw new Error('cache: bad entry');
      return build(p);
    };
  }

  object(p: Packed): Record<string, unknown> {
    const build = this.shapes[p[0] as number];
    if (!build) throw new Error('cache: bad shape');
    return build(p);
  }
}

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
  /** Entries as read from the file, unpacked on first use. */
  private stored: Record<string, StoredEntry> = {};
  private unpacker: Unpacker | null = null;
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
      if (!Array.isArray(data.strings) || !Array.isArray(data.shapes) || !data.entries || typeof data.entries !== 'object') throw new Error('cache: bad file');
      this.stored = data.entries;
      this.unpacker = new Unpacker(data.strings, data.shapes);
    } catch {
      this.stored = {};
      this.unpacker = null;
      this.notes.push(`Cache ${path} ist unlesbar – neu aufgebaut`);
      this.dirty = true;
    }
  }

  private key(file: string): string { return relative(this.base, file).split(sep).join('/'); }

  /** The entry for a key: unpacked from the file on first use (null when it is missing or unreadable). */
  private entry(key: string): CacheEntry | undefined {
    const e = this.entries[key];
    if (e || !this.unpacker || !Object.prototype.hasOwnProperty.call(this.stored, key)) return e;
    const raw = this.stored[key]!;
    delete this.stored[key];
    try {
      const [size, mtimeMs, hash, config, part, packed] = raw;
      if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof hash !== 'string' || typeof config !== 'string' || !Array.isArray(packed)) return undefined;
      const findings = (packed as Packed[]).map((p) => this.unpacker!.object(p)) as unknown as Finding[];
      const entry: CacheEntry = { size, mtimeMs, hash, config, findings, ...(typeof part === 'string' ? { part } : {}) };
      this.entries[key] = entry;
      return entry;
    } catch {
      this.dirty = true; // drop the broken entry from the file
      return undefined;
    }
  }

  /** A usable entry for the file and config, with whether its metadata still matches (no read needed). */
  lookup(file: string, configHash: string): { entry: CacheEntry; fresh: boolean } | null {
    const e = this.entry(this.key(file));
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
    const k = this.key(file);
    if (this.entries[k] || Object.prototype.hasOwnProperty.call(this.stored, k)) { delete this.entries[k]; delete this.stored[k]; this.dirty = true; }
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const packer = new Packer();
    const entries: Record<string, StoredEntry> = {};
    for (const key of Object.keys(this.stored)) this.entry(key); // entries of files not looked up in this run stay
    for (const [key, e] of Object.entries(this.entries)) {
      entries[key] = [e.size, e.mtimeMs, e.hash, e.config, e.part ?? null, e.findings.map((f) => packer.object(f as unknown as Record<string, unknown>))];
    }
    const data: CacheFile = { version: CACHE_VERSION, build: this.build, strings: packer.strings, shapes: packer.shapes, entries };
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
