// Which box a label belongs to (leader lines, heads kept free) and boxes cut by the image border (marked in the picture).
import sharp from 'sharp';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { boxGeometry, boxStyle, clipMarks, xywhToXyxy } from '../../src/render/boxes.js';
import { candidateColor, parseHex } from '../../src/render/colors.js';
import { leaderLine, placeLabels, type Rect } from '../../src/render/labels.js';
import { getDetailedRenderer, type DetailedRenderer } from '../../src/render/render.js';
import type { Sample } from '../../src/types.js';
import { boxesOf, labelsOf, lineWidthOf } from './_scene.js';
import { makeSample, solidPng } from './_helpers.js';

const SAMPLE_DIR = resolve(import.meta.dirname, '../../fixtures/sample');

/** Distance from a point to a rectangle's outline. */
function outlineDistance(px: number, py: number, r: Rect): number {
  const inside = px >= r.x && px <= r.x + r.w && py >= r.y && py <= r.y + r.h;
  if (inside) return Math.min(px - r.x, r.x + r.w - px, py - r.y, r.y + r.h - py);
  return Math.hypot(px - Math.max(r.x, Math.min(px, r.x + r.w)), py - Math.max(r.y, Math.min(py, r.y + r.h)));
}

/** Does the label touch the outline of the box (within `slack`)? */
function touches(label: Rect, box: Rect, slack: number): boolean {
  const xs = [label.x, label.x + label.w / 2, label.x + label.w];
  const ys = [label.y, label.y + label.h / 2, label.y + label.h];
  if (xs.some((x) => ys.some((y) => outlineDistance(x, y, box) <= slack))) return true;
  // A label straddling an edge.
  const overlaps = Math.min(label.x + label.w, box.x + box.w) > Math.max(label.x, box.x) && Math.min(label.y + label.h, box.y + box.h) > Math.max(label.y, box.y);
  const within = label.x > box.x && label.y > box.y && label.x + label.w < box.x + box.w && label.y + label.h < box.y + box.h;
  return overlaps && !within;
}

describe('leaderLine', () => {
  const box = { x: 100, y: 100, w: 100, h: 200 };
  it('is not needed for a label above its box or inside along its top', () => {
    expect(leaderLine({ x: 100, y: 81, w: 60, h: 19 }, box, 3)).toBeNull();
    expect(leaderLine({ x: 100, y: 100, w: 60, h: 19 }, box, 3)).toBeNull();
  });
  it('ties a pushed-away label to the nearest point of its box outline', () => {
    expect(leaderLine({ x: 100, y: 40, w: 60, h: 19 }, box, 3)).toEqual({ x1: 100, y1: 59, x2: 100, y2: 100 });
    // Floating inside the box, away from every edge.
    const inside = leaderLine({ x: 120, y: 200, w: 60, h: 19 }, box, 3)!;
    expect(inside).not.toBeNull();
    expect(outlineDistance(inside.x2, inside.y2, box)).toBe(0);
  });
});

describe('placeLabels keeps off the heads of other candidates', () => {
  it('a label whose usual spot covers the head behind goes elsewhere', () => {
    const front = { x: 100, y: 150, w: 100, h: 200 };
    const behind = { x: 90, y: 110, w: 100, h: 200 };
    const [label] = placeLabels([{ box: front, w: 60, h: 19 }, { box: behind, w: 60, h: 19 }], 400, 400);
    const head = { x: behind.x, y: behind.y, w: behind.w, h: behind.h * 0.2 };
    const covered = Math.max(0, Math.min(label.x + label.w, head.x + head.w) - Math.max(label.x, head.x)) * Math.max(0, Math.min(label.y + label.h, head.y + head.h) - Math.max(label.y, head.y));
    expect(covered).toBe(0);
    expect(touches(label, front, 1)).toBe(true);
  });
});

let renderer: DetailedRenderer;
beforeAll(async () => {
  renderer = await getDetailedRenderer();
});

