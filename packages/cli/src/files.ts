/**
 * Which files to lint: files, folders and glob patterns, minus what ignore files exclude.
 *
 * - Folders are searched for reply templates (TEXT_EXTENSIONS); hidden folders and node_modules are skipped.
 * - Glob patterns (tinyglobby) are relative to the working directory; every matching file is a candidate.
 * - Ignored: `.gitignore` (unless --no-gitignore; every .gitignore from the repository root down to the file's
 *   folder), `.replylintignore` (the same way, in gitignore syntax), the applying config's `ignorePatterns`, and
 *   `--ignore-pattern` (gitignore syntax, relative to the working directory). `--no-ignore` switches all of them
 *   off. A file named explicitly that is ignored is reported with a notice and not linted.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep, isAbsolute, extname, parse } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const TEXT_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'eml', 'hbs', 'handlebars', 'mustache', 'liquid', 'j2', 'jinja', 'tmpl', 'tpl'];
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface DiscoverOptions {
  cwd: string;
  /** Respect .gitignore files (default true). */
  gitignore: boolean;
  /** Respect .replylintignore, ignorePatterns and --ignore-pattern (default true; false = --no-ignore). */
  ignoreFiles: boolean;
  ignorePatterns: string[];
  /** A glob or folder that yields no files is an error (exit 2). */
  errorOnUnmatchedPattern: boolean;
  /** The config's ignorePatterns for a file (reason) or null. */
  ignoredByConfig?: (file: string) => string | null;
}

export interface Discovery {
  /** Absolute paths, in input order, without duplicates. */
  files: string[];
  /** Explicitly named files that are ignored, and similar remarks. */
  notices: string[];
  /** Inputs that do not exist or match nothing: exit 2. */
  errors: string[];
}

const toPosix = (p: string): string => p.split(sep).join('/');

/** Layered ignore files (.gitignore / .replylintignore), looked up in every folder from the root down. */
export class IgnoreIndex {
  private readonly layers = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string | null>();
  private readonly chains = new Map<string, Array<[string, Ignore]>>();
  private readonly cli: Ignore | null;

  constructor(private readonly opts: DiscoverOptions) {
    this.cli = opts.ignoreFiles && opts.ignorePatterns.length ? ignore().add(opts.ignorePatterns) : null;
  }

  private layer(dir: string, name: string): Ignore | null {
    const key = join(dir, name);
    let l = this.layers.get(key);
    if (l !== undefined) return l;
    l = null;
    if (existsSync(key)) {
      try { l = ignore().add(readFileSync(key, 'utf8')); } catch { l = null; }
    }
    this.layers.set(key, l);
    return l;
  }

  /** The repository root (folder with .git) above dir, or null. */
  private gitRoot(dir: string): string | null {
    const hit = this.roots.get(dir);
    if (hit !== undefined) return hit;
    let root: string | null = null;
    if (existsSync(join(dir, '.git'))) root = dir;
    else {
      const up = dirname(dir);
      root = up === dir ? null : this.gitRoot(up);
    }
    this.roots.set(dir, root);
    return root;
  }

  /** The ignore files named `name` that exist from `top` down to `dir`, topmost first (cached per folder). */
  private chain(dir: string, name: string, top: string): Array<[string, Ignore]> {
    const key = `${name}\u0000${top}\u0000${dir}`;
    let c = this.chains.get(key);
    if (c) return c;
    const up = dirname(dir);
    const above = dir === top || up === dir ? [] : this.chain(up, name, top);
    const l = this.layer(dir, name);
    c = l ? [...above, [dir, l]] : above;
    this.chains.set(key, c);
    return c;
  }

  /** Check layered ignore files named `name` from `top` down to the file's folder. */
  private layered(abs: string, name: string, top: string): string | null {
    let ignored: string | null = null;
    for (const [dir, l] of this.chain(dirname(abs), name, top)) {
      const rel = toPosix(relative(dir, abs));
      const t = l.test(rel);
      if (t.ignored) ignored = join(dir, name);
      else if (t.unignored) ignored = null;
    }
    return ignored;
  }

