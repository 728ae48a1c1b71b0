// Where everything of one picture goes, computed before any drawing: image panel, boxes, labels, text columns, footer.
import { DataError } from '../errors.js';
import type { ParsedCot, Sample } from '../types.js';
import { boxGeometry, boxStyle, layoutLabels, type BoxGeometry, type BoxLabel } from './boxes.js';
import { balanceColumns, type Flow } from './columns.js';
import { buildFooter } from './footer.js';
import { buildReasoning } from './reasoning.js';
import { splitRuns } from './text-runs.js';
import { wrapParagraphs, type Line, type Measure, type PlacedRun } from './wrap.js';

export interface ImagePanel {
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
  scale: number;
}

export interface PictureLayout {
  width: number;
  height: number;
  image: ImagePanel;
  /** Height of the image + reasoning band; the footer starts here. */
  bodyHeight: number;
  lineWidth: number;
  boxes: BoxGeometry[];
  labels: BoxLabel[];
  panel: { x: number; pad: number; gutter: number; columnWidth: number };
  flow: Flow;
  footer: { x: number; y: number; height: number; lines: { line: Line; y: number }[] };
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
    maxColumnHeight: Math.max(height, size * 100),
    footerSize: Math.max(14, size - 2),
  };
}

/** Largest picture we make (~12 bytes a pixel at peak: canvas, read-back, encoder input). */
export const MAX_OUTPUT_PIXELS = 24_000_000;
/** Beyond this many columns the columns grow taller instead (the picture stays within MAX_OUTPUT_PIXELS). */
export const MAX_COLUMNS = 8;

function tooLarge(sample: Sample, problem: string): DataError {
  return new DataError(
    'image-too-large',
    { file: sample.files?.annotationsTsv ?? `${sample.split} annotations TSV`, index: sample.index, offset: sample.annOffset },
    problem,
    'Real traces are under 10 KB; skip this sample',
  );
}

/** Fewest columns within maxHeight, at most MAX_COLUMNS: past that the column height grows. */
function flowText(lines: Line[], maxHeight: number): Flow {
  let flow = balanceColumns(lines, maxHeight);
  if (flow.columns > MAX_COLUMNS) {
    const total = lines.reduce((s, l) => s + l.spaceBefore + l.height, 0);
    let h = total / MAX_COLUMNS;
    do {
      flow = balanceColumns(lines, h);
      h *= 1.05;
    } while (flow.columns > MAX_COLUMNS);
  }
  return flow;
}

function hasMissingGlyphs(texts: string[]): boolean {
  return texts.some((t) => splitRuns(t).some((r) => r.kind === 'missing'));
}

export function layoutPicture(sample: Sample, cot: ParsedCot, image: ImagePanel, measure: Measure, warnings?: readonly string[]): PictureLayout {
  const W = image.width;
  const H = image.height;
  const m = panelMetrics(W, H);
  const think = sample.annotation.think;
  // Refuse absurd text before spending seconds laying it out: a character needs at least ~0.5 em × 1.4 em.
  const textArea = (think.length + cot.expressions.join('').length) * 0.7 * m.size * m.size;
  if (textArea > 2 * MAX_OUTPUT_PIXELS) {
    throw tooLarge(sample, `the reasoning text (${think.length} characters) would need a picture of over ${Math.round((2 * MAX_OUTPUT_PIXELS) / 1e6)} megapixels`);
  }

  const lines = wrapParagraphs(buildReasoning(think, cot, { size: m.size }, sample.annotation.regionMap), m.columnWidth, measure);
  const flow = flowText(lines, m.maxColumnHeight - 2 * m.pad);
  const panelW = 2 * m.pad + flow.columns * m.columnWidth + (flow.columns - 1) * m.gutter;
  const bodyHeight = Math.max(H, Math.ceil(flow.height) + 2 * m.pad);
  const width = W + panelW;

  const footerParagraphs = buildFooter(
    sample,
    cot,
    { sourceWidth: image.sourceWidth, sourceHeight: image.sourceHeight, scale: image.scale, missingGlyphs: hasMissingGlyphs([think, ...cot.expressions]), warnings },
    m.footerSize,
  );
  const footerPad = Math.round(m.pad * 0.7);
  let y = bodyHeight + footerPad;
  const footerLines = wrapParagraphs(footerParagraphs, width - 2 * m.pad, measure).map((line) => {
    y += line.spaceBefore;
    const at = { line, y };
    y += line.height;
    return at;
  });
  const footerHeight = y + footerPad - bodyHeight;

  if (width * (bodyHeight + footerHeight) > MAX_OUTPUT_PIXELS) {
    throw tooLarge(sample, `the picture would be ${width}×${bodyHeight + footerHeight} px, over ${MAX_OUTPUT_PIXELS / 1e6} megapixels`);
  }

  const { labelSize, lineWidth } = boxStyle(W, H);
  const boxes = boxGeometry(sample.annotation.gtBoxes, W / image.sourceWidth, H / image.sourceHeight, W, H, cot);
  return {
    width,
    height: bodyHeight + footerHeight,
    image,
    bodyHeight,
    lineWidth,
    boxes,
    labels: layoutLabels(boxes, W, H, labelSize, lineWidth, measure),
    panel: { x: W, pad: m.pad, gutter: m.gutter, columnWidth: m.columnWidth },
    flow,
    footer: { x: m.pad, y: bodyHeight, height: footerHeight, lines: footerLines },
  };
}

/** Left edge of a reasoning column. */
export function columnX(layout: PictureLayout, column: number): number {
  const p = layout.panel;
  return p.x + p.pad + column * (p.columnWidth + p.gutter);
}

export interface AbsoluteRun {
  run: PlacedRun;
  x: number;
  /** Top and height of the run's line box. */
  top: number;
  height: number;
  where: 'reasoning' | 'footer';
}

/** Every text run of the reasoning panel and footer at its place on the canvas. */
export function absoluteRuns(layout: PictureLayout): AbsoluteRun[] {
  const out: AbsoluteRun[] = [];
  for (const f of layout.flow.lines) {
    const x = columnX(layout, f.column);
    for (const run of f.line.runs) out.push({ run, x: x + run.x, top: layout.panel.pad + f.y, height: f.line.height, where: 'reasoning' });
  }
  for (const { line, y } of layout.footer.lines) {
    for (const run of line.runs) out.push({ run, x: layout.footer.x + run.x, top: y, height: line.height, where: 'footer' });
  }
  return out;
}