describe('the 40-candidate crowd fixture', () => {
  it('every label touches its own box or is tied to it by a leader line ending on its outline', async () => {
    const dataset = await Dataset.open({ name: 'main', imagesTsv: join(SAMPLE_DIR, 'humanref_cot.images.tsv'), annotationsTsv: join(SAMPLE_DIR, 'humanref_cot.annotations.tsv'), annotationsLineidx: join(SAMPLE_DIR, 'humanref_cot.annotations.tsv.lineidx') });
    let sample: Sample;
    try {
      sample = await dataset.readSample(8);
    } finally {
      await dataset.close();
    }
    expect(sample.annotation.gtBoxes).toHaveLength(40);
    const cot = parseChainOfThought(sample.annotation.think, 40, sample.annotation.regionMap);
    const { layout } = await renderer.renderDetailed(sample, cot);
    const lw = lineWidthOf(layout);
    let leaders = 0;
    for (const label of labelsOf(layout)) {
      if (label.leader) {
        leaders++;
        expect(outlineDistance(label.leader.x2, label.leader.y2, label.box.rect), `Person ${label.box.person}`).toBeLessThanOrEqual(0.5);
        expect(touches(label.rect, label.box.rect, lw), `Person ${label.box.person}`).toBe(false);
      } else {
        expect(touches(label.rect, label.box.rect, lw), `Person ${label.box.person} has neither contact nor leader`).toBe(true);
      }
    }
    expect(leaders).toBeGreaterThan(0);
  });
});

describe('a box past the image border', () => {
  const think = '# Step 1: Look\n- Person 1: a → ❌\n# Summarize and Re-Check answer\n- Person 1: a → ❌';
  const render = async (box: [number, number, number, number]) => {
    const sample = makeSample(await solidPng(800, 600, [128, 128, 128]), [box], think, { e: [] }, { imageFormat: 'png' });
    const cot = parseChainOfThought(think, 1, {});
    const { image, layout } = await renderer.renderDetailed(sample, cot);
    const { data, info } = await sharp(image.data).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => {
      const o = (Math.round(y) * info.width + Math.round(x)) * info.channels;
      return [data[o], data[o + 1], data[o + 2]];
    };
    return { at, layout };
  };

  it('knows which sides are cut, by the same tolerance as the box-past-border finding', () => {
    const frame = { width: 800, height: 600, sourceWidth: 800, sourceHeight: 600 };
    const geometry = (xywh: number[]) => boxGeometry([{ person: 1, box: xywhToXyxy(xywh), verdict: null, target: false, color: '#000000' }], frame);
    const [past] = geometry([700, -50, 200, 300]);
    expect(past.clipped).toEqual({ left: false, top: true, right: true, bottom: false });
    const [rounding] = geometry([600, 100, 200.4, 100]);
    expect(rounding.clipped).toEqual({ left: false, top: false, right: false, bottom: false });
  });

  it('draws arrows in the box colour on the cut side, pointing out of the picture; an uncut box has none', async () => {
    const cut = await render([650, 100, 300, 300]);
    const [box] = boxesOf(cut.layout);
    const colour = parseHex(candidateColor(1, '❌'));
    const marks = clipMarks(box, lineWidthOf(cut.layout));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      expect(m.dx).toBe(1);
      // The middle of the arrowhead is filled with the box colour.
      expect(cut.at(m.x + m.size * 0.2, m.y)).toEqual(colour);
    }
    const whole = await render([450, 100, 300, 300]);
    expect(clipMarks(boxesOf(whole.layout)[0], lineWidthOf(whole.layout))).toEqual([]);
    // Where the arrows sit on the cut box, the uncut box's picture shows the plain image inside its outline.
    const shifted = marks.map((m) => whole.at(m.x + m.size * 0.2 - 200, m.y));
    for (const c of shifted) expect(c).toEqual([128, 128, 128]);
  });
});
