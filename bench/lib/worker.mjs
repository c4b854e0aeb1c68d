// Worker thread for the scaling measurement: loads the replylint bundle, warms up, then lints the documents it is
// given when the parent says "go" (so that worker start-up is not part of the throughput).
import { parentPort, workerData } from 'node:worker_threads';

const { dist, docs, warmup, config } = workerData;
const m = await import(dist);
const opts = config ? { config } : undefined;
for (let i = 0; i < warmup; i++) m.lint(docs[i % docs.length], opts);
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (msg) => {
  if (msg !== 'go') return;
  const t0 = performance.now();
  let bytes = 0;
  for (const d of docs) { m.lint(d, opts); bytes += Buffer.byteLength(d); }
  parentPort.postMessage({ type: 'done', ms: performance.now() - t0, bytes });
  parentPort.close();
});
