// Composes one picture: image panel with boxes and labels, the reasoning panel in columns, the footer; then encodes it.
import { createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import type { ParsedCot, Sample } from '../types.js';
import { boxGeometry, boxStyle, drawBoxes, drawLabels } from './boxes.js';
import { FOOTER_BG, PANEL_BG } from './colors.js';
import { balanceColumns } from './columns.js';
import { decodeImage } from './decode.js';
import { encodeRgba, type OutputFormat } from './encode.js';
import { checkColourEmoji, registerFonts } from './fonts.js';
import { buildFooter } from './footer.js';
import { buildReasoning } from './reasoning.js';
import { createMeasure, drawLine } from './text-draw.js';
import { splitRuns } from './text-runs.js';
import { wrapParagraphs, type Measure } from './wrap.js';

export interface RenderOptions {
  format?: OutputFormat;
  /** The image panel is scaled down when its longer side exceeds this. Default 2048. */
  maxSide?: number;
  /** Cheaper PNG compression (bigger files). */
  fast?: boolean;
}

export interface RenderedImage {
  data: Buffer;
  width: number;
  height: number;
  format: OutputFormat;
}

export interface Renderer {
  render(sample: Sample, cot: ParsedCot, options?: RenderOptions): Promise<RenderedImage>;
}

/** Sizes of the text panel, derived from the image panel so a big image gets bigger text. */
export function panelMetrics(width: number, height: number) {
  const size = Math.max(15, Math.min(22, Math.round(Math.sqrt(width * height) / 64)));
  return {
    size,
    pad: Math.round(size * 1.1),
    gutter: Math.round(size * 1.6),
    columnWidth: Math.round(size * 38),
    /** Columns grow to this height (or the image's) before a new column starts. */
    maxColumnHeight: Math.max(height, size * 80),
    footerSize: Math.max(14, size - 2),
  };
}

function hasMissingGlyphs(texts: string[]): boolean {
  return texts.some((t) => splitRuns(t).some((r) => r.kind === 'missing'));
}

class CanvasRenderer implements Renderer {
  private readonly measure: Measure;

  constructor(measureCtx: SKRSContext2D) {
    this.measure = createMeasure(measureCtx);
  }

  async render(sample: Sample, cot: ParsedCot, options: RenderOptions = {}): Promise<RenderedImage> {
    const format = options.format ?? 'png';
    const img = await decodeImage(sample, options.maxSide ?? 2048);
    const W = img.width;
    const H = img.height;
    const m = panelMetrics(W, H);
    const think = sample.annotation.think;

    const lines = wrapParagraphs(buildReasoning(think, cot, { size: m.size }), m.columnWidth, this.measure);
    const flow = balanceColumns(lines, m.maxColumnHeight - 2 * m.pad);
    const panelW = 2 * m.pad + flow.columns * m.columnWidth + (flow.columns - 1) * m.gutter;
    const bodyH = Math.max(H, Math.ceil(flow.height) + 2 * m.pad);
    const totalW = W + panelW;

    const footerLines = wrapParagraphs(
      buildFooter(sample, cot, {
        sourceWidth: img.sourceWidth,
        sourceHeight: img.sourceHeight,
        scale: img.scale,
        missingGlyphs: hasMissingGlyphs([think, ...cot.expressions]),
      }, m.footerSize),
      totalW - 2 * m.pad,
      this.measure,
    );
    const footerH = footerLines.reduce((s, l) => s + l.spaceBefore + l.height, 0) + 2 * Math.round(m.pad * 0.7);
    const totalH = bodyH + footerH;

    const canvas = createCanvas(totalW, totalH);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = PANEL_BG;
    ctx.fillRect(0, 0, totalW, totalH);
    ctx.putImageData(new ImageData(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), W, H), 0, 0);

    const { labelSize, lineWidth } = boxStyle(W, H);
    const boxes = boxGeometry(sample.annotation.gtBoxes, W / img.sourceWidth, H / img.sourceHeight, W, H, cot);
    drawBoxes(ctx, boxes, lineWidth);
    drawLabels(ctx, boxes, W, H, labelSize, lineWidth, this.measure);

    // Reasoning panel, separated from the image by a rule; thin rules between columns.
    ctx.fillStyle = '#d0d7de';
    ctx.fillRect(W, 0, 1, bodyH);
    for (let c = 1; c < flow.columns; c++) {
      ctx.fillRect(W + m.pad + c * (m.columnWidth + m.gutter) - Math.round(m.gutter / 2), m.pad, 1, bodyH - 2 * m.pad);
    }
    for (const f of flow.lines) {
      const x = W + m.pad + f.column * (m.columnWidth + m.gutter);
      drawLine(ctx, f.line, x, m.pad + f.y, m.columnWidth);
    }

    ctx.fillStyle = FOOTER_BG;
    ctx.fillRect(0, bodyH, totalW, footerH);
    ctx.fillStyle = '#d0d7de';
    ctx.fillRect(0, bodyH, totalW, 1);
    let y = bodyH + Math.round(m.pad * 0.7);
    for (const l of footerLines) {
      y += l.spaceBefore;
      drawLine(ctx, l, m.pad, y, totalW - 2 * m.pad);
      y += l.height;
    }

    const data = await encodeRgba(canvas.data(), totalW, totalH, format, options.fast ?? false);
    return { data, width: totalW, height: totalH, format };
  }
}

let shared: Promise<Renderer> | null = null;

/** The one renderer of this process: fonts registered and the colour-emoji self-check passed, once. */
export function getRenderer(): Promise<Renderer> {
  shared ??= (async () => {
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
