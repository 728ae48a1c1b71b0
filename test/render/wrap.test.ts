// Wrapping styled paragraphs into lines. Pure layout, no fonts needed.
import { describe, expect, it } from 'vitest';
import { wrapParagraphs, type Paragraph } from '../../src/render/wrap.js';
import { mono, nonSpace } from './_helpers.js';

describe('wrapParagraphs', () => {
  const para = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ pieces: [{ text }], size: 10, lineHeight: 14, color: '#000000', ...extra });

  it('keeps every non-space character, in order, within the width', () => {
    const text = 'the quick brown fox jumps over the lazy dog → ✅ and a verylongwordthatcannotfitonasingleline at all';
    const lines = wrapParagraphs([para(text)], 200, mono);
    expect(lines.length).toBeGreaterThan(3);
    expect(nonSpace(lines.flatMap((l) => l.runs.map((r) => r.text)).join(''))).toBe(nonSpace(text));
    for (const l of lines) {
      for (const r of l.runs) expect(r.x + r.width).toBeLessThanOrEqual(200 + 1e-9);
      expect(l.runs[0].text.startsWith(' ')).toBe(false);
    }
  });
  it('indents continuation lines of a bullet under its text', () => {
    const lines = wrapParagraphs([para('- Person 1: standing on the far left, not holding hands → ❌', { hangChars: 2 })], 200, mono);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0].runs[0].x).toBe(0);
    expect(lines[1].runs[0].x).toBe(20);
  });
  it('breaks CJK text between characters and measures emoji with the emoji width', () => {
    const lines = wrapParagraphs([para('牵手的两个人牵手的两个人牵手的两个人')], 100, mono);
    expect(lines.length).toBe(Math.ceil((18 * 14) / 98));
    const e = wrapParagraphs([para('✅✅')], 100, mono);
    expect(e[0].width).toBe(40);
  });
  it('never separates a mark from the word before it', () => {
    const lines = wrapParagraphs([para('- Person 4: wearing a red shirt. → ⚠️')], 330, mono);
    expect(lines).toHaveLength(2);
    expect(lines[1].runs.map((r) => r.text).join('')).toBe('→ ⚠️');
    const bare = wrapParagraphs([para('aaaa bbbb ✅')], 95, mono);
    expect(bare.map((l) => l.runs.map((r) => r.text).join(''))).toEqual(['aaaa', 'bbbb ✅']);
  });
  it('never breaks inside a mention (no-break space)', () => {
    const lines = wrapParagraphs([{ ...para(''), pieces: [{ text: 'aaaa bbbb ' }, { text: 'Person\u00A012', bold: true }] }], 120, mono);
    expect(lines.map((l) => l.runs.map((r) => r.text).join(''))).toEqual(['aaaa bbbb', 'Person\u00A012']);
  });
  it('merges neighbouring runs of one style', () => {
    const lines = wrapParagraphs([{ ...para(''), pieces: [{ text: 'a b ' }, { text: 'c' }, { text: 'Person\u00A02', bold: true, color: '#ff0000' }] }], 500, mono);
    expect(lines[0].runs.map((r) => r.text)).toEqual(['a b c', 'Person\u00A02']);
  });
});
