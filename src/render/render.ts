// Composes one picture: image panel with boxes and labels, the reasoning panel in columns, the footer; then encodes it.
import { createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import { DataError, UsageError } from '../errors.js';
import type { ParsedCot, RenderedImage, Renderer, RenderOptions, Sample } from '../types.js';
import { OUTPUT_FORMATS } from '../formats.js';
import { drawBoxes, drawLabels } from './boxes.js';
import { FOOTER_BG, PANEL_BG, RULE } from './colors.js';
import { decodePixels, probeImage } from './decode.js';
import { encodeRgba } from './encode.js';
import { checkColourEmoji, registerFonts } from './fonts.js';
import { columnX, layoutPicture, type PictureLayout } from './layout.js';
import { createMeasure, drawLine, prepareContext } from './text-draw.js';
import type { Measure } from './wrap.js';

export type { RenderedImage, Renderer, RenderOptions };

/** A renderer that also hands back where it put everything (for tests and checks). */
export interface DetailedRenderer extends Renderer {
  renderDetailed(sample: Sample, cot: ParsedCot, options?: RenderOptions): Promise<{ image: RenderedImage; layout: PictureLayout }>;
}

class CanvasRenderer implements DetailedRenderer {
  private readonly measure: Measure;

  constructor(measureCtx: SKRSContext2D) {
    this.measure = createMeasure(measureCtx);
  }

  async render(sample: Sample, cot: ParsedCot, options: RenderOptions = {}): Promise<RenderedImage> {
    return (await this.renderDetailed(sample, cot, options)).image;
  }

  async renderDetailed(sample: Sample, cot: ParsedCot, options: RenderOptions = {}) {
    const format = options.format ?? 'png';
    const maxSideOption = options.maxSide ?? 2048;
    if (!Number.isFinite(maxSideOption) || maxSideOption < 64) {
      throw new UsageError(`maxSide must be a number of pixels of at least 64, not ${String(options.maxSide)}`);
    }
    const img = await probeImage(sample, Math.floor(maxSideOption));
    // sharp decodes on its own threads while this thread lays out and draws the text.
    const pixels = decodePixels(sample, img);
    pixels.catch(() => undefined);
    const layout = layoutPicture(sample, cot, img, this.measure, options.warnings);
    const { width, height, bodyHeight, panel } = layout;
    const maxSide = OUTPUT_FORMATS[format].maxSide;
    if (width > maxSide || height > maxSide) {
      throw new DataError('image-too-large', { file: sample.files?.annotationsTsv ?? `${sample.split} annotations TSV`, index: sample.index, offset: sample.annOffset }, `the picture would be ${width}×${height} px, over the ${format.toUpperCase()} limit of ${maxSide} px a side`, 'Use --format png for this sample');
    }
    const W = img.width;
    const H = img.height;

    const canvas = createCanvas(width, height);
    // Opaque: canvas.data() is about a third cheaper, and premultiplied equals straight RGBA.
    const ctx = canvas.getContext('2d', { alpha: false });
    prepareContext(ctx);
    ctx.fillStyle = PANEL_BG;
    ctx.fillRect(0, 0, width, height);

    // Reasoning panel, separated from the image by a rule; thin rules between columns.
    ctx.fillStyle = RULE;
    ctx.fillRect(W, 0, 1, bodyHeight);
    for (let c = 1; c < layout.flow.columns; c++) {
      ctx.fillRect(columnX(layout, c) - Math.round(panel.gutter / 2), panel.pad, 1, bodyHeight - 2 * panel.pad);
    }
    for (const f of layout.flow.lines) drawLine(ctx, f.line, columnX(layout, f.column), panel.pad + f.y, panel.columnWidth, this.measure);

    ctx.fillStyle = FOOTER_BG;
    ctx.fillRect(0, bodyHeight, width, layout.footer.height);
    ctx.fillStyle = RULE;
    ctx.fillRect(0, bodyHeight, width, 1);
    for (const { line, y } of layout.footer.lines) drawLine(ctx, line, layout.footer.x, y, width - 2 * layout.footer.x, this.measure);

    const rgba = await pixels;
    ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), W, H), 0, 0);
    drawBoxes(ctx, layout.boxes, layout.lineWidth, W, H);
    drawLabels(ctx, layout.labels, this.measure);

    const drawn = canvas.data();
    // The canvas's own pixels (as big as the copy) are freed now rather than whenever V8 collects the canvas.
    canvas.width = 1;
    const data = await encodeRgba(drawn, width, height, format, options.fast ?? false);
    return { image: { data, width, height, format }, layout };
  }
}

let shared: Promise<DetailedRenderer> | null = null;

/** The one renderer of this process: fonts registered and the colour-emoji self-check passed, once. */
export function getRenderer(): Promise<Renderer> {
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
