/**
 * Worker thread (bundled to dist/worker.cjs by packages/cli/build.ts, started through lib/worker-boot.cjs):
 * lints the tasks the main thread sends.
 * In: { type: 'config', key, config }, { type: 'tasks', tasks }, { type: 'bye' }.
 * Out: { type: 'results', outcomes }, { type: 'bye' } (after saving the code cache if it had none).
 */
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from 'replylint';
import { processFile, type Task, type Outcome } from './lint-file.ts';

type In = { type: 'config'; key: string; config: ResolvedConfig } | { type: 'tasks'; tasks: Task[] } | { type: 'bye' };

export function start(opts: { saveCodeCache?: () => void } = {}): void {
  const configs = new Map<string, ResolvedConfig>();
  parentPort!.on('message', (msg: In) => {
    if (msg.type === 'config') { configs.set(msg.key, msg.config); return; }
    if (msg.type === 'bye') {
      try { opts.saveCodeCache?.(); } catch { /* best effort */ }
      parentPort!.postMessage({ type: 'bye' });
      return;
    }
    void (async () => {
      const outcomes: Outcome[] = [];
      for (const t of msg.tasks) {
        const cfg = configs.get(t.configKey);
        outcomes.push(cfg ? await processFile(t, cfg) : { file: t.file, findings: [], error: `${t.file}: interner Fehler: Konfiguration ${t.configKey} fehlt im Worker` });
      }
      parentPort!.postMessage({ type: 'results', outcomes });
    })();
  });
}
