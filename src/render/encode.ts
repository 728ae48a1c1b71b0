// Encodes the canvas's raw pixels: PNG with the `png` crate's fdeflate-based fast compressor (@napi-rs/image), JPEG and
// WebP with sharp. Deterministic either way (no timestamps); PNG pixels are lossless.
import { CompressionType, FilterType, Transformer } from '@napi-rs/image';
import sharp from 'sharp';
import { OUTPUT_FORMATS, type EncodeSettings, type OutputFormat, type PngEncodeOptions } from '../formats.js';

export type { EncodeSettings, OutputFormat };

/** The encoder settings per format (exported so the benchmark's floor uses exactly these). */
export function encodeOptions(format: OutputFormat, fast: boolean): EncodeSettings {
  return OUTPUT_FORMATS[format].encoder(fast);
}

/**
 * The opaque RGBA pixels as a binary PPM (P6): RGB, the alpha dropped, so the PNG is RGB like the picture.
 * One pass into one buffer, which the PNG encoder reads without another conversion.
 */
export function rgbaToPpm(rgba: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.from(`P6\n${width} ${height}\n255\n`, 'latin1');
  const out = Buffer.allocUnsafe(header.length + width * height * 3);
  header.copy(out, 0);
  let o = header.length;
  const end = width * height * 4;
  for (let i = 0; i < end; i += 4, o += 3) {
    out[o] = rgba[i];
    out[o + 1] = rgba[i + 1];
    out[o + 2] = rgba[i + 2];
  }
  return out;
}

function encodePng(rgba: Uint8Array, width: number, height: number, options: PngEncodeOptions): Promise<Buffer> {
  const filterType = options.filter === 'up' ? FilterType.Up : FilterType.Adaptive;
  return new Transformer(rgbaToPpm(rgba, width, height)).png({ compressionType: CompressionType.Fast, filterType });
}

/** `rgba` is the opaque canvas's premultiplied RGBA, which equals straight RGBA when alpha is 255 everywhere. */
export async function encodeRgba(rgba: Buffer, width: number, height: number, format: OutputFormat, fast: boolean): Promise<Buffer> {
  const s = encodeOptions(format, fast);
  if (s.format === 'png') return encodePng(rgba, width, height, s.options);
  const img = sharp(rgba, { raw: { width, height, channels: 4 } }).removeAlpha();
  if (s.format === 'jpeg') return img.jpeg(s.options).toBuffer();
  return img.webp(s.options).toBuffer();
}
