/**
 * Lint one file: read, detect binary / invalid UTF-8, lint (e-mails through lintEmail when the public package has
 * it), optionally compute safe fixes. Used in the main thread and in the worker threads alike; it never writes.
 */
import { extname } from 'node:path';
import * as api from 'replylint';
import type { Finding, ResolvedConfig } from 'replylint';
import { decodeDetailed, readBytes, InputError, type Encoding } from './io.ts';
import { fixUntilStable } from './fix.ts';
import { isBinaryName } from './files.ts';
import { builtin } from './builtin.ts';

export interface Excluded { start: number; end: number; reason: string }

export interface Task {
  file: string;
  configKey: string;
  /** none | compute the fixed text (written by the main thread) */
  fix: boolean;
  debug: boolean;
  inputFormat?: string;
  /** Content hash from the cache: if the file still has it, report `cacheHit` without linting. */
  cachedHash?: string;
  /** Compute the content hash (for --cache and --fix). */
  hash: boolean;
}

export interface Outcome {
  file: string;
  findings: Finding[];
  excluded?: Excluded[];
  /** E-mail body part that was linted ('text/plain', 'text/html', 'none'). */
  part?: string;
  /** Skipped with a notice (binary). */
  notice?: string;
  /** Could not be read or decoded: exit 2. */
  error?: string;
  hash?: string;
  cacheHit?: boolean;
  /** Text that was linted (for fix diffs). */
  source?: string;
  fix?: { output: string; applied: number; passes: number; stable: boolean; encoding: Encoding };
  /** File size and mtime at read time (cache metadata). */
  size?: number;
  mtimeMs?: number;
}

type EmailLint = (source: string | Uint8Array, options?: { config?: ResolvedConfig }) => Promise<{ part: string; text: string; findings: Finding[]; excluded: Excluded[] }>;
const LINT_EMAIL = 'lintEmail';
/** `lintEmail` from the public package, if this build has it. */
export const lintEmail: EmailLint | undefined = (api as unknown as Record<string, unknown>)[LINT_EMAIL] as EmailLint | undefined;

let createHash: typeof import('node:crypto').createHash | null = null;

/** Load node:crypto (only runs with --cache or --fix need it; it costs a few ms of start-up). */
export async function loadHasher(): Promise<void> {
  createHash ??= builtin<typeof import('node:crypto')>('node:crypto').createHash;
}

/** Content hash; call loadHasher() first. */
export function hashBytes(bytes: Uint8Array): string {
  if (!createHash) throw new Error('hashBytes: loadHasher() was not awaited');
  return createHash('sha1').update(bytes).digest('base64url');
}

export interface LintSourceOptions {
  config: ResolvedConfig;
  filePath?: string;
  inputFormat?: string;
  debug: boolean;
  fix: boolean;
}

/** Lint already decoded text (files and stdin). */
export async function lintSource(text: string, encoding: Encoding, o: LintSourceOptions): Promise<Pick<Outcome, 'findings' | 'excluded' | 'fix'>> {
  const opts = { config: o.config, format: (o.inputFormat ?? 'auto') as api.FormatName | 'auto', filePath: o.filePath };
  let findings: Finding[];
  let excluded: Excluded[] | undefined;
  if (o.debug) {
    const r = api.lintDetailed(text, opts);
    findings = r.findings;
    excluded = r.excluded as Excluded[];
  } else findings = api.lint(text, opts);
  let fix: Outcome['fix'];
  if (o.fix && findings.some((f) => f.suggestions?.some((s) => s.safe))) {
    const r = await fixUntilStable(text, (t) => api.lint(t, opts), findings);
    if (r.output !== text) {
      fix = { output: r.output, applied: r.applied, passes: r.passes, stable: r.stable, encoding };
      findings = r.findings;
    }
  }
  return { findings, excluded, fix };
}

export async function processFile(task: Task, config: ResolvedConfig): Promise<Outcome> {
  const { file } = task;
  if (isBinaryName(file)) return { file, findings: [], notice: `${file}: Binärdatei übersprungen (Dateiendung ${extname(file)})` };
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch (e) {
    return { file, findings: [], error: (e as Error).message };
  }
  if (task.hash || task.cachedHash) await loadHasher();
  const hash = task.hash || task.cachedHash ? hashBytes(bytes) : undefined;
  if (task.cachedHash && hash === task.cachedHash) return { file, findings: [], hash, cacheHit: true, size: bytes.length };
  const isEmail = task.inputFormat === undefined && extname(file).toLowerCase() === '.eml' && lintEmail !== undefined;
  try {
    if (isEmail) {
      const r = await lintEmail!(bytes, { config });
      return { file, findings: r.findings, excluded: task.debug ? r.excluded : undefined, part: r.part, hash, size: bytes.length, source: task.debug ? r.text : undefined };
    }
    const { text, encoding } = decodeDetailed(bytes, file);
    const r = await lintSource(text, encoding, { config, filePath: file, inputFormat: task.inputFormat, debug: task.debug, fix: task.fix });
    return { file, ...r, hash, size: bytes.length, source: r.fix || task.debug ? text : undefined };
  } catch (e) {
    if (e instanceof InputError) return e.skip ? { file, findings: [], notice: e.message } : { file, findings: [], error: e.message };
    return { file, findings: [], error: `${file}: interner Fehler beim Prüfen: ${(e as Error).message}` };
  }
}
