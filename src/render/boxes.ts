// Candidate boxes on the image panel: geometry (pure), outlines, zero-size markers and `Person N ✅` labels.
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Mark, ParsedCot } from '../types.js';

export { clipMarks, clippedSides } from './clip-marks.js';
import { clippedSides, drawClippedSides } from './clip-marks.js';
import { ANSWER_COLOR, candidateColor, contrastText } from './colors.js';
import { leaderLine, placeLabels, type Leader, type Rect } from './labels.js';
import { baselineOffset, drawRun } from './text-draw.js';
import type { Measure } from './wrap.js';

export interface BoxGeometry {
  person: number;
  verdict: Mark | null;
  target: boolean;
  color: string;
  /** Clamped to the panel, integer pixels; w or h may be 0. */
  rect: Rect;
  /** Too small to see as a rectangle: drawn as a marker. */
  point: boolean;
  /** Sides of the stored box that lie past the image border: the picture marks them where the box is cut. */
  clipped: { left: boolean; top: boolean; right: boolean; bottom: boolean };
  /** A box that is no candidate (a custom GRPO row's answer when no hint equals it): dashed, with its own label. */
  label?: string;
}

/** Sizes that follow the image, as detectron2 does: label font ~ sqrt(W*H)/70 (a bit above detectron2's /90: checked at a glance, not zoomed), line width from it. */
export function boxStyle(width: number, height: number): { labelSize: number; lineWidth: number } {
  const labelSize = Math.max(14, Math.round(Math.sqrt(width * height) / 70));
  return { labelSize, lineWidth: Math.max(2, Math.round(labelSize / 5)) };
}

/** Where one stored xywh box goes on the panel: clamped (only here, for drawing), and which of its sides the border cuts. */
function placeBox(b: number[], sx: number, sy: number, width: number, height: number): Pick<BoxGeometry, 'rect' | 'point' | 'clipped'> {
  const [x, y, w, h] = b.map((v) => (Number.isFinite(v) ? v : 0));
  const cx = (v: number) => Math.max(0, Math.min(width, Math.round(v * sx)));
  const cy = (v: number) => Math.max(0, Math.min(height, Math.round(v * sy)));
  const x0 = cx(Math.min(x, x + w));
  const x1 = cx(Math.max(x, x + w));
  const y0 = cy(Math.min(y, y + h));
  const y1 = cy(Math.max(y, y + h));
  return {
    rect: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 },
    point: x1 - x0 < 3 || y1 - y0 < 3,
    clipped: clippedSides([Math.min(x, x + w), Math.min(y, y + h), Math.max(x, x + w), Math.max(y, y + h)], width / sx, height / sy),
  };
}

/** xywh source boxes → panel rectangles, coloured by verdict (a custom GRPO row: its answer's colour). */
export function boxGeometry(gtBoxes: number[][], sx: number, sy: number, width: number, height: number, cot: ParsedCot): BoxGeometry[] {
  const targets = new Set(cot.targets);
  const boxes: BoxGeometry[] = gtBoxes.map((b, i) => {
    const person = i + 1;
    const verdict = cot.verdicts[i] ?? null;
    const color = cot.answer?.hint === person ? ANSWER_COLOR : candidateColor(person, verdict);
    return { person, verdict, target: targets.has(person), color, ...placeBox(b, sx, sy, width, height) };
  });
  // A custom GRPO row's answer that equals no hint is drawn too, last (on top), or the picture would not show it.
  if (cot.answer && cot.answer.hint === null) {
    const [x0, y0, x1, y1] = cot.answer.box;
    boxes.push({ person: 0, verdict: null, target: false, color: ANSWER_COLOR, label: 'ans', ...placeBox([x0, y0, x1 - x0, y1 - y0], sx, sy, width, height) });
  }
  return boxes;
}

function markerRadius(lw: number): number {
  return lw * 4;
}

