// A box past the image border: which sides are cut (the finding's tolerance) and where the arrows that show it go.
import { describe, expect, it } from 'vitest';
import { borderTolerance } from '../../src/render/border.js';
import { clipMarks, clippedSides } from '../../src/render/clip-marks.js';

describe('clippedSides', () => {
  it('cuts a side only past the border by more than the tolerance (1% of the side, at least 2 px)', () => {
    expect([borderTolerance(100), borderTolerance(1000)]).toEqual([2, 10]);
    expect(clippedSides([-9, -11, 1009, 500], 1000, 1000)).toEqual({ left: false, top: true, right: false, bottom: false });
    expect(clippedSides([0, 0, 1011, 1011], 1000, 1000)).toEqual({ left: false, top: false, right: true, bottom: true });
    expect(clippedSides([-2.5, 0, 50, 50], 100, 100).left).toBe(true);
  });
});

describe('clipMarks', () => {
  const box = (w: number, h: number, clipped: Partial<Record<'left' | 'top' | 'right' | 'bottom', boolean>>) => ({
    rect: { x: 10, y: 20, w, h },
    color: '#f00',
    clipped: { left: false, top: false, right: false, bottom: false, ...clipped },
  });

  it('puts one arrow mid-side on a short side and three on a long one, each pointing out of the picture', () => {
    const short = clipMarks(box(40, 40, { left: true }), 2);
    expect(short).toEqual([{ x: 10 + 8 * 0.9, y: 40, dx: -1, dy: 0, size: 8 }]);
    const long = clipMarks(box(400, 40, { bottom: true }), 2);
    expect(long.map((m) => [m.x, m.dx, m.dy])).toEqual([[110, 0, 1], [210, 0, 1], [310, 0, 1]]);
    expect(long[0].y).toBeCloseTo(20 + 40 - 8 * 0.9);
  });

  it('marks nothing on a box inside the picture, and grows the arrows with the line width', () => {
    expect(clipMarks(box(40, 40, {}), 2)).toEqual([]);
    expect(clipMarks(box(40, 40, { top: true, right: true }), 5).map((m) => [m.size, m.dx, m.dy])).toEqual([[20, 1, 0], [20, 0, -1]]);
  });
});
