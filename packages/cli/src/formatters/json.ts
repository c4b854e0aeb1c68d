/** ESLint-compatible JSON: one entry per file with filePath, messages, errorCount, warningCount … */
import type { Formatter } from './index.ts';

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

export const json: Formatter = (results) => JSON.stringify(results.map((r) => {
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
    ...(r.part ? { part: r.part } : {}),
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    fixableErrorCount: r.findings.filter((f) => f.severity === 2 && f.suggestions.some((s) => s.safe)).length,
    fixableWarningCount: r.findings.filter((f) => f.severity === 1 && f.suggestions.some((s) => s.safe)).length,
  };
})) + '\n';
