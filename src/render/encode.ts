// Encodes the canvas's raw pixels: PNG with the `png` crate's fdeflate-based fast compressor (@napi-rs/image), JPEG and
// WebP with sharp. Deterministic either way (no timestamps); PNG pixels are lossless.
import { CompressionType, FilterType, Transformer } from '@napi-rs/image';
import sharp, { type JpegOptions, type WebpOptions } from 'sharp';

export type OutputFormat = 'png' | 'jpeg' | 'webp';

/** PNG: the `png` crate's fast (fdeflate) compression with a row filter. */
export interface PngSettings {
  compressionType: CompressionType;
  filterType: FilterType;
}

export type EncodeSettings =
  | { format: 'png'; options: PngSettings }
  | { format: 'jpeg'; options: JpegOptions }
  | { format: 'webp'; options: WebpOptions };

/** The encoder settings per format (exported so the benchmark's floor uses exactly these). */
export function encodeOptions(format: OutputFormat, fast: boolean): EncodeSettings {
  // 4:4:4 keeps coloured text crisp; mozjpeg would make encoding several times slower.
  if (format === 'jpeg') return { format, options: { quality: 90, chromaSubsampling: '4:4:4' } };
  if (format === 'webp') return { format, options: { quality: 90, effort: fast ? 0 : 4 } };
  // On the bench pictures (test/bench/encoders.mjs): fdeflate with adaptive filtering takes ~1/3 of the CPU time of
  // zlib level 2 (sharp) for ~4% more bytes; --fast (the Up filter alone) ~20% less again for ~4% more bytes.
  return { format: 'png', options: { compressionType: CompressionType.Fast, filterType: fast ? FilterType.Up : FilterType.Adaptive } };
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

/** `rgba` is the opaque canvas's premultiplied RGBA, which equals straight RGBA when alpha is 255 everywhere. */
export async function encodeRgba(rgba: Buffer, width: number, height: number, format: OutputFormat, fast: boolean): Promise<Buffer> {
  const s = encodeOptions(format, fast);
  if (s.format === 'png') return new Transformer(rgbaToPpm(rgba, width, height)).png(s.options);
  const img = sharp(rgba, { raw: { width, height, channels: 4 } }).removeAlpha();
  if (s.format === 'jpeg') return img.jpeg(s.options).toBuffer();
  return img.webp(s.options).toBuffer();
}
