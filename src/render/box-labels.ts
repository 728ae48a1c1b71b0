// The label layer: `Person N ✅` beside each candidate box, placed (pure); a leader line where a label had to move away.
import type { Mark } from '../types.js';
import { markerRadius, type BoxGeometry } from './boxes.js';
import { leaderLine, placeLabels, type Leader, type Rect } from './labels.js';
import type { Measure } from './wrap.js';

export function markSize(size: number): number {
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

function labelSizeOf(b: BoxGeometry, text: string, size: number, measure: Measure): { w: number; h: number } {
  const pad = Math.round(size * 0.35);
  let w = pad * 2 + measure(text, 'text', true, size);
  if (b.verdict) w += Math.round(size * 0.5) + measure(b.verdict, 'emoji', false, markSize(size));
  return { w: Math.ceil(w), h: Math.round(size * 1.35) };
}

/**
 * Where every label goes (see placeLabels) in a `width`×`height` panel; a zero-size box's label keeps off its
 * marker. `noun` names the candidates (`Person 2`, `Helmet 2`).
 */
export function layoutLabels(boxes: BoxGeometry[], width: number, height: number, size: number, lw: number, measure: Measure, noun = 'Person'): BoxLabel[] {
  const texts = boxes.map((b) => `${noun} ${b.person}`);
  const rects = placeLabels(
    boxes.map((b, i) => {
      const m = markerRadius(lw) * 1.7;
      const r = b.point ? { x: b.rect.x - m, y: b.rect.y - m, w: b.rect.w + 2 * m, h: b.rect.h + 2 * m } : b.rect;
      return { box: r, ...labelSizeOf(b, texts[i], size, measure), avoid: b.point ? r : undefined };
    }),
    width,
    height,
  );
  return boxes.map((b, i) => ({ box: b, rect: rects[i], leader: b.point ? null : leaderLine(rects[i], b.rect, lw), text: texts[i], mark: b.verdict, size }));
}
