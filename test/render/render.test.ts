// The renderer on real pixels: box colours at known places, labels, colour emoji, whole long traces.
import { describe, expect, it, beforeAll } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import type { ParsedCot, Sample } from '../../src/types.js';
import { candidateColor, parseHex } from '../../src/render/colors.js';
import { boxStyle } from '../../src/render/boxes.js';
import { absoluteRuns } from '../../src/render/layout.js';
import type { DetailedRenderer } from '../../src/render/render.js';
import { getRenderer } from '../../src/render/index.js';
import { gridBoxes, longThink, makeSample, noisyJpeg } from './_helpers.js';
import { GRAY, markedScene, MARKS_THINK, pixels, saturated, labelsOf } from './_scene.js';

let renderer: DetailedRenderer;
let sample: Sample;
let cot: ParsedCot;
beforeAll(async () => ({ renderer, sample, cot } = await markedScene()));

describe('getRenderer', () => {
  it('is one shared instance that passed the colour self-check', async () => {
    expect(await getRenderer()).toBe(await getRenderer());
    expect(await getRenderer()).toBe(renderer);
  });
});
describe('boxes and labels', () => {
  it('draws each outline in its verdict colour at the box edge, targets with a double outline', async () => {
    expect(cot.verdicts).toEqual(['✅', '❌', '⚠️', null, null]);
    const { image: out, layout } = await renderer.renderDetailed(sample, cot);
    expect(layout.image.width).toBe(800);
    const px = await pixels(out.data);
    const lw = boxStyle(800, 600).lineWidth;
    expect(lw).toBeGreaterThanOrEqual(2);
    expect(px.at(101, 250)).toEqual(parseHex(candidateColor(1, '✅')));
    expect(px.at(100 + lw - 1, 300)).toEqual(parseHex(candidateColor(1, '✅')));
    expect(px.at(401, 250)).toEqual(parseHex(candidateColor(2, '❌')));
    expect(px.at(601, 350)).toEqual(parseHex(candidateColor(3, '⚠️')));
    expect(px.at(51, 500)).toEqual(parseHex(candidateColor(4, null)));
    // Person 1 is the region_map target: a second line inside, a gap between.
    expect(px.at(100 + lw + 1, 250)).toEqual(GRAY);
    expect(px.at(100 + 2 * lw + 1, 250)).toEqual(parseHex(candidateColor(1, '✅')));
    // Person 2 is not: background right inside its single outline.
    expect(px.at(400 + 2 * lw + 1, 250)).toEqual(GRAY);
    // Inside the box the image is untouched.
    expect(px.at(200, 300)).toEqual(GRAY);
  });

  it('labels every box inside the image, none overlapping, a zero-size box with a visible marker', async () => {
    const { image: out, layout } = await renderer.renderDetailed(sample, cot);
    expect(labelsOf(layout).map((l) => l.text)).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5']);
    const rects = labelsOf(layout).map((l) => l.rect);
    rects.forEach((r, i) => {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(800);
      expect(r.y + r.h).toBeLessThanOrEqual(600);
      for (const q of rects.slice(0, i)) {
        const apart = r.x + r.w <= q.x || q.x + q.w <= r.x || r.y + r.h <= q.y || q.y + q.h <= r.y;
        expect(apart).toBe(true);
      }
    });
    // Label of Person 1 sits right above its box, filled with the box colour.
    expect(rects[0].y + rects[0].h).toBe(150);
    const px = await pixels(out.data);
    expect(px.at(rects[0].x + 1, rects[0].y + 1)).toEqual(parseHex(candidateColor(1, '✅')));
    // Person 5 is [420, 520, 0, 0]: a ring of its colour around the point.
    const grey5 = parseHex(candidateColor(5, null));
    let hits = 0;
    for (let dx = -20; dx <= 20; dx++) for (let dy = -20; dy <= 20; dy++) if (px.at(420 + dx, 520 + dy).join() === grey5.join()) hits++;
    expect(hits).toBeGreaterThan(20);
  });
});
describe('reasoning panel', () => {
  it('draws ✅ ❌ ⚠️ and bare ⚠ in colour, not as boxes', async () => {
    const { image: out, layout } = await renderer.renderDetailed(sample, cot);
    const px = await pixels(out.data);
    const emoji = absoluteRuns(layout).filter((r) => r.run.kind === 'emoji' && r.where === 'reasoning');
    // The bare ⚠ of step 1 is normalised to ⚠️.
    expect(emoji.map((r) => r.run.text)).toEqual(['✅', '❌', '⚠️', '✅', '❌', '✅', '❌', '⚠️']);
    const hue: Record<string, (m: number[]) => boolean> = {
      '✅': ([r, g, b]) => g > r && g > b,
      '❌': ([r, g, b]) => r > g && r > b,
      '⚠️': ([r, g, b]) => r > b && g > b,
    };
    for (const r of emoji) {
      const s = saturated(px, r.x, r.top, r.run.width, r.height);
      expect(s.n, `${r.run.text} at ${r.x},${r.top}`).toBeGreaterThan(40);
      expect(hue[r.run.text](s.mean), `${r.run.text} hue ${s.mean}`).toBe(true);
    }
  });

  it('lays out the longest trace completely, in several columns inside the canvas', async () => {
    const think = longThink(40);
    expect(think.length).toBeGreaterThan(7500);
    const rm = { 'the person wearing a red helmet and riding a bicycle': [6, 20, 27, 34] };
    const s = makeSample(await noisyJpeg(1280, 960), gridBoxes(40, 1280, 960), think, rm);
    const c = parseChainOfThought(think, 40, rm);
    const { image: out, layout } = await renderer.renderDetailed(s, c);
    expect(layout.flow.columns).toBeGreaterThan(1);
    expect(out.height).toBeLessThanOrEqual(Math.max(960, 100 * 22) + layout.footer.height);
    const runs = absoluteRuns(layout);
    for (const r of runs) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.run.width).toBeLessThanOrEqual(out.width);
      expect(r.top).toBeGreaterThanOrEqual(0);
      if (r.where === 'reasoning') {
        expect(r.x).toBeGreaterThanOrEqual(1280);
        expect(r.top + r.height).toBeLessThanOrEqual(layout.bodyHeight);
      } else expect(r.top + r.height).toBeLessThanOrEqual(out.height);
    }
    // Every visible character of the think text is drawn, in order (only markdown `#` is dropped).
    const drawn = runs.filter((r) => r.where === 'reasoning').map((r) => r.run.text).join('').replace(/[\s\uFE0F]/g, '');
    let at = 0;
    for (const ch of think.replace(/[\s\uFE0F#]/g, '')) {
      at = drawn.indexOf(ch, at);
      expect(at).toBeGreaterThanOrEqual(0);
      at++;
    }
    expect(labelsOf(layout)).toHaveLength(40);
    for (const l of labelsOf(layout)) {
      expect(l.rect.x + l.rect.w).toBeLessThanOrEqual(1280);
      expect(l.rect.y + l.rect.h).toBeLessThanOrEqual(960);
    }
  });

  it('renders a CJK expression without crashing, as code-point boxes', async () => {
    const think = MARKS_THINK.replace('the man in the hat', '戴帽子的男人');
    const rm = { 戴帽子的男人: [0] };
    const { layout } = await renderer.renderDetailed({ ...sample, annotation: { ...sample.annotation, think, regionMap: rm } }, parseChainOfThought(think, 5, rm));
    const missing = absoluteRuns(layout).filter((r) => r.run.kind === 'missing').map((r) => r.run.text).join('');
    expect(missing).toContain('戴帽子的男人');
  });

  it('boxes every character the text font lacks (read from its cmap), not only CJK', async () => {
    const { splitRuns } = await import('../../src/render/text-runs.js');
    // Ethiopic is in no hard-coded list: only the cmap knows DejaVu lacks it.
    expect(splitRuns('ሀ Ж → ✅')).toEqual([
      { kind: 'missing', text: 'ሀ' },
      { kind: 'text', text: ' Ж → ' },
      { kind: 'emoji', text: '✅' },
    ]);
  });
});
