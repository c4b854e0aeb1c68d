/**
 * Build: (1) compile every rules/<id>/phrases.yml into rules/<id>/phrases.gen.ts, rejecting malformed entries,
 * bad patterns and duplicates with file:line:column; (2) bundle the public package, the CLI and the language
 * server with esbuild. Runs on install (postinstall) and before the tests.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync, statSync, mkdirSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { compilePattern } from '../packages/core/src/pattern.ts';
import { indexPiece } from '../packages/core/src/phrases.ts';
import { conjugateLemma } from '../packages/core/src/morph.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const onlyGenerate = process.argv.includes('--generate');

interface Problem { file: string; line: number; column: number; message: string }

const ENTRY_KEYS = new Set(['pattern', 'id', 'message', 'replace', 'note', 'safe', 'data', 'kind', 'expected']);

export function compilePhraseFile(file: string): { code: string; problems: Problem[] } {
  const src = readFileSync(file, 'utf8');
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, uniqueKeys: true });
  const problems: Problem[] = [];
  const rel = relative(root, file);
  const at = (node: YamlNode | null | undefined, message: string): void => {
    const p = lc.linePos(node?.range?.[0] ?? 0);
    problems.push({ file: rel, line: p.line, column: p.col, message });
  };
  for (const e of doc.errors) at(null, e.message.split('\n')[0]!);
  if (problems.length) return { code: '', problems };
  const lists: Array<[string, YamlNode]> = [];
  const contents = doc.contents as YamlNode | null;
  if (isSeq(contents)) lists.push(['default', contents]);
  else if (isMap(contents)) {
    for (const pair of contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(key)) at(pair.key as YamlNode, `Listenname "${key}" muss ein JS-Bezeichner sein`);
      if (!isSeq(pair.value)) at(pair.value as YamlNode, `"${key}" muss eine Liste sein`);
      else lists.push([key, pair.value as YamlNode]);
    }
  } else at(contents, 'phrases.yml muss eine Liste oder eine Zuordnung von Listen sein');
  const seen = new Map<string, string>();
  const out: string[] = [`// Generated from ${rel} by scripts/build.ts. Do not edit.`, `import type { PhraseEntry } from '@replylint/core';`];
  for (const [name, node] of lists) {
    const items = (node as unknown as { items: YamlNode[] }).items;
    const values: unknown[] = [];
    items.forEach((item) => {
      if (!isMap(item)) { at(item, 'ein Eintrag muss eine Zuordnung mit "pattern" sein'); return; }
      const v = item.toJSON() as Record<string, unknown>;
      for (const k of Object.keys(v)) if (!ENTRY_KEYS.has(k)) at(item, `unbekannter Schlüssel "${k}" (erlaubt: ${[...ENTRY_KEYS].join(', ')})`);
      const pats = typeof v.pattern === 'string' ? [v.pattern] : Array.isArray(v.pattern) ? v.pattern : null;
      if (!pats || pats.length === 0 || !pats.every((p) => typeof p === 'string')) { at(item, '"pattern" muss eine Zeichenkette oder eine Liste von Zeichenketten sein'); return; }
      for (const p of pats as string[]) {
        const key = `${name}:${p.trim().toLowerCase().replace(/\s+/g, ' ')}`;
        const patNode = item.get('pattern', true) as YamlNode | undefined;
        if (seen.has(key)) at(patNode ?? item, `doppeltes Muster "${p}" (schon in ${seen.get(key)})`);
        else seen.set(key, `${rel}:${lc.linePos(item.range?.[0] ?? 0).line}`);
        try { compilePattern(p); } catch (e) { at(patNode ?? item, `ungültiges Muster "${p}": ${(e as Error).message}`); }
      }
      // the piece each pattern is indexed by, worked out now instead of on a first lint (phrases.ts, indexPiece)
      v.$index = (pats as string[]).map((p) => { try { return indexPiece(p); } catch { return -1; } });
      values.push(v);
    });
    const decl = name === 'default' ? 'const entries' : `export const ${name}`;
    out.push(`${decl}: PhraseEntry[] = ${JSON.stringify(values, null, 1)};`);
    if (name === 'default') out.push('export default entries;');
  }
  return { code: out.join('\n') + '\n', problems };
}

function generate(): void {
  const rulesDir = join(root, 'rules');
  const problems: Problem[] = [];
  for (const id of readdirSync(rulesDir).sort()) {
    const file = join(rulesDir, id, 'phrases.yml');
    if (!existsSync(file)) continue;
    const { code, problems: p } = compilePhraseFile(file);
    problems.push(...p);
    if (p.length === 0) {
      const target = join(rulesDir, id, 'phrases.gen.ts');
      if (!existsSync(target) || readFileSync(target, 'utf8') !== code) writeFileSync(target, code);
    }
  }
  if (problems.length) {
    for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message}`);
    process.exit(1);
  }
  generateVerbTable();
}

/**
 * rules/_shared/verbs.gen.ts: the forms of every verb lemma (`<an|bieten>`) written in the phrase data and in the
 * patterns of the TypeScript sources, as data (see preloadVerbForms in packages/core/src/morph.ts).
 */
