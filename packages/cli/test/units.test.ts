/** Unit tests of the CLI's building blocks (fix engine, atomic write, escaping, decoding, ignore and config logic). */
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, statSync, chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from 'replylint';
import { applySafeFixes, fixUntilStable, writeAtomic, MAX_FIX_PASSES } from '../src/fix.ts';
import { escapeData, escapeProperty, github } from '../src/formatters/github.ts';
import { xmlEscape } from '../src/formatters/junit.ts';
import { decode, decodeDetailed, encode, firstInvalid, looksBinary, InputError } from '../src/io.ts';
import { processFile } from '../src/lint-file.ts';
import { loadConfig } from 'replylint';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function finding(start: number, end: number, text: string, safe = true): Finding {
  return { ruleId: 'test', messageId: 'x', severity: 2, message: 'm', start, end, line: 1, column: start + 1, endLine: 1, endColumn: end + 1, actual: '', suggestions: [{ desc: 'd', start, end, text, safe }] };
}

/** A fake linter: every "Sehr geehrter Herr" becomes "Hallo Herr" (safe), every "!!" → "!" (safe). */
function fakeLint(t: string): Finding[] {
  const out: Finding[] = [];
  for (const m of t.matchAll(/Sehr geehrter Herr/g)) out.push(finding(m.index!, m.index! + m[0].length, 'Hallo Herr'));
  for (const m of t.matchAll(/!!/g)) out.push(finding(m.index!, m.index! + 2, '!'));
  for (const m of t.matchAll(/Nein/g)) out.push(finding(m.index!, m.index! + 4, 'Leider nein', false));
  return out;
}

describe('fix engine', () => {
  it('applies only safe suggestions and leaves everything else byte for byte', () => {
    const t = 'Sehr geehrter Herr Maier,\r\nNein!! 😀 Ende';
    const r = applySafeFixes(t, fakeLint(t));
    expect(r.text).toBe('Hallo Herr Maier,\r\nNein! 😀 Ende');
    expect(r.applied).toBe(2);
  });
  it('skips overlapping edits in one pass and finishes them in the next, until stable; idempotent', async () => {
    const t = 'Ja!!!!! und !!!';
    const r = await fixUntilStable(t, fakeLint);
    expect(r.output).toBe('Ja! und !');
    expect(r.stable).toBe(true);
    const again = await fixUntilStable(r.output, fakeLint);
    expect(again.output).toBe(r.output);
    expect(again.applied).toBe(0);
  });
  it('stops at the bound when fixes never converge, and says so', async () => {
    const grow = (t: string): Finding[] => [finding(0, 0, 'x')];
    const r = await fixUntilStable('a', grow);
    expect(r.passes).toBe(MAX_FIX_PASSES);
    expect(r.stable).toBe(false);
    expect(r.output).toBe('x'.repeat(MAX_FIX_PASSES) + 'a');
  });
  it('rejects edits out of range or splitting a surrogate pair', () => {
    const t = 'a😀b';
    expect(applySafeFixes(t, [finding(2, 3, 'X'), finding(0, 99, 'Y'), finding(-1, 0, 'Z')]).applied).toBe(0);
    expect(applySafeFixes(t, [finding(1, 3, '🙂')]).text).toBe('a🙂b');
  });
});

describe('atomic write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-write-'));
  it('replaces the content, keeps the mode, follows symlinks, leaves no temporary file', async () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, 'alt');
    chmodSync(f, 0o640);
    symlinkSync(f, join(dir, 'link.txt'));
    await writeAtomic(join(dir, 'link.txt'), new TextEncoder().encode('neu'), Buffer.from('alt'));
    expect(readFileSync(f, 'utf8')).toBe('neu');
    expect(statSync(join(dir, 'link.txt'), { throwIfNoEntry: false })).toBeTruthy();
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((x) => x.endsWith('.tmp'))).toEqual([]);
  });
  it('does not overwrite a file that changed since it was read', async () => {
    const f = join(dir, 'b.txt');
    writeFileSync(f, 'vom Nutzer geändert');
    await expect(writeAtomic(f, new TextEncoder().encode('fix'), Buffer.from('original'))).rejects.toThrow(/während des Prüfens geändert/);
    expect(readFileSync(f, 'utf8')).toBe('vom Nutzer geändert');
    expect(readdirSync(dir).filter((x) => x.endsWith('.tmp'))).toEqual([]);
  });
  it('an interrupted write (SIGINT, SIGKILL) leaves the old text complete', async () => {
    const f = join(dir, 'c.txt');
    const original = 'Sehr geehrter Herr Maier,\n' + 'x'.repeat(200_000);
    const script = `
      import { writeAtomic, installInterruptCleanup } from ${JSON.stringify(join(root, 'packages/cli/src/fix.ts'))};
      installInterruptCleanup();
      process.stdout.write('start\\n');
      await writeAtomic(${JSON.stringify(f)}, new TextEncoder().encode('NEU'), undefined);
      process.stdout.write('done\\n');`;
    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      writeFileSync(f, original);
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, env: { ...process.env, REPLYLINT_TEST_RENAME_DELAY_MS: '5000' } });
      let out = '';
      child.stdout.on('data', (c) => { out += c; });
      // wait until the temporary file exists (the new text is written, the rename not yet done)
      const deadline = Date.now() + 20_000;
      while (!readdirSync(dir).some((x) => x.startsWith('.c.txt.replylint-')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(readdirSync(dir).some((x) => x.startsWith('.c.txt.replylint-'))).toBe(true);
      child.kill(signal);
      const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      expect(out).not.toMatch(/done/);
      expect(readFileSync(f, 'utf8')).toBe(original);
      if (signal === 'SIGINT') {
        expect(code).toBe(130);
        expect(readdirSync(dir).filter((x) => x.startsWith('.c.txt.replylint-'))).toEqual([]);
      }
    }
  }, 60_000);
});

