// paint.ts in process on a small canvas: the panel background, the rules beside the image and between columns, the
// footer band, and the photo put where the image panel is, with its overlays on top.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { PictureLayout } from '../../src/render/layout.js';
import { paintImagePanel, paintText } from '../../src/render/paint.js';
import type { Measure } from '../../src/render/wrap.js';

const measure: Measure = (text) => text.length;

/** A 100×60 picture: a 40×40 image panel, two text columns at x 50 and 74, a 20 px footer; no text lines. */
function layout(overlays: PictureLayout['overlays'] = []): PictureLayout {
  return {
    width: 100,
    height: 60,
    image: { width: 40, height: 40, sourceWidth: 40, sourceHeight: 40, scale: 1 },
    bodyHeight: 40,
    panel: { x: 40, pad: 10, gutter: 4, columnWidth: 20 },
    flow: { lines: [], columns: 2, height: 0 },
    footer: { x: 5, y: 40, height: 20, lines: [] },
    overlays,
  };
}

function pixel(ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>, x: number, y: number): string {
  const [r, g, b] = ctx.getImageData(x, y, 1, 1).data;
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}

describe('paintText', () => {
  it('fills the panel white, rules the image edge and the column gap, and paints the footer band with its rule', () => {
    const canvas = createCanvas(100, 60);
    const ctx = canvas.getContext('2d');
    paintText(ctx, layout(), measure);
    expect(pixel(ctx, 60, 20)).toBe('#ffffff');
    expect(pixel(ctx, 40, 20)).toBe('#d0d7de'); // the rule beside the image
    expect(pixel(ctx, 72, 20)).toBe('#d0d7de'); // between the columns: columnX(1) - gutter / 2
    expect(pixel(ctx, 72, 5)).toBe('#ffffff'); // the column rule stops at the padding
    expect(pixel(ctx, 50, 40)).toBe('#d0d7de'); // the footer's top rule
    expect(pixel(ctx, 50, 50)).toBe('#f3f4f6');
  });
});

describe('paintImagePanel', () => {
  it('puts the photo at the origin and draws the overlays above it', () => {
    const canvas = createCanvas(100, 60);
    const ctx = canvas.getContext('2d');
    paintText(ctx, layout(), measure);
    const rgba = Buffer.alloc(40 * 40 * 4);
    for (let i = 0; i < 40 * 40; i++) rgba.set([0, 0, 255, 255], i * 4);
    const tag = { rect: { x: 20, y: 20, w: 10, h: 8 }, text: '', color: '#ff0000', size: 6 };
    paintImagePanel(ctx, layout([{ kind: 'model-tags', tags: [tag] }]), rgba, measure);
    expect(pixel(ctx, 5, 5)).toBe('#0000ff');
    expect(pixel(ctx, 39, 39)).toBe('#0000ff');
    expect(pixel(ctx, 25, 24)).toBe('#ff0000');
    expect(pixel(ctx, 41, 5)).toBe('#ffffff'); // the photo stays in its panel
  });
});
