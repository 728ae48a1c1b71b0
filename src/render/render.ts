// The renderer of this process: one text measure (its caches shared by every picture), visualize's composition
// behind `render(sample, cot)`, and any other composition (eval's) behind `draw`.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { ParsedCot, RenderedImage, Renderer, RenderOptions, Sample } from '../types.js';
import type { Photo } from './decode.js';
import { checkColourEmoji, registerFonts } from './fonts.js';
import type { Composition } from './layout.js';
import { drawPicture, type DrawnPicture, type PictureOptions } from './picture.js';
import { sampleComposition, samplePhoto } from './sample-picture.js';
import { createMeasure } from './text-draw.js';
import type { Measure } from './wrap.js';

export type { RenderedImage, Renderer, RenderOptions };

/** Draws a picture of any composition with the process's fonts and measure. */
export interface PictureDrawer {
  draw(photo: Photo, composition: Composition, options?: PictureOptions): Promise<DrawnPicture>;
}

/** A renderer that also hands back where it put everything (for tests and checks). */
export interface DetailedRenderer extends Renderer, PictureDrawer {
  renderDetailed(sample: Sample, cot: ParsedCot, options?: RenderOptions): Promise<DrawnPicture>;
}

class CanvasRenderer implements DetailedRenderer {
  private readonly measure: Measure;

  constructor(measureCtx: SKRSContext2D) {
    this.measure = createMeasure(measureCtx);
  }

  async render(sample: Sample, cot: ParsedCot, options: RenderOptions = {}): Promise<RenderedImage> {
    return (await this.renderDetailed(sample, cot, options)).image;
  }

  renderDetailed(sample: Sample, cot: ParsedCot, options: RenderOptions = {}): Promise<DrawnPicture> {
    return this.draw(samplePhoto(sample), sampleComposition(sample, cot, options.warnings), options);
  }

  draw(photo: Photo, composition: Composition, options: PictureOptions = {}): Promise<DrawnPicture> {
    return drawPicture(photo, composition, options, this.measure);
  }
}

let shared: Promise<DetailedRenderer> | null = null;

/** The one renderer of this process: fonts registered and the colour-emoji self-check passed, once. */
export function getRenderer(): Promise<Renderer> {
  return getDetailedRenderer();
}

/** The same shared renderer as a drawer of any composition. */
export function getPictureDrawer(): Promise<PictureDrawer> {
  return getDetailedRenderer();
}

/** The same shared renderer, with `renderDetailed` (layout included) for tests. */
export function getDetailedRenderer(): Promise<DetailedRenderer> {
  shared ??= (async (): Promise<DetailedRenderer> => {
    registerFonts();
    checkColourEmoji();
    return new CanvasRenderer(createCanvas(1, 1).getContext('2d'));
  })();
  // A failed start-up is not cached: the next call tries again (and fails with the same clear message).
  shared.catch(() => {
    shared = null;
  });
  return shared;
}
