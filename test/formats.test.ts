// The one table of output formats: what --format lists, the file extensions, and the encoder settings --fast changes.
import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMAT_NAMES, OUTPUT_FORMATS } from '../src/formats.js';

describe('OUTPUT_FORMATS', () => {
  it('lists png, jpeg and webp with their extensions and MIME types', () => {
    expect(OUTPUT_FORMAT_NAMES).toEqual(['png', 'jpeg', 'webp']);
    expect(OUTPUT_FORMAT_NAMES.map((f) => [OUTPUT_FORMATS[f].extension, OUTPUT_FORMATS[f].mime])).toEqual([
      ['png', 'image/png'],
      ['jpg', 'image/jpeg'],
      ['webp', 'image/webp'],
    ]);
  });

  it("gives each encoder settings of its own format, --fast trading size for time where the encoder allows", () => {
    for (const f of OUTPUT_FORMAT_NAMES) for (const fast of [false, true]) expect(OUTPUT_FORMATS[f].encoder(fast).format).toBe(f);
    expect([OUTPUT_FORMATS.png.encoder(false).options.filter, OUTPUT_FORMATS.png.encoder(true).options.filter]).toEqual(['adaptive', 'up']);
    expect([OUTPUT_FORMATS.webp.encoder(false).options.effort, OUTPUT_FORMATS.webp.encoder(true).options.effort]).toEqual([4, 0]);
    expect(OUTPUT_FORMATS.jpeg.encoder(true)).toEqual(OUTPUT_FORMATS.jpeg.encoder(false));
  });
});
