/**
 * End-to-end tests of the `replylint` command: they spawn node_modules/.bin/replylint (the built bundle) in
 * temporary folders. Configs pin the rule set to flat-no so that new rules do not change the expectations.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, existsSync, readdirSync, symlinkSync, statSync, chmodSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = join(root, 'node_modules/.bin/replylint');
const req = createRequire(import.meta.url);

interface Run { code: number; stdout: string; stderr: string }
function run(args: string[], opts: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(bin, args, { cwd: opts.cwd ?? root, input: opts.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '', ...opts.env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const ONLY_FLAT_NO = JSON.stringify({ extends: 'replylint:off', rules: { 'flat-no': 'error' } });
const BAD = 'Hallo Frau Berg,\n\ndas geht nicht.\n\nViele Grüße\nTom\n';
const GOOD = 'Hallo Frau Berg,\n\nein Umtausch ist leider nicht möglich, weil die Ware versiegelt war. Gerne biete ich Ihnen stattdessen einen Gutschein an.\n';

let base: string;
let n = 0;
/** A fresh folder with files: { 'a/b.txt': 'text' }; a pinned .replylintrc.json unless given. */
function project(files: Record<string, string | Buffer>, pin = true): string {
  const d = join(base, `p${++n}`);
  mkdirSync(d, { recursive: true });
  if (pin && !('.replylintrc.json' in files)) writeFileSync(join(d, '.replylintrc.json'), ONLY_FLAT_NO);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(d, name)), { recursive: true });
    writeFileSync(join(d, name), content);
  }
  return d;
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'replylint-cli-'));
  writeFileSync(join(base, 'only-flat-no.json'), ONLY_FLAT_NO);
});

