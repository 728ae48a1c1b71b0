// A picture is a stack of layers: the text panel and footer, the photo, then the image panel's overlays (boxes,
// labels, a model's boxes and tags). This lays them out before any drawing: pure, the caller passes the measure.
import { DataError, type DataLocation } from '../errors.js';
import type { BoxLabel } from './box-labels.js';
import type { BoxGeometry } from './boxes.js';
import { balanceColumns, type Flow } from './columns.js';
import type { Outline, Tag } from './model-boxes.js';
import { wrapParagraphs, type Line, type Measure, type Paragraph, type PlacedRun } from './wrap.js';

export interface ImagePanel {
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
  scale: number;
}

/** The image panel's layers above the photo, each laid out; a composition stacks them bottom to top. */
export type Overlay =
  | { kind: 'candidates'; boxes: BoxGeometry[]; lineWidth: number }
  | { kind: 'labels'; labels: BoxLabel[] }
  | { kind: 'model-boxes'; outlines: Outline[]; lineWidth: number }
  | { kind: 'model-tags'; tags: Tag[] };

export type PanelMetrics = ReturnType<typeof panelMetrics>;

/**
 * One kind of picture: what it shows, at the sizes of its image panel. The text beside the image is one flow of
 * columns (header, score, reasoning, answer), the footer spans the picture below it.
 */
export interface Composition {
  /** Named (where, and what to do) when the picture would be too large. */
  refuse: { where: DataLocation; hint: string };
  /** Characters of text the panel will hold: absurd text is refused before it is laid out. */
  textChars: number;
  /** The text beside the image (flowed into columns) and of the footer, in the sizes `metrics` gives. */
  text(image: ImagePanel, metrics: PanelMetrics): { panel: Paragraph[]; footer: Paragraph[] };
  /** The image panel's layers above the photo, bottom to top. */
  overlays(image: ImagePanel, measure: Measure): Overlay[];
}

export interface PictureLayout {
  width: number;
  height: number;
  image: ImagePanel;
  /** Height of the image + text panel band; the footer starts here. */
  bodyHeight: number;
  panel: { x: number; pad: number; gutter: number; columnWidth: number };
  flow: Flow;
  footer: { x: number; y: number; height: number; lines: { line: Line; y: number }[] };
  overlays: Overlay[];
}

/** A layer of a laid-out picture, by kind (the first one). */
export function findOverlay<K extends Overlay['kind']>(layout: PictureLayout, kind: K): Extract<Overlay, { kind: K }> | undefined {
  return layout.overlays.find((o): o is Extract<Overlay, { kind: K }> => o.kind === kind);
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

function tooLarge(c: Composition, problem: string): DataError {
  return new DataError('image-too-large', c.refuse.where, problem, c.refuse.hint);
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

/** Lays out a picture of `composition` around an image panel: pure, the caller passes the measure. */
export function layoutPicture(composition: Composition, image: ImagePanel, measure: Measure): PictureLayout {
  const W = image.width;
  const H = image.height;
  const m = panelMetrics(W, H);
  // Refuse absurd text before spending seconds laying it out: a character needs at least ~0.5 em × 1.4 em.
  if (composition.textChars * 0.7 * m.size * m.size > 2 * MAX_OUTPUT_PIXELS) {
    throw tooLarge(composition, `the reasoning text (${composition.textChars} characters) would need a picture of over ${Math.round((2 * MAX_OUTPUT_PIXELS) / 1e6)} megapixels`);
  }

  const text = composition.text(image, m);
  const lines = wrapParagraphs(text.panel, m.columnWidth, measure);
  const flow = flowText(lines, m.maxColumnHeight - 2 * m.pad);
  const panelW = 2 * m.pad + flow.columns * m.columnWidth + (flow.columns - 1) * m.gutter;
  const bodyHeight = Math.max(H, Math.ceil(flow.height) + 2 * m.pad);
  const width = W + panelW;

  const footerPad = Math.round(m.pad * 0.7);
  let y = bodyHeight + footerPad;
  const footerLines = wrapParagraphs(text.footer, width - 2 * m.pad, measure).map((line) => {
    y += line.spaceBefore;
    const at = { line, y };
    y += line.height;
    return at;
  });
  const footerHeight = y + footerPad - bodyHeight;

  if (width * (bodyHeight + footerHeight) > MAX_OUTPUT_PIXELS) {
    throw tooLarge(composition, `the picture would be ${width}×${bodyHeight + footerHeight} px, over ${MAX_OUTPUT_PIXELS / 1e6} megapixels`);
  }

  return {
    width,
    height: bodyHeight + footerHeight,
    image,
    bodyHeight,
    panel: { x: W, pad: m.pad, gutter: m.gutter, columnWidth: m.columnWidth },
    flow,
    footer: { x: m.pad, y: bodyHeight, height: footerHeight, lines: footerLines },
    overlays: composition.overlays(image, measure),
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
