/**
 * One way to declare a rule: `defineRule({ id, meta, create })`. The doc URL comes from the id; message ids
 * are type-checked (a mistyped id does not compile); rules report message ids plus data, never raw prose.
 */
import type { Doc } from './doc.ts';
import type { Paragraph, Sentence } from './types.ts';

export type SeverityName = 'off' | 'warn' | 'error';
export type RuleType = 'problem' | 'suggestion';
/** The unit a rule looks at (Vale's `scope`, Harper's `Unit`). */
export type RuleUnit = 'sentence' | 'paragraph' | 'reply';

export interface OptionSpec {
  type: 'boolean' | 'number' | 'string' | 'string[]';
  default: unknown;
  description: string;
}

export interface RuleMeta<M extends string> {
  type: RuleType;
  /** German, imperative, one line ("Meldet Absagen ohne Begründung …"). Must match the docs' front matter. */
  description: string;
  /** Default severity in the recommended preset. */
  severity: Exclude<SeverityName, 'off'>;
  unit: RuleUnit;
  /** German message templates with `{{placeholders}}`. */
  messages: Record<M, string>;
  /** The rule offers suggestions that are safe to apply automatically with --fix. */
  fixable?: boolean;
  options?: Record<string, OptionSpec>;
}

export interface SuggestionSpec {
  /** German label for the suggestion ("Ersetzen durch …"). */
  desc: string;
  /** Replacement text for the range (defaults to the report's range). */
  text: string;
  start?: number;
  end?: number;
  /** Safe to apply without reading (used by --fix). */
  safe?: boolean;
}

export interface ReportSpec<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  /** Original-text offsets (UTF-16). */
  start: number;
  end: number;
  suggestions?: SuggestionSpec[];
  /** Short German note: why it hurts, what to do instead (shown on hover). */
  note?: string;
}

export interface RuleContext<M extends string> {
  readonly id: string;
  readonly doc: Doc;
  readonly options: Readonly<Record<string, unknown>>;
  report(spec: ReportSpec<M>): void;
}

export interface RuleVisitors {
  sentence?(s: Sentence): void;
  paragraph?(p: Paragraph): void;
  reply?(doc: Doc): void;
}

export interface RuleDefinition<M extends string> {
  id: string;
  meta: RuleMeta<M>;
  create(ctx: RuleContext<M>): RuleVisitors;
}

export interface Rule<M extends string = string> extends RuleDefinition<M> {
  url: string;
}

export const DOCS_BASE = 'https://github.com/replylint/replylint/blob/main/rules/';

export function ruleUrl(id: string): string {
  return `${DOCS_BASE}${id}/docs.md`;
}

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function defineRule<M extends string>(def: RuleDefinition<M>): Rule<M> {
  if (!ID.test(def.id)) throw new Error(`Regel-ID "${def.id}" muss kebab-case sein`);
  return { ...def, url: ruleUrl(def.id) };
}

/** Fill `{{name}}` placeholders. A placeholder without data is a bug in the rule: it throws. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  const parts = templateParts(template);
  if (parts.length === 1) return parts[0]!;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    if (!data || !(k in data)) throw new Error(`Platzhalter {{${k}}} der Meldung ohne Daten`);
    out += String(data[k]) + parts[i + 1]!;
  }
  return out;
}

/** A message template split once into text, name, text, name, … (a rule reports the same few messages often). */
const templates = new Map<string, string[]>();
function templateParts(template: string): string[] {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/);
    if (templates.size < 10_000) templates.set(template, parts);
  }
  return parts;
}

/** White space that folding changes: anything but a single space. */
const SPACE_TO_FOLD = /[^\S ]|  /;
const SNIPPET_TRAILING = new Set(['.', '!', '…', ' ', '\t', '\n', '\r', '\u00A0']);

/**
 * The text a message quotes: white space folded, trailing sentence punctuation removed, cut to `max`
 * characters with an ellipsis. Linear, whatever the input.
 */
export function snippet(text: string, max = 60): string {
  let t = SPACE_TO_FOLD.test(text) ? text.replace(/\s+/g, ' ') : text;
  let e = t.length;
  while (e > 0 && SNIPPET_TRAILING.has(t[e - 1]!)) e--;
  t = t.slice(0, e);
  return t.length > max ? t.slice(0, max - 3) + '…' : t;
}
