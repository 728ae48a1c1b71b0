// Draws one picture of any composition: probe the photo, lay the layers out, check the size for the format, paint
// (text while sharp decodes the photo), free the canvas, encode.
import { createCanvas } from '@napi-rs/canvas';
import { DataError, UsageError } from '../errors.js';
import { OUTPUT_FORMATS } from '../formats.js';
import type { RenderedImage, RenderOptions } from '../types.js';
import { decodePixels, probeImage, type Photo } from './decode.js';
import { encodeRgba } from './encode.js';
import { layoutPicture, type Composition, type PictureLayout } from './layout.js';
import { paintImagePanel, paintText } from './paint.js';
import { prepareContext } from './text-draw.js';
import type { Measure } from './wrap.js';

export type PictureOptions = Pick<RenderOptions, 'format' | 'maxSide' | 'fast'>;

export interface DrawnPicture {
  image: RenderedImage;
  /** Where everything went (for tests and checks). */
  layout: PictureLayout;
}

export async function drawPicture(photo: Photo, composition: Composition, options: PictureOptions, measure: Measure): Promise<DrawnPicture> {
  const format = options.format ?? 'png';
  const maxSideOption = options.maxSide ?? 2048;
  if (!Number.isFinite(maxSideOption) || maxSideOption < 64) {
    throw new UsageError(`maxSide must be a number of pixels of at least 64, not ${String(options.maxSide)}`);
  }
  const img = await probeImage(photo, Math.floor(maxSideOption));
  // sharp decodes on its own threads while this thread lays out and draws the text.
  const pixels = decodePixels(photo, img);
  pixels.catch(() => undefined);
  const layout = layoutPicture(composition, img, measure);
  const { width, height } = layout;
  const maxSide = OUTPUT_FORMATS[format].maxSide;
  if (width > maxSide || height > maxSide) {
    throw new DataError('image-too-large', composition.refuse.where, `the picture would be ${width}×${height} px, over the ${format.toUpperCase()} limit of ${maxSide} px a side`, 'Use --format png for this sample');
  }

  const canvas = createCanvas(width, height);
  // Opaque: canvas.data() is about a third cheaper, and premultiplied equals straight RGBA.
  const ctx = canvas.getContext('2d', { alpha: false });
  prepareContext(ctx);
  paintText(ctx, layout, measure);
  paintImagePanel(ctx, layout, await pixels, measure);

  const drawn = canvas.data();
  // The canvas's own pixels (as big as the copy) are freed now rather than whenever V8 collects the canvas.
  canvas.width = 1;
  const data = await encodeRgba(drawn, width, height, format, options.fast ?? false);
  return { image: { data, width, height, format }, layout };
}
