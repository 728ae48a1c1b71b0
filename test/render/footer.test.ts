// The footer: consistency line, key, legend. Pure layout, no fonts needed.
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import type { ParsedCot } from '../../src/types.js';
import { buildFooter, consistencyPieces, truncateKey } from '../../src/render/footer.js';
import { makeSample, TYPICAL_THINK } from './_helpers.js';

describe('footer text', () => {
  it('names the persons that differ', () => {
    const cot = parseChainOfThought(TYPICAL_THINK, 4, { e: [1, 2] });
    expect(consistencyPieces(cot).map((p) => p.text).join('').replace(/\u00A0/g, ' ')).toBe(
      '✗ inconsistent: region_map targets Person 2, 3; text marks ✅ Person 2, 4 (only in region_map: 3; only in text: 4)',
    );
    const ok = parseChainOfThought(TYPICAL_THINK, 4, { e: [1, 3] });
    expect(consistencyPieces(ok).map((p) => p.text).join('').replace(/\u00A0/g, ' ')).toBe('✓ consistent: region_map targets Person 2, 4 = text marks ✅ Person 2, 4');
  });
  it('marks rejections', () => {
    const think = TYPICAL_THINK.replace(/\u2705/g, '\u274c');
    const text = consistencyPieces(parseChainOfThought(think, 4, { e: [] })).map((p) => p.text).join('');
    expect(text).toBe('✓ consistent: no target (rejection) = text marks ✅ nobody');
  });
  it("lists the caller's warnings (data findings included) instead of the parser's alone", () => {
    const cot = parseChainOfThought(TYPICAL_THINK, 4, { e: [1, 3] });
    const sample = makeSample(Buffer.alloc(0), [[0, 0, 10, 10]], TYPICAL_THINK, { e: [1, 3] });
    const text = (warnings?: string[]) =>
      buildFooter(sample, cot, { sourceWidth: 100, sourceHeight: 80, scale: 1, missingGlyphs: false, warnings }, 14)
        .map((p) => p.pieces.map((x) => x.text).join(''))
        .join('\n');
    expect(text()).toContain('no parser warnings');
    expect(text([])).toContain('no warnings');
    const two = text(['Person 3: zero-size box (w=0, h=5)', 'reasoning: no summary found']);
    expect(two).toContain('⚠️ 2 warnings: Person 3: zero-size box (w=0, h=5)');
    expect(two).toContain('reasoning: no summary found');
  });
  it('a custom GRPO row: says there is no reasoning to check and what the row answers, its offset and image file, and its own legend', () => {
    const base = parseChainOfThought('', 3, { e: [2] });
    const joined = (cot: ParsedCot) => consistencyPieces(cot).map((p) => p.text).join('').replace(/\u00A0/g, ' ');
    expect(joined({ ...base, answer: { box: [1, 2, 3, 4], hint: 3 } })).toBe('no reasoning to check: ans is the box of Person 3');
    expect(joined({ ...base, answer: { box: [1, 2, 3, 4], hint: null } })).toBe('no reasoning to check: ans is none of the hint boxes exactly, drawn dashed as ans (see the warning)');
    const sample = makeSample(Buffer.alloc(0), [[0, 0, 10, 10]], '', { e: [] }, { annOffset: 579, imgOffset: 579, imageKey: 'COCO_1.jpg' });
    const lines = buildFooter(sample, { ...base, answer: { box: [1, 2, 3, 4], hint: null } }, { sourceWidth: 100, sourceHeight: 80, scale: 1, missingGlyphs: false, warnings: [] }, 14).map((p) =>
      p.pieces.map((x) => x.text).join(''),
    );
    expect(lines[2]).toBe('split main · sample 7 · byte offset 579 · image COCO_1.jpg · 1 candidates · 100×80 px');
    expect(lines[3]).toBe("■ ans (the row's answer)   ■ other hints   dashed: ans when no hint equals it");
  });
  it('truncates long keys in the middle', () => {
    expect(truncateKey('k'.repeat(30))).toBe('k'.repeat(30));
    const t = truncateKey('a'.repeat(40) + 'b'.repeat(40));
    expect(Array.from(t)).toHaveLength(47);
    expect(t).toMatch(/^a+…b+$/);
  });
});
