/**
 * Every regular expression in the engine, the rules, the CLI and the language server is checked for
 * catastrophic backtracking by recheck (a maintained ReDoS analyser). Regexes are found statically with the
 * TypeScript parser: literals and `new RegExp('…')` with a literal source. A new regex is checked automatically.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { checkSync } from 'recheck';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const DIRS = ['packages/core/src', 'packages/replylint/src', 'packages/cli/src', 'packages/language-server/src', 'extension/src', 'rules'];

function files(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir)) {
    if (e === 'node_modules' || e === 'dist' || e === 'test' || e === 'e2e') continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.gen.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Found { where: string; source: string; flags: string }

export function collectRegexes(): Found[] {
  const found: Found[] = [];
  for (const dir of DIRS) {
    for (const file of files(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        const where = `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (ts.isRegularExpressionLiteral(node)) {
          const lit = node.text;
          const end = lit.lastIndexOf('/');
          found.push({ where, source: lit.slice(1, end), flags: lit.slice(end + 1) });
        } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp' && node.arguments?.[0] && ts.isStringLiteralLike(node.arguments[0])) {
          const flags = node.arguments[1] && ts.isStringLiteralLike(node.arguments[1]) ? node.arguments[1].text : '';
          found.push({ where, source: node.arguments[0].text, flags });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return found;
}

describe('ReDoS', () => {
  const regexes = collectRegexes();
  it('finds the regular expressions of the code base', () => {
    expect(regexes.length).toBeGreaterThan(20);
  });
  it('no regular expression is vulnerable to catastrophic backtracking', () => {
    const bad: string[] = [];
    for (const r of regexes) {
      const flags = r.flags.replace(/[^gimsuyd]/g, '');
      let res = checkSync(r.source, flags, { timeout: 10000 });
      // recheck's time limit is wall-clock: on a busy machine (the full suite seen at load 5 on 2 cores) a regex it
      // decides in a second ran out of it and came back undecided; such a one gets a second, longer look
      if (res.status === 'unknown' && res.error?.kind === 'timeout') res = checkSync(r.source, flags, { timeout: 60000 });
      if (res.status === 'vulnerable') bad.push(`${r.where}: /${r.source}/${r.flags} — ${res.complexity?.type ?? ''} ${res.attack ? `Angriff: ${JSON.stringify(res.attack.pattern).slice(0, 80)}` : ''}`);
      if (res.status === 'unknown') bad.push(`${r.where}: /${r.source}/${r.flags} — nicht entscheidbar (${res.error?.kind ?? 'unknown'}): umschreiben`);
    }
    expect(bad).toEqual([]);
  }, 300_000);
});
