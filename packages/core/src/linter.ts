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
  const seg = segment(prepared.text);
  const doc: Doc = {
    // what the rules read: the source with everything that is not the agent's text blanked (same offsets)
    text: prepared.text,
    tokens: seg.tokens,
    sentences: seg.sentences,
    paragraphs: seg.paragraphs,
    // opaque spans are found on the cleaned text: map them back to offsets in the original
    opaque: seg.clean.map ? seg.opaque.map((o) => ({ ...o, start: seg.clean.map![o.start]!, end: seg.clean.map![o.end - 1]! + 1 })) : seg.opaque,
    lines: new LineIndex(text),
    format,
    branches: prepared.branches,
  };
  return { doc, excluded: prepared.excluded, prepared: prepared.text };
}

/** Lint a text with the given rules. Never throws for bad input; a rule that throws becomes one internal finding. */
export function lintText(text: string, options: LintOptions): LintResult {
  const known = new Map(options.rules.map((r) => [r.id, r]));
  const config = options.config ?? { rules: presetRules('replylint:recommended', known), allow: [], maxSize: DEFAULT_MAX_SIZE };
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
  const { doc, excluded, prepared } = buildDoc(text, options.format);
  // a range ending on a decoded entity (`&auml;` → `ä` + zero-width padding) ends after the whole entity
  const padEnd = prepared === text ? (e: number): number => e : (e: number): number => {
    while (e < text.length && prepared.charCodeAt(e) === 0x200b && text.charCodeAt(e) !== 0x200b) e++;
    return e;
  };
  const findings: Finding[] = [];
  const active: Array<{ rule: Rule; visitors: RuleVisitors; severity: 1 | 2 }> = [];
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

  for (const rule of options.rules) {
    const setting = config.rules.get(rule.id);
    if (!setting) continue;
    const severity = setting.severity;
    const report = (spec: ReportSpec<string>): void => {
      const template = (rule.meta.messages as Record<string, string>)[spec.messageId];
      if (template === undefined) throw new Error(`unbekannte messageId "${spec.messageId}"`);
      const start = Math.max(0, Math.min(spec.start, text.length));
      const end = padEnd(Math.max(start, Math.min(spec.end, text.length)));
      const a = doc.lines.position(start);
      const b = doc.lines.position(end);
      findings.push({
        ruleId: rule.id, messageId: spec.messageId, severity,
        message: formatMessage(template, prepared === text ? spec.data : visible(spec.data)),
        start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column,
        actual: text.slice(start, end),
        suggestions: (spec.suggestions ?? []).map((s) => ({ desc: s.desc, text: s.text, start: s.start ?? start, end: s.end === undefined ? end : padEnd(s.end), safe: s.safe ?? false })),
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

  const run = (fn: (v: RuleVisitors) => void): void => {
    for (const a of active) {
      if (failed.has(a.rule.id)) continue;
      try { fn(a.visitors); } catch (e) { fail(a.rule, e); }
    }
  };
  if (active.some((a) => a.visitors.sentence)) for (const s of doc.sentences) run((v) => v.sentence?.(s));
  if (active.some((a) => a.visitors.paragraph)) for (const p of doc.paragraphs) run((v) => v.paragraph?.(p));
  run((v) => v.reply?.(doc));

  return { findings: finish(findings, doc, config), excluded, doc };
}

/** Message data without the invisible padding of the prepared text (decoded entities, inline tags). */
function visible(data: Record<string, string | number> | undefined): Record<string, string | number> | undefined {
  if (!data) return data;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' ? v.replace(/[\u200b\u2060]/g, '') : v;
  return out;
}

function finish(findings: Finding[], doc: Doc, config: ResolvedConfig): Finding[] {
  const directives = findDirectives(doc.text, doc.opaque);
  const sup = buildSuppressor(directives, doc.lines);
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
  out.sort((x, y) => x.start - y.start || x.end - y.end || (x.ruleId ?? '').localeCompare(y.ruleId ?? '') || x.messageId.localeCompare(y.messageId));
  // drop exact duplicates (same rule, range and message)
  return out.filter((f, i) => {
    const p = out[i - 1];
    return !p || p.ruleId !== f.ruleId || p.start !== f.start || p.end !== f.end || p.message !== f.message;
  });
}
