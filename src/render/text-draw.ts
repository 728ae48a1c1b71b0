// Measuring (cached per character) and drawing of placed runs: text in DejaVu, emoji from cached bitmaps, missing glyphs as code boxes.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { fontString } from './fonts.js';
import { missingLabel, type RunKind } from './text-runs.js';
import type { Line, Measure, PlacedRun } from './wrap.js';

const MISSING_SCALE = 0.55;
// Vertical metrics of DejaVu Sans, in em: where the baseline sits inside a line box.
const ASCENT = 0.928;
const DESCENT = 0.236;

const MAX_CACHE = 100_000;

/**
 * Kerning off everywhere, so a run's width is exactly the sum of its characters' advances:
 * measuring a character once per font replaces a native measureText call per word.
 * A fixed `lang`: the default follows the host language, which would change shaping between machines.
 */
export function prepareContext(ctx: SKRSContext2D): void {
  ctx.fontKerning = 'none';
  ctx.lang = 'en';
}

/** A Measure backed by one context and caches shared by all samples. */
export function createMeasure(ctx: SKRSContext2D): Measure {
  prepareContext(ctx);
  const chars = new Map<string, Map<number, number>>();
  const runs = new Map<string, number>();
  let font = '';
  const raw = (text: string, f: string) => {
    if (f !== font) {
      ctx.font = f;
      font = f;
    }
    return ctx.measureText(text).width;
  };
  const textWidth = (text: string, f: string) => {
    let table = chars.get(f);
    if (!table) chars.set(f, (table = new Map()));
    let w = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let cw = table.get(cp);
      if (cw === undefined) table.set(cp, (cw = raw(ch, f)));
      w += cw;
    }
    return w;
  };
  return (text: string, kind: RunKind, bold: boolean, size: number, mono = false) => {
    if (kind === 'text') return textWidth(text, fontString('text', bold, size, mono));
    const key = `${kind}${size}\u0000${text}`;
    let w = runs.get(key);
    if (w === undefined) {
      if (kind === 'missing') {
        const small = fontString('text', false, Math.round(size * MISSING_SCALE));
        w = Array.from(text).reduce((s, ch) => s + textWidth(missingLabel(ch), small) + size * 0.35, 0);
      } else w = raw(text, fontString('emoji', false, size));
      if (runs.size >= MAX_CACHE) runs.clear();
      runs.set(key, w);
    }
    return w;
  };
}

export function baselineOffset(lineHeight: number, size: number): number {
  return (lineHeight - (ASCENT + DESCENT) * size) / 2 + ASCENT * size;
}

interface EmojiBitmap {
  canvas: Canvas;
  /** Where the glyph's origin (left, baseline) sits in the bitmap. */
  ox: number;
  oy: number;
}

// Colour glyphs are costly to rasterise; each (emoji, size) is drawn once and then copied.
const emojiBitmaps = new Map<string, EmojiBitmap>();

function emojiBitmap(text: string, size: number): EmojiBitmap {
  const key = `${size}\u0000${text}`;
  let bmp = emojiBitmaps.get(key);
  if (!bmp) {
    const margin = Math.ceil(size * 0.25);
    const canvas = createCanvas(Math.ceil(size * 1.5) * Array.from(text).length + 2 * margin, Math.ceil(size * 1.6));
    const ctx = canvas.getContext('2d');
    prepareContext(ctx);
    ctx.font = fontString('emoji', false, size);
    const oy = Math.round(size * 1.2);
    ctx.fillText(text, margin, oy);
    bmp = { canvas, ox: margin, oy };
    if (emojiBitmaps.size >= 1000) emojiBitmaps.clear();
    emojiBitmaps.set(key, bmp);
  }
  return bmp;
}

// Setting ctx.font parses the string each time; most runs reuse the previous font.
const currentFont = new WeakMap<SKRSContext2D, string>();

function setFont(ctx: SKRSContext2D, font: string): void {
  if (currentFont.get(ctx) === font) return;
  ctx.font = font;
  currentFont.set(ctx, font);
}

/** Draws one run with its left edge at x and its baseline at y. */
export function drawRun(ctx: SKRSContext2D, r: PlacedRun, x: number, y: number, measure?: Measure): void {
  if (r.kind === 'emoji') {
    const bmp = emojiBitmap(r.text, r.size);
    ctx.drawImage(bmp.canvas, Math.round(x - bmp.ox), Math.round(y - bmp.oy));
    return;
  }
  if (r.kind === 'missing') {
    const small = Math.round(r.size * MISSING_SCALE);
    let cx = x;
    for (const ch of r.text) {
      const label = missingLabel(ch);
      setFont(ctx, fontString('text', false, small));
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
  setFont(ctx, fontString(r.kind, r.bold, r.size, r.mono));
  ctx.fillStyle = r.color;
  if (!measure) {
    ctx.fillText(r.text, x, y);
    return;
  }
  // Word by word: the canvas caches shaped strings, and words repeat far more than whole lines (2-3x faster).
  let cx = x;
  for (const part of r.text.split(/( +)/)) {
    if (!part) continue;
    if (part.charCodeAt(0) !== 32) ctx.fillText(part, cx, y);
    cx += measure(part, 'text', r.bold, r.size, r.mono);
  }
}

/** Draws a wrapped line whose box starts at (x, top); `bandWidth` is the width of a heading band. */
export function drawLine(ctx: SKRSContext2D, line: Line, x: number, top: number, bandWidth: number, measure?: Measure): void {
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
  for (const r of line.runs) drawRun(ctx, r, x + r.x, y, measure);
}
