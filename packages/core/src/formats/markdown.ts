/**
 * Markdown: mdast-util-from-markdown (micromark, CommonMark) with positions. The prepared text starts blank and
 * gets back the content of text nodes at their source offsets: heading markers, emphasis markers, list
 * markers, link and image URLs are blank; escapes and character references are decoded in place with
 * zero-width padding; code spans and fenced code are excluded ('code'); blockquotes are quoted history
 * ('quote'); HTML comments stay as comments (inline directives keep working). Line breaks stay where the
 * source has them (as in an e-mail, a salutation line is its own line).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { Blanker } from './buffer.ts';
import { refAt } from './entities.ts';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

export function prepareMarkdown(source: string, b: Blanker = new Blanker(source)): Blanker {
  const tree = fromMarkdown(source) as unknown as MdNode;
  b.blankAll();
  const visit = (n: MdNode): void => {
    const start = n.position?.start.offset;
    const end = n.position?.end.offset;
    switch (n.type) {
      case 'text':
        if (start !== undefined && end !== undefined) writeAligned(source, b, start, end, n.value ?? '');
        return;
      case 'blockquote':
        if (start !== undefined && end !== undefined) b.exclude(start, end, 'quote');
        return;
      case 'code':
      case 'inlineCode':
        if (start !== undefined && end !== undefined) b.exclude(start, end, 'code');
        return;
      case 'html':
        if (start !== undefined && end !== undefined && /^\s*<!--/.test(n.value ?? '')) b.restore(start, end);
        return;
      case 'image':
      case 'imageReference':
      case 'definition':
      case 'break':
      case 'thematicBreak':
        return;
      default:
        for (const c of n.children ?? []) visit(c);
    }
  };
  visit(tree);
  return b;
}

/**
 * Copy a text node's value back over its source range: characters that agree stay, an escape (`\*`) or a
 * character reference (`&auml;`) becomes its character plus zero-width padding, source characters the value
 * does not have (indentation, continuation markers) stay blank.
 */
function writeAligned(source: string, b: Blanker, start: number, end: number, value: string): void {
  let j = 0;
  for (let i = start; i < end && j < value.length; i++) {
    const c = source.charCodeAt(i);
    const v = value.charCodeAt(j);
    if (c === v) { b.set(i, c); j++; continue; }
    if (c === 92 /* \ */ && source.charCodeAt(i + 1) === v) { b.write(i, value[j]!, i + 2); i++; j++; continue; }
    if (c === 38 /* & */) {
      const ref = refAt(source, i);
      if (ref && value.startsWith(ref.text, j)) { b.write(i, ref.text, i + ref.length); i += ref.length - 1; j += ref.text.length; continue; }
    }
    // a source character the value does not have: leave it blank
  }
}
