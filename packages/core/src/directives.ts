/**
 * Inline control in the text, inside a comment so that it never reaches the customer:
 *   <!-- replylint-disable -->            … <!-- replylint-enable -->      (a region; rules optional)
 *   <!-- replylint-disable-next-line flat-no -->
 *   <!-- replylint-disable-line -->
 *   <!-- replylint-disable-file -->
 * Templates can use their own comment syntax: {{!-- replylint-disable --}}, {{! … }}, {# … #}.
 */
import type { LineIndex } from './lines.ts';
import type { OpaqueSpan } from './mask.ts';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  rules: string[] | null;
  start: number;
  end: number;
}

const DIRECTIVE = /replylint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>}#]*)/;

export function findDirectives(text: string, opaque: readonly OpaqueSpan[]): Directive[] {
  const out: Directive[] = [];
  for (const s of opaque) {
    if (s.kind !== 'comment') continue;
    const body = text.slice(s.start, s.end);
    const m = DIRECTIVE.exec(body);
    if (!m) continue;
    // "-- Begründung" after the rule list is a comment for humans (as in ESLint)
    const args = m[2]!.split(/\s--\s/)[0]!;
    const list = args.split(/[\s,]+/).filter((x) => x && x !== '--' && x !== '-');
    out.push({ kind: m[1] as Directive['kind'], rules: list.length ? list : null, start: s.start, end: s.end });
  }
  return out;
}

export interface Suppressor {
  suppressed(ruleId: string, start: number): boolean;
}

export function buildSuppressor(directives: Directive[], lines: LineIndex): Suppressor {
  if (directives.length === 0) return { suppressed: () => false };
  const regions: Array<{ from: number; to: number; rules: string[] | null }> = [];
  const lineRules: Array<{ line: number; rules: string[] | null }> = [];
  const open = new Map<string, number>(); // '*' or rule id → start offset
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-file':
        regions.push({ from: 0, to: Infinity, rules: d.rules });
        break;
      case 'disable':
        for (const r of d.rules ?? ['*']) if (!open.has(r)) open.set(r, d.end);
        break;
      case 'enable':
        for (const r of d.rules ?? [...open.keys()]) {
          const from = open.get(r);
          if (from !== undefined) { regions.push({ from, to: d.start, rules: r === '*' ? null : [r] }); open.delete(r); }
        }
        break;
      case 'disable-line':
        lineRules.push({ line: lines.position(d.start).line, rules: d.rules });
        break;
      case 'disable-next-line':
        lineRules.push({ line: lines.position(d.end).line + 1, rules: d.rules });
        break;
    }
  }
  for (const [r, from] of open) regions.push({ from, to: Infinity, rules: r === '*' ? null : [r] });
  return {
    suppressed(ruleId, start) {
      for (const g of regions) if (start >= g.from && start < g.to && (!g.rules || g.rules.includes(ruleId))) return true;
      if (lineRules.length) {
        const line = lines.position(start).line;
        for (const l of lineRules) if (l.line === line && (!l.rules || l.rules.includes(ruleId))) return true;
      }
      return false;
    },
  };
}
