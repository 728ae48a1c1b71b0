// The candidate layer's geometry (pure): source boxes as panel rectangles, zero-size markers, sides cut by the border.
import type { Mark } from '../types.js';

export { clipMarks, clippedSides } from './clip-marks.js';
import { clippedSides } from './clip-marks.js';
import type { Rect } from './labels.js';

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
}

/** Sizes that follow the image, as detectron2 does: label font ~ sqrt(W*H)/70 (a bit above detectron2's /90: checked at a glance, not zoomed), line width from it. */
export function boxStyle(width: number, height: number): { labelSize: number; lineWidth: number } {
  const labelSize = Math.max(14, Math.round(Math.sqrt(width * height) / 70));
  return { labelSize, lineWidth: Math.max(2, Math.round(labelSize / 5)) };
}

/** A candidate as a composition hands it over: its box (xyxy, source pixels) and how it is shown. */
export interface CandidateSpec {
  person: number;
  box: readonly number[];
  verdict: Mark | null;
  target: boolean;
  color: string;
}

/** The frame boxes are drawn in: the image panel's size and the source image's. */
export interface BoxFrame {
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
}

/** An xyxy source box as a panel rectangle: scaled, rounded, clamped to the panel (only here, for drawing). */
export function panelRect(box: readonly number[], frame: BoxFrame): Rect {
  const sx = frame.width / frame.sourceWidth;
  const sy = frame.height / frame.sourceHeight;
  const cx = (v: number) => Math.max(0, Math.min(frame.width, Math.round(v * sx)));
  const cy = (v: number) => Math.max(0, Math.min(frame.height, Math.round(v * sy)));
  const x0 = cx(Math.min(box[0], box[2]));
  const x1 = cx(Math.max(box[0], box[2]));
  const y0 = cy(Math.min(box[1], box[3]));
  const y1 = cy(Math.max(box[1], box[3]));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** xywh boxes (non-finite numbers read as 0) as xyxy, corners ordered. */
export function xywhToXyxy(b: readonly number[]): number[] {
  const [x, y, w, h] = b.map((v) => (Number.isFinite(v) ? v : 0));
  return [Math.min(x, x + w), Math.min(y, y + h), Math.max(x, x + w), Math.max(y, y + h)];
}

/** Candidates -> panel geometry: rectangles, zero-size markers, sides cut by the image border. */
export function boxGeometry(candidates: readonly CandidateSpec[], frame: BoxFrame): BoxGeometry[] {
  return candidates.map((c) => {
    const rect = panelRect(c.box, frame);
    return {
      person: c.person,
      verdict: c.verdict,
      target: c.target,
      color: c.color,
      rect,
      point: rect.w < 3 || rect.h < 3,
      clipped: clippedSides(c.box, frame.sourceWidth, frame.sourceHeight),
    };
  });
}

/** Radius of a zero-size box's marker; its label keeps off it. */
export function markerRadius(lw: number): number {
  return lw * 4;
}
