// Decodes a picture's photo with sharp to 8-bit sRGB RGBA, without EXIF rotation: boxes refer to the raw pixel grid.
import sharp, { type Metadata } from 'sharp';
import { DataError, type DataLocation } from '../errors.js';
import type { ImageFormat } from '../types.js';
import { MAX_IMAGE_PIXELS } from '../formats.js';
import { ALPHA_BG } from './colors.js';

/** Tiny images are scaled up until their shorter side reaches this, so labels stay readable. */
export const MIN_SHORT_SIDE = 400;

/** The photo of a picture: its bytes, and the place its messages name (a TSV line, an image file). */
export interface Photo {
  image: Buffer;
  imageFormat: ImageFormat;
  where: DataLocation;
}

/** The image panel's geometry, known from the header before any pixel is decoded. */
export interface ProbedImage {
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
  /** Panel pixels per source pixel. */
  scale: number;
  meta: Metadata;
}

/** Scale of the image panel: down to maxSide, up to MIN_SHORT_SIDE (without passing maxSide). */
export function panelScale(width: number, height: number, maxSide: number): number {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (long > maxSide) return maxSide / long;
  if (short < MIN_SHORT_SIDE) return Math.min(MIN_SHORT_SIDE / short, maxSide / long);
  return 1;
}

/** Reads the header: size checks (DataError) and the panel size. */
export async function probeImage(photo: Photo, maxSide: number): Promise<ProbedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(photo.image, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw new DataError('image-decode', photo.where, `cannot read the ${photo.imageFormat} image header (${(e as Error).message})`, 'The image bytes are damaged; skip this sample');
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (!(w > 0 && h > 0)) {
    throw new DataError('image-decode', photo.where, 'the image has no size', 'The image bytes are damaged; skip this sample');
  }
  if (w * h > MAX_IMAGE_PIXELS) {
    throw new DataError('image-too-large', photo.where, `the image claims ${w}×${h} px, more than ${MAX_IMAGE_PIXELS / 1e6} megapixels`, 'Such a size is not a HumanRef image; skip this sample');
  }
  const scale = panelScale(w, h, maxSide);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)), sourceWidth: w, sourceHeight: h, scale, meta };
}

/** Decodes the pixels of a probed image to the panel size, as opaque 8-bit sRGB RGBA. */
export async function decodePixels(photo: Photo, probe: ProbedImage): Promise<Buffer> {
  const { meta, width: tw, height: th, sourceWidth: w, sourceHeight: h, scale } = probe;
  try {
    // No .rotate()/autoOrient: sharp keeps the stored orientation unless asked.
    let img = sharp(photo.image, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
    // Each step only when needed: on a plain 8-bit sRGB JPEG they would triple the decode time.
    if (meta.hasAlpha) img = img.flatten({ background: ALPHA_BG });
    if (meta.space !== 'srgb' || meta.depth !== 'uchar' || (meta.channels ?? 0) < 3 || meta.hasProfile) img = img.toColourspace('srgb');
    if (tw !== w || th !== h) {
      img = img.resize(tw, th, { fit: 'fill', kernel: scale < 1 ? 'lanczos3' : 'cubic' });
    }
    const { data, info } = await img.ensureAlpha().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    if (info.channels !== 4 || info.width !== tw || info.height !== th) {
      throw new Error(`unexpected decoded layout ${info.width}×${info.height}×${info.channels}`);
    }
    return data;
  } catch (e) {
    throw new DataError('image-decode', photo.where, `cannot decode the ${photo.imageFormat} image (${(e as Error).message})`, 'The image bytes are damaged; skip this sample');
  }
}
