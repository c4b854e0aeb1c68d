/**
 * Where replylint's time goes, rule by rule: CPU time per 2 KB reply with every rule off (the text model: format
 * detection, exclusions, parse-latin, normalisation, clauses), then with every rule on and with exactly one rule on; a rule's cost is the
 * difference. Run after `pnpm bench` has written .tmp/bench/inputs.json:
 *
 *   tsx bench/rules-cost.ts          the built bundle (run `pnpm build` first)
 *   tsx bench/rules-cost.ts --src    straight from the TypeScript sources (no build; for working on speed)
 *   --only=id,id  only these rules   --rounds=N  best of N rounds (default 5)
 */
import { pathToFileURL } from 'node:url';
import { readInputs } from './lib/inputs.ts';
import { REPLYLINT_DIST } from './lib/engines.ts';

const entry = process.argv.includes('--src') ? new URL('../packages/replylint/src/index.ts', import.meta.url).href : pathToFileURL(REPLYLINT_DIST).href;
const m = (await import(entry)) as {
  lint: (t: string, o?: unknown) => unknown[];
  rules: Array<{ id: string }>;
};
const docs = readInputs().replies2k;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const ids = m.rules.map((r) => r.id).filter((id) => !only || only.includes(id));
const config = (on: string[]): unknown => ({ extends: 'replylint:off', rules: Object.fromEntries(on.map((id) => [id, 'warn'])) });
const all = m.rules.map((r) => r.id);
// a rule's cost is measured alone (text model + that rule). Rules share work — the phrase candidates of a sentence
// are listed once for every phrase set, discourse facts are cached per sentence — so alone a rule also pays for what
// it shares, and the figures do not add up to the full run. (A rule's share of a full run, all rules minus all but
// it, was tried: it is the difference of two close figures and came out negative for a third of the rules.)
const cfgs = new Map<string, unknown>([
  ['(text model only)', config([])],
  ['(all rules)', config(all)],
  ...ids.map((id) => [id, config([id])] as [string, unknown]),
]);

function cpuPerDoc(cfg: unknown): number {
  const c0 = process.cpuUsage();
  for (const d of docs) m.lint(d, { config: cfg });
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / docs.length;
}
for (const cfg of cfgs.values()) for (let i = 0; i < 2; i++) cpuPerDoc(cfg); // warm every rule
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 5);
const best = new Map<string, number>();
for (let round = 0; round < ROUNDS; round++) for (const [k, cfg] of cfgs) best.set(k, Math.min(best.get(k) ?? Infinity, cpuPerDoc(cfg)));
const base = best.get('(text model only)')!;

console.log(`CPU per 2 KB reply (min of ${ROUNDS} rounds over ${docs.length} replies)`);
console.log(`${'(text model only)'.padEnd(26)} ${base.toFixed(3)} ms`);
console.log(`${'(all rules)'.padEnd(26)} ${best.get('(all rules)')!.toFixed(3)} ms`);
console.log('alone (text model + one rule; includes the work the rule shares with others in a full run):');
for (const id of ids.slice().sort((a, b) => best.get(b)! - best.get(a)!)) console.log(`${id.padEnd(26)} +${(best.get(id)! - base).toFixed(3)} ms`);