describe('input and basic output', () => {
  it('reports flat-no from stdin with the right range and exit 1', () => {
    const r = run(['-', '--format', 'json', '--config', join(base, 'only-flat-no.json')], { input: 'Nein, das geht nicht.\n' });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toHaveLength(1);
    expect(json[0].filePath).toBe('<stdin>');
    expect(json[0].errorCount).toBe(1);
    expect(json[0].messages[0]).toMatchObject({ ruleId: 'flat-no', severity: 2, line: 1, column: 1, endLine: 1, endColumn: 22 });
  });
  it('stays quiet on a polite reply with reason and alternative (exit 0)', () => {
    const r = run(['-', '--config', join(base, 'only-flat-no.json')], { input: GOOD });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });
  it('prints stylish output with file:line:col, severity, message and rule id, plain when piped', () => {
    const d = project({ 'antwort.txt': BAD });
    const r = run(['antwort.txt'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^antwort\.txt\n/);
    expect(r.stdout).toMatch(/3:1\s+Fehler\s+Glatte Absage.*flat-no/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toMatch(/✖ 1 Problem \(1 Fehler, 0 Warnungen\) · flat-no 1 · 1 Datei in \d+,\d\d s/);
    const colored = run(['antwort.txt', '--color'], { cwd: d });
    expect(colored.stdout).toMatch(/\x1b\[31mFehler/);
  });
  it('lints folders (templates only, no hidden folders or node_modules) and glob patterns', () => {
    const d = project({
      'vorlagen/a.txt': BAD, 'vorlagen/b.md': BAD, 'vorlagen/tief/c.html': '<p>Das geht nicht.</p>', 'vorlagen/d.json': '{"x": "Das geht nicht."}',
      'vorlagen/.hidden/e.txt': BAD, 'vorlagen/node_modules/f.txt': BAD, 'andere/g.md': BAD,
    });
    const r = run(['vorlagen', '--format', 'json'], { cwd: d });
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath.slice(d.length + 1));
    expect(files).toEqual(['vorlagen/a.txt', 'vorlagen/b.md', 'vorlagen/tief/c.html']);
    const g = run(['**/*.md', '--format', 'json'], { cwd: d });
    expect(JSON.parse(g.stdout).map((x: { filePath: string }) => x.filePath.slice(d.length + 1))).toEqual(['andere/g.md', 'vorlagen/b.md']);
  });
  it('skips binary files with a notice and reports invalid UTF-8 with the byte offset (exit 2)', () => {
    const d = project({ 'bin.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]), 'bild.png': Buffer.from([0x89, 0x50]), 'gut.txt': GOOD });
    const rb = run(['bin.txt', 'bild.png', 'gut.txt'], { cwd: d });
    expect(rb.code).toBe(0);
    expect(rb.stderr).toMatch(/bin\.txt: Binärdatei übersprungen/);
    expect(rb.stderr).toMatch(/bild\.png: Binärdatei übersprungen/);
    writeFileSync(join(d, 'latin1.txt'), Buffer.concat([Buffer.from('Hallo\n'), Buffer.from('Gr\xfc\xdfe', 'latin1')]));
    const rl = run(['latin1.txt'], { cwd: d });
    expect(rl.code).toBe(2);
    expect(rl.stderr).toMatch(/latin1\.txt: kein gültiges UTF-8 \(Byte 8, Zeile 2\)/);
  });
  it('reads UTF-16 files that say so with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BAD, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    const d = project({ 'le.txt': le, 'be.txt': be });
    const r = run(['le.txt', 'be.txt', '-f', 'json'], { cwd: d });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((x: { messages: Array<{ line: number }> }) => x.messages.map((m) => m.line))).toEqual([[3], [3]]);
  });
  it('keeps a BOM and CRLF line endings out of the way', () => {
    const d = project({ 'crlf.txt': '\ufeffHallo,\r\n\r\ndas geht nicht.\r\n' });
    const r = run(['crlf.txt', '--format', 'json'], { cwd: d });
    expect(JSON.parse(r.stdout)[0].messages[0]).toMatchObject({ line: 3, column: 1 });
  });
});

describe('exit codes and messages', () => {
  it('exit 2 for usage errors, naming the problem', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--bogus'], /Unknown option '--bogus'/],
      [['--format', 'xml', 'x.txt'], /unbekanntes Ausgabeformat "xml"/],
      [['--max-warnings', 'viele', 'x.txt'], /--max-warnings erwartet eine ganze Zahl/],
      [['--rule', 'flat-no', '-'], /--rule "flat-no": erwartet id:stufe/],
      [['--rule', 'nix:off', '-'], /unbekannte Regel "nix"/],
      [['--input-format', 'pdf', '-'], /unbekanntes Eingabeformat "pdf"/],
      [['--fix', '-'], /--fix geht nicht mit der Standardeingabe/],
      [['--fix', '--fix-dry-run', 'x'], /schließen sich aus/],
      [[], /keine Eingabe/],
    ];
    for (const [args, msg] of cases) {
      const r = run(args, { input: 'x' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(msg);
    }
  });
  it('exit 2 for missing files, unmatched patterns and empty folders (with an opt-out)', () => {
    const d = project({ 'leer/bild.png': 'x', 'a.txt': GOOD });
    const missing = run(['nope.txt'], { cwd: d });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt: Datei oder Ordner nicht gefunden/);
    const glob = run(['**/*.eml'], { cwd: d });
    expect(glob.code).toBe(2);
    expect(glob.stderr).toMatch(/\*\*\/\*\.eml: kein Treffer für das Muster/);
    const empty = run(['leer'], { cwd: d });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/leer: Ordner enthält keine prüfbaren Dateien/);
    expect(run(['leer', 'a.txt', '--no-error-on-unmatched-pattern'], { cwd: d }).code).toBe(0);
  });
  it('exit 2 for config errors with file, line and column', () => {
    const d = project({ '.replylintrc.json': '{\n  "rules": { "flat-nope": "off" }\n}', 'a.txt': 'Das geht nicht.' });
    const bad = run(['a.txt'], { cwd: d });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.replylintrc\.json:2:\d+: unbekannte Regel "flat-nope"\. Meinten Sie "flat-no"\?/);
    const d2 = project({ '.replylintrc.yaml': 'rules:\n  flat-no: [warn\n', 'a.txt': 'x' }, false);
    const yaml = run(['a.txt'], { cwd: d2 });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/\.replylintrc\.yaml:\d+:\d+: ungültiges YAML/);
    const d3 = project({ '.replylintrc.json': '{\n  "extends": "./fehlt.json"\n}', 'a.txt': 'x' });
    const ext = run(['a.txt'], { cwd: d3 });
    expect(ext.code).toBe(2);
    expect(ext.stderr).toMatch(/\.replylintrc\.json:2:14: "extends": Preset "\.\/fehlt\.json" nicht gefunden/);
    const missingCfg = run(['a.txt', '--config', 'gibtsnicht.json'], { cwd: d3 });
    expect(missingCfg.code).toBe(2);
    expect(missingCfg.stderr).toMatch(/--config gibtsnicht\.json: Datei nicht gefunden/);
  });
  it('exit 2 for unreadable files, naming them', () => {
    const d = project({ 'a.txt': GOOD });
    symlinkSync(join(d, 'weg.txt'), join(d, 'kaputt.txt'));
    const r = run(['kaputt.txt'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kaputt\.txt/);
    if (process.getuid?.() !== 0) {
      writeFileSync(join(d, 'geheim.txt'), GOOD);
      chmodSync(join(d, 'geheim.txt'), 0o000);
      const p = run(['geheim.txt'], { cwd: d });
      expect(p.code).toBe(2);
      expect(p.stderr).toMatch(/geheim\.txt: kann nicht gelesen werden \(keine Leserechte\)/);
    }
  });
  it('--max-warnings and --quiet', () => {
    const d = project({ '.replylintrc.json': JSON.stringify({ extends: 'replylint:off', rules: { 'flat-no': 'warn' } }), 'a.txt': BAD });
    const warn = run(['a.txt', '--format', 'json'], { cwd: d });
    expect(warn.code).toBe(0);
    expect(JSON.parse(warn.stdout)[0].warningCount).toBe(1);
    const over = run(['a.txt', '--max-warnings', '0'], { cwd: d });
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/1 Warnung, erlaubt sind höchstens 0 \(--max-warnings\)/);
    expect(run(['a.txt', '--max-warnings', '1'], { cwd: d }).code).toBe(0);
    const quiet = run(['a.txt', '--quiet', '--max-warnings', '0', '--format', 'json'], { cwd: d });
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout)[0].messages).toEqual([]);
  });
});

