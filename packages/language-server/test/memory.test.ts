/** The idle compaction: when it runs (quiet, heap grew, no lint running) and that the real GC is reachable. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleCompactor, compactingGc, findGc, serverCompactor } from '../src/memory.ts';

const MB = 1024 * 1024;

describe('IdleCompactor', () => {
  afterEach(() => { vi.useRealTimers(); });

  function setup(idleMs = 100) {
    vi.useFakeTimers();
    let size = 20 * MB;
    const calls: number[] = [];
    const c = new IdleCompactor(() => undefined, {
      idleMs, growth: 8 * MB, heapSize: () => size,
      compact: () => { calls.push(size); size = 22 * MB; },
    });
    return { c, calls, grow: (by: number) => { size += by; } };
  }

  it('compacts once the server has been quiet for idleMs, only if the heap grew', () => {
    const { c, calls, grow } = setup();
    c.activity();
    vi.advanceTimersByTime(200);
    expect(calls).toEqual([]); // heap did not grow
    grow(40 * MB);
    c.activity();
    vi.advanceTimersByTime(99);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([60 * MB]);
    expect(c.compactions).toBe(1);
    // quiet again without growth since the compaction: nothing to do
    c.activity();
    vi.advanceTimersByTime(500);
    expect(calls.length).toBe(1);
    grow(10 * MB);
    c.activity();
    vi.advanceTimersByTime(100);
    expect(calls.length).toBe(2);
  });

  it('never compacts while a lint is running; activity restarts the quiet time', () => {
    const { c, calls, grow } = setup();
    grow(40 * MB);
    c.activity();
    vi.advanceTimersByTime(50);
    c.begin();
    vi.advanceTimersByTime(500);
    expect(calls).toEqual([]);
    c.begin();
    c.end();
    vi.advanceTimersByTime(500);
    expect(calls).toEqual([]); // one lint still running
    c.end();
    vi.advanceTimersByTime(60);
    c.activity();
    vi.advanceTimersByTime(60);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(calls.length).toBe(1);
  });

  it('does nothing without gc or when turned off', () => {
    vi.useFakeTimers();
    const compact = vi.fn();
    const none = new IdleCompactor(null, { heapSize: () => 100 * MB, compact });
    none.activity();
    vi.advanceTimersByTime(10_000);
    expect(compact).not.toHaveBeenCalled();
    expect(none.enabled).toBe(false);
    expect(serverCompactor({ REPLYLINT_LS_IDLE_GC: '0' }).enabled).toBe(false);
  });
});

describe('the real GC', () => {
  it('is reachable without node flags and compacts without throwing', () => {
    const gc = findGc();
    expect(typeof gc).toBe('function');
    expect(() => compactingGc(gc!)).not.toThrow();
    expect(serverCompactor({}).enabled).toBe(true);
  });
});
