// The overlay painters in process on a small canvas, read back pixel by pixel: outlines inside the box edges (a
// target's doubled), a zero-size box as a marker, model boxes dashed, tags and labels filled in their colour.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { BoxGeometry } from '../../src/render/boxes.js';
import { drawBoxes, drawLabels, drawOutlines, drawTags } from '../../src/render/paint-overlays.js';
import type { Measure } from '../../src/render/wrap.js';

const measure: Measure = (text, _kind, _bold, size) => text.length * size * 0.5;
const RED = '#ff0000';
const NONE = { left: false, top: false, right: false, bottom: false };

function canvas(w = 60, h = 60) {
  const ctx = createCanvas(w, h).getContext('2d');
  ctx.fillStyle = '#000000';
  ctx.fillRect(0, 0, w, h);
  const at = (x: number, y: number) => {
    const [r, g, b] = ctx.getImageData(x, y, 1, 1).data;
    return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
  };
  return { ctx, at };
}

const box = (more: Partial<BoxGeometry>): BoxGeometry => ({ person: 1, verdict: null, target: false, color: RED, rect: { x: 10, y: 10, w: 40, h: 40 }, point: false, clipped: NONE, ...more });

describe('drawBoxes', () => {
  it('strokes inside the box edges, and nothing outside it', () => {
    const { ctx, at } = canvas();
    drawBoxes(ctx, [box({})], 2, 60, 60);
    expect(at(10, 30)).toBe(RED);
    expect(at(11, 30)).toBe(RED);
    expect(at(9, 30)).toBe('#000000');
    expect(at(49, 30)).toBe(RED);
    expect(at(50, 30)).toBe('#000000');
    expect(at(14, 30)).toBe('#000000'); // no second outline for a non-target
  });

  it('doubles the outline of a target two line widths inside', () => {
    const { ctx, at } = canvas();
    drawBoxes(ctx, [box({ target: true })], 2, 60, 60);
    expect(at(12, 30)).toBe('#000000');
    expect(at(14, 30)).toBe(RED);
    expect(at(15, 30)).toBe(RED);
    expect(at(16, 30)).toBe('#000000');
  });

  it('draws a zero-size box as a white-haloed marker kept inside the frame', () => {
    const { ctx, at } = canvas();
    drawBoxes(ctx, [box({ rect: { x: 0, y: 0, w: 0, h: 0 }, point: true })], 2, 60, 60);
    const lit = [];
    for (let x = 0; x < 20; x++) for (let y = 0; y < 20; y++) if (at(x, y) !== '#000000') lit.push(at(x, y));
    expect(lit).toContain(RED);
    expect(lit).toContain('#ffffff');
    expect(at(40, 40)).toBe('#000000');
  });
});

describe('drawOutlines', () => {
  it('draws a dashed box: some of its edge is left unpainted, and the dash is reset afterwards', () => {
    const { ctx, at } = canvas();
    drawOutlines(ctx, [{ rect: { x: 10, y: 10, w: 40, h: 40 }, color: RED }], 2);
    const edge = Array.from({ length: 36 }, (_, i) => at(12 + i, 11));
    expect(edge).toContain(RED);
    expect(edge).toContain('#000000');
    expect(ctx.getLineDash()).toEqual([]);
  });
});

describe('drawTags and drawLabels', () => {
  it('fill the tag and label rectangles in their colour, with a white backdrop behind a label mark', () => {
    const { ctx, at } = canvas();
    drawTags(ctx, [{ rect: { x: 2, y: 2, w: 10, h: 8 }, text: '', color: '#00ff00', size: 6 }]);
    expect(at(3, 3)).toBe('#00ff00');
    expect(at(13, 3)).toBe('#000000');
    const label = { box: box({}), rect: { x: 10, y: 30, w: 40, h: 20 }, leader: null, text: '', mark: '✅' as const, size: 10 };
    drawLabels(ctx, [label], measure);
    expect(at(12, 40)).toBe(RED);
    expect(at(40, 40)).toBe('#ffffff');
  });

  it('draws a leader line from a moved label to its box', () => {
    const { ctx, at } = canvas();
    const label = { box: box({}), rect: { x: 0, y: 0, w: 4, h: 4 }, leader: { x1: 5, y1: 30, x2: 55, y2: 30 }, text: '', mark: null, size: 12 };
    drawLabels(ctx, [label], measure);
    expect(at(30, 30)).toBe(RED);
    expect(at(30, 20)).toBe('#000000');
  });
});
