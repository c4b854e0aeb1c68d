/** The runner: text in, findings out. Pure — no fs, no process, no vscode. */
import { segment } from './segment.ts';
import { LineIndex } from './lines.ts';
import { findDirectives, buildSuppressor } from './directives.ts';
import { prepare, type Excluded, type FormatName } from './formats/index.ts';
import { fold } from './normalize.ts';
import { DEFAULT_MAX_SIZE, presetRules, type ResolvedConfig } from './config.ts';
import { formatMessage, type ReportSpec, type Rule, type RuleVisitors } from './rule.ts';
import type { Doc } from './doc.ts';

export interface Suggestion {
  desc: string;
  /** UTF-16 range in the original text and the replacement text. */
  start: number;
  end: number;
  text: string;
  safe: boolean;
}

export interface Finding {
  /** Rule id; `null` for fatal problems with the input itself (too large). */
  ruleId: string | null;
  messageId: string;
  /** 1 = warning, 2 = error (ESLint's numbers). */
  severity: 1 | 2;
  /** German message. */
  message: string;
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
  /** 1-based; columns count UTF-16 code units (as LSP and VS Code do). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text at the range. */
  actual: string;
  suggestions: Suggestion[];
  note?: string;
  /** Link to the rule's documentation. */
  url?: string;
  /** The rule threw: this finding reports the internal error instead of a result. */
  internal?: boolean;
  fatal?: boolean;
}

export interface LintOptions {
  rules: readonly Rule[];
  config?: ResolvedConfig;
  format?: FormatName;
}

export interface LintResult {
  findings: Finding[];
  /** Parts of the input that were not linted (quotes, signatures, markup) — for --debug output. */
  excluded: Excluded[];
  /** The segmented document (for debugging and editor features). */
  doc: Doc | null;
}

