/**
 * The replylint language server. Diagnostics on open and change (debounced) or on save, hover with why it hurts
 * and a better formulation, quick fixes (apply the suggestion, ignore the finding with an inline comment, turn the
 * rule off or allow the phrase in the workspace config), `replylint.*` settings and workspace `.replylintrc`
 * files reloaded on change. It never dies on bad input: a failing lint becomes one visible internal-error
 * diagnostic.
 */
import { writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  TextDocuments, TextDocumentSyncKind, DiagnosticSeverity, CodeActionKind, DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification, MarkupKind, ResponseError, ErrorCodes,
  type Connection, type Diagnostic, type CodeAction, type InitializeParams, type InitializeResult, type Range,
  type WorkspaceFolder, type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, detectFormat, rules, type Finding, type FormatName, type RuleSetting } from 'replylint';
import { ConfigStore, diskRead, isConfigFile, CONFIG_FILES, type EffectiveConfig } from './config.ts';
import { BlockLinter, canSplit } from './blocks.ts';
import { serverCompactor } from './memory.ts';
import { editConfigText, phraseOf, type ConfigEdit } from './edits.ts';

export interface Settings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  languages: string[];
  run: 'onType' | 'onSave';
  debounce: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  languages: ['plaintext', 'markdown', 'html', 'email', 'eml', 'mail', 'text'],
  run: 'onType',
  debounce: 200,
};

export const COMMANDS = { disableRule: 'replylint.server.disableRule', allowPhrase: 'replylint.server.allowPhrase' } as const;
/** Custom request: lint a text that is not a document (selection, clipboard). */
export const LINT_TEXT_REQUEST = 'replylint/lintText';

export function normalizeSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const s: Settings = { ...base };
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) s.rules = r.rules as Record<string, RuleSetting>;
  if (Array.isArray(r.languages)) s.languages = r.languages.filter((x): x is string => typeof x === 'string');
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (typeof r.debounce === 'number' && Number.isFinite(r.debounce) && r.debounce >= 0) s.debounce = Math.min(r.debounce, 10_000);
  return s;
}

interface DocState {
  timer: ReturnType<typeof setTimeout> | null;
  /** Bumped on every change; a lint whose token is outdated is dropped. */
  token: number;
  findings: Finding[];
  /** Version the findings belong to (hover and code actions use them only while the document is at it). */
  version: number;
  /** Block cache, only for documents that are linted in blocks (see blocks.ts). */
  blocks: BlockLinter | null;
}

function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try { return fileURLToPath(uri); } catch { return null; }
}

const FORMAT_BY_LANGUAGE: Record<string, FormatName> = {
  markdown: 'markdown', html: 'html', email: 'email', eml: 'email', handlebars: 'template', liquid: 'template',
};

export function formatFor(doc: TextDocument): FormatName {
  const path = uriToPath(doc.uri) ?? doc.uri;
  return FORMAT_BY_LANGUAGE[doc.languageId] ?? detectFormat(/\.[a-z0-9]+$/i.test(path) ? path : undefined, doc.getText().slice(0, 8192));
}

