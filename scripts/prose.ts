/**
 * Neutral German prose for measuring false alarms and throughput: the man pages of Debian's `manpages-de`
 * package, converted from troff to plain paragraphs. Output: .tmp/prose/manpages-de.txt (not committed).
 *
 *   tsx scripts/prose.ts            extract (installs manpages-de with apt-get when running as root and missing)
 *   import { proseText } from './prose.ts'   the text, extracting on first use
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAN_DIR = '/usr/share/man/de';
export const PROSE_FILE = join(root, '.tmp/prose/manpages-de.txt');

function ensurePackage(): void {
  if (existsSync(MAN_DIR)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new Error(`${MAN_DIR} fehlt: bitte "apt-get install manpages-de" ausführen`);
  console.error('prose: installiere manpages-de (apt-get) …');
  try { execFileSync('apt-get', ['install', '-y', '-qq', 'manpages-de'], { stdio: 'ignore' }); } catch {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'manpages-de'], { stdio: 'ignore' });
  }
}

/** Named troff characters that carry letters or punctuation (umlauts, ß, guillemets, bullet …). */
const TROFF_CHARS: Record<string, string> = {
  ':a': 'ä', ':o': 'ö', ':u': 'ü', ':A': 'Ä', ':O': 'Ö', ':U': 'Ü', ss: 'ß', Fo: '«', Fc: '»', bu: '•', co: '©', at: '@', rs: '\\',
};

/** troff → plain text paragraphs. */
export function troffToText(src: string): string {
  const out: string[] = [];
  let para: string[] = [];
  const flush = (): void => { if (para.length) { out.push(para.join(' ').replace(/\s+/g, ' ').trim()); para = []; } };
  let skip = false;
  for (const raw of src.split('\n')) {
    if (raw.startsWith('.\\"') || raw.startsWith("'\\\"")) continue;
    if (/^\.(?:nf|EX)\b/.test(raw)) { flush(); skip = true; continue; }
    if (/^\.(?:fi|EE)\b/.test(raw)) { skip = false; continue; }
    if (skip) continue;
    if (raw.startsWith('.')) {
      flush();
      continue;
    }
    const line = raw
      .replace(/\\(?:\(|\[)(:[aouAOU]|ss|Fo|Fc|bu|co|at|rs)\]?/g, (_m, c: string) => TROFF_CHARS[c] ?? '')
      .replace(/\\f(?:\[[^\]]*\]|\(..|.)/g, '')
      .replace(/\\\((?:aq|cq)/g, "'").replace(/\\\((?:em|en)/g, '–').replace(/\\\((?:lq|Bq)/g, '„').replace(/\\\(rq/g, '“')
      .replace(/\\\(../g, '').replace(/\\\[[^\]]*\]/g, '')
      .replace(/\\[-]/g, '-').replace(/\\[,/&%:]/g, '').replace(/\\e/g, '\\').replace(/\\ /g, ' ').replace(/\\./g, '');
    if (line.trim() === '') flush(); else para.push(line);
  }
  flush();
  return out.filter((p) => p.length > 40 && /[a-zäöüß]{3}/.test(p)).join('\n\n');
}

export function extract(): string {
  ensurePackage();
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p); else if (e.endsWith('.gz')) files.push(p);
    }
  };
  walk(MAN_DIR);
  const parts: string[] = [];
  for (const f of files) {
    try { parts.push(troffToText(gunzipSync(readFileSync(f)).toString('utf8'))); } catch { /* unreadable page: skip */ }
  }
  const text = parts.filter(Boolean).join('\n\n');
  mkdirSync(dirname(PROSE_FILE), { recursive: true });
  writeFileSync(PROSE_FILE, text);
  return text;
}

export function proseText(): string {
  return existsSync(PROSE_FILE) ? readFileSync(PROSE_FILE, 'utf8') : extract();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t = extract();
  console.log(`${PROSE_FILE}: ${(t.length / 1e6).toFixed(1)} MB, ${t.split(/\s+/).length} Wörter`);
}
