/**
 * Command-line figures: cold start on one 2 KB file (a new process each time; `node -e 0` as the floor), the same
 * for the peers' CLIs, and 2,000 templates of ~2 KB through the replylint CLI (cold, and a second run with --cache).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, resample, readInputs, KB } from './inputs.ts';
import { summary } from './stats.ts';

export interface Timed { ok: true; p50: number; min: number; runs: number; exit: number | null }
export interface Failed { ok: false; reason: string }

function time(cmd: string, args: string[], runs: number, opts: { cwd?: string; okExit?: number[] } = {}): Timed | Failed {
  const ms: number[] = [];
  let exit: number | null = null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: opts.cwd ?? ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    const dt = performance.now() - t0;
    if (r.error) return { ok: false, reason: r.error.message };
    exit = r.status;
    if (!(opts.okExit ?? [0, 1]).includes(r.status ?? -1)) {
      return { ok: false, reason: `exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout).trim().split('\n')[0]?.slice(0, 160) ?? ''}` };
    }
    ms.push(dt);
  }
  const s = summary(ms);
  return { ok: true, p50: s.p50, min: Math.min(...ms), runs, exit };
}

export const REPLYLINT_BIN = join(ROOT, 'node_modules/.bin/replylint');

export function cliFigures(opts: { runs: number; peerRuns: number; templates: number; rc: string | null }): Record<string, Timed | Failed> {
  const dir = join(tmpdir(), `replylint-bench-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'templates'), { recursive: true });
  const entries = readInputs().cleanEntries;
  const one = join(dir, 'antwort.txt');
  writeFileSync(one, resample(entries, 2 * KB, 4242));
  const out: Record<string, Timed | Failed> = {};

  out.nodeFloor = time(process.execPath, ['-e', '0'], opts.runs, { okExit: [0] });
  if (!existsSync(REPLYLINT_BIN)) {
    const reason = 'node_modules/.bin/replylint fehlt (packages/cli nicht installiert)';
    out.coldStart = out.templatesCold = out.templatesCache = { ok: false, reason };
  } else {
    time(REPLYLINT_BIN, [one], 1); // first run writes the V8 code cache, as any user's first run does
    out.coldStart = time(REPLYLINT_BIN, [one], opts.runs);
    for (let i = 0; i < opts.templates; i++) {
      writeFileSync(join(dir, 'templates', `vorlage-${String(i).padStart(4, '0')}.txt`), resample(entries, 2 * KB, 90_000 + i));
    }
    const tdir = join(dir, 'templates');
    const cache = join(dir, 'cache');
    out.templatesCold = time(REPLYLINT_BIN, ['--format', 'json', '--no-progress', tdir], 1);
    if (out.templatesCold.ok) {
      const first = time(REPLYLINT_BIN, ['--format', 'json', '--no-progress', '--cache', '--cache-location', cache, tdir], 1);
      out.templatesCache = first.ok ? time(REPLYLINT_BIN, ['--format', 'json', '--no-progress', '--cache', '--cache-location', cache, tdir], 2) : first;
    } else out.templatesCache = { ok: false, reason: 'cold run failed' };
  }
  const alexBin = join(ROOT, 'bench/node_modules/.bin/alex');
  out.alexCold = existsSync(alexBin) ? time(alexBin, [one], opts.peerRuns, { cwd: dir }) : { ok: false, reason: 'alex not installed' };
  const tlBin = join(ROOT, 'bench/node_modules/.bin/textlint');
  out.textlintCold = existsSync(tlBin) && opts.rc
    ? time(tlBin, ['--config', opts.rc, '--rules-base-directory', join(ROOT, 'bench/node_modules'), one], opts.peerRuns, { cwd: join(ROOT, 'bench') })
    : { ok: false, reason: 'textlint not installed' };
  rmSync(dir, { recursive: true, force: true });
  return out;
}
