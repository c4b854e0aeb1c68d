/** Batch throughput with 1 and with N worker threads on the same documents (worker start-up excluded). */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPLYLINT_DIST } from './engines.ts';
import { mib } from './stats.ts';

const here = dirname(fileURLToPath(import.meta.url));

export async function threadsThroughput(docs: string[], threads: number, config: unknown, warmup = 100): Promise<{ threads: number; mbps: number; ms: number; bytes: number }> {
  const shares: string[][] = Array.from({ length: threads }, () => []);
  docs.forEach((d, i) => shares[i % threads]!.push(d));
  const workers = shares.map((share) => new Worker(join(here, 'worker.mjs'), {
    workerData: { dist: pathToFileURL(REPLYLINT_DIST).href, docs: share, warmup, config },
  }));
  const ready = workers.map((w) => new Promise<void>((res, rej) => {
    w.once('error', rej);
    w.on('message', (m: { type: string }) => { if (m.type === 'ready') res(); });
  }));
  await Promise.all(ready);
  const t0 = performance.now();
  const done = workers.map((w) => new Promise<{ ms: number; bytes: number }>((res, rej) => {
    w.once('error', rej);
    w.on('message', (m: { type: string; ms: number; bytes: number }) => { if (m.type === 'done') res(m); });
    w.postMessage('go');
  }));
  const results = await Promise.all(done);
  const ms = performance.now() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  const bytes = results.reduce((a, r) => a + r.bytes, 0);
  return { threads, mbps: mib(bytes) / (ms / 1000), ms, bytes };
}
