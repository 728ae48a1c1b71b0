// The think text as lines with offsets into it: every later stage of the parser relies on these spans.
import { describe, expect, it } from 'vitest';
import { spanOfLines, splitLines } from '../../src/cot/lines.js';

describe('splitLines', () => {
  it('trims each line, keeps blank ones, and points start/end at the trimmed text in the think string', () => {
    const think = '  # Step 1\r\n\n- Person 1 ✅ ';
    const lines = splitLines(think);
    expect(lines.map((l) => l.text)).toEqual(['# Step 1', '', '- Person 1 ✅']);
    for (const l of lines) expect(think.slice(l.start, l.end)).toBe(l.text);
    // A blank line sits where it starts, with no length.
    expect(lines[1]).toEqual({ start: 12, end: 12, text: '' });
  });

  it('gives a text ending in a line break a last blank line, and an empty text one blank line', () => {
    expect(splitLines('a\n').map((l) => l.text)).toEqual(['a', '']);
    expect(splitLines('')).toEqual([{ start: 0, end: 0, text: '' }]);
  });
});

describe('spanOfLines', () => {
  const lines = splitLines('\nfirst\n\n  second  \n\n');

  it('spans from the first to the last non-blank line of the range, blank ends left out', () => {
    expect(spanOfLines(lines, 0, lines.length)).toEqual({ start: 1, end: 16 });
    expect(spanOfLines(lines, 2, 5)).toEqual({ start: 10, end: 16 });
  });

  it('is null for a range of blank lines, or an empty range', () => {
    expect(spanOfLines(lines, 4, 6)).toBeNull();
    expect(spanOfLines(lines, 3, 3)).toBeNull();
  });
});
