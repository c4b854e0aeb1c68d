/**
 * JUnit XML (as understood by Jenkins, GitLab, Azure DevOps): one <testsuite> per file, one failing <testcase>
 * per finding (classname = rule id) and one passing <testcase> for a clean file.
 */
import { severityName, type Formatter } from './index.ts';

/** XML 1.0 escaping; characters XML cannot carry at all are replaced by U+FFFD. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export const junit: Formatter = (results) => {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  let tests = 0, failures = 0;
  const suites: string[] = [];
  for (const r of results) {
    const name = r.part ? `${r.displayPath} (${r.part})` : r.displayPath;
    const cases: string[] = [];
    for (const f of r.findings) {
      const where = `${r.displayPath}:${f.line}:${f.column}`;
      cases.push(`    <testcase classname="${xmlEscape(f.ruleId ?? 'replylint')}" name="${xmlEscape(`${where} ${f.ruleId ?? 'fatal'}`)}" file="${xmlEscape(r.displayPath)}" line="${f.line}" time="0">\n` +
        `      <failure message="${xmlEscape(f.message)}" type="${severityName(f.severity)}">${xmlEscape(`${severityName(f.severity)} ${where} ${f.message}${f.url ? `\n${f.url}` : ''}`)}</failure>\n` +
        '    </testcase>');
    }
    if (cases.length === 0) cases.push(`    <testcase classname="replylint" name="${xmlEscape(name)}" file="${xmlEscape(r.displayPath)}" time="0" />`);
    const nFail = r.findings.length;
    tests += cases.length;
    failures += nFail;
    suites.push(`  <testsuite name="${xmlEscape(name)}" package="replylint" tests="${cases.length}" failures="${nFail}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  out.push(`<testsuites name="replylint" tests="${tests}" failures="${failures}" errors="0" time="0">`);
  out.push(...suites);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
