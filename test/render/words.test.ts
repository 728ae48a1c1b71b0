// A paragraph as words for line breaking: tokens carry their piece's style, no-break spaces never break, marks and
// emoji stay glued to their word, a glyph no font has is a word of its own.
import { describe, expect, it } from 'vitest';
import { tokenize, toWords } from '../../src/render/words.js';
import type { Paragraph } from '../../src/render/paragraph.js';

const para = (pieces: Paragraph['pieces'], extra: Partial<Paragraph> = {}): Paragraph => ({ pieces, size: 14, lineHeight: 18, color: '#000', ...extra });
const wordTexts = (p: Paragraph) => toWords(tokenize(p)).map((w) => `${w.space ? `[${w.space.text}]` : ''}${w.tokens.map((t) => t.text).join('')}`);

describe('tokenize', () => {
  it("gives each token its piece's style, the paragraph's where the piece has none", () => {
    const tokens = tokenize(para([{ text: 'the man' }, { text: 'Person\u00A02', bold: true, color: '#f00', highlight: '#fee' }], { bold: false, color: '#111' }));
    expect(tokens.map((t) => [t.text, t.space, t.bold, t.color])).toEqual([
      ['the', false, false, '#111'],
      [' ', true, false, '#111'],
      ['man', false, false, '#111'],
      ['Person\u00A02', false, true, '#f00'],
    ]);
    expect(tokens[3].highlight).toBe('#fee');
  });

  it('turns tabs and line breaks into spaces and splits emoji into tokens of their own kind', () => {
    expect(tokenize(para([{ text: 'a\tb→✅' }])).map((t) => [t.text, t.kind])).toEqual([
      ['a', 'text'],
      [' ', 'text'],
      ['b→', 'text'],
      ['✅', 'emoji'],
    ]);
  });
});

describe('toWords', () => {
  it('breaks at spaces only, keeping a mark and the text before it one word, and a no-break mention whole', () => {
    expect(wordTexts(para([{ text: 'Person\u00A01 is it →✅  yes' }]))).toEqual(['Person\u00A01', '[ ]is', '[ ]it', '[ ]→✅', '[  ]yes']);
  });

  it('makes each glyph no bundled font has a word of its own, so a line can break around it', () => {
    expect(wordTexts(para([{ text: 'ab人人cd' }]))).toEqual(['ab', '人', '人', 'cd']);
  });
});
