/**
 * pnpm eval — how good is replylint's judgement?
 *
 * For every rule: precision, recall and F1 on the labeled development corpus (corpus/dev) and, separately, on
 * the holdout corpus (corpus/holdout, never used for tuning); then findings per 10,000 words on neutral German
 * prose (Debian's manpages-de, see scripts/prose.ts).
 *
 * A finding is a true positive when its rule matches a label of the entry and its range overlaps an occurrence
 * of the label's span; otherwise a false positive. A label without such a finding is a false negative.
 *
 *   pnpm eval                       the table
 *   pnpm eval --rule flat-no --show fp,fn   list the misses of one rule (with text)
 *   pnpm eval --json                machine-readable
 *   pnpm eval --check               exit 1 when a target is missed
 *   pnpm eval --no-prose            skip the prose measurement
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { lint, rules, type Finding } from '../packages/replylint/src/index.ts';
import { proseText } from './prose.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORE = new Set(['flat-no', 'paragraph-hiding', 'blame-shifting', 'missing-alternative']);
const ALL_ON = { extends: 'replylint:all' } as const;

export interface Entry { id: string; text: string; expect: Array<{ rule: string; span: string }>; file: string }
export interface Counts { tp: number; fp: number; fn: number }
export interface Miss { kind: 'fp' | 'fn'; rule: string; entry: Entry; detail: string }

export function loadCorpus(dir: string): Entry[] {
  const out: Entry[] = [];
  let files: string[] = [];
  try { files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort(); } catch { return out; }
  for (const f of files) {
    const list = YAML.parse(readFileSync(join(dir, f), 'utf8')) as Array<Omit<Entry, 'file'>>;
    for (const e of list ?? []) out.push({ ...e, expect: e.expect ?? [], file: basename(f) });
  }
  return out;
}

function occurrences(text: string, span: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!span) return out;
  let i = text.indexOf(span);
  while (i >= 0) { out.push([i, i + span.length]); i = text.indexOf(span, i + 1); }
  return out;
}

export function score(entries: Entry[], ruleIds: Set<string>): { counts: Map<string, Counts>; misses: Miss[] } {
  const counts = new Map<string, Counts>([...ruleIds].map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Miss[] = [];
  for (const e of entries) {
    const findings: Finding[] = lint(e.text, { config: ALL_ON, format: 'text' }).filter((f) => f.ruleId && ruleIds.has(f.ruleId));
    const used = new Set<Finding>();
    for (const label of e.expect) {
      if (!ruleIds.has(label.rule)) continue;
      const occ = occurrences(e.text, label.span);
      const hit = findings.find((f) => f.ruleId === label.rule && !used.has(f) && occ.some(([a, b]) => f.start < b && f.end > a));
      const c = counts.get(label.rule)!;
      if (hit) { c.tp++; used.add(hit); } else { c.fn++; misses.push({ kind: 'fn', rule: label.rule, entry: e, detail: label.span }); }
    }
    for (const f of findings) {
      if (used.has(f)) continue;
      // a second finding on an already matched label span is not a new false alarm
      const dup = e.expect.some((l) => l.rule === f.ruleId && occurrences(e.text, l.span).some(([a, b]) => f.start < b && f.end > a));
      if (dup) continue;
      counts.get(f.ruleId!)!.fp++;
      misses.push({ kind: 'fp', rule: f.ruleId!, entry: e, detail: f.actual });
    }
  }
  return { counts, misses };
}

const prf = (c: Counts): { p: number; r: number; f: number } => {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

function proseRates(ruleIds: Set<string>): { words: number; perRule: Map<string, number>; examples: Map<string, string[]>; seconds: number } {
  const text = proseText();
  const paragraphs = text.split(/\n{2,}/);
  const perRule = new Map<string, number>([...ruleIds].map((r) => [r, 0]));
  const examples = new Map<string, string[]>();
  let words = 0;
  const t0 = performance.now();
  // lint in chunks of ~8 KB at paragraph boundaries, as replies are linted
  let chunk: string[] = [];
  let size = 0;
  const run = (): void => {
    if (!chunk.length) return;
    const t = chunk.join('\n\n');
    for (const f of lint(t, { config: ALL_ON, format: 'text' })) {
      if (!f.ruleId || !ruleIds.has(f.ruleId)) continue;
      perRule.set(f.ruleId, perRule.get(f.ruleId)! + 1);
      const ex = examples.get(f.ruleId) ?? [];
      if (ex.length < 5) ex.push(f.actual.slice(0, 160));
      examples.set(f.ruleId, ex);
    }
    chunk = [];
    size = 0;
  };
  for (const p of paragraphs) {
    words += p.split(/\s+/).filter(Boolean).length;
    chunk.push(p);
    size += p.length;
    if (size > 8000) run();
  }
  run();
  return { words, perRule, examples, seconds: (performance.now() - t0) / 1000 };
}

function main(): void {
  const { values } = parseArgs({ options: {
    rule: { type: 'string', multiple: true }, show: { type: 'string' }, json: { type: 'boolean' }, check: { type: 'boolean' },
    'no-prose': { type: 'boolean' }, holdout: { type: 'boolean' },
  } });
  const implemented = new Set(rules.map((r) => r.id));
  const selected = new Set(values.rule?.length ? values.rule : [...implemented]);
  for (const r of selected) if (!implemented.has(r)) { console.error(`eval: unbekannte Regel "${r}"`); process.exit(2); }
  const dev = loadCorpus(join(root, 'corpus/dev'));
  const holdout = loadCorpus(join(root, 'corpus/holdout'));
  const d = score(dev, selected);
  const h = score(holdout, selected);
  const prose = values['no-prose'] ? null : proseRates(selected);

  const rows = [...selected].sort().map((id) => {
    const core = CORE.has(id);
    const target = core ? { p: 0.95, r: 0.9 } : { p: 0.9, r: 0.8 };
    const dv = prf(d.counts.get(id)!);
    const hv = prf(h.counts.get(id)!);
    const per10k = prose ? (prose.perRule.get(id)! / prose.words) * 10000 : null;
    const ok = dv.p >= target.p && dv.r >= target.r;
    return { id, core, target, dev: { ...d.counts.get(id)!, ...dv }, holdout: { ...h.counts.get(id)!, ...hv }, prosePer10k: per10k, ok };
  });
  const coreProse = prose ? ([...CORE].filter((r) => selected.has(r)).reduce((n, r) => n + prose.perRule.get(r)!, 0) / prose.words) * 10000 : null;
  const allProse = prose ? ([...selected].reduce((n, r) => n + prose.perRule.get(r)!, 0) / prose.words) * 10000 : null;

  if (values.json) {
    console.log(JSON.stringify({ entries: { dev: dev.length, holdout: holdout.length }, rows, prose: prose && { words: prose.words, core: coreProse, all: allProse, seconds: prose.seconds } }, null, 2));
  } else {
    const pct = (x: number): string => x.toFixed(2);
    console.log(`Korpus: ${dev.length} Entwicklungs-Einträge (${dev.filter((e) => e.expect.length === 0).length} sauber), ${holdout.length} Holdout-Einträge`);
    console.log('');
    console.log('Regel                     Ziel P/R   | Dev  P    R    F1   (TP/FP/FN)   | Holdout P  R    F1   (TP/FP/FN)   | Prosa/10k Wörter');
    for (const r of rows) {
      const dv = r.dev, hv = r.holdout;
      console.log(
        `${(r.ok ? '✔ ' : '✘ ') + r.id.padEnd(24)}${`${r.target.p}/${r.target.r}`.padEnd(11)}| ${pct(dv.p)} ${pct(dv.r)} ${pct(dv.f)} ${`(${dv.tp}/${dv.fp}/${dv.fn})`.padEnd(13)}| ${pct(hv.p)} ${pct(hv.r)} ${pct(hv.f)} ${`(${hv.tp}/${hv.fp}/${hv.fn})`.padEnd(13)}| ${r.prosePer10k === null ? '–' : r.prosePer10k.toFixed(2)}`,
      );
    }
    if (prose) {
      console.log('');
      console.log(`Neutrale Prosa (manpages-de): ${prose.words} Wörter in ${prose.seconds.toFixed(1)} s — Kernregeln ${coreProse!.toFixed(2)} / 10k Wörter (Ziel ≤ 1), alle Regeln ${allProse!.toFixed(2)} / 10k Wörter (Ziel ≤ 2)`);
      for (const [id, ex] of prose.examples) for (const x of ex) console.log(`  Prosa ${id}: ${JSON.stringify(x)}`);
    }
  }
  if (values.show) {
    const kinds = new Set(values.show.split(','));
    const list = [...d.misses, ...(values.holdout ? h.misses : [])].filter((m) => kinds.has(m.kind));
    for (const m of list) {
      console.log(`\n--- ${m.kind.toUpperCase()} ${m.rule} ${m.entry.id} (${m.entry.file}): ${JSON.stringify(m.detail)}`);
      console.log(m.entry.text.trimEnd().split('\n').map((l) => '    ' + l).join('\n'));
      console.log(`    labels: ${JSON.stringify(m.entry.expect.map((x) => `${x.rule}: ${x.span}`))}`);
    }
  }
  if (values.check) {
    const failed = rows.filter((r) => !r.ok).map((r) => r.id);
    const proseFail = coreProse !== null && (coreProse > 1 || allProse! > 2);
    if (failed.length || proseFail) { console.error(`eval: Ziele verfehlt: ${[...failed, ...(proseFail ? ['prose'] : [])].join(', ')}`); process.exit(1); }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
