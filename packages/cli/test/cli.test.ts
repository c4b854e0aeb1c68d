import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = join(root, 'node_modules/.bin/replylint');

function run(args: string[], input?: string, cwd = root): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(bin, args, { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'replylint-cli-')); });

describe('cli', () => {
  it('reports flat-no from stdin with the right range and exit 1', () => {
    const r = run(['-', '--format', 'json'], 'Nein, das geht nicht.\n');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toHaveLength(1);
    expect(json[0].filePath).toBe('<stdin>');
    expect(json[0].errorCount).toBe(1);
    expect(json[0].messages[0]).toMatchObject({ ruleId: 'flat-no', severity: 2, line: 1, column: 1, endLine: 1, endColumn: 22 });
  });
  it('stays quiet on a polite reply with reason and alternative (exit 0)', () => {
    const r = run(['-'], 'Ein Umtausch ist leider nicht möglich, weil die Ware versiegelt war. Gerne biete ich Ihnen stattdessen einen Gutschein an.');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });
  it('prints stylish output with file:line:col, severity, message and rule id', () => {
    const f = join(dir, 'antwort.txt');
    writeFileSync(f, 'Hallo Tom,\n\ndas geht nicht.\n');
    const r = run([f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/3:1\s+Fehler\s+Glatte Absage.*flat-no/);
  });
  it('exit 2 for unknown options, missing files and bad config; messages say what and where', () => {
    expect(run(['--bogus']).code).toBe(2);
    const missing = run([join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt/);
    const cdir = join(dir, 'cfg');
    mkdirSync(cdir);
    writeFileSync(join(cdir, '.replylintrc.json'), '{ "rules": { "flat-nope": "off" } }');
    writeFileSync(join(cdir, 'a.txt'), 'Das geht nicht.');
    const bad = run([join(cdir, 'a.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.replylintrc\.json:1:\d+: unbekannte Regel "flat-nope"\. Meinten Sie "flat-no"\?/);
  });
  it('applies the nearest config and --rule overrides', () => {
    const cdir = join(dir, 'off');
    mkdirSync(cdir);
    writeFileSync(join(cdir, '.replylintrc.yaml'), 'rules:\n  flat-no: warn\n');
    writeFileSync(join(cdir, 'a.txt'), 'Das geht nicht.');
    const warn = run([join(cdir, 'a.txt'), '--format', 'json']);
    expect(warn.code).toBe(0);
    expect(JSON.parse(warn.stdout)[0].warningCount).toBe(1);
    expect(run([join(cdir, 'a.txt'), '--max-warnings', '0']).code).toBe(1);
    expect(run([join(cdir, 'a.txt'), '--rule', 'flat-no:off', '--format', 'json']).stdout).toContain('"messages":[]');
    expect(run([join(cdir, 'a.txt'), '--rule', 'nix:off']).code).toBe(2);
  });
  it('skips binary files with a notice and reports invalid UTF-8', () => {
    const b = join(dir, 'bin.txt');
    writeFileSync(b, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    const rb = run([b]);
    expect(rb.code).toBe(0);
    expect(rb.stderr).toMatch(/Binärdatei übersprungen/);
    const l = join(dir, 'latin1.txt');
    writeFileSync(l, Buffer.from('Gr\xfc\xdfe', 'latin1'));
    const rl = run([l]);
    expect(rl.code).toBe(2);
    expect(rl.stderr).toMatch(/kein gültiges UTF-8/);
  });
  it('lists rules as text and json', () => {
    const r = run(['--list-rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.find((x: { id: string }) => x.id === 'flat-no')).toMatchObject({ severity: 'error', url: expect.stringContaining('flat-no') });
  });
  it('the Node API is importable from the repository root', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', "import { lint } from 'replylint'; console.log(JSON.stringify(lint('Das geht nicht.').map(f => f.ruleId)))"], { cwd: root, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('["flat-no"]');
  });
});