  /** Why the file is ignored, or null. */
  reason(abs: string): string | null {
    const root = this.gitRoot(dirname(abs));
    const top = root ?? parse(abs).root;
    if (this.opts.gitignore && this.opts.ignoreFiles && root) {
      const r = this.layered(abs, '.gitignore', root);
      if (r) return r;
    }
    if (!this.opts.ignoreFiles) return null;
    const r = this.layered(abs, '.replylintignore', top);
    if (r) return r;
    if (this.cli) {
      const rel = toPosix(relative(this.opts.cwd, abs));
      if (rel && !rel.startsWith('../') && !isAbsolute(rel) && this.cli.ignores(rel)) return '--ignore-pattern';
    }
    return this.opts.ignoredByConfig?.(abs) ?? null;
  }
}

export async function discover(inputs: string[], opts: DiscoverOptions): Promise<Discovery> {
  const index = new IgnoreIndex(opts);
  const seen = new Set<string>();
  const files: string[] = [];
  const notices: string[] = [];
  const errors: string[] = [];
  const add = (abs: string): void => { if (!seen.has(abs)) { seen.add(abs); files.push(abs); } };
  const extGlob = `**/*.{${TEXT_EXTENSIONS.join(',')}}`;

  for (const input of inputs) {
    const abs = resolve(opts.cwd, input);
    let st;
    try { st = statSync(abs); } catch { st = null; }
    if (st?.isFile()) {
      const why = index.reason(abs);
      if (why) notices.push(`${input}: ignoriert (${why}); --no-ignore prüft die Datei trotzdem`);
      else add(abs);
      continue;
    }
    let found: string[];
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (st?.isDirectory()) {
      found = await glob(extGlob, { cwd: abs, absolute: true, ignore: ALWAYS_SKIPPED, dot: false, followSymbolicLinks: false, caseSensitiveMatch: false });
    } else if (st) {
      errors.push(`${input}: weder Datei noch Ordner`);
      continue;
    } else if (isDynamicPattern(input)) {
      found = await glob(toPosix(input), { cwd: opts.cwd, absolute: true, ignore: ALWAYS_SKIPPED, dot: false, followSymbolicLinks: false, onlyFiles: true });
    } else {
      errors.push(`${input}: Datei oder Ordner nicht gefunden`);
      continue;
    }
    found = found.map((f) => resolve(f)).sort();
    let kept = 0;
    for (const f of found) {
      if (index.reason(f)) continue;
      kept++;
      add(f);
    }
    if (kept === 0 && opts.errorOnUnmatchedPattern) {
      const hint = ' (--no-error-on-unmatched-pattern erlaubt das)';
      if (found.length) errors.push(`${input}: alle ${found.length} gefundenen Dateien sind ignoriert (.gitignore, .replylintignore, ignorePatterns oder --ignore-pattern)${hint}`);
      else if (st?.isDirectory()) errors.push(`${input}: Ordner enthält keine prüfbaren Dateien (${TEXT_EXTENSIONS.map((e) => '.' + e).join(' ')})${hint}`);
      else errors.push(`${input}: kein Treffer für das Muster${hint}`);
    }
  }
  return { files, notices, errors };
}

/** Obvious binary formats by extension (skipped without reading). */
const BINARY_EXT = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.ico', '.pdf', '.zip', '.gz', '.tgz', '.7z', '.rar', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.exe', '.dll', '.so', '.dylib', '.woff', '.woff2', '.ttf', '.otf', '.mp3', '.mp4', '.mov', '.wav', '.bin', '.class', '.jar', '.wasm']);
export function isBinaryName(file: string): boolean { return BINARY_EXT.has(extname(file).toLowerCase()); }
