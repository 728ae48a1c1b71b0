// Measuring with the bundled fonts: the code font is monospaced (every character one advance), the text font is not,
// and drawing a code run puts its glyphs where the measure said.
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { getRenderer } from '../../src/render/index.js';
import { createMeasure, drawLine } from '../../src/render/text-draw.js';
import { wrapParagraphs, type Measure } from '../../src/render/wrap.js';

let measure: Measure;
beforeAll(async () => {
  await getRenderer();
  measure = createMeasure(createCanvas(1, 1).getContext('2d'));
});

describe('code font', () => {
  it('gives every character the same advance; the text font does not', () => {
    const w = (text: string, mono: boolean) => measure(text, 'text', false, 20, mono);
    expect(w('iiii', true)).toBeCloseTo(w('MMMM', true), 5);
    expect(w('{"bbox_2d": [1, 2]}', true)).toBeCloseTo(19 * w('x', true), 5);
    expect(w('iiii', false)).toBeLessThan(w('MMMM', false) / 2);
    expect(measure('MMMM', 'text', true, 20, true)).toBeCloseTo(measure('iiii', 'text', true, 20, true), 5);
  });

  it('draws a code line no wider than measured', () => {
    const [line] = wrapParagraphs([{ pieces: [{ text: '[{"bbox_2d": [1, 2, 3, 4]}]' }], size: 20, lineHeight: 28, color: '#000000', mono: true }], 2000, measure);
    expect(line.runs[0].mono).toBe(true);
    const canvas = createCanvas(800, 40);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 800, 40);
    drawLine(ctx, line, 10, 6, 780, measure);
    const px = ctx.getImageData(0, 0, 800, 40).data;
    let right = 0;
    for (let x = 0; x < 800; x++) for (let y = 0; y < 40; y++) if (px[(y * 800 + x) * 4] < 128) right = x;
    expect(right).toBeGreaterThan(10 + line.width * 0.9);
    expect(right).toBeLessThanOrEqual(10 + line.width + 1);
  });
});
