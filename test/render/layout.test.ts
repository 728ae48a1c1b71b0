// The layout of a picture's layers as pure functions: any composition, a stand-in measure, no canvas.
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { absoluteRuns, findOverlay, layoutPicture, MAX_COLUMNS, panelMetrics, type Composition, type ImagePanel, type Overlay } from '../../src/render/layout.js';
import type { Paragraph } from '../../src/render/wrap.js';
import { mono } from './_helpers.js';

const image: ImagePanel = { width: 600, height: 400, sourceWidth: 1200, sourceHeight: 800, scale: 0.5 };
const para = (text: string, size = 16): Paragraph => ({ pieces: [{ text }], size, lineHeight: Math.round(size * 1.4), color: '#000000' });

function composition(panel: Paragraph[], footer: Paragraph[] = [para('footer')], overlays: Overlay[] = [], textChars = 0): Composition {
  return { refuse: { where: { file: 'x.jsonl', index: 3 }, hint: 'Skip this sample' }, textChars, text: () => ({ panel, footer }), overlays: () => overlays };
}

describe('layoutPicture', () => {
  it('puts the text panel right of the image and the footer below both, sized from the image panel', () => {
    const m = panelMetrics(image.width, image.height);
    const layout = layoutPicture(composition([para('one line')]), image, mono);
    expect(layout.panel).toEqual({ x: 600, pad: m.pad, gutter: m.gutter, columnWidth: m.columnWidth });
    expect(layout.width).toBe(600 + 2 * m.pad + m.columnWidth);
    expect(layout.bodyHeight).toBe(400);
    expect(layout.footer.y).toBe(400);
    expect(layout.height).toBe(400 + layout.footer.height);
    const runs = absoluteRuns(layout);
    expect(runs.map((r) => [r.run.text, r.where])).toEqual([['one line', 'reasoning'], ['footer', 'footer']]);
    expect(runs[0].x).toBe(600 + m.pad);
    expect(runs[1].top).toBeGreaterThan(400);
  });

  it('grows the text into columns, at most MAX_COLUMNS: past that the columns grow taller', () => {
    const many = Array.from({ length: 800 }, (_, i) => para(`line ${i}`));
    const layout = layoutPicture(composition(many), image, mono);
    expect(layout.flow.columns).toBe(MAX_COLUMNS);
    expect(layout.bodyHeight).toBeGreaterThan(panelMetrics(600, 400).maxColumnHeight);
    const m = panelMetrics(600, 400);
    expect(layout.width).toBe(600 + 2 * m.pad + MAX_COLUMNS * m.columnWidth + (MAX_COLUMNS - 1) * m.gutter);
  });

  it('refuses absurd text before laying it out, and a picture over the pixel limit, naming the composition’s record', () => {
    let laidOut = false;
    const huge: Composition = { ...composition([]), textChars: 5_000_000, text: () => ((laidOut = true), { panel: [], footer: [] }) };
    const error = (() => {
      try {
        layoutPicture(huge, image, mono);
      } catch (e) {
        return e as DataError;
      }
    })();
    expect(error).toBeInstanceOf(DataError);
    expect(error!.message).toMatch(/^x\.jsonl, sample 3: the reasoning text \(5000000 characters\) would need a picture of over 48 megapixels\. Skip this sample$/);
    expect(laidOut).toBe(false);
    const tall = Array.from({ length: 2500 }, (_, i) => para(`line ${i}`));
    expect(() => layoutPicture(composition(tall), image, mono)).toThrow(/the picture would be \d+×\d+ px, over 24 megapixels/);
  });

  it('keeps the overlays in the composition’s order and finds them by kind', () => {
    const overlays: Overlay[] = [{ kind: 'model-tags', tags: [] }, { kind: 'candidates', boxes: [], lineWidth: 3 }];
    const layout = layoutPicture(composition([para('x')], [], overlays), image, mono);
    expect(layout.overlays.map((o) => o.kind)).toEqual(['model-tags', 'candidates']);
    expect(findOverlay(layout, 'candidates')?.lineWidth).toBe(3);
    expect(findOverlay(layout, 'labels')).toBeUndefined();
  });
});
