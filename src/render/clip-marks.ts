// A box that reaches past the image border: which sides are cut, and the marks that show it in the picture.
import type { SKRSContext2D } from '@napi-rs/canvas';
import { borderTolerance } from './border.js';
import type { Rect } from './labels.js';

/** What the marks need of a box (BoxGeometry has it). */
export interface ClippableBox {
  rect: Rect;
  color: string;
  clipped: { left: boolean; top: boolean; right: boolean; bottom: boolean };
}

/** Sides of an xyxy source box past the border of a `width`×`height` image, by the box-past-border finding's rule. */
export function clippedSides(box: readonly number[], width: number, height: number): ClippableBox['clipped'] {
  const [tx, ty] = [borderTolerance(width), borderTolerance(height)];
  return { left: box[0] < -tx, top: box[1] < -ty, right: box[2] > width + tx, bottom: box[3] > height + ty };
}

/** The arrows that mark a cut side: where on the edge, and which way (out of the picture). */
export function clipMarks(b: ClippableBox, lw: number): { x: number; y: number; dx: number; dy: number; size: number }[] {
  const { x, y, w, h } = b.rect;
  const size = Math.max(8, lw * 4);
  const marks: { x: number; y: number; dx: number; dy: number; size: number }[] = [];
  // Up to three arrows along each cut side, pointing out of the image, where the box goes on.
  const along = (length: number) => (length > 8 * size ? [0.25, 0.5, 0.75] : [0.5]).map((f) => f * length);
  if (b.clipped.left) for (const t of along(h)) marks.push({ x: x + size * 0.9, y: y + t, dx: -1, dy: 0, size });
  if (b.clipped.right) for (const t of along(h)) marks.push({ x: x + w - size * 0.9, y: y + t, dx: 1, dy: 0, size });
  if (b.clipped.top) for (const t of along(w)) marks.push({ x: x + t, y: y + size * 0.9, dx: 0, dy: -1, size });
  if (b.clipped.bottom) for (const t of along(w)) marks.push({ x: x + t, y: y + h - size * 0.9, dx: 0, dy: 1, size });
  return marks;
}

/** A cut side: drawn dashed (colour on white) with arrowheads pointing where the box continues past the border. */
export function drawClippedSides(ctx: SKRSContext2D, b: ClippableBox, lw: number): void {
  const { x, y, w, h } = b.rect;
  const sides: [number, number, number, number][] = [];
  if (b.clipped.left) sides.push([x + lw / 2, y, x + lw / 2, y + h]);
  if (b.clipped.right) sides.push([x + w - lw / 2, y, x + w - lw / 2, y + h]);
  if (b.clipped.top) sides.push([x, y + lw / 2, x + w, y + lw / 2]);
  if (b.clipped.bottom) sides.push([x, y + h - lw / 2, x + w, y + h - lw / 2]);
  if (sides.length === 0) return;
  ctx.save();
  ctx.lineWidth = lw;
  ctx.setLineDash([lw * 2, lw * 2]);
  ctx.strokeStyle = '#ffffff';
  for (const [x1, y1, x2, y2] of sides) {
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const m of clipMarks(b, lw)) {
    // Tip at the edge, base inside the box: a white-haloed triangle in the box colour.
    const tipX = m.x + m.dx * m.size * 0.9;
    const tipY = m.y + m.dy * m.size * 0.9;
    const px = -m.dy;
    const py = m.dx;
    ctx.beginPath();
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(m.x + px * m.size * 0.7, m.y + py * m.size * 0.7);
    ctx.lineTo(m.x - px * m.size * 0.7, m.y - py * m.size * 0.7);
    ctx.closePath();
    ctx.fillStyle = b.color;
    ctx.strokeStyle = '#ffffff';
    // Stroked before the fill: half of it shows as a white halo around the arrow, on any background.
    ctx.lineWidth = Math.max(2, lw);
    ctx.stroke();
    ctx.fill();
  }
  ctx.restore();
}

