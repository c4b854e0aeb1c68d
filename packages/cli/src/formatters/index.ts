/** Output formats. Each takes the per-file results and returns the text to print. */
import type { Finding } from 'replylint';

export interface FileResult {
  filePath: string;
  findings: Finding[];
  /** Source text (for formats that quote it). */
  source?: string;
}

export interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId?: string;
  fatal?: boolean;
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
}

export function toEslintJson(results: FileResult[]): string {
  return JSON.stringify(results.map((r) => {
    const messages: EslintMessage[] = r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      messageId: f.messageId,
      ...(f.fatal ? { fatal: true } : {}),
      suggestions: f.suggestions.map((s) => ({ desc: s.desc, fix: { range: [s.start, s.end] as [number, number], text: s.text } })),
    }));
    return {
      filePath: r.filePath,
      messages,
      errorCount: messages.filter((m) => m.severity === 2).length,
      warningCount: messages.filter((m) => m.severity === 1).length,
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
  }));
}

export interface Colors { red(s: string): string; yellow(s: string): string; dim(s: string): string; bold(s: string): string; underline(s: string): string }

export const plain: Colors = { red: (s) => s, yellow: (s) => s, dim: (s) => s, bold: (s) => s, underline: (s) => s };
export const ansi: Colors = {
  red: (s) => `\x1b[31m${s}\x1b[39m`,
  yellow: (s) => `\x1b[33m${s}\x1b[39m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  underline: (s) => `\x1b[4m${s}\x1b[24m`,
};

/** ESLint-like "stylish" output: file, then line:col, severity, message, rule id. */
export function stylish(results: FileResult[], c: Colors): string {
  const out: string[] = [];
  let errors = 0, warnings = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out.push(c.underline(r.filePath));
    const rows = r.findings.map((f) => [`${f.line}:${f.column}`, f.severity === 2 ? 'Fehler' : 'Warnung', f.message, f.ruleId ?? ''] as const);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    for (const [pos, sev, msg, id] of rows) {
      if (sev === 'Fehler') errors++; else warnings++;
      const sevText = sev === 'Fehler' ? c.red(sev.padEnd(w1)) : c.yellow(sev.padEnd(w1));
      out.push(`  ${c.dim(pos.padEnd(w0))}  ${sevText}  ${msg}  ${c.dim(id)}`);
    }
    out.push('');
  }
  const total = errors + warnings;
  if (total > 0) {
    const line = `✖ ${total} ${total === 1 ? 'Problem' : 'Probleme'} (${errors} ${errors === 1 ? 'Fehler' : 'Fehler'}, ${warnings} ${warnings === 1 ? 'Warnung' : 'Warnungen'})`;
    out.push(errors ? c.red(c.bold(line)) : c.yellow(c.bold(line)));
  }
  return out.join('\n') + (out.length ? '\n' : '');
}
