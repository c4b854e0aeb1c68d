/**
 * Template branches: `{{#if}} … {{else}} … {{/if}}`, `{{#unless}}`, Mustache sections `{{#x}} … {{/x}}` with
 * their inverted `{{^x}} … {{/x}}`, Liquid `{% if %} … {% elsif %} … {% else %} … {% endif %}`, `{% unless %}`
 * and `{% case %} {% when %}`. Every branch is a range with the group id of its block; branches of one block
 * share the group. Text outside every branch of a block (before, after) is shared: the customer reads it in
 * every variant.
 *
 * For rule authors: a sentence in one branch never sees a sentence in a sibling branch (they are never sent
 * together). Use `sameBranchContext(doc, a, b)` before taking a reason or an alternative at offset b as
 * present for a problem at offset a, `branchOf(doc, offset)` for the branches around an offset, and
 * `contextSentences(doc, s, before, after)` for the neighbouring sentences the customer reads with `s`.
 */
import type { Doc } from '../doc.ts';
import type { Sentence } from '../types.ts';

export interface Branch { start: number; end: number; group: number }

/** A Handlebars/Mustache tag or a Liquid tag; the inside is parsed by the anchored expressions below. */
const TAG = /\{\{([^{}]{0,600})\}\}|\{%([^%{}]{0,600})%\}/g;
const HBS_BLOCK = /^([#^/])\s{0,20}([\w.-]{1,100})/;
const HBS_ELSE = /^else(?:\s|$)/;
const LIQUID_WORD = /^(if|unless|case|elsif|else|when|endif|endunless|endcase|for|endfor|tablerow|endtablerow)(?:\s|$)/;

const LOOPS = new Set(['each', 'with', 'for', 'tablerow', 'let', 'each-in']);

interface Open { kind: string; group: number; branchStart: number; branching: boolean }

/** Compute the branch ranges of a template (empty when it has no conditional blocks). */
export function findBranches(text: string): Branch[] {
  if (text.indexOf('{{') < 0 && text.indexOf('{%') < 0) return [];
  const out: Branch[] = [];
  const stack: Open[] = [];
  let groups = 0;
  const last: { closed: { kind: string; group: number; end: number } | null } = { closed: null };
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  const emit = (o: Open, to: number): void => {
    if (o.branching && o.branchStart >= 0 && to > o.branchStart) out.push({ start: o.branchStart, end: to, group: o.group });
  };
  const close = (kind: string, at: number, tagEnd: number): void => {
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k]!.kind !== kind) continue;
      while (stack.length > k) {
        const o = stack.pop()!;
        emit(o, at);
        last.closed = { kind: o.kind, group: o.group, end: tagEnd };
      }
      return;
    }
  };
  while ((m = TAG.exec(text))) {
    const at = m.index;
    const end = at + m[0].length;
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) {
      const inner = m[1].replace(/^~/, '').replace(/~$/, '').trim();
      const block = HBS_BLOCK.exec(inner);
      if (block) {
        const name = block[2]!;
        if (block[1] === '/') { close(name, at, end); continue; }
        const branching = !LOOPS.has(name);
        // a Mustache inverted section right after its section is the other branch of the same choice
        let group = ++groups;
        const lc = last.closed;
        if (block[1] === '^' && lc && lc.kind === name && /^\s*$/.test(text.slice(lc.end, at))) group = lc.group;
        stack.push({ kind: name, group, branchStart: end, branching });
      } else if (inner === '^' || HBS_ELSE.test(inner)) {
        // {{else}}, {{else if …}}, {{^}}
        if (top) { emit(top, at); top.branchStart = end; }
      }
      continue;
    }
    const word = LIQUID_WORD.exec(m[2]!.replace(/^-/, '').replace(/-$/, '').trim());
    if (!word) continue;
    const w = word[1]!;
    if (w === 'if' || w === 'unless' || w === 'case' || w === 'for' || w === 'tablerow') {
      stack.push({ kind: w, group: ++groups, branchStart: w === 'case' ? -1 : end, branching: w !== 'for' && w !== 'tablerow' });
    } else if (w === 'elsif' || w === 'else' || w === 'when') {
      if (top) { emit(top, at); top.branchStart = end; }
    } else {
      close(w.slice(3), at, end);
    }
  }
  while (stack.length) emit(stack.pop()!, text.length);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

type WithBranches = Pick<Doc, 'branches'>;

/** The branches that contain `offset`, outermost first. */
export function branchOf(doc: WithBranches, offset: number): Branch[] {
  const out: Branch[] = [];
  for (const br of doc.branches) if (offset >= br.start && offset < br.end) out.push(br);
  return out;
}

/**
 * Can the customer read the text at offsets `a` and `b` in the same message? False only when they lie in
 * different branches of the same block (if vs. else, two `when`s); shared text goes with every branch.
 */
export function sameBranchContext(doc: WithBranches, a: number, b: number): boolean {
  if (doc.branches.length === 0) return true;
  const ba = branchOf(doc, a);
  if (ba.length === 0) return true;
  const bb = branchOf(doc, b);
  for (const x of ba) for (const y of bb) if (x.group === y.group && (x.start !== y.start || x.end !== y.end)) return false;
  return true;
}

/**
 * The sentences read together with `s`: up to `before` sentences before and `after` after it (and `s`
 * itself), skipping sentences in sibling branches — the branch-aware version of a window over doc.sentences.
 */
export function contextSentences(doc: Pick<Doc, 'branches' | 'sentences'>, s: Sentence, before: number, after: number): Sentence[] {
  const list = doc.sentences;
  if (doc.branches.length === 0) return list.slice(Math.max(0, s.index - before), Math.min(list.length, s.index + after + 1));
  const prev: Sentence[] = [];
  for (let k = s.index - 1; k >= 0 && prev.length < before; k--) if (sameBranchContext(doc, s.start, list[k]!.start)) prev.unshift(list[k]!);
  const next: Sentence[] = [];
  for (let k = s.index + 1; k < list.length && next.length < after; k++) if (sameBranchContext(doc, s.start, list[k]!.start)) next.push(list[k]!);
  return [...prev, s, ...next];
}
