// Placing box labels inside the image without overlaps. Pure layout, no fonts needed.
import { describe, expect, it } from 'vitest';
import { placeLabels, type Rect } from '../../src/render/labels.js';

describe('placeLabels', () => {
  const frame = { w: 400, h: 300 };
  it('puts a label above its box, or inside it when the box touches the top', () => {
    const [a, b] = placeLabels([
      { box: { x: 50, y: 100, w: 80, h: 80 }, w: 60, h: 16 },
      { box: { x: 250, y: 0, w: 80, h: 80 }, w: 60, h: 16 },
    ], frame.w, frame.h);
    expect(a).toEqual({ x: 50, y: 84, w: 60, h: 16 });
    expect(b).toEqual({ x: 250, y: 0, w: 60, h: 16 });
  });
  it('keeps labels inside the frame and apart, even for stacked boxes at the edge', () => {
    const reqs = Array.from({ length: 8 }, (_, i) => ({ box: { x: 370, y: 5 + i * 3, w: 60, h: 60 }, w: 70, h: 16 }));
    const rects = placeLabels(reqs, frame.w, frame.h);
    const inter = (p: Rect, q: Rect) => Math.min(p.x + p.w, q.x + q.w) > Math.max(p.x, q.x) && Math.min(p.y + p.h, q.y + q.h) > Math.max(p.y, q.y);
    rects.forEach((r, i) => {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(frame.w);
      expect(r.y + r.h).toBeLessThanOrEqual(frame.h);
      for (let j = 0; j < i; j++) expect(inter(r, rects[j])).toBe(false);
    });
  });
  it('keeps a label off the area it must avoid', () => {
    const marker = { x: 90, y: 0, w: 20, h: 20 };
    const [r] = placeLabels([{ box: marker, w: 60, h: 16, avoid: marker }], frame.w, frame.h);
    expect(r.y).toBeGreaterThanOrEqual(20);
  });
});