/** Draws outlines on the image panel, `fw`×`fh` px at the canvas origin. */
export function drawBoxes(ctx: SKRSContext2D, boxes: BoxGeometry[], lw: number, fw: number, fh: number): void {
  for (const b of boxes) {
    const { x, y, w, h } = b.rect;
    ctx.strokeStyle = b.color;
    ctx.lineWidth = lw;
    if (b.point) {
      // A zero-size box: its degenerate edge as a line, and a ringed cross at its centre kept inside
      // the frame; each white-haloed so it shows on any background.
      const r = markerRadius(lw);
      const px = Math.max(r, Math.min(x + w / 2, fw - r));
      const py = Math.max(r, Math.min(y + h / 2, fh - r));
      for (const [style, width] of [['#ffffff', lw + 2], [b.color, lw]] as const) {
        ctx.strokeStyle = style;
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x + w, y + h);
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, Math.PI * 2);
        ctx.moveTo(px - r * 1.5, py);
        ctx.lineTo(px + r * 1.5, py);
        ctx.moveTo(px, py - r * 1.5);
        ctx.lineTo(px, py + r * 1.5);
        ctx.stroke();
      }
      continue;
    }
    // Strokes sit inside the box edges: exact pixels, and nothing lost at the frame.
    if (b.label !== undefined) ctx.setLineDash([3 * lw, 2 * lw]);
    ctx.strokeRect(x + lw / 2, y + lw / 2, Math.max(0, w - lw), Math.max(0, h - lw));
    ctx.setLineDash([]);
    if (b.target && w > 4 * lw && h > 4 * lw) {
      const o = 2 * lw;
      ctx.strokeRect(x + o + lw / 2, y + o + lw / 2, w - 2 * o - lw, h - 2 * o - lw);
    }
    drawClippedSides(ctx, b, lw);
  }
}

function markSize(size: number): number {
  return Math.round(size * 0.9);
}

export interface BoxLabel {
  box: BoxGeometry;
  rect: Rect;
  /** Set when the label had to move away from its box: a line that ties it back. */
  leader: Leader | null;
  text: string;
  mark: Mark | null;
  size: number;
}

const labelText = (b: BoxGeometry) => b.label ?? `Person ${b.person}`;

function labelSizeOf(b: BoxGeometry, size: number, measure: Measure): { w: number; h: number } {
  const pad = Math.round(size * 0.35);
  let w = pad * 2 + measure(labelText(b), 'text', true, size);
  if (b.verdict) w += Math.round(size * 0.5) + measure(b.verdict, 'emoji', false, markSize(size));
  return { w: Math.ceil(w), h: Math.round(size * 1.35) };
}

/** Where every label goes (see placeLabels); a zero-size box's label keeps off its marker. */
export function layoutLabels(boxes: BoxGeometry[], width: number, height: number, size: number, lw: number, measure: Measure): BoxLabel[] {
  const rects = placeLabels(
    boxes.map((b) => {
      const m = markerRadius(lw) * 1.7;
      const r = b.point ? { x: b.rect.x - m, y: b.rect.y - m, w: b.rect.w + 2 * m, h: b.rect.h + 2 * m } : b.rect;
      return { box: r, ...labelSizeOf(b, size, measure), avoid: b.point ? r : undefined };
    }),
    width,
    height,
  );
  return boxes.map((b, i) => ({ box: b, rect: rects[i], leader: b.point ? null : leaderLine(rects[i], b.rect, lw), text: labelText(b), mark: b.verdict, size }));
}

/** Leader lines first (under every label), each white-haloed with a dot where it meets its box. */
function drawLeaders(ctx: SKRSContext2D, labels: BoxLabel[]): void {
  for (const { box: b, leader, size } of labels) {
    if (!leader) continue;
    const width = Math.max(2, size / 6);
    for (const [style, lw] of [['#ffffff', width + 2], [b.color, width]] as const) {
      ctx.strokeStyle = style;
      ctx.fillStyle = style;
      ctx.lineWidth = lw;
      ctx.beginPath();
      ctx.moveTo(leader.x1, leader.y1);
      ctx.lineTo(leader.x2, leader.y2);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(leader.x2, leader.y2, lw * 1.3, 0, Math.PI * 2);
      ctx.fill();
    }
  }
}

export function drawLabels(ctx: SKRSContext2D, labels: BoxLabel[], measure: Measure): void {
  drawLeaders(ctx, labels);
  for (const { box: b, rect: r, text, mark, size } of labels) {
    ctx.fillStyle = b.color;
    ctx.fillRect(r.x, r.y, r.w, r.h);
    const pad = Math.round(size * 0.35);
    const ink = contrastText(b.color);
    drawRun(ctx, { x: 0, width: 0, text, kind: 'text', bold: true, color: ink, size }, r.x + pad, r.y + baselineOffset(r.h, size));
    if (mark) {
      const ms = markSize(size);
      const mw = measure(mark, 'emoji', false, ms);
      const mx = r.x + r.w - pad - mw;
      // A white backdrop keeps a green ✅ visible on a green label.
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(Math.floor(mx - 2), r.y + 2, Math.ceil(mw + 4), r.h - 4);
      drawRun(ctx, { x: 0, width: 0, text: mark, kind: 'emoji', bold: false, color: ink, size: ms }, mx, r.y + baselineOffset(r.h, ms));
    }
  }
}
