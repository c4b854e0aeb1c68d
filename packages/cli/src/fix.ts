/**
 * --fix: apply only the suggestions a rule marks as safe, re-lint until nothing changes (bounded), and write the
 * result atomically (temporary file in the same folder, fsync, rename) so that an interrupted run leaves either
 * the old or the new text, never a truncated file.
 */
import { unlinkSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { Finding } from 'replylint';
import { builtin } from './builtin.ts';

export const MAX_FIX_PASSES = 10;

function splitsSurrogate(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const a = text.charCodeAt(i - 1), b = text.charCodeAt(i);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

/** Apply the first safe suggestion of each finding; overlapping or invalid ones are left for the next pass. */
export function applySafeFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const f of findings) {
    const s = f.suggestions?.find((x) => x.safe);
    if (!s) continue;
    if (!(s.start >= 0 && s.end >= s.start && s.end <= text.length)) continue;
    if (splitsSurrogate(text, s.start) || splitsSurrogate(text, s.end)) continue;
    if (text.slice(s.start, s.end) === s.text) continue;
    edits.push({ start: s.start, end: s.end, text: s.text });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let pos = 0;
  let applied = 0;
  for (const e of edits) {
    // overlapping (or touching an insertion at the same point): later pass
    if (e.start < pos || (applied > 0 && e.start === pos && e.start === e.end)) continue;
    out.push(text.slice(pos, e.start), e.text);
    pos = e.end;
    applied++;
  }
  if (applied === 0) return { text, applied: 0 };
  out.push(text.slice(pos));
  return { text: out.join(''), applied };
}

export interface FixResult {
  output: string;
  /** Suggestions applied in all passes. */
  applied: number;
  passes: number;
  /** False when the bound was reached and another pass would still change the text. */
  stable: boolean;
  /** Findings of the final text. */
  findings: Finding[];
}

/** Fix until stable: lint, apply safe suggestions, repeat (at most MAX_FIX_PASSES). */
export async function fixUntilStable(text: string, lint: (t: string) => Finding[] | Promise<Finding[]>, first?: Finding[]): Promise<FixResult> {
  let current = text;
  let findings = first ?? await lint(current);
  let applied = 0;
  let passes = 0;
  const seen = new Set<string>([current]);
  while (passes < MAX_FIX_PASSES) {
    const r = applySafeFixes(current, findings);
    if (r.applied === 0 || r.text === current) return { output: current, applied, passes, stable: true, findings };
    passes++;
    applied += r.applied;
    current = r.text;
    findings = await lint(current);
    if (seen.has(current)) break; // a cycle: stop with what we have
    seen.add(current);
  }
  const again = applySafeFixes(current, findings);
  return { output: current, applied, passes, stable: again.applied === 0, findings };
}

// ---- atomic write ----------------------------------------------------------------------------------------------

const pending = new Set<string>();
let handlersInstalled = false;
let counter = 0;

/** Remove temporary files if the process is interrupted (SIGINT, SIGTERM, SIGHUP), then exit. */
export function installInterruptCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const signals: Array<[NodeJS.Signals, number]> = [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]];
  for (const [sig, code] of signals) {
    process.on(sig, () => {
      for (const p of pending) { try { unlinkSync(p); } catch { /* already gone */ } }
      pending.clear();
      process.stderr.write(`\nreplylint: abgebrochen (${sig}); bereits geschriebene Dateien sind vollständig, die übrigen unverändert.\n`);
      process.exit(code);
    });
  }
  process.on('exit', () => { for (const p of pending) { try { unlinkSync(p); } catch { /* ignore */ } } });
}

export class WriteError extends Error {}

/**
 * Write `content` to `path` atomically. `expected` is the file's content as read before fixing: if the file was
 * changed meanwhile, nothing is written (WriteError). Symlinks are followed (the target is replaced).
 */
export async function writeAtomic(path: string, content: Uint8Array, expected?: Uint8Array): Promise<void> {
  // loaded here: this module is part of every run (fixUntilStable), node:fs/promises only of --fix runs
  const { open, rename, unlink, stat, readFile, realpath } = builtin<typeof import('node:fs/promises')>('node:fs/promises');
  let target: string;
  try { target = await realpath(path); } catch (e) { throw new WriteError(`${path}: kann nicht geschrieben werden (${(e as Error).message})`); }
  const st = await stat(target);
  const tmp = join(dirname(target), `.${basename(target)}.replylint-${process.pid}-${++counter}.tmp`);
  pending.add(tmp);
  try {
    let fh;
    try { fh = await open(tmp, 'wx', st.mode & 0o7777); } catch (e) {
      throw new WriteError(`${path}: kann nicht geschrieben werden – keine temporäre Datei im Ordner möglich (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); die Datei bleibt unverändert`);
    }
    try {
      await fh.writeFile(content);
      await fh.sync();
    } finally {
      await fh.close();
    }
    const delay = Number(process.env.REPLYLINT_TEST_RENAME_DELAY_MS ?? 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (expected) {
      const now = await readFile(target);
      if (!Buffer.from(now).equals(Buffer.from(expected))) throw new WriteError(`${path}: wurde während des Prüfens geändert – nicht überschrieben`);
    }
    await rename(tmp, target);
    pending.delete(tmp);
  } finally {
    if (pending.has(tmp)) {
      pending.delete(tmp);
      await unlink(tmp).catch(() => undefined);
    }
  }
}
