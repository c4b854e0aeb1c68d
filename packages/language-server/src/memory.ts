/**
 * Gives memory back to the system once the server goes quiet after linting.
 *
 * What the server keeps per open document is small (heap snapshot after 1,000 open corpus replies: the document
 * states ≈ 1.5 KB and the `TextDocument`s ≈ 0.5 KB per document; the whole live heap ≈ 24 MB, 18 MB of which is
 * the bundle and the compiled phrase sets). The RSS was high for another reason: every lint allocates several MB,
 * much of it is promoted to the old generation (the young generation is kept small), and V8 grows the old
 * generation to ≈ 65–95 MB and keeps it until its memory reducer runs, ≈ 8 s after the process went quiet. A plain
 * full GC does not shrink it either: the few live objects of each document are spread over every old-space page, so
 * no page becomes empty without compaction. Measured on 1,000 open documents after a 200 KB document was edited:
 * RSS 132–155 MB for the first 8 s, ≈ 86–90 MB once V8's memory reducer (or a compacting GC) has run.
 *
 * So after `idleMs` without any lint, and only if the heap grew by `growth` bytes since the last compaction, the
 * server runs one compacting full GC (≈ 20–80 ms, never while a lint is scheduled or running) — what V8's memory
 * reducer does itself a few seconds later. Without access to `gc` (it is obtained at run time, no node flag needed)
 * this does nothing. `REPLYLINT_LS_IDLE_GC=0` turns it off, a number sets `idleMs`.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type GcFn = () => void;

const MB = 1024 * 1024;

/** The engine's `gc` (from `--expose-gc`, or exposed at run time), or null when it cannot be had. */
export function findGc(): GcFn | null {
  const g = (globalThis as { gc?: unknown }).gc;
  if (typeof g === 'function') return g as GcFn;
  try {
    setFlagsFromString('--expose-gc');
    const fn: unknown = runInNewContext('gc');
    return typeof fn === 'function' ? (fn as GcFn) : null;
  } catch {
    return null;
  }
}

/** A full GC that also compacts the old generation (a plain full GC leaves fragmented pages where they are). */
export function compactingGc(gc: GcFn): void {
  let flag = false;
  try {
    setFlagsFromString('--compact-on-every-full-gc');
    flag = true;
  } catch { /* flags not settable: a plain full GC */ }
  try {
    gc();
  } finally {
    if (flag) try { setFlagsFromString('--no-compact-on-every-full-gc'); } catch { /* ignore */ }
  }
}

export function heapSize(): number {
  return getHeapStatistics().total_heap_size;
}

export interface IdleCompactorOptions {
  /** Quiet time before compacting (ms). */
  idleMs?: number;
  /** Compact only when the heap grew by this many bytes since the last compaction (or the start). */
  growth?: number;
  /** Test hooks. */
  heapSize?: () => number;
  compact?: (gc: GcFn) => void;
}

export class IdleCompactor {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = 0;
  private floor: number;
  private readonly idleMs: number;
  private readonly growth: number;
  private readonly size: () => number;
  private readonly compact: (gc: GcFn) => void;
  /** How many compactions ran (for tests and diagnostics). */
  compactions = 0;

  constructor(private readonly gc: GcFn | null, opts: IdleCompactorOptions = {}) {
    this.idleMs = opts.idleMs ?? 500;
    this.growth = opts.growth ?? 8 * MB;
    this.size = opts.heapSize ?? heapSize;
    this.compact = opts.compact ?? compactingGc;
    this.floor = this.size();
  }

  get enabled(): boolean { return this.gc !== null && this.idleMs > 0; }

  /** A lint starts: no compaction until it ends. */
  begin(): void {
    this.running++;
    this.cancel();
  }

  /** A lint ended (or was dropped). */
  end(): void {
    this.running = Math.max(0, this.running - 1);
    this.activity();
  }

  /** Anything that allocated or will allocate soon (a change, an open, a close): restart the quiet time. */
  activity(): void {
    if (!this.enabled) return;
    this.cancel();
    this.timer = setTimeout(() => this.idle(), this.idleMs);
    this.timer.unref?.();
  }

  dispose(): void { this.cancel(); }

  private cancel(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
  }

  private idle(): void {
    this.timer = null;
    if (this.running > 0 || !this.gc) return;
    if (this.size() < this.floor + this.growth) return;
    try {
      this.compact(this.gc);
      this.compactions++;
    } catch { /* never fatal */ }
    this.floor = this.size();
  }
}

/** The server's compactor, configured from `REPLYLINT_LS_IDLE_GC` (0: off; a number: quiet time in ms). */
export function serverCompactor(env: NodeJS.ProcessEnv = process.env): IdleCompactor {
  const raw = env.REPLYLINT_LS_IDLE_GC;
  const idleMs = raw !== undefined && raw !== '' && Number.isFinite(Number(raw)) ? Math.max(0, Number(raw)) : 500;
  return new IdleCompactor(idleMs > 0 ? findGc() : null, { idleMs });
}
