/**
 * A guard in front of the server's stdin: passes on only well-formed LSP frames (`Content-Length: N`, blank line,
 * N bytes). Frames with a missing, non-numeric or absurd Content-Length are dropped with a log line. Without it,
 * vscode-jsonrpc's reader stops at such a header and leaves the rest of that chunk unread until more data arrives —
 * a client waiting for an answer would hang. Bodies that are not valid JSON pass through: the reader skips them.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_BODY = 512 * 1024 * 1024;
const MAX_HEADER = 8 * 1024;

export class FrameGuard extends Transform {
  private buf: Buffer = Buffer.alloc(0);

  constructor(private readonly onDrop: (reason: string) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const end = this.buf.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buf.length > MAX_HEADER) { this.onDrop(`Kopfzeilen ohne Ende (${this.buf.length} Bytes) verworfen`); this.buf = Buffer.alloc(0); }
        break;
      }
      const header = this.buf.subarray(0, end).toString('ascii');
      const m = /(?:^|\r\n)content-length:[ \t]*(\d+)[ \t]*(?:\r\n|$)/i.exec(header);
      const length = m ? Number(m[1]) : NaN;
      if (!Number.isSafeInteger(length) || length > MAX_BODY) {
        this.onDrop(`ungültige Nachricht ohne gültige Content-Length verworfen: ${JSON.stringify(header.slice(0, 200))}`);
        this.buf = this.buf.subarray(end + HEADER_END.length);
        continue;
      }
      const total = end + HEADER_END.length + length;
      if (this.buf.length < total) break;
      this.push(Buffer.concat([Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii'), this.buf.subarray(end + HEADER_END.length, total)]));
      this.buf = this.buf.subarray(total);
    }
    done();
  }
}