function byteLength(text: string): number {
  // UTF-8 length without allocating
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

export function buildDoc(text: string, format: FormatName = 'text'): { doc: Doc; excluded: Excluded[]; prepared: string } {
  const prepared = prepare(text, format);
  return { doc: docOf(prepared.text, new LineIndex(text), format, prepared.branches), excluded: prepared.excluded, prepared: prepared.text };
}

function docOf(text: string, lines: LineIndex, format: FormatName, branches: Doc['branches']): Doc {
  const seg = segment(text);
  return {
    // what the rules read: the source with everything that is not the agent's text blanked (same offsets)
    text,
    tokens: seg.tokens,
    sentences: seg.sentences,
    paragraphs: seg.paragraphs,
    // opaque spans are found on the cleaned text: map them back to offsets in the original
    opaque: seg.clean.map ? seg.opaque.map((o) => ({ ...o, start: seg.clean.map![o.start]!, end: seg.clean.map![o.end - 1]! + 1 })) : seg.opaque,
    lines,
    format,
    branches,
    memo: [],
  };
}

/**
 * Very large documents are linted in sections. Nobody sends a reply of 128 KB; such a text is a collection (an
 * export of many replies, a template catalogue), and linting it as one reply makes every reply-level judgement
 * ("is there a way forward anywhere?", "which address form does the reply use?") span hundreds of replies, while
 * the whole token model stays in memory at once. Above SECTION_THRESHOLD characters the prepared text is cut into
 * sections of about SECTION_SIZE, each at a blank line (else a line break, else a space after a full stop, else
 * any white space), and each section is linted as its own reply; findings keep offsets into the whole text.
 */
export const SECTION_THRESHOLD = 128 * 1024;
export const SECTION_SIZE = 32 * 1024;

/** Section boundaries [start, end) of a prepared text (one section when it is not above the threshold). */
export function sections(text: string): Array<[number, number]> {
  if (text.length <= SECTION_THRESHOLD) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let from = 0;
  while (from < text.length) {
    let to = text.length;
    if (text.length - from > SECTION_SIZE + SECTION_SIZE / 2) {
      const want = from + SECTION_SIZE;
      const limit = want + SECTION_SIZE / 2;
      to = cutAt(text, want, limit, /\n[ \t]*\n/) ?? cutAt(text, want, limit, /\n/) ?? cutAt(text, want, limit, /[.!?][ \t]+/) ?? cutAt(text, want, limit, /\s/) ?? want;
      // never cut a surrogate pair
      if (to < text.length && (text.charCodeAt(to) & 0xfc00) === 0xdc00) to++;
    }
    out.push([from, to]);
    from = to;
  }
  return out;
}

/**
 * The offset just after the first match of `re` at or after `from` that ends before `limit`, or null. Searches only
 * that window: a search over the rest of the text for every section would be quadratic on a text without breaks.
 */
function cutAt(text: string, from: number, limit: number, re: RegExp): number | null {
  const m = re.exec(text.slice(from, limit));
  return m ? from + m.index + m[0].length : null;
}

/** Lint a text with the given rules. Never throws for bad input; a rule that throws becomes one internal finding. */
export function lintText(text: string, options: LintOptions): LintResult {
  // the map of rules by id only serves the default config: not built on every call with a config
  const config = options.config ?? { rules: presetRules('replylint:recommended', new Map(options.rules.map((r) => [r.id, r]))), allow: [], maxSize: DEFAULT_MAX_SIZE };
  const size = text.length > config.maxSize / 4 ? byteLength(text) : text.length;
  if (size > config.maxSize) {
    const lines = new LineIndex(text);
    const end = lines.position(text.length);
    return {
      findings: [{
        ruleId: null, messageId: 'tooLarge', severity: 2, fatal: true,
        message: `Text zu groß: ${size} Bytes, Grenze ${config.maxSize} Bytes (Einstellung "maxSize"). Nichts wurde geprüft.`,
        start: 0, end: text.length, line: 1, column: 1, endLine: end.line, endColumn: end.column, actual: '', suggestions: [],
      }],
      excluded: [],
      doc: null,
    };
  }
  const format = options.format ?? 'text';
  const prep = prepare(text, format);
  const prepared = prep.text;
  const lines = new LineIndex(text);
  // a range ending on a decoded entity (`&auml;` → `ä` + zero-width padding) ends after the whole entity
  const padEnd = prepared === text ? (e: number): number => e : (e: number): number => {
    while (e < text.length && prepared.charCodeAt(e) === 0x200b && text.charCodeAt(e) !== 0x200b) e++;
    return e;
  };
  const findings: Finding[] = [];
  const failed = new Set<string>();

  const fail = (rule: Rule, err: unknown): void => {
    if (failed.has(rule.id)) return;
    failed.add(rule.id);
    const msg = err instanceof Error ? err.message : String(err);
    findings.push({
      ruleId: rule.id, messageId: 'internalError', severity: 2, internal: true,
      message: `Interner Fehler in Regel "${rule.id}": ${msg}. Die übrigen Regeln wurden geprüft.`,
      start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1, actual: '', suggestions: [], url: rule.url,
    });
  };

  /** Run the rules over one document; `base` is its offset in the whole text. */
  const lintDoc = (doc: Doc, base: number): void => {
    const active: Array<{ rule: Rule; visitors: RuleVisitors; severity: 1 | 2 }> = [];
    for (const rule of options.rules) {
      const setting = config.rules.get(rule.id);
      if (!setting || failed.has(rule.id)) continue;
      const severity = setting.severity;
      const report = (spec: ReportSpec<string>): void => {
        const template = (rule.meta.messages as Record<string, string>)[spec.messageId];
        if (template === undefined) throw new Error(`unbekannte messageId "${spec.messageId}"`);
        const start = Math.max(0, Math.min(spec.start + base, text.length));
        const end = padEnd(Math.max(start, Math.min(spec.end + base, text.length)));
        const a = lines.position(start);
        const b = lines.position(end);
        findings.push({
          ruleId: rule.id, messageId: spec.messageId, severity,
          message: formatMessage(template, prepared === text ? spec.data : visible(spec.data)),
          start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column,
          actual: text.slice(start, end),
          suggestions: (spec.suggestions ?? []).map((s) => ({
            desc: s.desc, text: s.text,
            start: s.start === undefined ? start : s.start + base,
            end: s.end === undefined ? end : padEnd(s.end + base),
            safe: s.safe ?? false,
          })),
          ...(spec.note ? { note: spec.note } : {}),
          url: rule.url,
        });
      };
      try {
        const visitors = rule.create({ id: rule.id, doc, options: setting.options, report });
        active.push({ rule, visitors, severity });
      } catch (e) {
        fail(rule, e);
      }
    }
    // sentence visitors: the rules that have one, each sentence in turn (a rule that throws is dropped)
    const bySentence = active.filter((a) => a.visitors.sentence);
    for (const s of doc.sentences) {
      for (let k = 0; k < bySentence.length; k++) {
        const a = bySentence[k]!;
        if (failed.size && failed.has(a.rule.id)) continue;
        try { a.visitors.sentence!(s); } catch (e) { fail(a.rule, e); }
      }
    }
    // paragraph visitors likewise: only the rules that have one, not a closure and a look-up per rule and paragraph
    const byParagraph = active.filter((a) => a.visitors.paragraph);
    if (byParagraph.length) {
      for (const p of doc.paragraphs) {
        for (let k = 0; k < byParagraph.length; k++) {
          const a = byParagraph[k]!;
          if (failed.size && failed.has(a.rule.id)) continue;
          try { a.visitors.paragraph!(p); } catch (e) { fail(a.rule, e); }
        }
      }
    }
    for (let k = 0; k < active.length; k++) {
      const a = active[k]!;
      if (failed.size && failed.has(a.rule.id)) continue;
      try { a.visitors.reply?.(doc); } catch (e) { fail(a.rule, e); }
    }
  };

  const parts = sections(prepared);
  if (parts.length === 1) {
    const doc = docOf(prepared, lines, format, prep.branches);
    lintDoc(doc, 0);
    return { findings: finish(findings, prepared, doc.opaque, lines, config), excluded: prep.excluded, doc };
  }
  // sections: each is a document of its own (local offsets, its own lines) and is dropped after linting
  const opaque: Array<Doc['opaque'][number]> = [];
  for (const [a, b] of parts) {
    const branches = prep.branches.filter((br) => br.start < b && br.end > a).map((br) => ({ ...br, start: Math.max(0, br.start - a), end: Math.min(b, br.end) - a }));
    const doc = docOf(prepared.slice(a, b), new LineIndex(text.slice(a, b)), format, branches);
    lintDoc(doc, a);
    for (const o of doc.opaque) opaque.push({ ...o, start: o.start + a, end: o.end + a });
  }
  return { findings: finish(findings, prepared, opaque, lines, config), excluded: prep.excluded, doc: null };
}

/**
 * Rule and message ids in the order `localeCompare` gives them (letters case-insensitively first, lower case
 * before upper case) without loading the ICU collator, which costs ≈ 10 ms on the first call of a process.
 */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.toLowerCase(), lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? 1 : -1;
}

