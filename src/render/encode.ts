// Encodes the canvas's raw pixels with sharp: faster than canvas.encode, and deterministic (no timestamps).
import sharp from 'sharp';

export type OutputFormat = 'png' | 'jpeg' | 'webp';

/** `rgba` is the opaque canvas's premultiplied RGBA, which equals straight RGBA when alpha is 255 everywhere. */
export async function encodeRgba(rgba: Buffer, width: number, height: number, format: OutputFormat, fast: boolean): Promise<Buffer> {
  const img = sharp(rgba, { raw: { width, height, channels: 4 } }).removeAlpha();
  // 4:4:4 keeps coloured text crisp; mozjpeg would make encoding several times slower.
  if (format === 'jpeg') return img.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer();
  if (format === 'webp') return img.webp({ quality: 90, effort: fast ? 0 : 4 }).toBuffer();
  return img.png({ compressionLevel: fast ? 1 : 6, adaptiveFiltering: false }).toBuffer();
}
