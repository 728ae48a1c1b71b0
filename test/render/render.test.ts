// The renderer on real pixels: box colours at known places, colour emoji, whole long traces, EXIF, determinism, errors.
import sharp from 'sharp';
import { describe, expect, it, beforeAll } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { DataError } from '../../src/errors.js';
import type { ParsedCot, Sample } from '../../src/types.js';
import { candidateColor, parseHex } from '../../src/render/colors.js';
import { boxStyle } from '../../src/render/boxes.js';
import { absoluteRuns } from '../../src/render/layout.js';
import { getDetailedRenderer, type DetailedRenderer } from '../../src/render/render.js';
import { getRenderer } from '../../src/render/index.js';
import { gridBoxes, longThink, makeSample, noisyJpeg, solidPng, TYPICAL_THINK } from './_helpers.js';

interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

async function pixels(png: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    at: (x, y) => {
      const o = (Math.round(y) * info.width + Math.round(x)) * info.channels;
      return [data[o], data[o + 1], data[o + 2]];
    },
  };
}

/** Saturated pixels in a rectangle and their mean colour. */
function saturated(px: Pixels, x: number, y: number, w: number, h: number) {
  let n = 0;
  const sum = [0, 0, 0];
  for (let j = Math.floor(y); j < y + h; j++) {
    for (let i = Math.floor(x); i < x + w; i++) {
      const c = px.at(i, j);
      if (Math.max(...c) - Math.min(...c) > 80) {
        n++;
        c.forEach((v, k) => (sum[k] += v));
      }
    }
  }
  return { n, mean: sum.map((v) => v / Math.max(n, 1)) };
}

const MARKS_THINK = [
  'OK, the user needs us to detect the man in the hat. To accomplish this task, I need to break it down into the following steps:',
  '- Step 1: Find the man in the hat.',
  '',
  '# Step 1: Find the man in the hat.',
  '- Person 1: a man wearing a hat → ✅',
  '- Person 2: a woman → ❌',
  '- Person 3: a man far away, hat unclear → ⚠',
  '- Person 4: unclear',
  '',
  '# Summarize and Re-Check answer',
  'Let’s now recheck our answer and put ✅ for the target person and ❌ for others',
  '- Person 1: the man in the hat → ✅',
  '- Person 2: a woman → ❌',
  '- Person 3: the reference → ⚠️',
  '- Person 4: not sure',
].join('\n');

const BOXES: [number, number, number, number][] = [
  [100, 150, 200, 200],
  [400, 150, 150, 200],
  [600, 300, 100, 100],
  [50, 450, 100, 100],
  [420, 520, 0, 0],
];
const GRAY: [number, number, number] = [128, 128, 128];

let renderer: DetailedRenderer;
let image: Buffer;
let sample: Sample;
let cot: ParsedCot;

