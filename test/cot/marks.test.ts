import { describe, expect, it } from 'vitest';
import { findLastMark, stripTrailingMark } from '../../src/cot/marks.js';

describe('findLastMark and stripTrailingMark', () => {
  it.each([
    ['Person 1: blue → ❌', '❌', 'Person 1: blue'],
    ['Person 1: blue \u2192 \u2705', '✅', 'Person 1: blue'],
    ['Person 1: blue ⚠️', '⚠️', 'Person 1: blue'],
    ['Person 1: blue \u26A0', '⚠️', 'Person 1: blue'],
    ['Person 1: blue →⚠', '⚠️', 'Person 1: blue'],
    ['Person 1: blue -> ✅', '✅', 'Person 1: blue'],
    ['Person 1: blue → ✅.', '✅', 'Person 1: blue'],
    ['Person 1: blue ✅\uFE0F', '✅', 'Person 1: blue'],
    ['Person 1: blue ⚠\uFE0E', '⚠️', 'Person 1: blue'],
    ['Person 1: ❌ at first, then ✅ after a closer look', '✅', 'Person 1: ❌ at first, then ✅ after a closer look'],
    ['Person 1: ✅ ❌', '❌', 'Person 1: ✅'],
    ['Person 1: no mark', null, 'Person 1: no mark'],
    ['', null, ''],
  ])('%s', (text, mark, stripped) => {
    const found = findLastMark(text);
    expect(found?.mark ?? null).toBe(mark);
    expect(stripTrailingMark(text, found)).toBe(stripped);
  });

  it('reports the index and length of the mark, U+FE0F included', () => {
    expect(findLastMark('a ⚠\uFE0F b')).toEqual({ mark: '⚠️', index: 2, length: 2 });
    expect(findLastMark('a ⚠ b')).toEqual({ mark: '⚠️', index: 2, length: 1 });
  });
});
