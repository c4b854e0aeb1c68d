/**
 * Parallel linting on all cores with worker threads (used when there are many files). Tasks go out in small
 * batches so that fast workers take more; each worker gets a config once, before the first task that needs it.
 * Falls back to the main thread when the worker bundle is missing (running from source).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from 'replylint';
import { processFile, type Task, type Outcome } from './lint-file.ts';
import { builtin } from './builtin.ts';

export const WORKER_URL = new URL('./worker.js', import.meta.url);

export function workersAvailable(): boolean {
  try { return existsSync(fileURLToPath(WORKER_URL)); } catch { return false; }
}

/** Lint tasks in the main thread (few files, or no workers), with bounded concurrency for I/O overlap. */
export async function runInProcess(tasks: Task[], configs: Map<string, ResolvedConfig>, onOutcome: (o: Outcome) => void): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const t = tasks[next++]!;
      onOutcome(await processFile(t, configs.get(t.configKey)!));
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, tasks.length) }, lane));
}

export async function runWorkers(tasks: Task[], configs: Map<string, ResolvedConfig>, threads: number, onOutcome: (o: Outcome) => void): Promise<void> {
  const batch = Math.max(4, Math.min(32, Math.ceil(tasks.length / (threads * 8))));
  const { Worker } = builtin<typeof import('node:worker_threads')>('node:worker_threads');
  let next = 0;
  const workers: Array<InstanceType<typeof Worker>> = [];
  try {
    await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolveDone, reject) => {
      const w = new Worker(WORKER_URL);
      workers.push(w);
      const sent = new Set<string>();
      const feed = (): void => {
        if (next >= tasks.length) { resolveDone(); return; }
        const slice = tasks.slice(next, next + batch);
        next += slice.length;
        for (const t of slice) {
          if (!sent.has(t.configKey)) { sent.add(t.configKey); w.postMessage({ type: 'config', key: t.configKey, config: configs.get(t.configKey) }); }
        }
        w.postMessage({ type: 'tasks', tasks: slice });
      };
      w.on('message', (msg: { type: 'results'; outcomes: Outcome[] }) => {
        for (const o of msg.outcomes) onOutcome(o);
        feed();
      });
      w.on('error', reject);
      w.on('exit', (code) => { if (next < tasks.length || code !== 0) reject(new Error(`Worker beendet mit Code ${code}`)); });
      feed();
    })));
  } finally {
    await Promise.all(workers.map((w) => { w.removeAllListeners('exit'); return w.terminate(); }));
  }
}
