/** ESLint-like "stylish" output: file, then line:col, severity, message, rule id; coloured on a TTY. */
import { createColors } from 'picocolors';
import type { Formatter } from './index.ts';

export const stylish: Formatter = (results, ctx) => {
  const c = createColors(ctx.color);
  const out: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out.push(c.underline(r.part ? `${r.displayPath} (${r.part})` : r.displayPath));
    const rows = r.findings.map((f) => [`${f.line}:${f.column}`, f.severity === 2 ? 'Fehler' : 'Warnung', f.message, f.ruleId ?? ''] as const);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    for (const [pos, sev, msg, id] of rows) {
      const sevText = sev === 'Fehler' ? c.red(sev.padEnd(w1)) : c.yellow(sev.padEnd(w1));
      out.push(`  ${c.dim(pos.padEnd(w0))}  ${sevText}  ${msg}  ${c.dim(id)}`);
    }
    out.push('');
  }
  return out.length ? out.join('\n') + '\n' : '';
};