describe('configuration', () => {
  it('nearest config wins; a folder config can switch a rule off; --rule comes last', () => {
    const d = project({
      'a.txt': BAD,
      'telekom/.replylintrc.yaml': 'extends: replylint:off\nrules:\n  flat-no: off\n',
      'telekom/b.txt': BAD,
    });
    const r = run(['.', '--format', 'json'], { cwd: d });
    const byFile = Object.fromEntries(JSON.parse(r.stdout).map((x: { filePath: string; errorCount: number }) => [x.filePath.slice(d.length + 1), x.errorCount]));
    expect(byFile).toEqual({ 'a.txt': 1, 'telekom/b.txt': 0 });
    const flags = run(['.', '--format', 'json', '--rule', 'flat-no:warn'], { cwd: d });
    expect(flags.code).toBe(0);
    expect(JSON.parse(flags.stdout).map((x: { warningCount: number }) => x.warningCount)).toEqual([1, 1]);
  });
  it('applies overrides by globs relative to the config file, and --print-config shows the result', () => {
    const d = project({
      '.replylintrc.json': JSON.stringify({ extends: 'replylint:off', rules: { 'flat-no': 'error' }, overrides: [{ files: ['telekom/**'], rules: { 'flat-no': 'warn' } }, { files: '*.md', rules: { 'flat-no': 'off' } }] }),
      'a.txt': BAD, 'telekom/b.txt': BAD, 'telekom/c.md': BAD, 'x/telekom/d.txt': BAD,
    });
    const r = run(['.', '--format', 'json'], { cwd: d });
    const got = Object.fromEntries(JSON.parse(r.stdout).map((x: { filePath: string; messages: Array<{ severity: number }> }) => [x.filePath.slice(d.length + 1), x.messages.map((m) => m.severity)]));
    expect(got).toEqual({ 'a.txt': [2], 'telekom/b.txt': [1], 'telekom/c.md': [], 'x/telekom/d.txt': [2] });
    const sub = run(['b.txt', '--format', 'json'], { cwd: join(d, 'telekom') });
    expect(JSON.parse(sub.stdout)[0].warningCount).toBe(1);
    const pc = run(['--print-config', 'telekom/b.txt'], { cwd: d });
    expect(pc.code).toBe(0);
    const cfg = JSON.parse(pc.stdout);
    expect(cfg.configFile).toBe(join(d, '.replylintrc.json'));
    expect(cfg.overrides).toEqual([`${join(d, '.replylintrc.json')}#0`]);
    expect(cfg.rules['flat-no']).toBe('warn');
    expect(cfg.ignored).toBeNull();
  });
  it('--config uses one file for everything', () => {
    const d = project({ 'a.txt': BAD, 'telekom/.replylintrc.json': JSON.stringify({ rules: { 'flat-no': 'off' } }), 'telekom/b.txt': BAD, 'cfg/strict.yaml': 'extends: replylint:off\nrules:\n  flat-no: warn\n' });
    const r = run(['.', '--config', 'cfg/strict.yaml', '--format', 'json'], { cwd: d });
    expect(JSON.parse(r.stdout).map((x: { warningCount: number }) => x.warningCount)).toEqual([1, 1]);
  });
  it('extends: a file path, a package from node_modules (data only), never JavaScript', () => {
    const d = project({
      '.replylintrc.json': JSON.stringify({ extends: ['./shared/base.yaml', '@acme/replylint-config'], rules: {} }),
      'shared/base.yaml': 'extends: replylint:off\nrules:\n  flat-no: warn\noverrides:\n  - files: ["laut/**"]\n    rules:\n      flat-no: error\n',
      'node_modules/@acme/replylint-config/package.json': JSON.stringify({ name: '@acme/replylint-config', version: '1.0.0', replylint: { allow: ['geht nicht'] } }),
      'a.txt': 'Das geht nicht.', 'laut/b.txt': 'Das ist leider unmöglich.',
    });
    const pc = JSON.parse(run(['--print-config', 'laut/b.txt'], { cwd: d }).stdout);
    expect(pc.configFiles).toEqual([join(d, 'shared/base.yaml'), join(d, 'node_modules/@acme/replylint-config/package.json'), join(d, '.replylintrc.json')]);
    expect(pc.rules['flat-no']).toBe('error');
    expect(pc.allow).toEqual(['geht nicht']);
    const js = project({ '.replylintrc.json': '{ "extends": "evil" }', 'node_modules/replylint-config-evil/package.json': '{ "name": "replylint-config-evil", "main": "index.js" }', 'node_modules/replylint-config-evil/index.js': 'require("fs").writeFileSync("pwned", "1")', 'a.txt': 'x' }, false);
    const r = run(['a.txt'], { cwd: js });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Paket "replylint-config-evil" .* enthält keine replylint-Konfiguration.*JavaScript wird nie ausgeführt/);
    expect(existsSync(join(js, 'pwned'))).toBe(false);
  });
});

