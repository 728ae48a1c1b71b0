// The PNG encoder is lossless: decoding what it wrote gives back every pixel the canvas drew.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeRgba, rgbaToPpm } from '../../src/render/encode.js';

/** Opaque RGBA with gradients, flat areas and noise (what a picture with a photo and text holds). */
function picture(width: number, height: number): Buffer {
  const px = Buffer.alloc(width * height * 4);
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const flat = x > width / 2;
      px[o] = flat ? 250 : (x * 255) / width;
      px[o + 1] = flat ? 248 : rand();
      px[o + 2] = flat ? 245 : (y * 255) / height;
      px[o + 3] = 255;
    }
  }
  return px;
}

const rgbOf = (rgba: Buffer) => Buffer.from(rgba.filter((_, i) => i % 4 !== 3));

describe('encodeRgba', () => {
  const [w, h] = [301, 157];
  const rgba = picture(w, h);

  for (const fast of [false, true]) {
    it(`PNG${fast ? ' --fast' : ''}: an RGB PNG whose decoded pixels equal the input, the same bytes every time`, async () => {
      const png = await encodeRgba(rgba, w, h, 'png', fast);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png[25]).toBe(2); // IHDR colour type 2: RGB, no alpha
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      expect(info).toMatchObject({ width: w, height: h, channels: 3 });
      expect(data.equals(rgbOf(rgba))).toBe(true);
      expect((await encodeRgba(rgba, w, h, 'png', fast)).equals(png)).toBe(true);
    });
  }

  it('the default compresses better than --fast, and both far better than raw', async () => {
    const normal = await encodeRgba(rgba, w, h, 'png', false);
    const fast = await encodeRgba(rgba, w, h, 'png', true);
    expect(normal.length).toBeLessThan(fast.length);
    expect(fast.length).toBeLessThan(w * h * 3 * 0.8);
  });

  it('JPEG and WebP still come from sharp', async () => {
    expect((await encodeRgba(rgba, w, h, 'jpeg', false)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect((await encodeRgba(rgba, w, h, 'webp', false)).subarray(8, 12).toString('latin1')).toBe('WEBP');
  });

  it('rgbaToPpm drops the alpha and writes a P6 header padded to 4 bytes', () => {
    const ppm = rgbaToPpm(Buffer.from([1, 2, 3, 255, 4, 5, 6, 255]), 2, 1);
    const header = /^P6\s+2\s+1\s+255\n/.exec(ppm.toString('latin1'))![0];
    expect(header.length % 4).toBe(0);
    expect([...ppm.subarray(header.length)]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rgbaToPpm: the word path, the byte tail and an unaligned input all give the bytes of a plain loop', () => {
    for (const [w, h] of [[301, 157], [4, 1], [5, 3], [1, 1]]) {
      const px = picture(w, h);
      const plain = rgbOf(px);
      const ppm = rgbaToPpm(px, w, h);
      expect(ppm.subarray(ppm.length - plain.length).equals(plain), `${w}x${h}`).toBe(true);
      // The same pixels one byte into a larger buffer: not 4-byte aligned.
      const shifted = Buffer.concat([Buffer.alloc(1), px]).subarray(1);
      expect(rgbaToPpm(shifted, w, h).equals(ppm), `${w}x${h} unaligned`).toBe(true);
    }
  });
});
