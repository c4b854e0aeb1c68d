/**
 * Language-server figures over stdio with vscode-jsonrpc, the way an editor drives it: debounce set to 0 (the
 * target excludes it), one incremental didChange (a typed character) at a time, time until the publishDiagnostics
 * for that version arrives; then 1,000 documents opened and linted (and kept open), and the server's RSS read from
 * /proc: right after the last diagnostics (`rssMB`), 1.5 s later (`rssAfterGcMB`, the figure compared with the target:
 * by then the server has compacted its heap, see packages/language-server/src/memory.ts), and the peak of the whole
 * run (`peakRssMB`, VmHWM: the edits of the 200 KB document and the 1,000 opens included).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ROOT } from './inputs.ts';
import { summary } from './stats.ts';

export const LSP_BIN = join(ROOT, 'node_modules/.bin/replylint-language-server');

interface Published { uri: string; version?: number; diagnostics: unknown[] }

export interface LspFigures {
  ok: boolean;
  reason?: string;
  edit5k?: ReturnType<typeof summary> & { open: number; diagnostics: number };
  edit200k?: ReturnType<typeof summary> & { open: number; diagnostics: number };
  docs?: { count: number; ms: number; rssMB: number; rssAfterGcMB: number | null; startRssMB: number; peakRssMB: number };
}

function rssOf(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export async function lspFigures(opts: { doc5k: string; doc200k: string; docs: string[]; edits5k: number; edits200k: number; count: number }): Promise<LspFigures> {
  if (!existsSync(LSP_BIN)) return { ok: false, reason: 'node_modules/.bin/replylint-language-server fehlt' };
  const proc = spawn(LSP_BIN, ['--stdio'], { stdio: 'pipe' });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<void>((res) => proc.once('exit', () => res()));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = new Map<string, { version: number | null; resolve: (p: Published) => void }>();
  conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    const w = waiters.get(p.uri);
    if (w && (w.version === null || p.version === w.version)) { waiters.delete(p.uri); w.resolve(p); }
  });
  const settings = { debounce: 0 };
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('window/showMessage', () => undefined);
  conn.listen();
  const wait = (uri: string, version: number | null, timeout = 60_000): Promise<Published> => new Promise((resolve, reject) => {
    const t = setTimeout(() => { waiters.delete(uri); reject(new Error(`no diagnostics for ${uri} v${version} within ${timeout} ms ${stderr.slice(0, 200)}`)); }, timeout);
    waiters.set(uri, { version, resolve: (p) => { clearTimeout(t); resolve(p); } });
  });
  const base = 'file:///tmp/replylint-bench-lsp';
  try {
    const init = conn.sendRequest('initialize', {
      processId: process.pid, rootUri: base, workspaceFolders: [{ uri: base, name: 'bench' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
      initializationOptions: { settings },
    });
    await Promise.race([init, exited.then(() => { throw new Error(`server exited: ${stderr.trim().split('\n')[0] ?? ''}`); })]);
    await conn.sendNotification('initialized', {});
    const startRssMB = rssOf(proc.pid!);

    const editLoop = async (name: string, text: string, edits: number): Promise<LspFigures['edit5k']> => {
      const uri = `${base}/${name}.txt`;
      let t0 = performance.now();
      const p0 = wait(uri, 1);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      const first = await p0;
      const open = performance.now() - t0;
      // type in the middle of the document: insert a character, then delete it again
      const lines = text.split('\n');
      const line = Math.floor(lines.length / 2);
      const character = Math.floor((lines[line]?.length ?? 0) / 2);
      const ms: number[] = [];
      for (let i = 0; i < edits; i++) {
        const version = i + 2;
        const change = i % 2 === 0
          ? { range: { start: { line, character }, end: { line, character } }, text: 'x' }
          : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
        const p = wait(uri, version);
        t0 = performance.now();
        await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        await p;
        ms.push(performance.now() - t0);
      }
      await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      return { ...summary(ms), open, diagnostics: first.diagnostics.length };
    };
    const out: LspFigures = { ok: true };
    out.edit5k = await editLoop('reply-5k', opts.doc5k, opts.edits5k);
    out.edit200k = await editLoop('doc-200k', opts.doc200k, opts.edits200k);

    // 1,000 documents: open, lint, keep open (as an editor with many tabs does)
    const t0 = performance.now();
    for (let i = 0; i < opts.count; i += 50) {
      const batch: Promise<Published>[] = [];
      for (let k = i; k < Math.min(opts.count, i + 50); k++) {
        const uri = `${base}/docs/reply-${k}.txt`;
        batch.push(wait(uri, 1));
        void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: opts.docs[k % opts.docs.length]! } });
      }
      await Promise.all(batch);
    }
    const ms = performance.now() - t0;
    const rssMB = rssOf(proc.pid!);
    await new Promise((r) => setTimeout(r, 1500));
    const rssAfterGcMB = rssOf(proc.pid!);
    out.docs = { count: opts.count, ms, rssMB, rssAfterGcMB, startRssMB, peakRssMB: rssOf(proc.pid!, 'VmHWM') };
    return out;
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await conn.sendNotification('exit');
    } catch { /* already gone */ }
    setTimeout(() => { if (proc.exitCode === null) proc.kill(); }, 2000).unref();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    conn.dispose();
  }
}
