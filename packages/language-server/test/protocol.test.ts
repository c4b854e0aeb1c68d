/** Protocol tests: the bundled server over stdio, driven with vscode-jsonrpc — no editor needed. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './client.ts';

const REPLY = 'Sehr geehrte Frau Berger,\n\nvielen Dank für Ihre Nachricht.\n\nDas geht nicht.\n\nMit freundlichen Grüßen\nJan Hoffmann\n';
const flat = (p: { diagnostics: Array<{ code: string }> }): boolean => p.diagnostics.some((d) => d.code === 'flat-no');
const noFlat = (p: { diagnostics: Array<{ code: string }> }): boolean => !flat(p);

let client: TestClient | null = null;
let dirs: string[] = [];
afterEach(async () => {
  if (client) await client.shutdown();
  client = null;
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function workspace(files: Record<string, string> = {}): { dir: string; uri: string } {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-ls-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, uri: pathToFileURL(dir).href };
}

describe('language server over stdio', () => {
  it('initializes, publishes German diagnostics on open and on change, shuts down cleanly', async () => {
    client = new TestClient();
    const init = await client.initialize();
    expect(init.capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: expect.anything(), executeCommandProvider: expect.anything() });
    const uri = 'untitled:Untitled-1';
    await client.open(uri, REPLY);
    const p = await client.diagnostics(uri, flat);
    const d = p.diagnostics.find((x) => x.code === 'flat-no')!;
    expect(d).toMatchObject({
      source: 'replylint', severity: 1,
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 15 } },
      codeDescription: { href: expect.stringContaining('rules/flat-no/docs.md') },
    });
    expect(d.message).toMatch(/Glatte Absage/);
    // incremental change: replace the flat no with a reason and an alternative
    const since = client.published.length;
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 15 } }, text: 'Leider ist die Rückgabe nach 30 Tagen nicht mehr möglich, weil die Frist abgelaufen ist. Gerne biete ich Ihnen stattdessen einen Gutschein an oder eine Reparatur. Sagen Sie mir einfach, was Ihnen lieber ist.' }]);
    const after = await client.diagnostics(uri, (x) => x.version === 2, since);
    expect(flat(after)).toBe(false);
    const c = client;
    client = null;
    expect(await c.shutdown()).toBe(0);
  });

  it('hover explains why it hurts and shows a better formulation (German)', async () => {
    client = new TestClient();
    await client.initialize();
    const uri = 'untitled:hover';
    await client.open(uri, REPLY);
    await client.diagnostics(uri, flat);
    const hover = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 5 } }) as { contents: { kind: string; value: string } };
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toMatch(/Warum das dem Kunden schadet:\*\* Kunden verzeihen Probleme/);
    expect(hover.contents.value).toMatch(/\*\*Besser:\*\* „\S/);
    expect(hover.contents.value).toContain('rules/flat-no/docs.md');
    const none = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    expect(none).toBeNull();
  });

  it('quick fixes: apply the suggestion, ignore the finding with an inline comment', async () => {
    client = new TestClient();
    await client.initialize();
    const uri = 'untitled:fix';
    await client.open(uri, REPLY);
    const p = await client.diagnostics(uri, flat);
    const diag = p.diagnostics.find((x) => x.code === 'flat-no')!;
    const actions = await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } }) as Array<{ title: string; edit?: { changes: Record<string, Array<{ range: unknown; newText: string }>> }; command?: { command: string; arguments: unknown[] } }>;
    const titles = actions.map((a) => a.title);
    expect(titles.some((t) => /ersetzen|Alternativ/.test(t))).toBe(true);
    expect(titles).toContain('replylint: Diesen Fund ignorieren (Kommentar einfügen)');
    expect(titles).toContain('replylint: Regel „flat-no“ im Workspace ausschalten');
    expect(titles).toContain('replylint: „Das geht nicht“ im Workspace erlauben');
    const apply = actions.find((a) => a.edit && a.title !== 'replylint: Diesen Fund ignorieren (Kommentar einfügen)')!;
    expect(apply.edit!.changes[uri]![0]!.newText.length).toBeGreaterThan(20);
    // apply the ignore comment: the finding disappears
    const ignore = actions.find((a) => a.title.includes('ignorieren'))!;
    const edit = ignore.edit!.changes[uri]![0]!;
    expect(edit.newText).toBe('<!-- replylint-disable-next-line flat-no -->\n');
    const since = client.published.length;
    await client.change(uri, 2, [{ range: edit.range, text: edit.newText }]);
    const after = await client.diagnostics(uri, (x) => x.version === 2, since);
    expect(flat(after)).toBe(false);
  });

  it('settings: rule severity override, enable, languages, run on save', async () => {
    client = new TestClient();
    await client.initialize();
    const uri = 'untitled:settings';
    await client.open(uri, REPLY);
    await client.diagnostics(uri, flat);
    let since = client.published.length;
    client.settings = { debounce: 20, rules: { 'flat-no': 'warn' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const warn = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'flat-no' && d.severity === 2), since);
    expect(warn).toBeTruthy();
    since = client.published.length;
    client.settings = { enable: false };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await client.diagnostics(uri, (x) => x.diagnostics.length === 0, since)).diagnostics).toEqual([]);
    // languages: javascript is not linted
    client.settings = { debounce: 20 };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.open('untitled:code', REPLY, 'javascript');
    expect((await client.diagnostics('untitled:code')).diagnostics).toEqual([]);
    // run on save: a change is not linted until saved
    client.settings = { debounce: 0, run: 'onSave' };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, flat, client.published.length - 1);
    since = client.published.length;
    await client.change(uri, 2, [{ text: 'Vielen Dank, wir erstatten Ihnen den Betrag heute.' }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(client.published.slice(since).filter((x) => x.uri === uri)).toEqual([]);
    await client.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    expect(flat(await client.diagnostics(uri, () => true, since))).toBe(false);
  });

  it('workspace .replylintrc applies, is reloaded on change, and the workspace quick fixes write it', async () => {
    const ws = workspace({ '.replylintrc.json': '{\n  "rules": { "flat-no": "off" }\n}\n' });
    client = new TestClient();
    await client.initialize(ws.uri);
    const file = join(ws.dir, 'antwort.txt');
    writeFileSync(file, REPLY);
    const uri = pathToFileURL(file).href;
    await client.open(uri, REPLY);
    expect(flat(await client.diagnostics(uri))).toBe(false);
    // the config changes on disk: reloaded through didChangeWatchedFiles
    writeFileSync(join(ws.dir, '.replylintrc.json'), '{\n  "rules": { "flat-no": "warn" }\n}\n');
    let since = client.published.length;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(ws.dir, '.replylintrc.json')).href, type: 2 }] });
    const p = await client.diagnostics(uri, flat, since);
    expect(p.diagnostics.find((d) => d.code === 'flat-no')!.severity).toBe(2);
    // quick fix "allow this phrase": adds it to `allow`
    since = client.published.length;
    await client.conn.sendRequest('workspace/executeCommand', { command: 'replylint.server.allowPhrase', arguments: [uri, 'Das geht nicht'] });
    expect(JSON.parse(readFileSync(join(ws.dir, '.replylintrc.json'), 'utf8'))).toEqual({ rules: { 'flat-no': 'warn' }, allow: ['Das geht nicht'] });
    await client.diagnostics(uri, noFlat, since);
  });

  it('"disable the rule for the workspace" creates .replylintrc.json when there is none', async () => {
    const ws = workspace();
    client = new TestClient();
    await client.initialize(ws.uri);
    const uri = pathToFileURL(join(ws.dir, 'a.md')).href;
    await client.open(uri, REPLY, 'markdown');
    await client.diagnostics(uri, flat);
    const since = client.published.length;
    await client.conn.sendRequest('workspace/executeCommand', { command: 'replylint.server.disableRule', arguments: [uri, 'flat-no'] });
    expect(existsSync(join(ws.dir, '.replylintrc.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(ws.dir, '.replylintrc.json'), 'utf8'))).toEqual({ rules: { 'flat-no': 'off' } });
    await client.diagnostics(uri, noFlat, since);
    await expect(client.conn.sendRequest('workspace/executeCommand', { command: 'replylint.server.disableRule', arguments: [uri, 'no-such-rule'] })).rejects.toThrow(/unbekannte Regel/);
  });

  it('a broken workspace config is reported with file and line, and linting goes on with the defaults', async () => {
    const ws = workspace({ '.replylintrc.json': '{\n  "rules": { "flat-noo": "off" }\n}\n' });
    client = new TestClient();
    await client.initialize(ws.uri);
    const uri = pathToFileURL(join(ws.dir, 'b.txt')).href;
    await client.open(uri, REPLY);
    expect(flat(await client.diagnostics(uri))).toBe(true);
    const cfgDiag = await client.diagnostics(pathToFileURL(join(ws.dir, '.replylintrc.json')).href);
    expect(cfgDiag.diagnostics[0]!.message).toMatch(/flat-noo/);
    expect(cfgDiag.diagnostics[0]!.range.start.line).toBe(1);
  });

  it('config is data only: a JavaScript "extends" is refused and never run; JSON/YAML extends and overrides apply', async () => {
    const ws = workspace({
      'evil.js': "require('fs').writeFileSync(__dirname + '/PWNED', 'x'); module.exports = { rules: { 'flat-no': 'off' } };",
      '.replylintrc.json': '{ "extends": "./evil.js" }',
    });
    client = new TestClient();
    await client.initialize(ws.uri);
    const uri = pathToFileURL(join(ws.dir, 'c.txt')).href;
    await client.open(uri, REPLY);
    expect(flat(await client.diagnostics(uri))).toBe(true);
    expect(existsSync(join(ws.dir, 'PWNED'))).toBe(false);
    expect(client.logs.join('\n')).toMatch(/evil\.js.*nichts wird ausgeführt/);
    // a YAML preset by path plus an override for one folder
    writeFileSync(join(ws.dir, 'base.yaml'), 'rules:\n  flat-no: warn\n');
    writeFileSync(join(ws.dir, '.replylintrc.json'), '{ "extends": "./base.yaml", "overrides": [{ "files": "stumm/**", "rules": { "flat-no": "off" } }] }');
    const since = client.published.length;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(ws.dir, '.replylintrc.json')).href, type: 2 }] });
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'flat-no' && d.severity === 2), since);
    expect(p).toBeTruthy();
    const quiet = pathToFileURL(join(ws.dir, 'stumm', 'd.txt')).href;
    await client.open(quiet, REPLY);
    expect(flat(await client.diagnostics(quiet))).toBe(false);
  });

  it('lints a selection or the clipboard through replylint/lintText', async () => {
    client = new TestClient();
    await client.initialize();
    const res = await client.conn.sendRequest('replylint/lintText', { text: 'Das geht nicht.' }) as { findings: Array<{ ruleId: string; message: string }> };
    expect(res.findings.some((f) => f.ruleId === 'flat-no')).toBe(true);
  });

  it('settings without workspace/configuration: initializationOptions and didChangeConfiguration', async () => {
    client = new TestClient();
    await client.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { settings: { rules: { 'flat-no': 'warn' }, debounce: 0 } } });
    await client.conn.sendNotification('initialized', {});
    await client.open('untitled:x', REPLY);
    expect((await client.diagnostics('untitled:x', flat)).diagnostics.find((d) => d.code === 'flat-no')!.severity).toBe(2);
    const since = client.published.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { replylint: { rules: { 'flat-no': 'off' } } } });
    await client.diagnostics('untitled:x', noFlat, since);
  });
});
