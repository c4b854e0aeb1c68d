/**
 * Bench inputs, deterministic (seeded): the labeled development corpus (corpus/dev/*.yml, every entry's `text`),
 * concatenated and resampled to fixed sizes, and neutral German prose (Debian's manpages-de via scripts/prose.ts).
 * Written once by the parent into .tmp/bench/inputs.json so that every child process measures the same text.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const TMP = join(ROOT, '.tmp/bench');
export const INPUTS_FILE = join(TMP, 'inputs.json');

export const KB = 1024;
export const MB = 1024 * 1024;
export const SIZES: Array<[string, number]> = [
  ['0.5 KB', 512], ['2 KB', 2 * KB], ['10 KB', 10 * KB], ['100 KB', 100 * KB], ['1 MB', MB], ['10 MB', 10 * MB],
];

export interface Inputs {
  /** 2 KB replies, each a different slice of the resampled corpus. */
  replies2k: string[];
  /** 5 KB replies (LSP). */
  replies5k: string[];
  /** The corpus entries themselves (LSP: 1,000 documents). */
  entries: string[];
  /**
   * The entries of which replylint lints every character (no quoted history, signature or header excluded): the
   * material for resampled documents. Concatenating all entries would put an attribution line or an
   * "-----Ursprüngliche Nachricht-----" early in the document, and everything after it is excluded as quoted
   * history (measured: 67 % of a 2 KB and 99.5 % of a 100 KB concatenation) — the bench would time nothing.
   */
  cleanEntries: string[];
  cleanNote: string;
  /** Prose paragraphs cut into ~2 KB documents (batch on neutral text); empty when prose is not available. */
  prose2k: string[];
  proseNote: string;
  corpusBytes: number;
}

/** mulberry32 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export function corpusEntries(): string[] {
  const dir = join(ROOT, 'corpus/dev');
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yml')).sort()) {
    const list = YAML.parse(readFileSync(join(dir, f), 'utf8')) as Array<{ text?: unknown }> | null;
    for (const e of list ?? []) if (typeof e?.text === 'string' && e.text.trim()) out.push(e.text.trimEnd());
  }
  return out;
}

/** Cut at the last paragraph or line break (else space) before `size` characters, never mid-word. */
function cut(s: string, size: number): string {
  if (s.length <= size) return s;
  const head = s.slice(0, size);
  for (const sep of ['\n\n', '\n', ' ']) {
    const k = head.lastIndexOf(sep);
    if (k > size * 0.8) return head.slice(0, k);
  }
  return head;
}

/**
 * A document of about `size` characters: corpus entries in a seeded random order, separated by blank lines,
 * reshuffled each time the corpus is used up (a 10 MB document repeats each entry ~30 times).
 */
export function resample(entries: string[], size: number, seed: number): string {
  const rand = rng(seed);
  const parts: string[] = [];
  let len = 0;
  while (len < size) {
    for (const e of shuffle(entries, rand)) {
      parts.push(e);
      len += e.length + 2;
      if (len >= size) break;
    }
  }
  return cut(parts.join('\n\n'), size);
}

export function proseSlice(prose: string, size: number, offset: number): string {
  const start = prose.indexOf('\n\n', offset % Math.max(1, prose.length - size));
  return cut(prose.slice(start < 0 ? 0 : start + 2, (start < 0 ? 0 : start + 2) + size + 64), size);
}

export async function buildInputs(): Promise<Inputs> {
  const entries = corpusEntries();
  let cleanEntries = entries;
  let cleanNote = '';
  try {
    const { REPLYLINT_DIST } = await import('./engines.ts');
    const m = (await import(pathToFileURL(REPLYLINT_DIST).href)) as { lintDetailed: (t: string) => { excluded: unknown[] } };
    // …and that do not swallow what follows: an entry ending in a closing greeting ("Gruß, Shop-Team") makes every
    // later paragraph a signature (measured: 99 % of a 1 MB concatenation excluded)
    const probe = 'Wir prüfen Ihre Bestellung heute und melden uns morgen mit einem Termin bei Ihnen.';
    cleanEntries = entries.filter((e) => m.lintDetailed(e).excluded.length === 0 && m.lintDetailed(`${probe}\n\n${e}\n\n${probe}`).excluded.length === 0);
    cleanNote = `${cleanEntries.length} of ${entries.length} corpus entries without excluded parts`;
  } catch (e) {
    cleanNote = `all ${entries.length} entries (replylint not loadable: ${e instanceof Error ? e.message : String(e)})`;
  }
  const replies2k = Array.from({ length: 200 }, (_, i) => resample(cleanEntries, 2 * KB, 1000 + i));
  const replies5k = Array.from({ length: 20 }, (_, i) => resample(cleanEntries, 5 * KB, 5000 + i));
  let prose2k: string[] = [];
  let proseNote = '';
  try {
    const prose = await loadProse();
    if (prose) {
      const step = Math.floor(prose.length / 512);
      prose2k = Array.from({ length: 512 }, (_, i) => proseSlice(prose, 2 * KB, i * step));
    } else proseNote = 'manpages-de not available';
  } catch (e) {
    proseNote = `prose: ${e instanceof Error ? e.message : String(e)}`;
  }
  const inputs: Inputs = { replies2k, replies5k, entries, cleanEntries, cleanNote, prose2k, proseNote, corpusBytes: entries.reduce((a, e) => a + Buffer.byteLength(e), 0) };
  mkdirSync(TMP, { recursive: true });
  writeFileSync(INPUTS_FILE, JSON.stringify(inputs));
  return inputs;
}

export async function loadProse(): Promise<string | null> {
  const mod = (await import('../../scripts/prose.ts')) as { proseText: () => string };
  const t = mod.proseText();
  return t && t.length > 100_000 ? t : null;
}

export function readInputs(): Inputs {
  if (!existsSync(INPUTS_FILE)) throw new Error(`${INPUTS_FILE} fehlt (bench/run.ts schreibt es)`);
  return JSON.parse(readFileSync(INPUTS_FILE, 'utf8')) as Inputs;
}

/** A document of `size` for growth runs: 'replies' (resampled corpus) or 'prose' (a contiguous slice). */
export async function growthDoc(kind: 'replies' | 'prose', size: number): Promise<string> {
  if (kind === 'prose') {
    const p = await loadProse();
    if (!p) throw new Error('prose not available');
    let t = p;
    while (t.length < size) t += '\n\n' + p;
    return cut(t, size);
  }
  return resample(readInputs().cleanEntries, size, 77 + size);
}