describe('ignoring files', () => {
  it('.replylintignore, .gitignore (with --no-gitignore), --ignore-pattern, ignorePatterns and --no-ignore', () => {
    const d = project({
      '.replylintrc.json': JSON.stringify({ extends: 'replylint:off', rules: { 'flat-no': 'error' }, ignorePatterns: ['archiv/'] }),
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n',
      '.replylintignore': 'entwurf-*.txt\n!entwurf-fertig.txt\n',
      'a.txt': BAD, 'build/b.txt': BAD, 'entwurf-1.txt': BAD, 'entwurf-fertig.txt': BAD, 'archiv/c.txt': BAD, 'alt/d.txt': BAD,
      'sub/.gitignore': '*.md\n', 'sub/e.md': BAD, 'sub/f.txt': BAD,
    });
    const files = (args: string[]): string[] => JSON.parse(run(['.', '--format', 'json', ...args], { cwd: d }).stdout).map((x: { filePath: string }) => x.filePath.slice(d.length + 1));
    expect(files([])).toEqual(['a.txt', 'alt/d.txt', 'entwurf-fertig.txt', 'sub/f.txt']);
    expect(files(['--no-gitignore'])).toEqual(['a.txt', 'alt/d.txt', 'build/b.txt', 'entwurf-fertig.txt', 'sub/e.md', 'sub/f.txt']);
    expect(files(['--ignore-pattern', 'alt/', '--ignore-pattern', 'sub/*.txt'])).toEqual(['a.txt', 'entwurf-fertig.txt']);
    expect(files(['--no-ignore'])).toHaveLength(8);
    const explicit = run(['entwurf-1.txt', 'a.txt'], { cwd: d });
    expect(explicit.stderr).toMatch(/entwurf-1\.txt: ignoriert \(.*\.replylintignore\); --no-ignore prüft die Datei trotzdem/);
    expect(explicit.stdout).not.toMatch(/entwurf-1/);
    const pc = JSON.parse(run(['--print-config', 'archiv/c.txt'], { cwd: d }).stdout);
    expect(pc.ignored).toMatch(/ignorePatterns/);
  });
});

