/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * GitHub shows them as annotations on the pull request's diff. Escaping follows the runner's rules: in the
 * message `%`, CR and LF; in property values also `:` and `,`.
 */
import type { Formatter } from './index.ts';

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (results) => {
  const out: string[] = [];
  for (const r of results) {
    const file = r.displayPath.split('\\').join('/');
    for (const f of r.findings) {
      const props = [`file=${escapeProperty(file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`replylint (${f.ruleId ?? 'fatal'})${r.part ? ` ${r.part}` : ''}`)}`];
      out.push(`::${f.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
};
