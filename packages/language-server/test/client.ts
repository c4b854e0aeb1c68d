/** A minimal LSP client for the protocol tests: spawns the bundled server over stdio, talks vscode-jsonrpc. */
import { readFileSync } from 'node:fs';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/** The installed command (pnpm's shim, which passes the node flags from the bin file's shebang). */
export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'node_modules', '.bin', 'replylint-language-server');

export interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number; code: string; source: string; message: string; codeDescription?: { href: string };
}
export interface Published { uri: string; version?: number; diagnostics: Diag[] }

export class TestClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: MessageConnection;
  readonly published: Published[] = [];
  stderr = '';
  private waiters: Array<{ pred: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
  /** Answers to workspace/configuration (section replylint). */
  settings: Record<string, unknown> = { debounce: 20 };
  readonly logs: string[] = [];

  constructor(env: Record<string, string> = {}) {
    this.proc = spawn(BIN, ['--stdio'], { stdio: 'pipe', env: { ...process.env, ...env } });
    this.proc.stderr.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.pred(p) ? (w.resolve(p), false) : true));
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); });
    this.conn.onNotification('window/showMessage', (p: { message: string }) => { this.logs.push(p.message); });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/showMessageRequest', (p: { message: string }) => { this.logs.push(p.message); return null; });
    this.conn.onRequest('workspace/applyEdit', () => ({ applied: true }));
    this.conn.listen();
  }

  async initialize(rootUri: string | null = null, extra: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const res = await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } },
      ...extra,
    });
    await this.conn.sendNotification('initialized', {});
    return res as { capabilities: Record<string, unknown> };
  }

  /** The next publishDiagnostics for `uri` matching `pred` (already received ones after `since` count). */
  diagnostics(uri: string, pred: (p: Published) => boolean = () => true, since = 0, timeout = 10000): Promise<Published> {
    const hit = this.published.slice(since).find((p) => p.uri === uri && pred(p));
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`keine Diagnosen für ${uri} (bisher: ${JSON.stringify(this.published.filter((p) => p.uri === uri).slice(-2))}) stderr: ${this.stderr}`)), timeout);
      this.waiters.push({ pred: (p) => p.uri === uri && pred(p), resolve: (p) => { clearTimeout(t); resolve(p); } });
    });
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Resident memory of the server process in MB (Linux). */
  rssMB(): number {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  }

  /** Write raw bytes to the server's stdin (for malformed messages). */
  raw(s: string | Buffer): void { this.proc.stdin.write(s); }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => this.proc.once('exit', (code) => r(code)));
    if (this.proc.exitCode === null) {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    }
    const code = await Promise.race([exited, new Promise<number | null>((r) => setTimeout(() => { this.proc.kill(); r(-1); }, 5000))]);
    this.conn.dispose();
    return code;
  }
}