/** Message data without the invisible padding of the prepared text (decoded entities, inline tags). */
function visible(data: Record<string, string | number> | undefined): Record<string, string | number> | undefined {
  if (!data) return data;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' ? v.replace(/[\u200b\u2060]/g, '') : v;
  return out;
}

function finish(findings: Finding[], text: string, opaque: Doc['opaque'], lines: LineIndex, config: ResolvedConfig): Finding[] {
  const directives = findDirectives(text, opaque);
  const sup = buildSuppressor(directives, lines);
  const allow = config.allow.map(fold);
  const out = findings.filter((f) => {
    if (f.internal || f.ruleId === null) return true;
    if (sup.suppressed(f.ruleId, f.start)) return false;
    if (allow.length) {
      const a = fold(f.actual);
      if (allow.some((p) => p && a.includes(p))) return false;
    }
    return true;
  });
  out.sort((x, y) => x.start - y.start || x.end - y.end || compareIds(x.ruleId ?? '', y.ruleId ?? '') || compareIds(x.messageId, y.messageId));
  // drop exact duplicates (same rule, range and message)
  return out.filter((f, i) => {
    const p = out[i - 1];
    return !p || p.ruleId !== f.ruleId || p.start !== f.start || p.end !== f.end || p.message !== f.message;
  });
}
