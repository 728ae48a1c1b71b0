// --to grpo's text columns: convert_dataset.py's problem and answer, boxes in the model's pixels.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { grpoText, rgbPng } from '../../src/export/grpo.js';
import { ANSWER, HINT, ITEM } from './sample-item.js';

describe('grpoText', () => {
  it("hints every candidate and answers with the targets, as upstream's converter writes them", () => {
    expect(grpoText(ITEM, {})).toEqual({
      problem: `<image>Hint: Object and its coordinates in this image: ${HINT}\nPlease detect the man in this image.`,
      answer: ANSWER,
    });
  });
});

describe('rgbPng', () => {
  it('stores the photo as an RGB PNG: alpha dropped, grey expanded, pixels kept', async () => {
    const rgba = await sharp({ create: { width: 3, height: 2, channels: 4, background: { r: 10, g: 200, b: 30, alpha: 0.5 } } }).png().toBuffer();
    const grey = await sharp({ create: { width: 3, height: 2, channels: 3, background: '#808080' } }).toColourspace('b-w').png().toBuffer();
    for (const input of [rgba, grey]) {
      const out = await rgbPng(input);
      const meta = await sharp(out).metadata();
      expect([meta.format, meta.channels, meta.hasAlpha, meta.width, meta.height]).toEqual(['png', 3, false, 3, 2]);
    }
    const { data } = await sharp(await rgbPng(rgba)).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([10, 200, 30]);
  });
});
