/** Reading input files: detect binary content and broken encodings instead of linting garbage. */
import { readFile } from 'node:fs/promises';

export class InputError extends Error {
  constructor(message: string, readonly skip = false) { super(message); }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode bytes as UTF-8 (BOM removed). Binary content and invalid UTF-8 raise InputError. */
export function decode(bytes: Uint8Array, name: string): string {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new InputError(`${name}: Binärdatei übersprungen`, true);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    let bad = 0;
    try { new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 1)); } catch { bad = 0; }
    throw new InputError(`${name}: kein gültiges UTF-8 (Byte ${firstInvalid(bytes) ?? bad}). Speichern Sie die Datei als UTF-8 oder geben Sie sie als .eml mit Zeichensatz an.`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstInvalid(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >> 5 === 6 ? 1 : b >> 4 === 14 ? 2 : b >> 3 === 30 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return null;
}

export async function readText(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: kann nicht gelesen werden (${code === 'ENOENT' ? 'Datei nicht gefunden' : code === 'EACCES' ? 'keine Leserechte' : code === 'EISDIR' ? 'ist ein Ordner' : (e as Error).message})`);
  }
  return decode(bytes, path);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return decode(Buffer.concat(chunks), '<stdin>');
}
