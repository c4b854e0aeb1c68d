/**
 * `pnpm e2e:vscode` — the extension in a real VS Code. Packages the .vsix, installs it into code-server (VS Code
 * 1.100.3 from the npm registry, in .tmp/code-server), opens a reply in headless Chromium (playwright-core) and
 * checks the squiggle, the Problems entry, the German hover, the status bar and that a quick fix changes the text.
 * Saves a screenshot (squiggle + hover) to .tmp/e2e-vscode-screenshot.png; with `-- --update-screenshot` to the
 * committed extension/e2e/screenshot.png. Installs what it needs on a fresh machine: Debian
 * packages chromium, libkrb5-dev, ripgrep (apt-get, as root) and code-server (npm, into its own folder).
 *
 *   corepack pnpm e2e:vscode            # REPLYLINT_E2E_KEEP=1 keeps the temp folders for inspection
 */
import { execFileSync, execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVsix } from '../package.ts';

const CODE_SERVER_VERSION = '4.100.3';
const ext = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(ext, '..');
const csDir = join(root, '.tmp', 'code-server');
const runDir = join(root, '.tmp', 'e2e-vscode');
// the committed screenshot is only rewritten on request, so that a test run leaves the working tree clean
const screenshot = process.argv.includes('--update-screenshot') ? join(ext, 'e2e', 'screenshot.png') : join(root, '.tmp', 'e2e-vscode-screenshot.png');
const t0 = performance.now();
const timings: Array<[string, number]> = [];
let last = t0;
function phase(name: string): void {
  const now = performance.now();
  timings.push([name, (now - last) / 1000]);
  console.log(`e2e: ${name} (${((now - last) / 1000).toFixed(1)} s)`);
  last = now;
}
const has = (cmd: string): boolean => { try { execSync(`command -v ${cmd}`, { stdio: 'ignore' }); return true; } catch { return false; } };

// ── 1. system packages ────────────────────────────────────────────────────────────────────────────────────────
function ensureSystem(): void {
  const need: string[] = [];
  if (!has('chromium')) need.push('chromium');
  if (!has('rg')) need.push('ripgrep');
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/krb5/krb5.h')) need.push('libkrb5-dev');
  if (!has('g++') || !has('make')) need.push('build-essential');
  if (!has('python3')) need.push('python3');
  if (need.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`Bitte installieren: apt-get install -y ${need.join(' ')} (als root)`);
  console.log(`e2e: apt-get install ${need.join(' ')}`);
  execSync('apt-get update', { stdio: 'inherit' });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${need.join(' ')}`, { stdio: 'inherit' });
}

// ── 2. code-server in its own folder ──────────────────────────────────────────────────────────────────────────
function codeServerBin(): string { return join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'); }
function ensureCodeServer(): void {
  const pkg = join(csDir, 'node_modules', 'code-server', 'package.json');
  if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version === CODE_SERVER_VERSION && existsSync(codeServerBin())) return;
  mkdirSync(csDir, { recursive: true });
  writeFileSync(join(csDir, 'package.json'), '{ "private": true, "description": "code-server for pnpm e2e:vscode (not a workspace package)" }\n');
  // @vscode/ripgrep downloads rg from GitHub in its postinstall: give it Debian's rg from its cache instead
  const cache = join(process.env.TMPDIR ?? tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(cache, { recursive: true });
  const tarball = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (!existsSync(tarball)) execFileSync('tar', ['-czf', tarball, '-C', dirname(execSync('command -v rg').toString().trim()), 'rg']);
  console.log(`e2e: npm install code-server@${CODE_SERVER_VERSION} (about a minute)`);
  execFileSync('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--unsafe-perm', '--foreground-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: csDir, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...cleanEnv(), npm_config_nodedir: '/usr', npm_config_yes: 'true' },
  });
}

/**
 * The environment without what `pnpm run` adds (npm_config_*, pnpm's node-gyp shim and node_modules/.bin on PATH):
 * with those, node-pre-gyp's build-from-source fallback for argon2 fails (its prebuilt binary is on GitHub).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|pnpm_|PNPM_|INIT_CWD$)/i.test(k)) env[k] = v;
  env.PATH = (process.env.PATH ?? '').split(':').filter((p) => !/node_modules[\\/]\.bin|node-gyp-bin|[\\/]pnpm[\\/]/.test(p)).join(':');
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port')))); });
  });
}

async function waitHttp(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server antwortet nicht: ${url}`);
}