describe('formats', () => {
  const d0 = (): string => project({ 'a.txt': BAD, 'b.txt': GOOD, 'c d,e.txt': BAD });

  it('json is ESLint-compatible', () => {
    const r = run(['.', '-f', 'json'], { cwd: d0() });
    const json = JSON.parse(r.stdout);
    expect(json).toHaveLength(3);
    for (const e of json) expect(Object.keys(e)).toEqual(expect.arrayContaining(['filePath', 'messages', 'errorCount', 'warningCount', 'fatalErrorCount', 'fixableErrorCount', 'fixableWarningCount']));
    expect(json[0].messages[0]).toMatchObject({ ruleId: 'flat-no', severity: 2, line: 3, column: 1, endLine: 3, endColumn: 16, messageId: expect.any(String) });
    expect(r.stderr).toMatch(/✖ 2 Probleme/); // summary on stderr, never on stdout
  });

  it('sarif validates against the SARIF 2.1.0 schema, with rules (help, helpUri) and physical locations', () => {
    const d = d0();
    const r = run(['.', '-f', 'sarif'], { cwd: d });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const Ajv = req('ajv-draft-04');
    const addFormats = (ajv: { addFormat(n: string, v: RegExp | ((s: string) => boolean)): void }): void => {
      ajv.addFormat('uri', (s) => { try { return !!new URL(s); } catch { return false; } });
      ajv.addFormat('uri-reference', () => true);
      ajv.addFormat('date-time', (s) => !Number.isNaN(Date.parse(s)));
    };
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(root, 'packages/cli/schema/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const run0 = log.runs[0];
    expect(log.version).toBe('2.1.0');
    const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'flat-no');
    expect(rule.helpUri).toMatch(/rules\/flat-no\/docs\.md$/);
    expect(rule.help.text).toBeTruthy();
    expect(run0.results).toHaveLength(2);
    const res = run0.results[0];
    expect(res).toMatchObject({ ruleId: 'flat-no', level: 'error', ruleIndex: run0.tool.driver.rules.indexOf(rule) });
    expect(res.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'a.txt', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 16 } });
    expect(run0.results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('c%20d%2Ce.txt');
    // a clean run is valid SARIF too
    const clean = JSON.parse(run(['b.txt', '-f', 'sarif'], { cwd: d }).stdout);
    expect(validate(clean)).toBe(true);
    expect(clean.runs[0].results).toEqual([]);
  });

  it('github prints workflow-command annotations with escaped properties', () => {
    const r = run(['.', '-f', 'github'], { cwd: d0() });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=a\.txt,line=3,col=1,endLine=3,endColumn=16,title=replylint \(flat-no\)::Glatte Absage/);
    expect(lines[1]).toMatch(/^::error file=c d%2Ce\.txt,line=3,/);
  });

  it('junit is well-formed XML with one failure per finding', () => {
    const r = run(['.', '-f', 'junit'], { cwd: d0() });
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    expect(xml.testsuites).toMatchObject({ tests: '3', failures: '2' });
    const suites = xml.testsuites.testsuite;
    expect(suites).toHaveLength(3);
    expect(suites[0]).toMatchObject({ name: 'a.txt', failures: '1' });
    expect(suites[0].testcase.failure).toMatchObject({ type: 'error', message: expect.stringMatching(/^Glatte Absage/) });
    expect(suites[1].testcase).toMatchObject({ name: 'b.txt' });
  });

  it('compact prints file:line:col: severity message [rule]', () => {
    const r = run(['.', '-f', 'compact'], { cwd: d0() });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^a\.txt:3:1: error Glatte Absage.* \[flat-no\]$/);
  });

  it('--output-file writes the report to a file', () => {
    const d = d0();
    const r = run(['.', '-f', 'sarif', '-o', 'out/replylint.sarif'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(d, 'out/replylint.sarif'), 'utf8')).runs[0].results).toHaveLength(2);
  });

  it('--list-rules as text and json', () => {
    const r = run(['--list-rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.find((x: { id: string }) => x.id === 'flat-no')).toMatchObject({ severity: 'error', description: expect.any(String), url: expect.stringContaining('flat-no'), fixable: expect.any(Boolean) });
    const t = run(['--list-rules']);
    expect(t.stdout).toMatch(/^flat-no\s+error\s+.*Absagen/m);
    expect(t.stdout).toMatch(/rules\/flat-no\/docs\.md/);
  });
});

