/** Reading input files: detect binary content and broken encodings instead of linting garbage. */
import { readFileSync } from 'node:fs';

export class InputError extends Error {
  /** `skip`: not an error, the file is skipped with a notice (binary content). */
  constructor(message: string, readonly skip = false) { super(message); }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Binary content: NUL bytes or many control characters in the first 8 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  let ctrl = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b < 0x20 && (b < 0x09 || (b > 0x0d && b !== 0x1b))) ctrl++;
  }
  return head.length > 0 && ctrl / head.length > 0.1;
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** The encoding a byte order mark announces, if any. */
export function bomEncoding(bytes: Uint8Array): Encoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Decode a file's bytes: UTF-8 (a BOM is removed), or UTF-16 when a byte order mark says so (Windows editors
 * save that). Binary content and invalid UTF-8 raise InputError (binary: skip with a notice).
 */
export function decodeDetailed(bytes: Uint8Array, name: string): { text: string; encoding: Encoding } {
  const bom = bomEncoding(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    try {
      return { text: new TextDecoder(bom, { fatal: true }).decode(bytes.subarray(2)), encoding: bom };
    } catch {
      throw new InputError(`${name}: kein gültiges ${bom.toUpperCase()} (laut Byte Order Mark). Speichern Sie die Datei als UTF-8.`);
    }
  }
  if (looksBinary(bytes)) throw new InputError(`${name}: Binärdatei übersprungen`, true);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalid(bytes) ?? 0;
    const line = countLines(bytes, at);
    throw new InputError(`${name}: kein gültiges UTF-8 (Byte ${at}, Zeile ${line}). Speichern Sie die Datei als UTF-8; E-Mails mit anderem Zeichensatz als .eml prüfen.`);
  }
  // TextDecoder removes a leading BOM itself (ignoreBOM: false); a second U+FEFF is text and stays
  return { text, encoding: bom === 'utf-8-bom' ? 'utf-8-bom' : 'utf-8' };
}

/** Decode as decodeDetailed does and return the text only. */
export function decode(bytes: Uint8Array, name: string): string {
  return decodeDetailed(bytes, name).text;
}

/** Encode text back into the file's encoding (for --fix). */
export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8-bom': return Buffer.from('\ufeff' + text, 'utf8');
    case 'utf-16le': return Buffer.from('\ufeff' + text, 'utf16le');
    case 'utf-16be': return Buffer.from('\ufeff' + text, 'utf16le').swap16();
  }
}

function countLines(bytes: Uint8Array, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** Byte offset of the first invalid UTF-8 sequence (overlong forms and surrogates included), or null. */
export function firstInvalid(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let n: number, min: number;
    if (b >= 0xc2 && b <= 0xdf) { n = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { n = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return null;
}

export function ioMessage(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'Datei nicht gefunden' : code === 'EACCES' || code === 'EPERM' ? 'keine Leserechte' : code === 'EISDIR' ? 'ist ein Ordner' : (e as Error).message;
  return `${path}: kann nicht gelesen werden (${why})`;
}

/** Read a file. Synchronous on purpose: linting is CPU-bound and fs/promises costs 4 round trips per file. */
export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(ioMessage(path, e));
  }
}

export async function readText(path: string): Promise<string> {
  return decode(await readBytes(path), path);
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