describe('escaping', () => {
  it('github workflow commands: data and property escaping', () => {
    expect(escapeData('50% mehr\r\nZeile')).toBe('50%25 mehr%0D%0AZeile');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    const line = github([{ filePath: '/x/a, b.txt', displayPath: 'dir:1/a, b.txt', findings: [{ ...finding(0, 1, 'x'), message: 'Zeile 1\nZeile 2 mit 100%', ruleId: 'flat-no', severity: 1 }] }], { cwd: '/x', rules: [], color: false, version: '0' });
    expect(line).toBe('::warning file=dir%3A1/a%2C b.txt,line=1,col=1,endLine=1,endColumn=2,title=replylint (flat-no)::Zeile 1%0AZeile 2 mit 100%25\n');
  });
  it('junit: XML escaping and characters XML cannot carry', () => {
    expect(xmlEscape('<a href="x">&\'\u0001\ud800')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\ufffd\ufffd');
    expect(xmlEscape('😀')).toBe('😀');
  });
});

describe('decoding', () => {
  it('finds the first invalid UTF-8 byte (overlong, surrogates, truncated)', () => {
    expect(firstInvalid(Buffer.from('Grüße'))).toBeNull();
    expect(firstInvalid(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalid(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalid(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalid(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
  it('binary detection and BOM removal', () => {
    expect(looksBinary(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00]))).toBe(true);
    expect(looksBinary(Buffer.from('Hallo\tWelt\r\n\f'))).toBe(false);
    expect(decode(Buffer.from('\ufeffHallo'), 'x')).toBe('Hallo');
    expect(decodeDetailed(Buffer.from('\ufeff\ufeffHallo'), 'x')).toEqual({ text: '\ufeffHallo', encoding: 'utf-8-bom' });
    expect(decodeDetailed(Buffer.from('Hallo'), 'x').encoding).toBe('utf-8');
    expect(encode('\ufeffHallo', 'utf-8-bom')).toEqual(Buffer.from('\ufeff\ufeffHallo'));
    expect(() => decode(Buffer.from([0x61, 0xff]), 'x.txt')).toThrow(InputError);
  });
  it('a path that cannot be read becomes an error outcome naming it, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-read-'));
    mkdirSync(join(dir, 'ordner.txt'));
    const o = await processFile({ file: join(dir, 'ordner.txt'), configKey: 'k', fix: false, debug: false, hash: false }, loadConfig(undefined));
    expect(o.error).toMatch(/ordner\.txt: kann nicht gelesen werden \(ist ein Ordner\)/);
  });
});

describe('bin', () => {
  it('falls back to loading without the code cache and gives the same result', () => {
    const bin = join(root, 'node_modules/.bin/replylint');
    const a = spawnSync(bin, ['-', '-f', 'json'], { input: 'Das geht nicht.', encoding: 'utf8' });
    const b = spawnSync(bin, ['-', '-f', 'json'], { input: 'Das geht nicht.', encoding: 'utf8', env: { ...process.env, REPLYLINT_NO_CODE_CACHE: '1' } });
    expect(a.stdout).toBe(b.stdout);
    expect(a.status).toBe(b.status);
    expect(a.stderr).not.toMatch(/Warning/);
  });
});

describe('cache file', () => {
  it('stores findings packed and gives back exactly what JSON would (key order, optional fields, part)', async () => {
    const { LintCache } = await import('../src/cache.ts');
    const { loadHasher } = await import('../src/lint-file.ts');
    await loadHasher();
    const d = mkdtempSync(join(tmpdir(), 'replylint-cache-'));
    const a = join(d, 'a.txt'), b = join(d, 'sub', 'b.eml');
    mkdirSync(join(d, 'sub'));
    writeFileSync(a, 'Nein.');
    writeFileSync(b, 'x');
    const fa: Finding[] = [
      { ...finding(0, 4, 'Leider nein', false), note: 'Hinweis „Sie“', url: 'https://example.org/x', data: undefined } as Finding,
      { ...finding(1, 2, '!'), ruleId: null, fatal: true, internal: true, suggestions: [] },
      { ...finding(0, 1, 'a'), ...JSON.parse('{"__proto__": 1}'), suggestions: [{ desc: 'd', start: 0, end: 1, text: 'a', safe: true }, { desc: 'Hinweis „Sie“', start: 0, end: 0, text: '', safe: false }] },
    ];
    const file = join(d, '.replylintcache');
    const c1 = new LintCache(file, 'build-1');
    c1.set(a, { hash: 'h1', config: 'c1', findings: fa });
    c1.set(b, { hash: 'h2', config: 'c1', findings: [], part: 'text/plain' });
    await c1.save();
    const c2 = new LintCache(file, 'build-1');
    const ha = c2.lookup(a, 'c1')!;
    expect(ha.fresh).toBe(true);
    expect(ha.entry.findings).toEqual(JSON.parse(JSON.stringify(fa)));
    expect(JSON.stringify(ha.entry.findings)).toBe(JSON.stringify(fa));
    expect(c2.lookup(a, 'c2')).toBeNull();
    // an entry that was not looked up survives the next save
    c2.set(a, { ...ha.entry });
    await c2.save();
    const c3 = new LintCache(file, 'build-1');
    expect(c3.lookup(b, 'c1')!.entry).toMatchObject({ hash: 'h2', part: 'text/plain', findings: [] });
    expect(JSON.stringify(c3.lookup(a, 'c1')!.entry.findings)).toBe(JSON.stringify(fa));
    // another build starts empty
    expect(new LintCache(file, 'build-2').lookup(a, 'c1')).toBeNull();
  });
});
