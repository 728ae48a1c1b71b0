// Flowing wrapped lines into balanced columns. Pure layout, no fonts needed.
import { describe, expect, it } from 'vitest';
import { balanceColumns, flowIntoColumns } from '../../src/render/columns.js';
import { wrapParagraphs, type Paragraph } from '../../src/render/wrap.js';
import { mono } from './_helpers.js';

describe('columns', () => {
  const lines = (n: number, h = 10) => wrapParagraphs(Array.from({ length: n }, (_, i) => ({ pieces: [{ text: `line ${i}` }], size: 10, lineHeight: h, color: '#000' })), 1000, mono);

  it('stays in one column when everything fits', () => {
    const f = balanceColumns(lines(10), 200);
    expect(f.columns).toBe(1);
    expect(f.height).toBe(100);
  });
  it('adds columns instead of growing past the limit, keeps every line, and balances them', () => {
    const all = lines(250);
    const f = balanceColumns(all, 1000);
    expect(f.columns).toBe(3);
    expect(f.lines).toHaveLength(250);
    expect(f.height).toBeLessThanOrEqual(1000);
    expect(f.height).toBeLessThanOrEqual(Math.ceil(2500 / 3) + 10);
    for (const l of f.lines) expect(l.y + l.line.height).toBeLessThanOrEqual(f.height);
  });
  it('does not split a short paragraph across columns', () => {
    const para = (text: string): Paragraph => ({ pieces: [{ text }], size: 10, lineHeight: 10, color: '#000' });
    // 7 one-line paragraphs, then one of 3 lines: it would start at y=70 with a limit of 90.
    const ls = wrapParagraphs([...Array.from({ length: 7 }, (_, i) => para(`p${i}`)), para('aaaa bbbb cccc')], 40, mono);
    expect(ls.slice(7).map((l) => l.paragraph)).toEqual([7, 7, 7]);
    const f = flowIntoColumns(ls, 90);
    expect(f.lines.slice(7).map((l) => l.column)).toEqual([1, 1, 1]);
  });
  it('does not leave a heading alone at the bottom of a column', () => {
    const ls = lines(12);
    ls[9] = { ...ls[9], keepWithNext: true };
    const f = flowIntoColumns(ls, 100);
    expect(f.lines[9].column).toBe(f.lines[10].column);
  });
});
