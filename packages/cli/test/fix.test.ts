/**
 * --fix and --fix-dry-run end to end through main(), with the engine's lint replaced by a fake rule that offers a
 * safe suggestion (no shipped rule has one yet): "Sehr geehrter Herr" → "Hallo Herr" (safe), "Nein" (unsafe).
 */
import { describe, it, expect, vi, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from 'replylint';

function fake(text: string): Finding[] {
  const out: Finding[] = [];
  const add = (re: RegExp, replacement: string, safe: boolean, severity: 1 | 2): void => {
    for (const m of text.matchAll(re)) {
      const start = m.index!, end = start + m[0].length;
      const before = text.slice(0, start);
      const line = before.split('\n').length;
      const column = start - before.lastIndexOf('\n');
      out.push({ ruleId: 'flat-no', messageId: 'x', severity, message: `„${m[0]}“`, start, end, line, column, endLine: line, endColumn: column + m[0].length, actual: m[0], suggestions: [{ desc: 'ersetzen', start, end, text: replacement, safe }] });
    }
  };
  add(/Sehr geehrter Herr/g, 'Hallo Herr', true, 2);
  add(/Nein/g, 'Leider nein', false, 1);
  return out.sort((a, b) => a.start - b.start);
}

vi.mock('replylint', async (orig) => {
  const real = await orig<typeof import('replylint')>();
  return {
    ...real,
    lint: (text: string) => fake(text),
    lintDetailed: (text: string) => ({ findings: fake(text), excluded: [], doc: null }),
  };
});

const { main } = await import('../src/cli.ts');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const code = await main([...args, '--no-progress'], { out: (s) => { stdout += s; }, err: (s) => { stderr += s + '\n'; } });
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-fix-'));
  writeFileSync(join(dir, '.replylintrc.json'), '{}');
});

describe('--fix', () => {
  it('applies safe suggestions, keeps BOM, CRLF and unsafe findings, and is idempotent', async () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, '\ufeffSehr geehrter Herr Maier,\r\n\r\nNein. Sehr geehrter Herr Rot\r\n');
    const r = await run([f, '--fix', '-f', 'json']);
    expect(r.code).toBe(0); // only the unsafe warning is left
    expect(readFileSync(f, 'utf8')).toBe('\ufeffHallo Herr Maier,\r\n\r\nNein. Hallo Herr Rot\r\n');
    expect(JSON.parse(r.stdout)[0].messages.map((m: { message: string }) => m.message)).toEqual(['„Nein“']);
    expect(r.stderr).toMatch(/--fix: 2 Korrekturen in 1 Datei geschrieben/);
    const mtime = statSync(f).mtimeMs;
    const again = await run([f, '--fix']);
    expect(again.stderr).not.toMatch(/geschrieben/);
    expect(statSync(f).mtimeMs).toBe(mtime);
    expect(readdirSync(dir).filter((x) => x.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a UTF-16 file back as UTF-16 with its byte order mark', async () => {
    const f = join(dir, 'utf16.txt');
    writeFileSync(f, Buffer.from('\ufeffSehr geehrter Herr Ölmann,\r\n', 'utf16le').swap16());
    const r = await run([f, '--fix']);
    expect(r.code).toBe(0);
    expect(Buffer.from(readFileSync(f)).swap16().toString('utf16le')).toBe('\ufeffHallo Herr Ölmann,\r\n');
  });

  it('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const sub = join(dir, 'dry');
    mkdirSync(sub);
    const f = join(sub, 'b.txt');
    const text = 'Zeile 1\nSehr geehrter Herr Maier,\nZeile 3\n';
    writeFileSync(f, text);
    const r = await run([f, '--fix-dry-run']);
    expect(readFileSync(f, 'utf8')).toBe(text);
    expect(r.stdout).toContain('-Sehr geehrter Herr Maier,\n+Hallo Herr Maier,\n');
    expect(r.stdout).toMatch(/^--- a\/.*b\.txt\n\+\+\+ b\/.*b\.txt\n@@ -1,3 \+1,3 @@/m);
    expect(r.stderr).toMatch(/--fix-dry-run: 1 Korrektur in 1 Datei – nichts wurde geändert/);
    expect(r.code).toBe(0);
    const json = await run([f, '--fix-dry-run', '-f', 'json']);
    expect(JSON.parse(json.stdout)[0].output).toBe('Zeile 1\nHallo Herr Maier,\nZeile 3\n');
    // standard input with a name: the diff carries the name
    const { Readable } = await import('node:stream');
    const stdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
    Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(text)]), configurable: true });
    try {
      const s = await run(['-', '--stdin-filename', 'vorlage.txt', '--fix-dry-run']);
      expect(s.stdout).toMatch(/^--- a\/vorlage\.txt\n\+\+\+ b\/vorlage\.txt\n/m);
    } finally {
      Object.defineProperty(process, 'stdin', stdin);
    }
    expect(readFileSync(f, 'utf8')).toBe(text);
  });

  it('--fix with --cache: a fixed file is a cache hit afterwards', async () => {
    const sub = join(dir, 'cache');
    mkdirSync(sub);
    writeFileSync(join(sub, 'c.txt'), 'Sehr geehrter Herr A');
    writeFileSync(join(sub, 'd.txt'), 'Hallo');
    const loc = join(sub, 'cachefile');
    const first = await run([sub, '--fix', '--cache', '--cache-location', loc]);
    expect(first.code).toBe(0);
    expect(readFileSync(join(sub, 'c.txt'), 'utf8')).toBe('Hallo Herr A');
    const second = await run([sub, '--fix', '--cache', '--cache-location', loc]);
    expect(second.stdout).toMatch(/2 Dateien geprüft \(2 aus dem Cache\)/);
  });
});
