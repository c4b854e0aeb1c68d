/** Output formats. Each takes the per-file results and returns the text to print; loaded lazily by name. */
import type { Finding, Rule } from 'replylint';

export interface FileResult {
  /** Absolute path ('<stdin>' for unnamed standard input). */
  filePath: string;
  /** Path relative to the working directory (as shown to people and in CI annotations). */
  displayPath: string;
  findings: Finding[];
  /** E-mail body part the findings refer to ('text/plain', 'text/html'). */
  part?: string;
}

export interface FormatContext {
  cwd: string;
  rules: readonly Rule[];
  color: boolean;
  version: string;
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit', 'compact'] as const;
export type OutputFormat = (typeof FORMAT_NAMES)[number];

/** Formats whose stdout is a document a program parses: nothing else may go to stdout. */
export const MACHINE_FORMATS = new Set<OutputFormat>(['json', 'sarif', 'junit']);

export async function loadFormatter(name: OutputFormat): Promise<Formatter> {
  switch (name) {
    case 'stylish': return (await import('./stylish.ts')).stylish;
    case 'json': return (await import('./json.ts')).json;
    case 'sarif': return (await import('./sarif.ts')).sarif;
    case 'github': return (await import('./github.ts')).github;
    case 'junit': return (await import('./junit.ts')).junit;
    case 'compact': return (await import('./compact.ts')).compact;
  }
}

export const severityName = (s: 1 | 2): 'error' | 'warning' => (s === 2 ? 'error' : 'warning');
