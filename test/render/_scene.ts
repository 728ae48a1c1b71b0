// The scene most renderer tests draw: a grey 800×600 PNG, five boxes (one zero-size), a trace with every mark;
// and pixel probes to check what was drawn.
import sharp from 'sharp';
import { parseChainOfThought } from '../../src/cot/index.js';
import type { ParsedCot, Sample } from '../../src/types.js';
import { findOverlay, type PictureLayout } from '../../src/render/layout.js';
import { getDetailedRenderer, type DetailedRenderer } from '../../src/render/render.js';
import { makeSample, solidPng } from './_helpers.js';

export interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

export async function pixels(png: Buffer): Promise<Pixels> {
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
export function saturated(px: Pixels, x: number, y: number, w: number, h: number) {
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

export const MARKS_THINK = [
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

export const BOXES: [number, number, number, number][] = [
  [100, 150, 200, 200],
  [400, 150, 150, 200],
  [600, 300, 100, 100],
  [50, 450, 100, 100],
  [420, 520, 0, 0],
];
export const GRAY: [number, number, number] = [128, 128, 128];

/** The shared renderer and the scene: a test file calls it once, in beforeAll. */
export async function markedScene(): Promise<{ renderer: DetailedRenderer; image: Buffer; sample: Sample; cot: ParsedCot }> {
  const renderer = await getDetailedRenderer();
  const image = await solidPng(800, 600, GRAY);
  const sample = makeSample(image, BOXES, MARKS_THINK, { 'the man in the hat': [0] }, { imageFormat: 'png' });
  const cot = parseChainOfThought(MARKS_THINK, BOXES.length, sample.annotation.regionMap);
  return { renderer, image, sample, cot };
}

/** The layers of visualize's picture, from its layout. */
export const boxesOf = (layout: PictureLayout) => findOverlay(layout, 'candidates')!.boxes;
export const lineWidthOf = (layout: PictureLayout) => findOverlay(layout, 'candidates')!.lineWidth;
export const labelsOf = (layout: PictureLayout) => findOverlay(layout, 'labels')!.labels;