function generateVerbTable(): void {
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules' && e.name !== 'test') walk(p); }
      else if (/\.(?:yml|ts)$/.test(e.name) && !/\.(?:gen|test)\.ts$/.test(e.name)) sources.push(p);
    }
  };
  walk(join(root, 'rules'));
  walk(join(root, 'packages/core/src'));
  const lemmas = new Set<string>();
  for (const f of sources) for (const m of readFileSync(f, 'utf8').matchAll(/<([a-zäöüß]+(?:\|[a-zäöüß]+)?)>/g)) lemmas.add(m[1]!);
  const table: Record<string, [string[], string[], string]> = {};
  for (const l of [...lemmas].sort()) {
    const v = conjugateLemma(l);
    table[l] = [[...v.forms], [...v.splitForms], v.particle];
  }
  const code = `// Generated by scripts/build.ts from the verb lemmas of the phrase data. Do not edit.\n` +
    `import type { VerbFormTable } from '@replylint/core';\n` +
    `export const VERB_FORMS: VerbFormTable = JSON.parse(${JSON.stringify(JSON.stringify(table))});\n`;
  const target = join(root, 'rules/_shared/verbs.gen.ts');
  if (!existsSync(target) || readFileSync(target, 'utf8') !== code) writeFileSync(target, code);
}

async function bundle(): Promise<void> {
  const esbuild = await import('esbuild');
  const common = { bundle: true, conditions: ['source'], logLevel: 'warning' as const, legalComments: 'none' as const, target: 'node20' };
  const jobs: Array<Promise<unknown>> = [];
  const pub = join(root, 'packages/replylint');
  jobs.push(esbuild.build({ ...common, entryPoints: [join(pub, 'src/index.ts')], outfile: join(pub, 'dist/index.js'), format: 'esm', platform: 'neutral', mainFields: ['module', 'main'] }));
  jobs.push(esbuild.build({ ...common, entryPoints: [join(pub, 'src/index.ts')], outfile: join(pub, 'dist/index.cjs'), format: 'cjs', platform: 'neutral', mainFields: ['module', 'main'] }));
  const cli = join(root, 'packages/cli');
  jobs.push(esbuild.build({
    ...common, entryPoints: [join(cli, 'src/cli.ts')], outfile: join(cli, 'dist/cli.js'), format: 'esm', platform: 'node',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }));
  for (const extra of ['packages/language-server/build.ts', 'extension/build.ts', 'packages/cli/build.ts']) {
    const f = join(root, extra);
    if (existsSync(f)) jobs.push(import(f).then((m: { build: (root: string) => Promise<void> }) => m.build(root)));
  }
  await Promise.all(jobs);
}

generate();
if (!onlyGenerate) {
  mkdirSync(join(root, 'packages/replylint/dist'), { recursive: true });
  await bundle();
}
void statSync;
