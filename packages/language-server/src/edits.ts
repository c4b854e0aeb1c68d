/**
 * Edits to the workspace config behind the quick fixes "Regel im Workspace ausschalten" and "Formulierung im
 * Workspace erlauben". JSON (also the `replylint` key of package.json) is edited with jsonc-parser and YAML with
 * the yaml Document API, so formatting and comments of the rest of the file stay as they were.
 */
import { basename } from 'node:path';
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { parseDocument, isSeq } from 'yaml';

export type ConfigEdit = { kind: 'disableRule'; ruleId: string } | { kind: 'allow'; phrase: string };

function detectIndent(text: string): FormattingOptions {
  const m = /\n([ \t]+)\S/.exec(text);
  const ws = m?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return ws.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: ws.length || 2, eol };
}

/** The new text of a config file (`text` null: the file does not exist yet). */
export function editConfigText(path: string, text: string | null, edit: ConfigEdit): string {
  const name = basename(path);
  if (/\.ya?ml$/i.test(name)) {
    const doc = parseDocument(text ?? '');
    if (doc.errors.length) throw new Error(`${path}: ungültiges YAML, bitte zuerst korrigieren`);
    if (doc.contents === null) doc.contents = doc.createNode({}) as never;
    if (edit.kind === 'disableRule') doc.setIn(['rules', edit.ruleId], 'off');
    else {
      const list = doc.getIn(['allow']);
      const has = isSeq(list) && list.items.some((i) => String((i as { value?: unknown }).value ?? i) === edit.phrase);
      if (!has) {
        if (isSeq(list)) list.add(doc.createNode(edit.phrase));
        else doc.setIn(['allow'], doc.createNode([edit.phrase]));
      }
    }
    return String(doc);
  }
  const prefix = name === 'package.json' ? ['replylint'] : [];
  let src = text && text.trim() ? text : '{}\n';
  let value: Record<string, unknown> | undefined;
  try { value = JSON.parse(src.replace(/^\ufeff/, '')) as Record<string, unknown>; } catch { value = undefined; }
  if (value === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: ungültiges JSON, bitte zuerst korrigieren`);
  const formattingOptions = detectIndent(src);
  const root = (prefix.length ? value.replylint : value) as Record<string, unknown> | undefined;
  if (edit.kind === 'disableRule') {
    src = applyEdits(src, modify(src, [...prefix, 'rules', edit.ruleId], 'off', { formattingOptions }));
  } else {
    const list = root?.allow;
    if (Array.isArray(list)) {
      if (!list.includes(edit.phrase)) src = applyEdits(src, modify(src, [...prefix, 'allow', list.length], edit.phrase, { formattingOptions, isArrayInsertion: true }));
    } else {
      src = applyEdits(src, modify(src, [...prefix, 'allow'], [edit.phrase], { formattingOptions }));
    }
  }
  return src.endsWith('\n') ? src : src + '\n';
}

/** The phrase to allow for a finding: its text without surrounding space and final punctuation. */
const PHRASE_TRAILING = new Set([' ', '.', ',', ';', ':', '!', '?', '…']);
const QUOTES = new Set(['„', '“', '"', '‚', '‘', "'", '»', '«']);

export function phraseOf(actual: string): string {
  // linear trimming (a trailing-class regex anchored with $ backtracks quadratically on long runs)
  const t = actual.replace(/\s+/g, ' ').trim();
  let a = 0, b = t.length;
  while (b > a && PHRASE_TRAILING.has(t[b - 1]!)) b--;
  while (a < b && QUOTES.has(t[a]!)) a++;
  while (b > a && QUOTES.has(t[b - 1]!)) b--;
  return t.slice(a, b).trim();
}
