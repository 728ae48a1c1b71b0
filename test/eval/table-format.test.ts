// Numbers and tables as upstream prints them: Python's 3-decimal rounding (ties to even), Markdown pipe tables.
import { describe, expect, it } from 'vitest';
import { formatFixed3, markdownSections, pipeTable } from '../../src/eval/table-format.js';

describe('formatFixed3', () => {
  it('rounds like Python: exact ties to even, everything else to nearest', () => {
    // 0.0625 * 1000 = 62.5 exactly -> 62 (even); 0.1875 -> 187.5 -> 188; toFixed would give 0.063 and 0.188
    expect(formatFixed3(0.0625)).toBe('0.062');
    expect((0.0625).toFixed(3)).toBe('0.063');
    expect(formatFixed3(0.1875)).toBe('0.188');
    expect(formatFixed3(0.3125)).toBe('0.312');
    expect(formatFixed3(0.9375)).toBe('0.938');
    // 0.0005 is stored a little above 5e-4, so it is not a tie and rounds up, in Python too
    expect(formatFixed3(0.0005)).toBe('0.001');
    expect(formatFixed3(5 / 6)).toBe('0.833');
    expect(formatFixed3(1)).toBe('1.000');
    expect(formatFixed3(0)).toBe('0.000');
    expect(formatFixed3(-0.0625)).toBe('-0.062');
  });
});

describe('pipeTable', () => {
  it('pads columns to the widest cell (at least 3), counting characters, not UTF-16 units', () => {
    expect(pipeTable(['model', 'R@0.5'], [['A', '0.500'], ['✅ long name', '1.000']])).toBe(
      ['| model       | R@0.5 |', '|-------------|-------|', '| A           | 0.500 |', '| ✅ long name | 1.000 |'].join('\n'),
    );
    expect(pipeTable(['a'], [['b']])).toBe('| a   |\n|-----|\n| b   |');
  });

  it('escapes pipes in cells so a sub-domain name cannot break the table', () => {
    expect(pipeTable(['a'], [['x|y']]).split('\n')[2]).toBe('| x\\|y |');
    // a domain name from the data cannot drive the terminal the table is printed on
    expect(pipeTable(['a'], [['\u001b[31mred\n']]).split('\n')[2]).toBe('| \\\\u001b[31mred\\\\n |');
  });
});

describe('markdownSections', () => {
  it('lays out one "## heading", blank line, table, blank line per section', () => {
    expect(markdownSections([{ heading: 'Overall', headers: ['x'], rows: [['1']] }])).toEqual(['## Overall', '', '| x   |\n|-----|\n| 1   |', '']);
  });
});
