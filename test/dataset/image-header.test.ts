import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readImageHeader, sniffImageFormat } from '../../src/dataset/image-header.js';
import { tinyImage } from './helpers.js';

describe('readImageHeader', () => {
  it.each(['png', 'jpeg', 'gif'] as const)('reads %s format and size', async (format) => {
    expect(readImageHeader(await tinyImage(format, 37, 21))).toEqual({ format, width: 37, height: 21 });
  });

  it('reads lossy (VP8), lossless (VP8L) and extended (VP8X) WebP', async () => {
    const base = () => sharp({ create: { width: 45, height: 17, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } });
    const lossy = await base().removeAlpha().webp({ quality: 50 }).toBuffer();
    const lossless = await base().webp({ lossless: true }).toBuffer();
    const extended = await base().webp({ quality: 50 }).toBuffer();
    expect(lossy.toString('latin1', 12, 16)).toBe('VP8 ');
    expect(lossless.toString('latin1', 12, 16)).toBe('VP8L');
    expect(extended.toString('latin1', 12, 16)).toBe('VP8X');
    for (const bytes of [lossy, lossless, extended]) expect(readImageHeader(bytes)).toEqual({ format: 'webp', width: 45, height: 17 });
  });

  it('finds the SOF after APP and DQT segments of a large JPEG', async () => {
    const jpeg = await sharp({ create: { width: 1500, height: 1100, channels: 3, background: '#808080' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    // EXIF orientation is ignored: the raw pixel grid is what boxes refer to.
    expect(readImageHeader(jpeg)).toEqual({ format: 'jpeg', width: 1500, height: 1100 });
  });

  it('throws plain Errors on unknown and truncated data', async () => {
    expect(() => readImageHeader(Buffer.from('hello world'))).toThrow('not a JPEG, PNG, WebP or GIF file (starts with 68 65 6c 6c 6f 20 77 6f)');
    expect(() => readImageHeader(Buffer.alloc(0))).toThrow('starts with nothing: 0 bytes');
    const png = await tinyImage('png');
    expect(() => readImageHeader(png.subarray(0, 20))).toThrow('PNG header truncated (20 bytes)');
    const jpeg = await tinyImage('jpeg');
    expect(() => readImageHeader(jpeg.subarray(0, 30))).toThrow(/JPEG/);
  });

  it('sniffs signatures only', () => {
    expect(sniffImageFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImageFormat(Buffer.from('GIF89a'))).toBe('gif');
    expect(sniffImageFormat(Buffer.from('RIFF0000WAVE'))).toBeNull();
  });
});
