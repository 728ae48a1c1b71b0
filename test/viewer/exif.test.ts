// The photo the viewer shows is stored as given, but for its EXIF orientation, reset so the boxes fit the pixels.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exifOrientation, withoutRotation } from '../../src/viewer/exif.js';

describe('EXIF orientation', () => {
  it('is found and reset to 1 in JPEG, PNG (CRC kept valid) and WebP, with the pixels untouched', async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const bytes = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#0a0' } }).withMetadata({ orientation: 6 })[format]().toBuffer();
      expect(exifOrientation(bytes, format), format).toBe(6);
      const fixed = withoutRotation(bytes, format);
      expect(exifOrientation(fixed, format), format).toBe(1);
      const meta = await sharp(fixed).metadata();
      expect([meta.orientation, meta.width, meta.height], format).toEqual([1, 40, 20]);
      expect((await sharp(fixed).raw().toBuffer()).equals(await sharp(bytes).raw().toBuffer()), format).toBe(true);
      if (format === 'png') expect(() => sharp(fixed)).not.toThrow();
    }
    const plain = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).jpeg().toBuffer();
    expect(withoutRotation(plain, 'jpeg')).toBe(plain);
  });
});
