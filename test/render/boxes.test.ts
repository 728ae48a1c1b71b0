// The candidate layer's geometry: sizes that follow the image, source boxes as clamped panel rectangles, tiny boxes
// as markers, sides cut by the border.
import { describe, expect, it } from 'vitest';
import { boxGeometry, boxStyle, panelRect, xywhToXyxy } from '../../src/render/boxes.js';

const frame = { width: 500, height: 250, sourceWidth: 1000, sourceHeight: 500 };

describe('box geometry', () => {
  it('sizes labels by sqrt(W*H)/70 (at least 14 px) and lines by a fifth of that (at least 2 px)', () => {
    expect(boxStyle(1400, 1400)).toEqual({ labelSize: 20, lineWidth: 4 });
    expect(boxStyle(100, 100)).toEqual({ labelSize: 14, lineWidth: 3 });
  });

  it('reads xywh as ordered xyxy, a negative size or a non-number included', () => {
    expect(xywhToXyxy([10, 20, 30, 40])).toEqual([10, 20, 40, 60]);
    expect(xywhToXyxy([10, 20, -5, -10])).toEqual([5, 10, 10, 20]);
    expect(xywhToXyxy([Number.NaN, 20, Infinity, 5])).toEqual([0, 20, 0, 25]);
  });

  it('scales a source box into the panel, rounded, corners ordered and clamped to the panel', () => {
    expect(panelRect([100, 50, 301, 151], frame)).toEqual({ x: 50, y: 25, w: 101, h: 51 });
    expect(panelRect([301, 151, 100, 50], frame)).toEqual({ x: 50, y: 25, w: 101, h: 51 });
    expect(panelRect([-200, -100, 2000, 1000], frame)).toEqual({ x: 0, y: 0, w: 500, h: 250 });
  });

  it('keeps each candidate as given, marks one under 3 px as a point, and its cut sides', () => {
    const [big, tiny] = boxGeometry(
      [
        { person: 1, box: [-50, 0, 400, 200], verdict: '✅', target: true, color: '#0a0' },
        { person: 2, box: [600, 300, 604, 400], verdict: null, target: false, color: '#888' },
      ],
      frame,
    );
    expect(big).toMatchObject({ person: 1, verdict: '✅', target: true, color: '#0a0', point: false, rect: { x: 0, y: 0, w: 200, h: 100 } });
    expect(big.clipped).toEqual({ left: true, top: false, right: false, bottom: false });
    expect([tiny.point, tiny.rect.w]).toEqual([true, 2]);
  });
});
