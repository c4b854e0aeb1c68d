/**
 * The declarative phrase layer: a rule's `phrases.yml` is compiled (by `scripts/build.mjs`) into a data module;
 * `PhraseSet` compiles the patterns once, indexes them by the rarest required word and finds every entry
 * that matches a sentence.
 */
import { compilePattern, matchPattern, PatternError, type CompiledPattern, type PatternMatch } from './pattern.ts';
import type { Sentence } from './types.ts';

export interface PhraseEntry {
  /** One pattern or several alternatives (see pattern.ts for the syntax). */
  pattern: string | readonly string[];
  /** Sub-id of the entry (used in messages, notes and the generated docs). */
  id?: string;
  /** Message id of the rule to report with. */
  message?: string;
  /** Suggested replacement text for the matched range. */
  replace?: string;
  /** Short German note: why it hurts and what to write instead. */
  note?: string;
  /** Entries may carry further rule-specific data. */
  [key: string]: unknown;
}

export interface PhraseHit<P extends PhraseEntry> {
  entry: P;
  match: PatternMatch;
  pattern: CompiledPattern;
}

export class PhraseSet<P extends PhraseEntry = PhraseEntry> {
  private compiled: Array<{ entry: P; entryIndex: number; pattern: CompiledPattern; required: Array<Set<string>> | null }> | null = null;
  private index = new Map<string, number[]>();
  private always: number[] = [];
  private stamp: Uint32Array = new Uint32Array(0);
  private entryStamp: Uint32Array = new Uint32Array(0);
  private round = 0;

  constructor(readonly entries: readonly P[], readonly name = 'phrases') {}

  private compile(): Array<{ entry: P; entryIndex: number; pattern: CompiledPattern; required: Array<Set<string>> | null }> {
    if (this.compiled) return this.compiled;
    const list: Array<{ entry: P; entryIndex: number; pattern: CompiledPattern; required: Array<Set<string>> | null }> = [];
    for (const [entryIndex, entry] of this.entries.entries()) {
      const sources = typeof entry.pattern === 'string' ? [entry.pattern] : entry.pattern;
      for (const src of sources) {
        try {
          const pattern = compilePattern(src);
          list.push({ entry, entryIndex, pattern, required: requiredWords(pattern) });
        } catch (e) {
          throw new PatternError(`${this.name}: ${(e as Error).message} (in "${src}")`);
        }
      }
    }
    list.forEach((c, i) => {
      if (!c.pattern.keys) { this.always.push(i); return; }
      for (const k of c.pattern.keys) {
        const arr = this.index.get(k);
        if (arr) arr.push(i); else this.index.set(k, [i]);
      }
    });
    this.stamp = new Uint32Array(list.length);
    this.entryStamp = new Uint32Array(this.entries.length);
    this.compiled = list;
    return list;
  }

  /** Every entry matching the sentence (first match per pattern; one hit per entry). */
  match(sentence: Sentence): Array<PhraseHit<P>> {
    const list = this.compile();
    const round = ++this.round;
    const cand: number[] = this.always.length ? this.always.slice() : [];
    for (const t of sentence.items) {
      const arr = this.index.get(t.norm);
      if (!arr) continue;
      for (const i of arr) if (this.stamp[i] !== round) { this.stamp[i] = round; cand.push(i); }
    }
    if (cand.length === 0) return [];
    if (cand.length > 1) cand.sort((a, b) => a - b);
    const hits: Array<PhraseHit<P>> = [];
    for (const i of cand) {
      const c = list[i]!;
      if (this.entryStamp[c.entryIndex] === round) continue;
      if (c.required && !hasAll(c.required, sentence)) continue;
      const m = matchPattern(c.pattern, sentence);
      if (m) { hits.push({ entry: c.entry, match: m, pattern: c.pattern }); this.entryStamp[c.entryIndex] = round; }
    }
    return hits;
  }

  /** Does any entry match? */
  test(sentence: Sentence): boolean {
    return this.match(sentence).length > 0;
  }

  /** Compile every pattern now (throws PatternError on bad data); used by the build and the tests. */
  validate(): void {
    this.compile();
  }
}

/**
 * The exact-word sets of a pattern's required closed elements other than its index key set, smallest first (null:
 * none). A match consumes one token of each, so a sentence lacking a word of one of them cannot match: checking
 * that with a few set look-ups spares the backtracking matcher at every start position for most candidates.
 */
function requiredWords(p: CompiledPattern): Array<Set<string>> | null {
  const sets: Array<Set<string>> = [];
  for (const e of p.elems) {
    if (e.kind === 'tok' && !e.optional && e.keys && e.keys !== p.keys && !sets.includes(e.keys)) sets.push(e.keys);
  }
  sets.sort((a, b) => a.size - b.size);
  return sets.length ? sets : null;
}

function hasAll(sets: Array<Set<string>>, sentence: Sentence): boolean {
  const items = sentence.items;
  for (const set of sets) {
    let found = false;
    for (let i = 0; i < items.length; i++) if (set.has(items[i]!.norm)) { found = true; break; }
    if (!found) return false;
  }
  return true;
}
