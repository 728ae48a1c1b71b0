// A model's boxes as layers, laid out without a canvas: outlines scaled and clamped like the candidates, tags inside
// their box's bottom-left corner, moved up off the labels and off each other.
import { describe, expect, it } from 'vitest';
import { layoutOutlines, layoutTags, tagSize } from '../../src/render/model-boxes.js';
import { mono } from './_helpers.js';

const frame = { width: 400, height: 300, sourceWidth: 800, sourceHeight: 600 };

describe('model boxes', () => {
  it('scales xyxy source boxes to the panel, corners in any order, clamped to it', () => {
    expect(layoutOutlines([{ box: [100, 100, 300, 500], color: '#1565c0' }, { box: [900, 700, 700, 500], color: '#c2185b' }], frame)).toEqual([
      { rect: { x: 50, y: 50, w: 100, h: 200 }, color: '#1565c0' },
      { rect: { x: 350, y: 250, w: 50, h: 50 }, color: '#c2185b' },
    ]);
  });

  it('puts a tag inside the bottom-left corner of its box, sized to its text', () => {
    const [tag] = layoutTags([{ box: [100, 100, 300, 500], color: '#1565c0', text: '#1 IoU 0.900' }], frame, 12, mono, []);
    expect(tag.rect).toEqual({ x: 52, y: 250 - 16 - 2, w: Math.ceil(12 * 10 + 12 * 0.7), h: 16 });
    expect(tag.size).toBe(12);
  });

  it('moves a tag up past the labels and the tags placed before it', () => {
    const box = [100, 100, 300, 500];
    const label = { x: 40, y: 220, w: 120, h: 20 };
    const [a, b] = layoutTags([{ box, color: '#1565c0', text: '#1' }, { box, color: '#ef6c00', text: 'missed' }], frame, 12, mono, [label]);
    const overlaps = (p: typeof label, q: typeof label) => p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
    expect(overlaps(a.rect, label)).toBe(false);
    expect(overlaps(b.rect, label)).toBe(false);
    expect(overlaps(a.rect, b.rect)).toBe(false);
    expect(b.rect.y).toBeLessThan(a.rect.y);
  });

  it('keeps tags readable but smaller than the labels', () => {
    expect(tagSize(14)).toBe(11);
    expect(tagSize(24)).toBe(18);
  });
});
