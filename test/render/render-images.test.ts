// The renderer on unusual images and samples: EXIF, grey/CMYK/16-bit/alpha, tiny and big images, no candidates, boxes past the border.
import sharp from 'sharp';
import { describe, expect, it, beforeAll } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { DataError } from '../../src/errors.js';
import type { ParsedCot } from '../../src/types.js';
import { candidateColor, parseHex } from '../../src/render/colors.js';
import { absoluteRuns } from '../../src/render/layout.js';
import type { DetailedRenderer } from '../../src/render/render.js';
import { makeSample, solidPng } from './_helpers.js';
import { GRAY, markedScene, MARKS_THINK, pixels, boxesOf, labelsOf } from './_scene.js';

let renderer: DetailedRenderer;
let image: Buffer;
let cot: ParsedCot;
beforeAll(async () => ({ renderer, image, cot } = await markedScene()));

describe('image decoding', () => {
  const render = async (img: Buffer, boxes: [number, number, number, number][] = []) => {
    const s = makeSample(img, boxes, MARKS_THINK, { e: [] }, { imageFormat: 'png' });
    return renderer.renderDetailed(s, parseChainOfThought(MARKS_THINK, boxes.length, { e: [] }));
  };

  it('does not apply EXIF rotation: the panel keeps the stored size and corners', async () => {
    const raw = Buffer.alloc(800 * 500 * 3);
    for (let y = 0; y < 500; y++) for (let x = 0; x < 800; x++) raw.set(x < 400 ? [220, 20, 20] : [20, 20, 220], (y * 800 + x) * 3);
    const jpg = await sharp(raw, { raw: { width: 800, height: 500, channels: 3 } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(jpg).metadata()).orientation).toBe(6);
    const { image: out, layout } = await render(jpg);
    expect([layout.image.width, layout.image.height]).toEqual([800, 500]);
    const px = await pixels(out.data);
    const [r, , b] = px.at(30, 30);
    expect(r).toBeGreaterThan(180);
    expect(b).toBeLessThan(60);
    expect(px.at(770, 470)[2]).toBeGreaterThan(180);
  });

  it('shows grayscale, CMYK, 16-bit and transparent images with the right colours', async () => {
    const gray = await sharp({ create: { width: 500, height: 500, channels: 3, background: { r: 90, g: 90, b: 90 } } }).toColourspace('b-w').png().toBuffer();
    expect((await sharp(gray).metadata()).channels).toBe(1);
    expect((await pixels((await render(gray)).image.data)).at(250, 250)).toEqual([90, 90, 90]);

    const cmyk = await sharp({ create: { width: 500, height: 500, channels: 3, background: { r: 200, g: 30, b: 30 } } }).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const [cr, cg, cb] = (await pixels((await render(cmyk)).image.data)).at(250, 250);
    expect(cr).toBeGreaterThan(150);
    expect(cg).toBeLessThan(90);
    expect(cb).toBeLessThan(90);

    const deep = await sharp({ create: { width: 500, height: 500, channels: 3, background: { r: 10, g: 120, b: 250 } } }).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(deep).metadata()).depth).toBe('ushort');
    const [dr, dg, db] = (await pixels((await render(deep)).image.data)).at(250, 250);
    expect(Math.abs(dr - 10) + Math.abs(dg - 120) + Math.abs(db - 250)).toBeLessThan(8);

    const clear = await sharp({ create: { width: 500, height: 500, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    expect((await pixels((await render(clear)).image.data)).at(250, 250)).toEqual([200, 200, 200]);
  });

  it('scales a tiny image up so labels stay readable, boxes with it', async () => {
    const { layout } = await render(await solidPng(120, 90, GRAY), [[30, 30, 60, 30]]);
    expect(Math.min(layout.image.width, layout.image.height)).toBe(400);
    expect(boxesOf(layout)[0].rect.x).toBe(Math.round(30 * (layout.image.width / 120)));
  });

  it('scales a big image down to maxSide', async () => {
    const s = makeSample(await solidPng(3000, 1000, GRAY), [[1500, 500, 300, 300]], MARKS_THINK, { e: [] });
    const { layout } = await renderer.renderDetailed(s, parseChainOfThought(MARKS_THINK, 1, { e: [] }), { maxSide: 1500 });
    expect([layout.image.width, layout.image.height]).toEqual([1500, 500]);
    expect(boxesOf(layout)[0].rect).toEqual({ x: 750, y: 250, w: 150, h: 150 });
  });

  it('throws DataError naming split, sample and offset for undecodable bytes and absurd sizes', async () => {
    const bad = makeSample(Buffer.from('not an image at all'), [], MARKS_THINK, { e: [] });
    const err = await renderer.render(bad, cot).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe('image-decode');
    expect((err as DataError).message).toMatch(/^main images TSV, sample 7, byte offset 987654: /);

    // A valid PNG header claiming 100000×100000 px.
    const png = Buffer.from(await solidPng(4, 4, GRAY));
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    const { crc32 } = await import('node:zlib');
    png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
    const huge = await renderer.render(makeSample(png, [], MARKS_THINK, { e: [] }), cot).catch((e: unknown) => e);
    expect(huge).toBeInstanceOf(DataError);
    expect((huge as DataError).code).toBe('image-too-large');
  });
});
describe('edge cases', () => {
  it('renders an empty think, no candidates and an empty region_map', async () => {
    const s = makeSample(image, [], '', {}, { imageFormat: 'png' });
    const { image: out, layout } = await renderer.renderDetailed(s, parseChainOfThought('', 0, {}));
    expect(out.width).toBeGreaterThan(800);
    expect(labelsOf(layout)).toHaveLength(0);
    const text = absoluteRuns(layout).map((r) => r.run.text).join('');
    expect(text).toContain('no target (rejection)');
  });

  it('draws boxes past the border clamped to the frame, and verdicts missing for extra boxes as grey', async () => {
    const boxes: [number, number, number, number][] = [[-50, -50, 200, 200], [700, 500, 300, 300], [900, 900, 10, 10]];
    const s = makeSample(image, boxes, MARKS_THINK, { e: [0] }, { imageFormat: 'png' });
    const c = parseChainOfThought(MARKS_THINK, 1, { e: [0] });
    const { image: out, layout } = await renderer.renderDetailed(s, c);
    expect(boxesOf(layout).map((b) => b.rect)).toEqual([
      { x: 0, y: 0, w: 150, h: 150 },
      { x: 700, y: 500, w: 100, h: 100 },
      { x: 800, y: 600, w: 0, h: 0 },
    ]);
    expect(boxesOf(layout)[2].point).toBe(true);
    const px = await pixels(out.data);
    // The uncut sides are plain outlines (the cut ones carry the clip marks, see crowd-and-border.test.ts).
    expect(px.at(75, 148)).toEqual(parseHex(candidateColor(1, '✅')));
    expect(px.at(701, 550)).toEqual(parseHex(candidateColor(2, null)));
    expect(boxesOf(layout).map((b) => b.clipped)).toEqual([
      { left: true, top: true, right: false, bottom: false },
      { left: false, top: false, right: true, bottom: true },
      { left: false, top: false, right: true, bottom: true },
    ]);
  });
});
