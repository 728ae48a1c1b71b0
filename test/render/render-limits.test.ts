// The renderer's limits (absurd reasoning, maxSide) and its encoding: WebP and JPEG, the same bytes for the same input.
import sharp from 'sharp';
import { describe, expect, it, beforeAll } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { DataError } from '../../src/errors.js';
import type { ParsedCot, Sample } from '../../src/types.js';
import type { DetailedRenderer } from '../../src/render/render.js';
import { BOXES, markedScene, MARKS_THINK, labelsOf } from './_scene.js';

let renderer: DetailedRenderer;
let sample: Sample;
let cot: ParsedCot;
beforeAll(async () => ({ renderer, sample, cot } = await markedScene()));

describe('limits', () => {
  // How fast it is refused is measured by test/bench/limits.bench.ts.
  it('refuses an absurd think (2 MB) with a DataError, before laying it out', async () => {
    const think = MARKS_THINK.repeat(Math.ceil(2_000_000 / MARKS_THINK.length));
    const c = parseChainOfThought(think, BOXES.length, { e: [0] });
    const err = await renderer.render({ ...sample, annotation: { ...sample.annotation, think } }, c).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe('image-too-large');
    expect((err as DataError).message).toMatch(/^main annotations TSV, sample 7, byte offset 1234: the reasoning text \(\d+ characters\)/);
  });

  it('lays a 50 KB think out in at most 8 columns, growing them taller, and encodes it as WebP', async () => {
    const think = MARKS_THINK.repeat(Math.ceil(50_000 / MARKS_THINK.length));
    const c = parseChainOfThought(think, BOXES.length, { e: [0] });
    const { image: out, layout } = await renderer.renderDetailed({ ...sample, annotation: { ...sample.annotation, think } }, c, { format: 'webp', fast: true });
    expect(layout.flow.columns).toBeLessThanOrEqual(8);
    expect(out.width).toBeLessThanOrEqual(16_383);
    expect(out.width * out.height).toBeLessThanOrEqual(24_000_000);
    expect((await sharp(out.data).metadata()).format).toBe('webp');
  });

  it('refuses a maxSide below 64 px as a usage error', async () => {
    const { UsageError } = await import('../../src/errors.js');
    await expect(renderer.render(sample, cot, { maxSide: 0 })).rejects.toBeInstanceOf(UsageError);
  });

  it('places all 5000 labels of hostile gt_boxes (the time it takes: test/bench/limits.bench.ts)', async () => {
    const boxes = Array.from({ length: 5000 }, (_, i): [number, number, number, number] => [i % 700, i % 500, 30, 30]);
    const { layout } = await renderer.renderDetailed({ ...sample, annotation: { ...sample.annotation, gtBoxes: boxes } }, cot, { fast: true });
    expect(labelsOf(layout)).toHaveLength(5000);
  });
});
describe('encoding', () => {
  it('gives the same bytes for the same input, in every format', async () => {
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const a = await renderer.render(sample, cot, { format });
      const b = await renderer.render(sample, cot, { format });
      expect(a.format).toBe(format);
      expect(a.data.equals(b.data)).toBe(true);
      const meta = await sharp(a.data).metadata();
      expect(meta.format).toBe(format);
      expect([meta.width, meta.height]).toEqual([a.width, a.height]);
    }
    const fast = await renderer.render(sample, cot, { fast: true });
    expect((await sharp(fast.data).metadata()).format).toBe('png');
  });
});