const REPLY = [
  'Sehr geehrte Frau Berger,',
  '',
  'vielen Dank für Ihre Nachricht.',
  '',
  'Das geht nicht.',
  '',
  'Mit freundlichen Grüßen',
  'Jan Hoffmann',
  '',
].join('\n');

async function main(): Promise<void> {
  ensureSystem();
  ensureCodeServer();
  phase('code-server ready');
  const vsix = await packageVsix();
  phase('vsix packaged');

  rmSync(runDir, { recursive: true, force: true });
  const dirs = { user: join(runDir, 'user-data'), exts: join(runDir, 'extensions'), home: join(runDir, 'home'), ws: join(runDir, 'workspace'), chrome: join(runDir, 'chrome') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.user, 'User'), { recursive: true });
  writeFileSync(join(dirs.user, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off', 'extensions.ignoreRecommendations': true, 'update.mode': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false, 'editor.hover.delay': 200, 'window.restoreWindows': 'none',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'chat.disableAIFeatures': true,
    'replylint.debounce': 100, 'git.enabled': false, 'git.openRepositoryInParentFolders': 'never',
  }, null, 2));
  writeFileSync(join(dirs.ws, 'antwort.txt'), REPLY);
  const env = { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: join(dirs.home, '.config'), XDG_DATA_HOME: join(dirs.home, '.local/share') };
  const cs = [codeServerBin(), '--user-data-dir', dirs.user, '--extensions-dir', dirs.exts];
  execFileSync(process.execPath, [...cs, '--install-extension', vsix], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const installed = execFileSync(process.execPath, [...cs, '--list-extensions', '--show-versions'], { env }).toString();
  if (!/replylint\.replylint-vscode@/.test(installed)) throw new Error(`Erweiterung nicht installiert: ${installed}`);
  phase('vsix installed into a clean code-server');

  const port = await freePort();
  let server: ChildProcess | null = spawn(process.execPath, [...cs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-workspace-trust', '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', dirs.ws], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  let ok = false;
  server.stdout!.on('data', (d: Buffer) => { serverLog += d.toString(); });
  server.stderr!.on('data', (d: Buffer) => { serverLog += d.toString(); });
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | null = null;
  try {
    await waitHttp(`http://127.0.0.1:${port}/healthz`, 60000);
    phase('code-server started');
    browser = await chromium.launchPersistentContext(dirs.chrome, {
      executablePath: execSync('command -v chromium').toString().trim(),
      viewport: { width: 1200, height: 860 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = browser.pages()[0] ?? await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.ws)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: 60000 });
    phase('workbench loaded');

    // open the reply
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('antwort.txt');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { state: 'visible' });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines', { state: 'visible' });
    const squiggle = page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first();
    await squiggle.waitFor({ state: 'attached', timeout: 60000 });
    phase('squiggle shown');

    // status bar: finding count
    // the status item follows the diagnostics event, which can land a moment after the squiggle: wait for the count
    const counted = page.locator('.statusbar-item', { hasText: /replylint: \d+/ }).first();
    try {
      await counted.waitFor({ state: 'visible', timeout: 20000 });
    } catch {
      const shown = await page.locator('.statusbar-item', { hasText: 'replylint' }).first().innerText().catch(() => '(keins)');
      throw new Error(`Statusleiste zeigt keine Anzahl: "${shown}"`);
    }
    const statusText = await counted.innerText();

    // Problems panel
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'Glatte Absage' }).first();
    await problem.waitFor({ state: 'visible', timeout: 20000 });
    const problemText = (await problem.innerText()).replace(/\s+/g, ' ');
    if (!/flat-no/.test(problemText)) throw new Error(`Problems-Eintrag ohne Regel-ID: ${problemText}`);
    phase('Problems entry found');

    // hover: why it hurts + a better formulation, in German
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    const box = await squiggle.boundingBox();
    if (!box) throw new Error('Unterstreichung ohne Position');
    await page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2 - 6);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Warum das dem Kunden schadet' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20000 });
    const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
    for (const want of ['Glatte Absage', 'Warum das dem Kunden schadet', 'Besser']) if (!hoverText.includes(want)) throw new Error(`Hover ohne "${want}": ${hoverText}`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot });
    phase('hover shown, screenshot saved');

    // "replylint: Auswahl prüfen": select all, run the command, the quick pick lists the findings
    const runCommand = async (title: string): Promise<void> => {
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(title);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^replylint: /, '') }).first().waitFor({ state: 'visible', timeout: 10000 });
      await page.keyboard.press('Enter');
    };
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+A');
    await runCommand('replylint: Auswahl prüfen');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: /Funde? in der Auswahl/ }).first().waitFor({ state: 'visible', timeout: 20000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Glatte Absage' }).first().waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Home'); // back to the top: the editor only renders visible lines
    phase('"replylint: Auswahl prüfen" lists the findings');

    // status bar toggle: off removes the squiggles
    await runCommand('replylint: Ein-/ausschalten');
    await page.locator('.statusbar-item', { hasText: 'replylint: aus' }).first().waitFor({ state: 'visible', timeout: 20000 });
    await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ state: 'detached', timeout: 20000 });
    phase('toggle off: status bar "aus", no squiggles');
    await runCommand('replylint: Ein-/ausschalten');
    await page.locator('.statusbar-item', { hasText: /replylint: \d+/ }).first().waitFor({ state: 'visible', timeout: 20000 });
    // the editor renders only visible lines: put the cursor back at the top before looking for the squiggle
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await squiggle.waitFor({ state: 'attached', timeout: 20000 });
    phase('toggle on: squiggles back');

    // quick fix: apply the suggestion; the text changes
    const before = (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    if (!before.includes('Das geht nicht.')) throw new Error(`Editor-Text unerwartet: ${before}`);
    await page.mouse.move(5, 5);
    const box2 = (await squiggle.boundingBox()) ?? box;
    await page.mouse.click(box2.x + 4, box2.y + box2.height / 2);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget, .context-view .monaco-list').first();
    await menu.waitFor({ state: 'visible', timeout: 20000 });
    const rows = page.locator('.action-widget .monaco-list-row, .context-view .monaco-list-row');
    const titles = (await rows.allInnerTexts()).map((t) => t.trim());
    const standard = /ignorieren|ausschalten|erlauben/;
    let index = titles.findIndex((t) => t.startsWith('replylint:') && !standard.test(t));
    if (index < 0) index = titles.findIndex((t) => t.includes('Diesen Fund ignorieren'));
    if (index < 0) throw new Error(`keine replylint-Schnellkorrektur im Menü: ${JSON.stringify(titles)}`);
    const chosen = titles[index]!;
    // the menu lies under a pointer block: choose with the keyboard
    for (let i = 0; i < titles.length; i++) {
      const focused = ((await page.locator('.action-widget .monaco-list-row.focused, .context-view .monaco-list-row.focused').first().innerText().catch(() => '')) || '').trim();
      if (focused === chosen) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    const lines = page.locator('.monaco-editor .view-lines').first();
    for (const end = Date.now() + 20000; Date.now() < end;) {
      if ((await lines.innerText()).replace(/\u00a0/g, ' ') !== before) break;
      await page.waitForTimeout(100);
    }
    const after = (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    if (after.split('\n').some((l) => l.trim() === 'Das geht nicht.')) throw new Error(`Schnellkorrektur hat den Text nicht geändert: ${after}`);
    phase(`quick fix "${chosen}" changed the text`);

    console.log(`\ne2e:vscode OK in ${((performance.now() - t0) / 1000).toFixed(1)} s — squiggle, Problems entry, German hover, status bar "${statusText.trim()}", quick fix "${chosen}"`);
    console.log(`screenshot: ${screenshot}`);
    for (const [n, s] of timings) console.log(`  ${s.toFixed(1).padStart(6)} s  ${n}`);
    ok = true;
  } catch (e) {
    if (browser) {
      const p = browser.pages()[0];
      if (p) await p.screenshot({ path: join(runDir, 'failure.png') }).catch(() => undefined);
    }
    console.error(`code-server log (tail):\n${serverLog.slice(-3000)}`);
    console.error(`failure screenshot: ${join(runDir, 'failure.png')}`);
    throw e;
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) { server.kill('SIGTERM'); server = null; }
    if (ok && !process.env.REPLYLINT_E2E_KEEP) rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(`e2e:vscode FEHLGESCHLAGEN: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