/** Test hook: a document containing this marker makes the lint throw (to test the internal-error path). */
const FAULT = process.env.REPLYLINT_LS_FAULT_MARKER ?? '';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  let folders: WorkspaceFolder[] = [];
  let pullConfig = false;
  let dynamicWatch = false;
  let globalSettings: Settings = DEFAULT_SETTINGS;
  const settingsCache = new Map<string, Promise<Settings>>();
  const shownErrors = new Set<string>();
  const configErrorDiagnostics = new Map<string, Diagnostic[]>();

  const readFile = (path: string): string | null => {
    const open = documents.get(pathToFileURL(path).href);
    return open ? open.getText() : diskRead(path);
  };
  const configs = new ConfigStore(readFile);
  const memory = serverCompactor();

  const log = (msg: string): void => { try { connection.console.error(`replylint: ${msg}`); } catch { /* connection gone */ } };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    pullConfig = params.capabilities.workspace?.configuration === true;
    dynamicWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const init = params.initializationOptions as { settings?: unknown } | null | undefined;
    if (init && typeof init === 'object') globalSettings = normalizeSettings('settings' in init ? init.settings : init);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [COMMANDS.disableRule, COMMANDS.allowPhrase] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'replylint-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (dynamicWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: CONFIG_FILES.map((f) => ({ globPattern: `**/${f}` })),
      }).catch((e: unknown) => log(`Dateiüberwachung nicht möglich: ${String(e)}`));
    }
    if (pullConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'replylint' }).catch(() => undefined);
    try {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
        reloadAll();
      });
    } catch { /* client without workspace folder support */ }
  });

  function folderFor(uri: string): string | null {
    const hit = folders.filter((f) => uri.startsWith(f.uri.endsWith('/') ? f.uri : f.uri + '/')).sort((a, b) => b.uri.length - a.uri.length)[0] ?? folders[0];
    return hit ? uriToPath(hit.uri) : null;
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!pullConfig) return Promise.resolve(globalSettings);
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: 'replylint' }).then(
        (raw: unknown) => normalizeSettings(raw, globalSettings),
        () => globalSettings,
      );
      settingsCache.set(uri, p);
    }
    return p;
  }

  function reportConfigErrors(eff: EffectiveConfig): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const e of eff.errors) {
      const key = `${e.file}:${e.line}:${e.column}: ${e.message}`;
      if (!shownErrors.has(key)) {
        shownErrors.add(key);
        void connection.window.showWarningMessage(`replylint: Konfiguration fehlerhaft – ${key}`);
      }
      if (!e.file.startsWith('/')) continue;
      const uri = pathToFileURL(e.file).href;
      const line = Math.max(0, e.line - 1);
      const list = byFile.get(uri) ?? [];
      list.push({ range: { start: { line, character: Math.max(0, e.column - 1) }, end: { line, character: Math.max(0, e.column - 1) + 1 } }, message: e.message, severity: DiagnosticSeverity.Error, source: 'replylint' });
      byFile.set(uri, list);
    }
    for (const [uri, list] of byFile) {
      configErrorDiagnostics.set(uri, list);
      void connection.sendDiagnostics({ uri, diagnostics: list });
    }
  }

  function effectiveConfig(doc: TextDocument, settings: Settings): EffectiveConfig {
    const path = uriToPath(doc.uri);
    const eff = configs.forFile(path, path ? null : folderFor(doc.uri), settings.rules);
    if (eff.errors.length) reportConfigErrors(eff);
    return eff;
  }

  function state(uri: string): DocState {
    let s = states.get(uri);
    if (!s) {
      s = { timer: null, token: 0, findings: [], version: -1, blocks: null };
      states.set(uri, s);
    }
    return s;
  }

  function publish(doc: TextDocument, diagnostics: Diagnostic[]): void {
    const extra = configErrorDiagnostics.get(doc.uri) ?? [];
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: extra.length ? [...extra, ...diagnostics] : diagnostics });
  }

  function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
    let range: Range;
    if (f.internal || f.fatal) {
      const firstLineEnd = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '').length;
      range = { start: { line: 0, character: 0 }, end: { line: 0, character: Math.max(0, firstLineEnd) } };
    } else range = { start: doc.positionAt(f.start), end: doc.positionAt(f.end) };
    const d: Diagnostic = {
      range,
      severity: f.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: f.ruleId ?? (f.fatal ? 'too-large' : 'internal-error'),
      source: 'replylint',
      message: f.message,
    };
    if (f.url) d.codeDescription = { href: f.url };
    return d;
  }

  function internalError(doc: TextDocument, err: unknown): Diagnostic {
    const msg = err instanceof Error ? err.message : String(err);
    log(`interner Fehler beim Prüfen von ${doc.uri}: ${err instanceof Error ? err.stack : msg}`);
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      code: 'internal-error',
      source: 'replylint',
      message: `Interner Fehler in replylint: ${msg}. Bitte melden Sie das mit dem Text, der es auslöst.`,
    };
  }

  async function lintDocument(uri: string): Promise<void> {
    memory.begin();
    try {
      await lintNow(uri);
    } finally {
      memory.end();
    }
  }

  async function lintNow(uri: string): Promise<void> {
    const s = states.get(uri);
    const doc = documents.get(uri);
    if (!s || !doc) return;
    const token = ++s.token;
    const version = doc.version;
    let diagnostics: Diagnostic[];
    try {
      const settings = await getSettings(uri);
      if (s.token !== token || !documents.get(uri)) return;
      if (!settings.enable || !settings.languages.includes(doc.languageId) || isConfigFile(uriToPath(uri) ?? '')) {
        s.findings = [];
        s.version = version;
        s.blocks = null;
        publish(doc, []);
        return;
      }
      const eff = effectiveConfig(doc, settings);
      const cfgKey = `${eff.configPath ?? ''}|${JSON.stringify(settings.rules)}|${eff.config.rules.size}|${eff.config.allow.join('\u0000')}`;
      const text = doc.getText();
      if (FAULT && text.includes(FAULT)) throw new Error(`Testfehler (${FAULT})`);
      const format = formatFor(doc);
      // a block cache only for documents that are cut into blocks; the others are linted whole
      if (!canSplit(text, format)) s.blocks = null;
      else s.blocks ??= new BlockLinter();
      const findings = s.blocks
        ? await s.blocks.lint(text, format, eff.config, cfgKey, () => s.token === token && documents.get(uri)?.version === version)
        : lint(text, { format, config: eff.config });
      if (findings === null || s.token !== token || documents.get(uri)?.version !== version) return;
      s.findings = findings;
      s.version = version;
      diagnostics = findings.map((f) => toDiagnostic(doc, f));
    } catch (e) {
      if (s.token !== token) return;
      s.findings = [];
      s.version = version;
      s.blocks = null;
      diagnostics = [internalError(doc, e)];
    }
    publish(doc, diagnostics);
  }

  function schedule(uri: string, delay: number): void {
    memory.activity();
    const s = state(uri);
    if (s.timer) clearTimeout(s.timer);
    s.token++; // a lint still running for an older version is dropped
    s.timer = setTimeout(() => {
      s.timer = null;
      void lintDocument(uri).catch((e: unknown) => log(String(e)));
    }, delay);
  }

  function reloadAll(): void {
    configs.invalidate();
    settingsCache.clear();
    for (const doc of documents.all()) schedule(doc.uri, 0);
  }

  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    state(e.document.uri);
    justOpened.add(`${e.document.version}|${e.document.uri}`);
    schedule(e.document.uri, 0);
  });

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    // TextDocuments also reports the opening as a change: that one is linted right away by onDidOpen
    if (justOpened.delete(`${e.document.version}|${uri}`)) return;
    if (isConfigFile(uriToPath(uri) ?? '')) { reloadAllSoon(); return; }
    const s = states.get(uri);
    if (!s) return;
    void getSettings(uri).then((settings) => {
      if (settings.run === 'onType') schedule(uri, settings.debounce);
      else s.token++;
    });
  });

  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  function reloadAllSoon(): void {
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => { reloadTimer = null; reloadAll(); }, 150);
  }

  documents.onDidSave((e) => {
    if (isConfigFile(uriToPath(e.document.uri) ?? '')) { reloadAllSoon(); return; }
    void getSettings(e.document.uri).then((settings) => { if (settings.run === 'onSave') schedule(e.document.uri, 0); });
  });

  documents.onDidClose((e) => {
    memory.activity(); // a closed document's memory is given back once the server is quiet
    const s = states.get(e.document.uri);
    if (s?.timer) clearTimeout(s.timer);
    states.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (isConfigFile(uriToPath(e.document.uri) ?? '')) reloadAllSoon();
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: configErrorDiagnostics.get(e.document.uri) ?? [] });
  });

  connection.onDidChangeConfiguration((change) => {
    if (!pullConfig) {
      const raw = (change.settings as { replylint?: unknown } | null)?.replylint ?? change.settings;
      globalSettings = normalizeSettings(raw, globalSettings);
    }
    reloadAll();
  });

  connection.onDidChangeWatchedFiles((e) => {
    if (e.changes.some((c) => isConfigFile(uriToPath(c.uri) ?? ''))) {
      for (const c of e.changes) configErrorDiagnostics.delete(c.uri);
      for (const c of e.changes) if (isConfigFile(uriToPath(c.uri) ?? '') && !documents.get(c.uri)) void connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
      shownErrors.clear();
      reloadAll();
    }
  });

  /** Findings of the current version at a range (the latest published ones). */
  function findingsAt(uri: string, start: number, end: number): Finding[] {
    const s = states.get(uri);
    const doc = documents.get(uri);
    if (!s || !doc || s.version !== doc.version) return [];
    return s.findings.filter((f) => !f.internal && !f.fatal && f.start <= end && f.end >= start);
  }

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const off = doc.offsetAt(params.position);
    const hits = findingsAt(doc.uri, off, off);
    if (!hits.length) return null;
    // the message itself is in the diagnostic (editors show it next to the hover): here why, and what to write
    const parts = hits.map((f) => {
      const lines = [f.url ? `**replylint** · [${f.ruleId}](${f.url})` : `**replylint** · ${f.ruleId}`, ''];
      if (f.note) lines.push(`**Warum das dem Kunden schadet:** ${f.note}`, '');
      const s = f.suggestions[0];
      if (s && s.text.trim()) {
        // the text as it would read after the fix (a suggestion may insert after the finding instead of replacing it)
        const better = s.start <= f.start && s.end >= f.end ? s.text.trim() : s.start >= f.end ? `${f.actual.trim()} ${s.text.trim()}` : s.text.trim();
        if (better.includes('\n')) lines.push('**Besser:**', '', ...better.split('\n').map((l) => `> ${l}`), '');
        else lines.push(`**Besser:** „${better}“`, '');
      } else if (!f.note) lines.push(f.message, '');
      return lines.join('\n');
    });
    const first = hits[0]!;
    return {
      contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
      range: { start: doc.positionAt(first.start), end: doc.positionAt(first.end) },
    };
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const ours = params.context.diagnostics.filter((d) => d.source === 'replylint');
    let hits = findingsAt(doc.uri, start, end);
    if (ours.length) {
      const matching = hits.filter((f) => ours.some((d) => d.code === f.ruleId && doc.offsetAt(d.range.start) === f.start && doc.offsetAt(d.range.end) === f.end));
      if (matching.length) hits = matching;
    }
    const actions: CodeAction[] = [];
    const disabled = new Set<string>();
    const allowed = new Set<string>();
    for (const f of hits) {
      const diag = toDiagnostic(doc, f);
      f.suggestions.forEach((s, i) => {
        actions.push({
          title: `replylint: ${s.desc}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diag],
          isPreferred: i === 0,
          edit: { changes: { [doc.uri]: [{ range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) }, newText: s.text }] } },
        });
      });
      const pos = doc.positionAt(f.start);
      const lineText = doc.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } });
      const indent = /^[ \t]*/.exec(lineText)![0];
      const eol = lineText.endsWith('\r\n') ? '\r\n' : '\n';
      const edit: TextEdit = { range: { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: 0 } }, newText: `${indent}<!-- replylint-disable-next-line ${f.ruleId} -->${eol}` };
      actions.push({ title: `replylint: Diesen Fund ignorieren (Kommentar einfügen)`, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: { changes: { [doc.uri]: [edit] } } });
      if (f.ruleId && !disabled.has(f.ruleId)) {
        disabled.add(f.ruleId);
        actions.push({ title: `replylint: Regel „${f.ruleId}“ im Workspace ausschalten`, kind: CodeActionKind.QuickFix, diagnostics: [diag], command: { title: 'Regel ausschalten', command: COMMANDS.disableRule, arguments: [doc.uri, f.ruleId] } });
      }
      const phrase = phraseOf(f.actual);
      if (phrase && !allowed.has(phrase)) {
        allowed.add(phrase);
        actions.push({ title: `replylint: „${phrase.length > 50 ? phrase.slice(0, 49) + '…' : phrase}“ im Workspace erlauben`, kind: CodeActionKind.QuickFix, diagnostics: [diag], command: { title: 'Formulierung erlauben', command: COMMANDS.allowPhrase, arguments: [doc.uri, phrase] } });
      }
    }
    return actions;
  });

  /** Which config file a workspace-wide quick fix writes: the one that applies, or a new .replylintrc.json. */
  function targetConfig(uri: string): string {
    const path = uriToPath(uri);
    const folder = folderFor(uri);
    const existing = configs.configPathFor(path ? dirname(path) : folder ?? '/');
    if (existing && (!folder || existing.startsWith(folder))) return existing;
    if (folder) return join(folder, '.replylintrc.json');
    if (path) return join(dirname(path), '.replylintrc.json');
    throw new ResponseError(ErrorCodes.InvalidRequest, 'Kein Workspace-Ordner geöffnet: öffnen Sie einen Ordner, damit replylint dort eine .replylintrc.json anlegen kann.');
  }

  async function applyConfigEdit(uri: string, edit: ConfigEdit): Promise<string> {
    const file = targetConfig(uri);
    const fileUri = pathToFileURL(file).href;
    const open = documents.get(fileUri);
    const before = open ? open.getText() : diskRead(file);
    const after = editConfigText(file, before, edit);
    if (open) {
      const res = await connection.workspace.applyEdit({ label: 'replylint', edit: { changes: { [fileUri]: [{ range: { start: { line: 0, character: 0 }, end: open.positionAt(before!.length) }, newText: after }] } } });
      if (!res.applied) throw new ResponseError(ErrorCodes.InternalError, `${file}: Änderung nicht übernommen${res.failureReason ? ` (${res.failureReason})` : ''}`);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, after);
      renameSync(tmp, file);
    }
    reloadAll();
    return file;
  }

  connection.onExecuteCommand(async (params) => {
    const [uri, arg] = (params.arguments ?? []) as [unknown, unknown];
    if (typeof uri !== 'string' || typeof arg !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'erwartet: [Dokument-URI, Regel oder Formulierung]');
    try {
      if (params.command === COMMANDS.disableRule) {
        if (!rules.some((r) => r.id === arg)) throw new ResponseError(ErrorCodes.InvalidParams, `unbekannte Regel "${arg}"`);
        const file = await applyConfigEdit(uri, { kind: 'disableRule', ruleId: arg });
        void connection.window.showInformationMessage(`replylint: Regel „${arg}“ in ${file} ausgeschaltet.`);
        return { file };
      }
      if (params.command === COMMANDS.allowPhrase) {
        const file = await applyConfigEdit(uri, { kind: 'allow', phrase: arg });
        void connection.window.showInformationMessage(`replylint: „${arg}“ in ${file} erlaubt.`);
        return { file };
      }
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      throw new ResponseError(ErrorCodes.InternalError, `replylint: ${(e as Error).message}`);
    }
    throw new ResponseError(ErrorCodes.MethodNotFound, `unbekannter Befehl ${params.command}`);
  });

  connection.onRequest(LINT_TEXT_REQUEST, async (params: { text?: unknown; uri?: unknown; languageId?: unknown }) => {
    if (typeof params?.text !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'erwartet: { text }');
    const uri = typeof params.uri === 'string' ? params.uri : folders[0]?.uri ?? 'untitled:replylint';
    const settings = await getSettings(uri);
    const fake = TextDocument.create(uri, typeof params.languageId === 'string' ? params.languageId : 'plaintext', 0, params.text);
    const eff = effectiveConfig(fake, settings);
    const format = formatFor(fake);
    try {
      return { findings: lint(params.text, { format, config: eff.config }) };
    } catch (e) {
      throw new ResponseError(ErrorCodes.InternalError, `Interner Fehler in replylint: ${(e as Error).message}`);
    }
  });

  documents.listen(connection);
  connection.listen();
}
