// Measuring (cached) and drawing of placed runs: text in DejaVu, emoji in the colour font, missing glyphs as code boxes.
import type { SKRSContext2D } from '@napi-rs/canvas';
import { fontString } from './fonts.js';
import { missingLabel, type RunKind } from './text-runs.js';
import type { Line, Measure, PlacedRun } from './wrap.js';

const MISSING_SCALE = 0.55;
// Vertical metrics of DejaVu Sans, in em: where the baseline sits inside a line box.
const ASCENT = 0.928;
const DESCENT = 0.236;

const MAX_CACHE = 100_000;

/** A Measure backed by one context and a width cache shared by all samples. */
export function createMeasure(ctx: SKRSContext2D): Measure {
  const cache = new Map<string, number>();
  let font = '';
  const raw = (text: string, kind: 'text' | 'emoji', bold: boolean, size: number) => {
    const f = fontString(kind, bold, size);
    if (f !== font) {
      ctx.font = f;
      font = f;
    }
    return ctx.measureText(text).width;
  };
  return (text: string, kind: RunKind, bold: boolean, size: number) => {
    const key = `${kind}${bold ? 'b' : 'r'}${size}\u0000${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      if (kind === 'missing') {
        w = Array.from(text).reduce((s, ch) => s + raw(missingLabel(ch), 'text', false, Math.round(size * MISSING_SCALE)) + size * 0.35, 0);
      } else w = raw(text, kind, bold, size);
      if (cache.size >= MAX_CACHE) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
}

export function baselineOffset(lineHeight: number, size: number): number {
  return (lineHeight - (ASCENT + DESCENT) * size) / 2 + ASCENT * size;
}

/** Draws one run with its left edge at x and its baseline at y. */
export function drawRun(ctx: SKRSContext2D, r: PlacedRun, x: number, y: number): void {
  if (r.kind === 'missing') {
    const small = Math.round(r.size * MISSING_SCALE);
    let cx = x;
    for (const ch of r.text) {
      const label = missingLabel(ch);
      ctx.font = fontString('text', false, small);
      const lw = ctx.measureText(label).width;
      const bw = lw + r.size * 0.35;
      ctx.strokeStyle = r.color;
      ctx.lineWidth = 1;
      ctx.strokeRect(Math.round(cx + r.size * 0.06) + 0.5, Math.round(y - r.size * 0.78) + 0.5, Math.round(bw - r.size * 0.12), Math.round(r.size * 0.95));
      ctx.fillStyle = r.color;
      ctx.fillText(label, cx + (bw - lw) / 2, y - r.size * 0.12);
      cx += bw;
    }
    return;
  }
  ctx.font = fontString(r.kind, r.bold, r.size);
  ctx.fillStyle = r.color;
  ctx.fillText(r.text, x, y);
}

/** Draws a wrapped line whose box starts at (x, top); `bandWidth` is the width of a heading band. */
export function drawLine(ctx: SKRSContext2D, line: Line, x: number, top: number, bandWidth: number): void {
  if (line.band) {
    ctx.fillStyle = line.band;
    const pad = Math.round(line.size * 0.3);
    ctx.fillRect(Math.round(x - pad), Math.round(top), Math.round(bandWidth + 2 * pad), line.height);
  }
  const y = top + baselineOffset(line.height, line.size);
  for (const r of line.runs) {
    if (!r.highlight) continue;
    const h = Math.round(r.size * 1.25);
    ctx.fillStyle = r.highlight;
    ctx.fillRect(Math.round(x + r.x - 2), Math.round(top + (line.height - h) / 2), Math.round(r.width + 4), h);
  }
  for (const r of line.runs) drawRun(ctx, r, x + r.x, y);
}