beforeAll(async () => {
  renderer = await getDetailedRenderer();
  image = await solidPng(800, 600, GRAY);
  sample = makeSample(image, BOXES, MARKS_THINK, { 'the man in the hat': [0] }, { imageFormat: 'png' });
  cot = parseChainOfThought(MARKS_THINK, BOXES.length, sample.annotation.regionMap);
});

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
    expect(layout.labels.map((l) => l.text)).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5']);
    const rects = layout.labels.map((l) => l.rect);
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
    expect(layout.labels).toHaveLength(40);
    for (const l of layout.labels) {
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

describe('image decoding', () => {
  const render = async (img: Buffer, boxes: [number, number, number, number][] = []) => {
    const s = makeSample(img, boxes, MARKS_THINK, { e: [] }, { imageFormat: 'png' });
    return renderer.renderDetailed(s, parseChainOfThought(MARKS_THINK, boxes.length, { e: [] }));
  };

  it('does not apply EXIF rotation: the panel keeps the stored size and corners', async () => {
    const raw = Buffer.alloc(800 * 500 * 3);
    for (let y = 0; y < 500; y++) for (let x = 0; x < 800; x++) raw.set(x < 400 ? [220, 20, 20] : [20, 20, 220], (y * 800 + x) * 3);
    const jpg = await sharp(raw, { raw: { width: 800, height: 500, channels: 3 } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(jpg).metadata()).orientation).toBe(6);
    const { image: out, layout } = await render(jpg);
    expect([layout.image.width, layout.image.height]).toEqual([800, 500]);
    const px = await pixels(out.data);
    const [r, , b] = px.at(30, 30);
    expect(r).toBeGreaterThan(180);
    expect(b).toBeLessThan(60);
    expect(px.at(770, 470)[2]).toBeGreaterThan(180);
  });

  it('shows grayscale, CMYK, 16-bit and transparent images with the right colours', async () => {
    const gray = await sharp({ create: { width: 500, height: 500, channels: 3, background: { r: 90, g: 90, b: 90 } } }).toColourspace('b-w').png().toBuffer();
    expect((await sharp(gray).metadata()).channels).toBe(1);
    expect((await pixels((await render(gray)).image.data)).at(250, 250)).toEqual([90, 90, 90]);

    const cmyk = await sharp({ create: { width: 500, height: 500, channels: 3, background: { r: 200, g: 30, b: 30 } } }).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const [cr, cg, cb] = (await pixels((await render(cmyk)).image.data)).at(250, 250);
    expect(cr).toBeGreaterThan(150);
    expect(cg).toBeLessThan(90);
    expect(cb).toBeLessThan(90);

    const deep = await sharp({ create: { width: 500, height: 500, channels: 3, background: { r: 10, g: 120, b: 250 } } }).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(deep).metadata()).depth).toBe('ushort');
    const [dr, dg, db] = (await pixels((await render(deep)).image.data)).at(250, 250);
    expect(Math.abs(dr - 10) + Math.abs(dg - 120) + Math.abs(db - 250)).toBeLessThan(8);

    const clear = await sharp({ create: { width: 500, height: 500, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    expect((await pixels((await render(clear)).image.data)).at(250, 250)).toEqual([200, 200, 200]);
  });

  it('scales a tiny image up so labels stay readable, boxes with it', async () => {
    const { layout } = await render(await solidPng(120, 90, GRAY), [[30, 30, 60, 30]]);
    expect(Math.min(layout.image.width, layout.image.height)).toBe(400);
    expect(layout.boxes[0].rect.x).toBe(Math.round(30 * (layout.image.width / 120)));
  });

  it('scales a big image down to maxSide', async () => {
    const s = makeSample(await solidPng(3000, 1000, GRAY), [[1500, 500, 300, 300]], MARKS_THINK, { e: [] });
    const { layout } = await renderer.renderDetailed(s, parseChainOfThought(MARKS_THINK, 1, { e: [] }), { maxSide: 1500 });
    expect([layout.image.width, layout.image.height]).toEqual([1500, 500]);
    expect(layout.boxes[0].rect).toEqual({ x: 750, y: 250, w: 150, h: 150 });
  });

  it('throws DataError naming split, sample and offset for undecodable bytes and absurd sizes', async () => {
    const bad = makeSample(Buffer.from('not an image at all'), [], MARKS_THINK, { e: [] });
    const err = await renderer.render(bad, cot).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe('image-decode');
    expect((err as DataError).message).toMatch(/^main images TSV, sample 7, byte offset 987654: /);

    // A valid PNG header claiming 100000×100000 px.
    const png = Buffer.from(await solidPng(4, 4, GRAY));
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    const { crc32 } = await import('node:zlib');
    png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
    const huge = await renderer.render(makeSample(png, [], MARKS_THINK, { e: [] }), cot).catch((e: unknown) => e);
    expect(huge).toBeInstanceOf(DataError);
    expect((huge as DataError).code).toBe('image-too-large');
  });
});

describe('edge cases', () => {
  it('renders an empty think, no candidates and an empty region_map', async () => {
    const s = makeSample(image, [], '', {}, { imageFormat: 'png' });
    const { image: out, layout } = await renderer.renderDetailed(s, parseChainOfThought('', 0, {}));
    expect(out.width).toBeGreaterThan(800);
    expect(layout.labels).toHaveLength(0);
    const text = absoluteRuns(layout).map((r) => r.run.text).join('');
    expect(text).toContain('no target (rejection)');
  });

  it('draws boxes past the border clamped to the frame, and verdicts missing for extra boxes as grey', async () => {
    const boxes: [number, number, number, number][] = [[-50, -50, 200, 200], [700, 500, 300, 300], [900, 900, 10, 10]];
    const s = makeSample(image, boxes, MARKS_THINK, { e: [0] }, { imageFormat: 'png' });
    const c = parseChainOfThought(MARKS_THINK, 1, { e: [0] });
    const { image: out, layout } = await renderer.renderDetailed(s, c);
    expect(layout.boxes.map((b) => b.rect)).toEqual([
      { x: 0, y: 0, w: 150, h: 150 },
      { x: 700, y: 500, w: 100, h: 100 },
      { x: 800, y: 600, w: 0, h: 0 },
    ]);
    expect(layout.boxes[2].point).toBe(true);
    const px = await pixels(out.data);
    expect(px.at(1, 75)).toEqual(parseHex(candidateColor(1, '✅')));
    expect(px.at(798, 550)).toEqual(parseHex(candidateColor(2, null)));
  });
});

describe('limits', () => {
  // How fast it is refused is measured by test/bench/limits.bench.ts.
  it('refuses an absurd think (2 MB) with a DataError, before laying it out', async () => {
    const think = MARKS_THINK.repeat(Math.ceil(2_000_000 / MARKS_THINK.length));
    const c = parseChainOfThought(think, BOXES.length, { e: [0] });
    const err = await renderer.render({ ...sample, annotation: { ...sample.annotation, think } }, c).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe('image-too-large');
    expect((err as DataError).message).toMatch(/^main annotations TSV, sample 7, byte offset 1234: the reasoning text \(\d+ characters\)/);
  });

  it('lays a 50 KB think out in at most 8 columns, growing them taller, and encodes it as WebP', async () => {
    const think = MARKS_THINK.repeat(Math.ceil(50_000 / MARKS_THINK.length));
    const c = parseChainOfThought(think, BOXES.length, { e: [0] });
    const { image: out, layout } = await renderer.renderDetailed({ ...sample, annotation: { ...sample.annotation, think } }, c, { format: 'webp', fast: true });
    expect(layout.flow.columns).toBeLessThanOrEqual(8);
    expect(out.width).toBeLessThanOrEqual(16_383);
    expect(out.width * out.height).toBeLessThanOrEqual(24_000_000);
    expect((await sharp(out.data).metadata()).format).toBe('webp');
  });

  it('refuses a maxSide below 64 px as a usage error', async () => {
    const { UsageError } = await import('../../src/errors.js');
    await expect(renderer.render(sample, cot, { maxSide: 0 })).rejects.toBeInstanceOf(UsageError);
  });

  it('places all 5000 labels of hostile gt_boxes (the time it takes: test/bench/limits.bench.ts)', async () => {
    const boxes = Array.from({ length: 5000 }, (_, i): [number, number, number, number] => [i % 700, i % 500, 30, 30]);
    const { layout } = await renderer.renderDetailed({ ...sample, annotation: { ...sample.annotation, gtBoxes: boxes } }, cot, { fast: true });
    expect(layout.labels).toHaveLength(5000);
  });
});

describe('encoding', () => {
  it('gives the same bytes for the same input, in every format', async () => {
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const a = await renderer.render(sample, cot, { format });
      const b = await renderer.render(sample, cot, { format });
      expect(a.format).toBe(format);
      expect(a.data.equals(b.data)).toBe(true);
      const meta = await sharp(a.data).metadata();
      expect(meta.format).toBe(format);
      expect([meta.width, meta.height]).toEqual([a.width, a.height]);
    }
    const fast = await renderer.render(sample, cot, { fast: true });
    expect((await sharp(fast.data).metadata()).format).toBe('png');
  });
});
