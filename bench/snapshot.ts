/**
 * Same findings before and after a speed change: lints every corpus entry (dev and holdout), the bench's 2 KB
 * replies and 2 MB of neutral prose in 2 KB slices with every rule on, straight from the sources, and compares
 * the findings (rule, range, message, suggestions) with a saved baseline.
 *
 *   tsx bench/snapshot.ts --save     write .tmp/snapshot/baseline.json (the texts and their findings)
 *   tsx bench/snapshot.ts            lint the baseline's texts again and compare; exit 1 and list the differences
 *
 * The baseline keeps its texts: `pnpm bench` rewrites .tmp/bench/inputs.json, and the corpus may change.
 *   tsx bench/snapshot.ts --rule=flat-no,dismissive   compare only these rules' findings
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../packages/replylint/src/index.ts';
import { loadCorpus } from '../scripts/eval.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.tmp/snapshot');
const file = process.env.SNAPSHOT_FILE ?? join(dir, 'baseline.json');

const save = process.argv.includes('--save');
interface Baseline { texts: Array<[string, string]>; findings: Record<string, string[]> }
const base: Baseline | null = !save && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Baseline) : null;
if (!save && !base?.texts) { console.error(`no baseline: run with --save first (${file})`); process.exit(2); }
const texts: Array<[string, string]> = base ? base.texts : [];
if (!base) for (const c of ['dev', 'holdout']) for (const e of loadCorpus(join(root, 'corpus', c))) texts.push([`${c}/${e.id}`, e.text]);
const inputs = join(root, '.tmp/bench/inputs.json');
if (!base && existsSync(inputs)) (JSON.parse(readFileSync(inputs, 'utf8')).replies2k as string[]).forEach((t, i) => texts.push([`bench/${i}`, t]));
const prose = join(root, '.tmp/prose/manpages-de.txt');
if (!base && existsSync(prose)) {
  const p = readFileSync(prose, 'utf8').slice(0, 2 << 20);
  for (let i = 0; i < p.length; i += 2048) texts.push([`prose/${i}`, p.slice(i, i + 2048)]);
}

const t0 = performance.now();
const result: Record<string, string[]> = {};
for (const [id, text] of texts) {
  const fs = lint(text, { config: { extends: 'replylint:all' }, format: 'text' });
  result[id] = fs.map((f) => JSON.stringify([f.ruleId, f.messageId, f.severity, f.start, f.end, f.message, f.suggestions, f.note ?? null, f.internal ?? false]));
}
const ms = performance.now() - t0;
const n = Object.values(result).reduce((a, b) => a + b.length, 0);
console.log(`${texts.length} texts, ${n} findings, ${(ms / 1000).toFixed(1)} s`);

if (!base) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify({ texts, findings: result } satisfies Baseline));
  console.log(`saved ${file}`);
} else {
  const only = process.argv.find((a) => a.startsWith('--rule='))?.slice(7).split(',');
  const keep = (x: string): boolean => !only || only.includes(JSON.parse(x)[0] as string);
  let diffs = 0;
  // a difference on a holdout entry is shown without its message, suggestions and note: they quote the entry's text,
  // and nobody tuning a rule may read the holdout (corpus/README.md)
  const show = (id: string, x: string): string => {
    if (!id.startsWith('holdout/')) return x;
    const [rule, messageId, , start, end] = JSON.parse(x) as [string, string, number, number, number];
    return `${rule} ${messageId} ${start}-${end} (holdout: text not shown)`;
  };
  for (const id of new Set([...Object.keys(base.findings), ...Object.keys(result)])) {
    const a = new Set((base.findings[id] ?? []).filter(keep)), b = new Set((result[id] ?? []).filter(keep));
    for (const x of a) if (!b.has(x)) { if (diffs++ < 40) console.log(`- ${id} ${show(id, x)}`); }
    for (const x of b) if (!a.has(x)) { if (diffs++ < 40) console.log(`+ ${id} ${show(id, x)}`); }
  }
  console.log(diffs ? `${diffs} differences` : 'identical to the baseline');
  process.exit(diffs ? 1 : 0);
}
