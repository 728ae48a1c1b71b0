// Encodes the canvas's raw pixels with sharp: faster than canvas.encode, and deterministic (no timestamps).
import sharp, { type JpegOptions, type PngOptions, type WebpOptions } from 'sharp';

export type OutputFormat = 'png' | 'jpeg' | 'webp';

export type EncodeSettings =
  | { format: 'png'; options: PngOptions }
  | { format: 'jpeg'; options: JpegOptions }
  | { format: 'webp'; options: WebpOptions };

/** The sharp encoder settings per format (exported so the benchmark's floor uses exactly these). */
export function encodeOptions(format: OutputFormat, fast: boolean): EncodeSettings {
  // 4:4:4 keeps coloured text crisp; mozjpeg would make encoding several times slower.
  if (format === 'jpeg') return { format, options: { quality: 90, chromaSubsampling: '4:4:4' } };
  if (format === 'webp') return { format, options: { quality: 90, effort: fast ? 0 : 4 } };
  // zlib level 2: on photos the deflate strategies of levels 3-6 find ~1% more (6% on flat drawings) for 20-40%
  // more time (test/bench/encoders.mjs); adaptive filtering would save ~27% of the bytes for ~65% more time.
  return { format: 'png', options: { compressionLevel: fast ? 1 : 2, adaptiveFiltering: false } };
}

/** `rgba` is the opaque canvas's premultiplied RGBA, which equals straight RGBA when alpha is 255 everywhere. */
export async function encodeRgba(rgba: Buffer, width: number, height: number, format: OutputFormat, fast: boolean): Promise<Buffer> {
  const img = sharp(rgba, { raw: { width, height, channels: 4 } }).removeAlpha();
  const s = encodeOptions(format, fast);
  if (s.format === 'jpeg') return img.jpeg(s.options).toBuffer();
  if (s.format === 'webp') return img.webp(s.options).toBuffer();
  return img.png(s.options).toBuffer();
}
