/**
 * A textlint-rule-prh dictionary derived from replylint's own phrase data (rules/<id>/phrases.yml), so that the
 * textlint peer searches for a phrase set of similar size: each pattern becomes one case-insensitive regex
 * (`a|b` alternatives, `pre*` / `*suf` as word-character runs, `<lemma>` as the lemma's stem, gaps `...N` as up to N
 * words, word classes as any word). Written to .tmp/bench/prh.yml with a .textlintrc.json next to it.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { ROOT, TMP } from './inputs.ts';

export const PRH_RULES = 150;

function collectPatterns(node: unknown, out: string[]): void {
  if (Array.isArray(node)) for (const x of node) collectPatterns(x, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' || k === 'patterns') {
        for (const p of Array.isArray(v) ? v : [v]) if (typeof p === 'string') out.push(p);
      } else collectPatterns(v, out);
    }
  }
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const W = '[\\wäöüßÄÖÜ]';

function atom(a: string): string {
  if (a.startsWith('<') && a.endsWith('>')) {
    const lemma = a.slice(1, -1).replace('|', '');
    const stem = lemma.replace(/(?:en|n)$/, '');
    return `${W}*${esc(stem.slice(0, Math.max(3, stem.length - 1)))}${W}*`;
  }
  if (a.startsWith('@')) return `${W}+`;
  let r = esc(a.replace(/\*/g, '\u0000')).replace(/\u0000/g, `${W}*`);
  return r;
}

export function patternToRegex(src: string): string | null {
  const parts: string[] = [];
  for (const el of src.split(/\s+/).filter(Boolean)) {
    if (el === '^' || el === '$') continue;
    const gap = /^\.\.\.(\d*)$/.exec(el);
    if (gap) { parts.push(`(?:\\s+\\S+){0,${gap[1] ? Number(gap[1]) : 4}}`); continue; }
    const optional = el.endsWith('?') && el.length > 1;
    const body = optional ? el.slice(0, -1) : el;
    const alts = body.split(/\|(?![^<]*>)/).map(atom);
    const g = alts.length > 1 ? `(?:${alts.join('|')})` : alts[0]!;
    parts.push(optional ? `(?:${g}\\s+)?` : g);
  }
  if (!parts.length) return null;
  let re = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (i === 0) re = p;
    else if (p.startsWith('(?:\\s+') || parts[i - 1]!.endsWith('\\s+)?')) re += p;
    else re += `\\s+${p}`;
  }
  try { new RegExp(re, 'giu'); } catch { return null; }
  return re;
}

/** Writes prh.yml and .textlintrc.json; returns the rc path and the rule count. */
export function writePrh(): { rc: string; yml: string; count: number } {
  mkdirSync(TMP, { recursive: true });
  const rulesDir = join(ROOT, 'rules');
  // round-robin over the rules, so that every rule's vocabulary is represented
  const perRule: string[][] = [];
  for (const id of readdirSync(rulesDir).sort()) {
    const f = join(rulesDir, id, 'phrases.yml');
    const list: string[] = [];
    if (existsSync(f)) collectPatterns(YAML.parse(readFileSync(f, 'utf8')), list);
    if (list.length) perRule.push(list);
  }
  const patterns: string[] = [];
  for (let i = 0; perRule.some((l) => i < l.length); i++) for (const l of perRule) if (i < l.length) patterns.push(l[i]!);
  const seen = new Set<string>();
  const rules: Array<{ expected: string; pattern: string }> = [];
  for (const p of patterns) {
    const re = patternToRegex(p);
    if (!re || seen.has(re)) continue;
    seen.add(re);
    rules.push({ expected: `[replylint: ${p.slice(0, 40)}]`, pattern: `/${re}/i` });
    if (rules.length >= PRH_RULES) break;
  }
  const yml = join(TMP, 'prh.yml');
  writeFileSync(yml, YAML.stringify({ version: 1, rules }));
  const rc = join(TMP, '.textlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: { prh: { rulePaths: [yml] } } }, null, 2));
  return { rc, yml, count: rules.length };
}