describe('fix', () => {
  it('--fix without safe suggestions leaves files byte for byte unchanged; --fix-dry-run changes nothing', () => {
    const d = project({ 'a.txt': '\ufeff' + BAD.replace(/\n/g, '\r\n') });
    const before = readFileSync(join(d, 'a.txt'));
    const r = run(['a.txt', '--fix'], { cwd: d });
    expect(r.code).toBe(1);
    expect(readFileSync(join(d, 'a.txt')).equals(before)).toBe(true);
    const dry = run(['a.txt', '--fix-dry-run'], { cwd: d });
    expect(dry.stderr).toMatch(/--fix-dry-run: keine sicheren Korrekturen – nichts wurde geändert/);
    expect(readFileSync(join(d, 'a.txt')).equals(before)).toBe(true);
    expect(readdirSync(d).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('large runs', () => {
  it('lints many files in worker threads with the same results as in one thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`v/${String(i).padStart(3, '0')}.txt`] = i % 3 === 0 ? BAD : GOOD;
    const d = project(files);
    const par = run(['v', '-f', 'json', '--concurrency', '2'], { cwd: d });
    const seq = run(['v', '-f', 'json', '--concurrency', 'off'], { cwd: d });
    expect(par.code).toBe(1);
    expect(par.stdout).toBe(seq.stdout);
    expect(JSON.parse(par.stdout).filter((x: { errorCount: number }) => x.errorCount).length).toBe(40);
  });
  it.skipIf(!existsSync('/usr/bin/script'))('shows a progress counter on a terminal for long runs, never in the report', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 210; i++) files[`v/${i}.txt`] = GOOD;
    const d = project(files);
    const log = join(d, 'tty.log');
    spawnSync('/usr/bin/script', ['-qec', `${bin} v -f json -o report.json --concurrency off`, log], { cwd: d, env: { ...process.env, CI: '', NO_COLOR: '1' } });
    const tty = readFileSync(log, 'utf8');
    expect(tty).toMatch(/\r\x1b\[K\s+\d+\/210 Dateien \(\d+ %\)/);
    expect(JSON.parse(readFileSync(join(d, 'report.json'), 'utf8'))).toHaveLength(210);
    const piped = run(['v', '-f', 'json'], { cwd: d });
    expect(piped.stderr).not.toMatch(/Dateien \(\d+ %\)/);
  });
  it('--cache reuses results by content and config hash and notices changes', () => {
    const d = project({ 'a.txt': BAD, 'b.txt': GOOD, 'c.txt': GOOD });
    const first = run(['.', '--cache'], { cwd: d });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/3 Dateien \(0 aus dem Cache\)/);
    expect(existsSync(join(d, '.replylintcache'))).toBe(true);
    const second = run(['.', '--cache'], { cwd: d });
    expect(second.stdout).toMatch(/3 Dateien \(3 aus dem Cache\)/);
    expect(second.stdout.replace(/in \d+,\d+ s/, '')).toBe(first.stdout.replace(/in \d+,\d+ s/, '').replace('(0 aus', '(3 aus'));
    writeFileSync(join(d, 'b.txt'), BAD);
    const third = run(['.', '--cache', '-f', 'json'], { cwd: d });
    expect(JSON.parse(third.stdout).map((x: { errorCount: number }) => x.errorCount)).toEqual([1, 1, 0]);
    expect(third.stderr).toMatch(/\(2 aus dem Cache\)/);
    // a config change invalidates
    const fourth = run(['.', '--cache', '-f', 'json', '--rule', 'flat-no:warn'], { cwd: d });
    expect(JSON.parse(fourth.stdout).map((x: { warningCount: number }) => x.warningCount)).toEqual([1, 1, 0]);
    expect(fourth.stderr).toMatch(/\(0 aus dem Cache\)/);
    // touched but unchanged content: hash hit
    const t = statSync(join(d, 'c.txt'));
    writeFileSync(join(d, 'c.txt'), GOOD);
    expect(statSync(join(d, 'c.txt')).mtimeMs).toBeGreaterThanOrEqual(t.mtimeMs);
    const fifth = run(['.', '--cache', '--cache-strategy', 'content', '-f', 'json', '--rule', 'flat-no:warn'], { cwd: d });
    expect(fifth.stderr).toMatch(/\(3 aus dem Cache\)/);
    // --cache-location: a folder
    mkdirSync(join(d, 'cachedir'));
    run(['a.txt', '--cache', '--cache-location', 'cachedir'], { cwd: d });
    expect(existsSync(join(d, 'cachedir/.replylintcache'))).toBe(true);
    // the cache moves with the checkout: paths relative to the cache file, content hashes decide
    const moved = join(base, `moved${++n}`);
    cpSync(d, moved, { recursive: true });
    const sixth = run(['.', '--cache', '-f', 'json', '--rule', 'flat-no:warn'], { cwd: moved });
    expect(sixth.stderr).toMatch(/\(3 aus dem Cache\)/);
    // a broken cache file is rebuilt, not an error
    writeFileSync(join(d, '.replylintcache'), '{kaputt');
    expect(run(['.', '--cache'], { cwd: d }).code).toBe(1);
  });
});

describe('debug and e-mail', () => {
  it('--debug prints the config and what was excluded from linting', () => {
    const d = project({ 'a.md': 'Hallo,\n\n> Das geht nicht.\n\nGerne helfe ich.\n' });
    const r = run(['a.md', '--debug'], { cwd: d });
    expect(r.stderr).toMatch(/replylint: debug: a\.md/);
    expect(r.stderr).toMatch(new RegExp(`Konfiguration: ${join(d, '.replylintrc.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(r.stderr).toMatch(/nicht geprüft 3:1–\d+:\d+ \(quote\)/);
  });
  it('lints .eml files through the e-mail reader and names the part', () => {
    const eml = ['From: kunde@example.de', 'To: support@example.de', 'Subject: Umtausch', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=ISO-8859-1', 'Content-Transfer-Encoding: quoted-printable', '', 'Hallo Frau Berg,', '', 'das geht nicht. Gr=FC=DFe', ''].join('\r\n');
    const d = project({ 'mail.eml': eml });
    const r = run(['mail.eml', '-f', 'json'], { cwd: d });
    const out = JSON.parse(r.stdout)[0];
    expect(out.errorCount).toBe(1);
    expect(out.part).toBe('text/plain');
    expect(run(['mail.eml'], { cwd: d }).stdout).toMatch(/mail\.eml \(text\/plain\)/);
  });
  it('--stdin-filename picks config and overrides', () => {
    const d = project({ '.replylintrc.json': JSON.stringify({ extends: 'replylint:off', rules: { 'flat-no': 'error' }, overrides: [{ files: 'telekom/**', rules: { 'flat-no': 'off' } }] }) });
    expect(run(['-', '--stdin-filename', 'telekom/x.txt'], { cwd: d, input: BAD }).code).toBe(0);
    expect(run(['-', '--stdin-filename', 'other/x.txt'], { cwd: d, input: BAD }).code).toBe(1);
  });
});

describe('examples', () => {
  it('the template repository example gates as documented', () => {
    const d = join(root, 'examples/template-repo');
    const r = run(['.', '-f', 'json'], { cwd: d });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; errorCount: number; messages: Array<{ ruleId: string }> }>;
    const files = results.map((x) => x.filePath.slice(d.length + 1));
    expect(files).not.toContain('entwuerfe/alt.md');
    expect(files).not.toContain('README.md');
    expect(files).toContain('vorlagen/lieferverzug.hbs');
    const failing = results.filter((x) => x.errorCount).map((x) => x.filePath.slice(d.length + 1));
    expect(failing).toEqual(['vorlagen/umtausch-abgelehnt.txt']);
    // the telekom override switches paragraph-hiding off; --rule (applied last) switches it back on
    const strict = JSON.parse(run(['telekom', '-f', 'json', '--rule', 'paragraph-hiding:error'], { cwd: d }).stdout) as typeof results;
    expect(strict.flatMap((x) => x.messages.map((m) => m.ruleId))).toContain('paragraph-hiding');
  });
  it('the Node API example runs', () => {
    const r = spawnSync(process.execPath, [join(root, 'examples/node-api/index.js')], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Senden gesperrt/);
    expect(r.stdout).toMatch(/\[flat-no\]/);
  });
  it('the Node API is importable from the repository root', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', "import { lint } from 'replylint'; console.log(JSON.stringify(lint('Das geht nicht.').map(f => f.ruleId).includes('flat-no')))"], { cwd: root, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('true');
  });
});
