// Draws the image panel's overlays, one function per layer kind: candidate outlines (markers, cut sides), labels
// with their leader lines, a model's dashed boxes and their tags.
import type { SKRSContext2D } from '@napi-rs/canvas';
import { markSize, type BoxLabel } from './box-labels.js';
import { markerRadius, type BoxGeometry } from './boxes.js';
import { drawClippedSides } from './clip-marks.js';
import { contrastText } from './colors.js';
import type { Outline, Tag } from './model-boxes.js';
import { baselineOffset, drawRun } from './text-draw.js';
import type { Measure } from './wrap.js';

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
    ctx.strokeRect(x + lw / 2, y + lw / 2, Math.max(0, w - lw), Math.max(0, h - lw));
    if (b.target && w > 4 * lw && h > 4 * lw) {
      const o = 2 * lw;
      ctx.strokeRect(x + o + lw / 2, y + o + lw / 2, w - 2 * o - lw, h - 2 * o - lw);
    }
    drawClippedSides(ctx, b, lw);
  }
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

/** Dashed, white-haloed, so they show on any background and beside the solid candidate outlines. */
export function drawOutlines(ctx: SKRSContext2D, outlines: readonly Outline[], lw: number): void {
  for (const { rect: r, color } of outlines) {
    for (const [style, width] of [['#ffffff', lw + 2], [color, lw]] as const) {
      ctx.strokeStyle = style;
      ctx.lineWidth = width;
      ctx.setLineDash([lw * 3, lw * 2]);
      ctx.strokeRect(r.x + lw / 2, r.y + lw / 2, Math.max(0, r.w - lw), Math.max(0, r.h - lw));
    }
  }
  ctx.setLineDash([]);
}

export function drawTags(ctx: SKRSContext2D, tags: readonly Tag[]): void {
  for (const t of tags) {
    ctx.fillStyle = t.color;
    ctx.fillRect(t.rect.x, t.rect.y, t.rect.w, t.rect.h);
    const run = { x: 0, width: 0, text: t.text, kind: 'text' as const, bold: true, color: contrastText(t.color), size: t.size };
    drawRun(ctx, run, t.rect.x + Math.round(t.size * 0.35), t.rect.y + baselineOffset(t.rect.h, t.size));
  }
}
