/**
 * Entry point of `replylint-language-server`: `--stdio`, `--node-ipc` or `--socket=<port>` (as every
 * vscode-languageserver). Bundled by build.ts into dist/server.cjs.
 */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server.ts';
import { FrameGuard } from './frames.ts';

if (process.argv.includes('--version') || process.argv.includes('-v')) {
  process.stdout.write('replylint-language-server 0.1.0\n');
  process.exit(0);
}
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('Aufruf: replylint-language-server --stdio   (oder --node-ipc, --socket=<port>)\n');
  process.exit(2);
}

// over stdio, malformed frames are filtered out before they reach the JSON-RPC reader (see frames.ts)
const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin.pipe(new FrameGuard((r) => process.stderr.write(`replylint: ${r}\n`)))), new StreamMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
// The server must never die on bad input: log and keep serving.
process.on('uncaughtException', (e) => { try { connection.console.error(`replylint: ${e && e.stack ? e.stack : String(e)}`); } catch { /* ignore */ } });
process.on('unhandledRejection', (e) => { try { connection.console.error(`replylint: ${e instanceof Error ? e.stack : String(e)}`); } catch { /* ignore */ } });
startServer(connection);
