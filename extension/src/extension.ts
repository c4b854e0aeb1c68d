/**
 * replylint for VS Code: a thin client. All linting happens in the bundled language server (dist/server.cjs);
 * this file starts it, shows the finding count in the status bar with an on/off toggle, and offers
 * "replylint: Auswahl prüfen" and "replylint: Zwischenablage prüfen".
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

interface LintFinding {
  ruleId: string | null; severity: 1 | 2; message: string; start: number; end: number; line: number; column: number;
  note?: string; suggestions: Array<{ desc: string; text: string }>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  // a small young generation keeps the server's memory low (see packages/language-server/bin)
  const execArgv = ['--max-semi-space-size=1'];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // every file and untitled document goes to the server; it lints the languages in `replylint.languages`
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    outputChannelName: 'replylint',
  };
  client = new LanguageClient('replylint', 'replylint', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('replylint.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'replylint';
  status.command = 'replylint.toggle';
  context.subscriptions.push(status);

  const updateStatus = (): void => {
    const enabled = vscode.workspace.getConfiguration('replylint').get<boolean>('enable', true);
    if (!enabled) {
      status.text = '$(circle-slash) replylint: aus';
      status.tooltip = 'replylint ist ausgeschaltet – klicken zum Einschalten';
      status.show();
      return;
    }
    const editor = vscode.window.activeTextEditor;
    const diags = editor ? vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'replylint') : [];
    const n = diags.length;
    status.text = n === 0 ? '$(check) replylint' : `$(warning) replylint: ${n}`;
    status.tooltip = `${n === 0 ? 'Keine Funde' : n === 1 ? '1 Fund' : `${n} Funde`} in diesem Dokument – klicken zum Ausschalten`;
    status.show();
  };

  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('replylint')) updateStatus(); }),
    vscode.commands.registerCommand('replylint.toggle', async () => {
      const cfg = vscode.workspace.getConfiguration('replylint');
      const info = cfg.inspect<boolean>('enable');
      const target = info?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await cfg.update('enable', !cfg.get<boolean>('enable', true), target);
      updateStatus();
    }),
    vscode.commands.registerCommand('replylint.lintSelection', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.selection.isEmpty) {
        void vscode.window.showInformationMessage('replylint: Bitte zuerst Text auswählen.');
        return;
      }
      const text = editor.document.getText(editor.selection);
      const base = editor.document.offsetAt(editor.selection.start);
      await showFindings(text, editor.document.uri.toString(), editor.document.languageId, 'Auswahl', async (f) => {
        const range = new vscode.Range(editor.document.positionAt(base + f.start), editor.document.positionAt(base + f.end));
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      });
    }),
    vscode.commands.registerCommand('replylint.lintClipboard', async () => {
      const text = await vscode.env.clipboard.readText();
      if (!text.trim()) {
        void vscode.window.showInformationMessage('replylint: Die Zwischenablage enthält keinen Text.');
        return;
      }
      await showFindings(text, undefined, 'plaintext', 'Zwischenablage', async (f) => {
        // open the clipboard text in a new editor (linted live) and select the finding
        const doc = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
        const editor = await vscode.window.showTextDocument(doc);
        const range = new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end));
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
      });
    }),
  );

  updateStatus();
  await client.start();
}

async function showFindings(text: string, uri: string | undefined, languageId: string, what: string, reveal: (f: LintFinding) => Promise<void>): Promise<void> {
  if (!client) return;
  let findings: LintFinding[];
  try {
    const res = await client.sendRequest<{ findings: LintFinding[] }>('replylint/lintText', { text, uri, languageId });
    findings = res.findings;
  } catch (e) {
    void vscode.window.showErrorMessage(`replylint: ${(e as Error).message}`);
    return;
  }
  if (findings.length === 0) {
    void vscode.window.showInformationMessage(`replylint: Keine Funde in der ${what}.`);
    return;
  }
  const items = findings.map((f) => ({
    label: `${f.severity === 2 ? '$(error)' : '$(warning)'} ${f.message}`,
    description: `${f.ruleId ?? ''} · Zeile ${f.line}`,
    detail: [f.note, f.suggestions[0] ? `Besser: ${f.suggestions[0].text}` : ''].filter(Boolean).join(' — '),
    finding: f,
  }));
  const pick = await vscode.window.showQuickPick(items, {
    title: `replylint: ${findings.length === 1 ? '1 Fund' : `${findings.length} Funde`} in der ${what}`,
    matchOnDescription: true, matchOnDetail: true,
  });
  if (pick) await reveal(pick.finding);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
