// A model's boxes on the image panel, laid out (pure): outlines (one layer) and their short tags (a layer above the
// labels). Eval shows a model's predictions and the targets it missed with them.
import { panelRect, type BoxFrame } from './boxes.js';
import type { Rect } from './labels.js';
import type { Measure } from './wrap.js';

/** A box (xyxy, source pixels) with its colour, and for a tag its text. */
export interface OutlineSpec {
  box: readonly number[];
  color: string;
}
export interface TagSpec extends OutlineSpec {
  text: string;
}

export interface Outline {
  rect: Rect;
  color: string;
}
export interface Tag {
  rect: Rect;
  text: string;
  color: string;
  size: number;
}

export function layoutOutlines(specs: readonly OutlineSpec[], frame: BoxFrame): Outline[] {
  return specs.map((s) => ({ rect: panelRect(s.box, frame), color: s.color }));
}

/** Tags are smaller than the candidate labels: a crowd has a tag per person. */
export function tagSize(labelSize: number): number {
  return Math.max(11, Math.round(labelSize * 0.75));
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Tags sit inside the bottom-left corner of their box, moved up past tags already placed and past `avoid` (the labels). */
export function layoutTags(specs: readonly TagSpec[], frame: BoxFrame, size: number, measure: Measure, avoid: readonly Rect[]): Tag[] {
  const { width: W, height: H } = frame;
  const placed: Rect[] = [...avoid];
  return specs.map((s) => {
    const box = panelRect(s.box, frame);
    const w = Math.ceil(measure(s.text, 'text', true, size) + size * 0.7);
    const h = Math.round(size * 1.3);
    let r: Rect = { x: Math.max(0, Math.min(box.x + 2, W - w)), y: Math.max(0, Math.min(box.y + box.h - h - 2, H - h)), w, h };
    for (let k = 0; k < 12 && placed.some((p) => overlaps(p, r)); k++) r = { ...r, y: Math.max(0, r.y - h - 2) };
    placed.push(r);
    return { rect: r, text: s.text, color: s.color, size };
  });
}
