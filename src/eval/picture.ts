// One eval picture: the image with candidates, ground truth and the model's boxes; its score and reasoning beside it.
// Built from render/'s parts (decoding, box and label drawing, wrapping, columns, text drawing, encoding).
import { createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import { DataError } from '../errors.js';
import type { ImageFormat, Sample } from '../types.js';
import { boxStyle, clippedSides, drawBoxes, drawLabels, layoutLabels, type BoxGeometry } from '../render/boxes.js';
import { contrastText, FOOTER_BG, PANEL_BG, RULE } from '../render/colors.js';
import { balanceColumns } from '../render/columns.js';
import { decodePixels, probeImage } from '../render/decode.js';
import { encodeRgba, type OutputFormat } from '../render/encode.js';
import { MAX_OUTPUT_PIXELS, panelMetrics } from '../render/layout.js';
import type { Rect } from '../render/labels.js';
import { getRenderer } from '../render/render.js';
import { baselineOffset, createMeasure, drawLine, drawRun, prepareContext } from '../render/text-draw.js';
import { wrapParagraphs, type Measure } from '../render/wrap.js';
import type { XyxyBox } from './metric.js';
import type { GtBoxJudgement, PredictedBoxJudgement } from './judge.js';
import { evalFooter, evalParagraphs, OUTCOME_COLORS, personColor, type EvalTextInput } from './picture-text.js';
import { formatFixed3 } from './table.js';

export interface EvalPictureInput extends EvalTextInput {
  image: Buffer;
  imageFormat: ImageFormat;
  /** Named in messages and in the footer. */
  imageFile: string;
  /** Parser warnings and response notes for the footer. */
  notes: string[];
}

export interface EvalPictureOptions {
  format?: OutputFormat;
  maxSide?: number;
  fast?: boolean;
}

/** Response text beyond this is cut (with a note): real answers are a few KB. */
export const MAX_SHOWN_CHARS = 20_000;

let measure: Measure | null = null;

async function ready(): Promise<Measure> {
  // The shared renderer registers the fonts and checks colour emoji once per process.
  await getRenderer();
  measure ??= createMeasure(createCanvas(1, 1).getContext('2d'));
  return measure;
}

function toRect(box: readonly number[], sx: number, sy: number, W: number, H: number): Rect {
  const cx = (v: number) => Math.max(0, Math.min(W, Math.round(v * sx)));
  const cy = (v: number) => Math.max(0, Math.min(H, Math.round(v * sy)));
  const x0 = cx(Math.min(box[0], box[2]));
  const x1 = cx(Math.max(box[0], box[2]));
  const y0 = cy(Math.min(box[1], box[3]));
  const y1 = cy(Math.max(box[1], box[3]));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

interface Tag {
  rect: Rect;
  text: string;
  color: string;
  size: number;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Tags sit inside the bottom-left corner of their box, moved up past tags already placed. */
function placeTag(box: Rect, w: number, h: number, placed: Rect[], W: number, H: number): Rect {
  let r: Rect = { x: Math.max(0, Math.min(box.x + 2, W - w)), y: Math.max(0, Math.min(box.y + box.h - h - 2, H - h)), w, h };
  for (let k = 0; k < 12 && placed.some((p) => overlaps(p, r)); k++) r = { ...r, y: Math.max(0, r.y - h - 2) };
  placed.push(r);
  return r;
}

/** `avoid`: the candidate labels, which tags must not hide. */
function boxTags(predicted: PredictedBoxJudgement[], gt: GtBoxJudgement[], toPanel: (b: XyxyBox) => Rect, size: number, m: Measure, W: number, H: number, avoid: Rect[]): Tag[] {
  const placed: Rect[] = [...avoid];
  const tag = (box: Rect, text: string, color: string): Tag => {
    const w = Math.ceil(m(text, 'text', true, size) + size * 0.7);
    const h = Math.round(size * 1.3);
    return { rect: placeTag(box, w, h, placed, W, H), text, color, size };
  };
  const tags: Tag[] = [];
  for (const b of predicted) {
    // Short, because a crowd has a tag per person: `#3` is the box's place in extracted_predictions.
    const text = b.outcome === 'hit' ? `#${b.index + 1} IoU ${formatFixed3(b.iou)}` : `#${b.index + 1} false alarm`;
    tags.push(tag(toPanel(b.box), text, OUTCOME_COLORS[b.outcome]));
  }
  for (const g of gt) if (g.outcome === 'missed') tags.push(tag(toPanel(g.box), 'missed', OUTCOME_COLORS.missed));
  return tags;
}

/** The model's boxes: dashed, white-haloed so they show on any background and beside the solid candidate outlines. */
function drawPredicted(ctx: SKRSContext2D, boxes: { rect: Rect; color: string }[], lw: number): void {
  for (const { rect: r, color } of boxes) {
    for (const [style, width] of [['#ffffff', lw + 2], [color, lw]] as const) {
      ctx.strokeStyle = style;
      ctx.lineWidth = width;
      ctx.setLineDash([lw * 3, lw * 2]);
      ctx.strokeRect(r.x + lw / 2, r.y + lw / 2, Math.max(0, r.w - lw), Math.max(0, r.h - lw));
    }
  }
  ctx.setLineDash([]);
}

function drawTags(ctx: SKRSContext2D, tags: Tag[]): void {
  for (const t of tags) {
    ctx.fillStyle = t.color;
    ctx.fillRect(t.rect.x, t.rect.y, t.rect.w, t.rect.h);
    const run = { x: 0, width: 0, text: t.text, kind: 'text' as const, bold: true, color: contrastText(t.color), size: t.size };
    drawRun(ctx, run, t.rect.x + Math.round(t.size * 0.35), t.rect.y + baselineOffset(t.rect.h, t.size));
  }
}

function cut(text: string): { text: string; cut: boolean } {
  return text.length > MAX_SHOWN_CHARS ? { text: text.slice(0, MAX_SHOWN_CHARS), cut: true } : { text, cut: false };
}

export async function renderEvalPicture(
  input: EvalPictureInput,
  options: EvalPictureOptions = {},
): Promise<{ data: Buffer; width: number; height: number; source: { width: number; height: number } }> {
  const m = await ready();
  const format = options.format ?? 'png';
  // probeImage and decodePixels read a Sample; only these fields are used.
  const sampleLike = { image: input.image, imageFormat: input.imageFormat, split: 'eval', index: input.gt.position, imgOffset: 0, files: { imagesTsv: input.imageFile, annotationsTsv: input.gt.file } } as unknown as Sample;
  let img;
  try {
    img = await probeImage(sampleLike, Math.floor(options.maxSide ?? 2048));
  } catch (error) {
    if (error instanceof DataError) throw new DataError(error.code, { file: input.imageFile }, error.problem, error.hint);
    throw error;
  }
  const pixels = decodePixels(sampleLike, img).catch((error: unknown) => {
    throw error instanceof DataError ? new DataError(error.code, { file: input.imageFile }, error.problem, error.hint) : error;
  });
  pixels.catch(() => undefined);
  const W = img.width;
  const H = img.height;
  const sx = W / img.sourceWidth;
  const sy = H / img.sourceHeight;
  const pm = panelMetrics(W, H);

  const think = cut(input.response.think);
  const notes = [...input.notes, ...(think.cut ? [`the reasoning is cut after ${MAX_SHOWN_CHARS} characters`] : [])];
  const textInput = { ...input, response: { ...input.response, think: think.text, answer: input.response.answer === null ? null : cut(input.response.answer).text } };
  const lines = wrapParagraphs(evalParagraphs(textInput, pm.size), pm.columnWidth, m);
  const flow = balanceColumns(lines, pm.maxColumnHeight - 2 * pm.pad);
  const panelW = 2 * pm.pad + flow.columns * pm.columnWidth + (flow.columns - 1) * pm.gutter;
  const bodyHeight = Math.max(H, Math.ceil(flow.height) + 2 * pm.pad);
  const width = W + panelW;
  const shown = img.scale === 1 ? '' : ` (shown at ${Math.round(img.scale * 100)}%)`;
  const where = input.gt.dataset ? `sample ${input.gt.dataset.index}` : `line ${input.gt.line}`;
  const source = `${input.gt.file}, ${where} · image ${input.imageFile} · ${img.sourceWidth}×${img.sourceHeight} px${shown}`;
  const footPad = Math.round(pm.pad * 0.7);
  let y = bodyHeight + footPad;
  const footer = wrapParagraphs(evalFooter(textInput, notes, source, pm.footerSize), width - 2 * pm.pad, m).map((line) => {
    y += line.spaceBefore;
    const at = { line, y };
    y += line.height;
    return at;
  });
  const height = y + footPad;
  if (width * height > MAX_OUTPUT_PIXELS) {
    throw new DataError('image-too-large', { file: input.gt.file }, `the picture would be ${width}×${height} px, over ${MAX_OUTPUT_PIXELS / 1e6} megapixels`, 'Skip this sample');
  }

  const { labelSize, lineWidth } = boxStyle(W, H);
  const candidates: BoxGeometry[] = input.gt.candidates.map((box, i) => {
    const j = input.persons[i];
    const rect = toRect(box, sx, sy, W, H);
    return { person: i + 1, verdict: j.verdict, target: j.target, color: personColor(j), rect, point: rect.w < 3 || rect.h < 3, clipped: clippedSides(box, img.sourceWidth, img.sourceHeight) };
  });
  const labels = layoutLabels(candidates, W, H, labelSize, lineWidth, m);
  const toPanel = (b: XyxyBox) => toRect(b, sx, sy, W, H);
  const predicted = input.boxes.predicted.map((b) => ({ rect: toPanel(b.box), color: OUTCOME_COLORS[b.outcome] }));
  const missed = input.boxes.gt.filter((g) => g.outcome === 'missed').map((g) => ({ rect: toPanel(g.box), color: OUTCOME_COLORS.missed }));
  const tags = boxTags(input.boxes.predicted, input.boxes.gt, toPanel, Math.max(11, Math.round(labelSize * 0.75)), m, W, H, labels.map((l) => l.rect));

  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d', { alpha: false });
  // Kerning off and a fixed language, as every width was measured (see prepareContext).
  prepareContext(ctx);
  ctx.fillStyle = PANEL_BG;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = RULE;
  ctx.fillRect(W, 0, 1, bodyHeight);
  const colX = (c: number) => W + pm.pad + c * (pm.columnWidth + pm.gutter);
  for (let c = 1; c < flow.columns; c++) ctx.fillRect(colX(c) - Math.round(pm.gutter / 2), pm.pad, 1, bodyHeight - 2 * pm.pad);
  for (const f of flow.lines) drawLine(ctx, f.line, colX(f.column), pm.pad + f.y, pm.columnWidth, m);
  ctx.fillStyle = FOOTER_BG;
  ctx.fillRect(0, bodyHeight, width, height - bodyHeight);
  ctx.fillStyle = RULE;
  ctx.fillRect(0, bodyHeight, width, 1);
  for (const { line, y: top } of footer) drawLine(ctx, line, pm.pad, top, width - 2 * pm.pad, m);

  const rgba = await pixels;
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), W, H), 0, 0);
  drawBoxes(ctx, candidates, lineWidth, W, H);
  drawPredicted(ctx, [...missed, ...predicted], lineWidth);
  drawLabels(ctx, labels, m);
  drawTags(ctx, tags);
  const data = await encodeRgba(canvas.data(), width, height, format, options.fast ?? false);
  return { data, width, height, source: { width: img.sourceWidth, height: img.sourceHeight } };
}

