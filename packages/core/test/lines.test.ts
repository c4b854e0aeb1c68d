import { describe, it, expect } from 'vitest';
import { LineIndex } from '../src/lines.ts';

describe('line index', () => {
  it('counts UTF-16 columns and CRLF/CR/LF breaks', () => {
    const t = 'a😀b\r\ncd\ref\ngh';
    const li = new LineIndex(t);
    expect(li.position(0)).toEqual({ line: 1, column: 1 });
    expect(li.position(3)).toEqual({ line: 1, column: 4 }); // after the surrogate pair
    expect(li.position(t.indexOf('c'))).toEqual({ line: 2, column: 1 });
    expect(li.position(t.indexOf('e'))).toEqual({ line: 3, column: 1 });
    expect(li.position(t.indexOf('g'))).toEqual({ line: 4, column: 1 });
    expect(li.offset(4, 2)).toBe(t.indexOf('h'));
  });
});
