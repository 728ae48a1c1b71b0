// Encodes the canvas's raw pixels with sharp: faster than canvas.encode, and deterministic (no timestamps).
import sharp from 'sharp';
import { OUTPUT_FORMATS, type EncodeSettings, type OutputFormat } from '../formats.js';

export type { EncodeSettings, OutputFormat };

/** The sharp encoder settings per format (exported so the benchmark's floor uses exactly these). */
export function encodeOptions(format: OutputFormat, fast: boolean): EncodeSettings {
  return OUTPUT_FORMATS[format].encoder(fast);
}

/** `rgba` is the opaque canvas's premultiplied RGBA, which equals straight RGBA when alpha is 255 everywhere. */
export async function encodeRgba(rgba: Buffer, width: number, height: number, format: OutputFormat, fast: boolean): Promise<Buffer> {
  const img = sharp(rgba, { raw: { width, height, channels: 4 } }).removeAlpha();
  const s = encodeOptions(format, fast);
  if (s.format === 'jpeg') return img.jpeg(s.options).toBuffer();
  if (s.format === 'webp') return img.webp(s.options).toBuffer();
  return img.png(s.options).toBuffer();
}
