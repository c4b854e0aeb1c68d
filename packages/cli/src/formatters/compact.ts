/** One line per finding, for grep and editor error formats: `file:line:col: error message [rule]`. */
import { severityName, type Formatter } from './index.ts';

export const compact: Formatter = (results) => {
  const out: string[] = [];
  for (const r of results) {
    const name = r.part ? `${r.displayPath} (${r.part})` : r.displayPath;
    for (const f of r.findings) out.push(`${name}:${f.line}:${f.column}: ${severityName(f.severity)} ${f.message.replace(/\r?\n/g, ' ')} [${f.ruleId ?? 'fatal'}]`);
  }
  return out.length ? out.join('\n') + '\n' : '';
};
