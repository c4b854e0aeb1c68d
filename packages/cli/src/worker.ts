/**
 * Worker thread entry (bundled to dist/worker.js by packages/cli/build.ts): lints the tasks the main thread sends.
 * Messages in: { type: 'config', key, config } and { type: 'tasks', tasks }; out: { type: 'results', outcomes }.
 */
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from 'replylint';
import { processFile, type Task, type Outcome } from './lint-file.ts';

type In = { type: 'config'; key: string; config: ResolvedConfig } | { type: 'tasks'; tasks: Task[] };

const configs = new Map<string, ResolvedConfig>();

parentPort!.on('message', (msg: In) => {
  if (msg.type === 'config') { configs.set(msg.key, msg.config); return; }
  void (async () => {
    const outcomes: Outcome[] = [];
    for (const t of msg.tasks) {
      const cfg = configs.get(t.configKey);
      outcomes.push(cfg ? await processFile(t, cfg) : { file: t.file, findings: [], error: `${t.file}: interner Fehler: Konfiguration ${t.configKey} fehlt im Worker` });
    }
    parentPort!.postMessage({ type: 'results', outcomes });
  })();
});
