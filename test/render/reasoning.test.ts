// The reasoning panel's paragraphs from the think text and its parse. Pure layout, no fonts needed.
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { candidateColor, readableOnWhite } from '../../src/render/colors.js';
import { buildReasoning, segmentThink } from '../../src/render/reasoning.js';
import { longThink, nonSpace, TYPICAL_THINK } from './_helpers.js';

describe('reasoning panel content', () => {
  const rm = { 'the two people holding hands': [1, 3] };
  it('covers the whole think text in order, with sections for planning, steps and summary', () => {
    for (const think of [TYPICAL_THINK, longThink(40), 'free text the parser cannot place\n# Step 1: x\n- Person 1: y → ✅\ntrailing words']) {
      const cot = parseChainOfThought(think, 40, rm);
      const segs = segmentThink(think, cot);
      expect(segs[0].start).toBe(0);
      expect(segs[segs.length - 1].end).toBe(think.length);
      for (let i = 1; i < segs.length; i++) expect(segs[i].start).toBe(segs[i - 1].end);
      const paras = buildReasoning(think, cot, { size: 16 });
      const shown = nonSpace(paras.map((p) => p.pieces.map((x) => x.text).join('')).join(''));
      // Only the markdown `#` of headers is not shown.
      let at = 0;
      for (const ch of nonSpace(think).replace(/#/g, '')) {
        at = shown.indexOf(ch, at);
        expect(at).toBeGreaterThanOrEqual(0);
        at++;
      }
    }
  });
  it('colours mentions like their boxes', () => {
    const cot = parseChainOfThought(TYPICAL_THINK, 4, rm);
    const paras = buildReasoning(TYPICAL_THINK, cot, { size: 16 });
    const p2 = paras.flatMap((p) => p.pieces).filter((x) => x.text === 'Person\u00A02');
    expect(p2.length).toBeGreaterThan(2);
    for (const x of p2) expect(x.color).toBe(readableOnWhite(candidateColor(2, '✅')));
  });
});

describe('summary lines that group several persons (Person 1, 3, 4; Person 6-7)', () => {
  it('colour every person a grouped subject names, each like its own box', () => {
    const think = 'OK.\n# Step 1: Look\n- Person 1: a → ❌\n# Summarize and Re-Check answer\n- Person 1, 3, 4: x → ❌\n- Person 6-7: y → ✅\n- Person 9-12: z → ❌\n- Person 2,5 and 8: q → ❌';
    const cot = parseChainOfThought(think, 12, {});
    const summary = buildReasoning(think, cot, { size: 16 }).filter((p) => /[-]\s|Person/.test(p.pieces.map((x) => x.text).join('')));
    const coloured = (line: string) => {
      const para = summary.find((p) => p.pieces.map((x) => x.text).join('').replace(/\u00A0/g, ' ').startsWith(line))!;
      return para.pieces.filter((x) => x.bold).map((x) => [x.text.replace(/\u00A0/g, ' '), x.color]);
    };
    const colour = (n: number) => readableOnWhite(candidateColor(n, cot.verdicts[n - 1] ?? null));
    expect(coloured('- Person 1, 3, 4')).toEqual([['Person 1', colour(1)], ['3', colour(3)], ['4', colour(4)]]);
    expect(coloured('- Person 6-7')).toEqual([['Person 6', colour(6)], ['7', colour(7)]]);
    expect(coloured('- Person 9-12')).toEqual([['Person 9', colour(9)], ['12', colour(12)]]);
    expect(coloured('- Person 2,5 and 8')).toEqual([['Person 2', colour(2)], ['5', colour(5)], ['8', colour(8)]]);
    expect(colour(3)).not.toBe(colour(1));
  });
});
