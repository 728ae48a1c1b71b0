// A `Person N` mention in the drawn reasoning: never broken across lines, bold in its box colour, grouped subjects
// (`Person 1, 3, 4`, `Person 6-7`) coloured number by number.
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { candidateColor, readableOnWhite } from '../../src/render/colors.js';
import { allMentions, linePieces, mentionStyle, nbsp, personPieces } from '../../src/render/mention-pieces.js';

const think = 'OK.\n# Step 1: Look\n- Person 1: a → ❌\n- Person 2: b → ✅\n# Summarize and Re-Check answer\n- Person 1, 3: x → ❌\n- Person 2: b → ✅';
const cot = parseChainOfThought(think, 3, { b: [1] });

describe('mention pieces', () => {
  it('glue a mention with no-break spaces and style it bold in its box colour', () => {
    expect(nbsp('Person 2 of 3')).toBe('Person\u00A02\u00A0of\u00A03');
    const style = mentionStyle(2, cot);
    expect([style.bold, style.color]).toEqual([true, readableOnWhite(candidateColor(2, cot.verdicts[1]))]);
    expect(mentionStyle(1, cot).color).not.toBe(style.color);
  });

  it('list persons with the prefix once, and say nobody for none', () => {
    expect(personPieces([2, 3], cot).map((p) => p.text)).toEqual(['Person\u00A02', ', ', '3']);
    expect(personPieces([], cot)).toEqual([{ text: 'nobody' }]);
  });

  it('cut a line into plain text and its mentions, each mention in its own colour', () => {
    const start = think.indexOf('- Person 1, 3');
    const end = think.indexOf('\n', start);
    const pieces = linePieces(think, start, end, allMentions(think, cot), cot);
    expect(pieces.map((p) => p.text)).toEqual(['- ', 'Person\u00A01', ', ', '3', ': x → ❌']);
    expect([pieces[1].color, pieces[3].color]).toEqual([mentionStyle(1, cot).color, mentionStyle(3, cot).color]);
    expect(pieces[0].bold).toBeUndefined();
  });

  it('find every mention once, in text order, the grouped numbers included', () => {
    const mentions = allMentions(think, cot);
    expect(mentions.map((m) => m.person)).toEqual([1, 2, 1, 3, 2]);
    expect(mentions.every((m, i) => i === 0 || mentions[i - 1].end <= m.start)).toBe(true);
  });
});
