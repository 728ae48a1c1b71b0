// Raw-only prediction lines: eval.py's boxes, from the model's input size (smart_resize) to image pixels. Sizes worked by hand.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseResizeLimits, rescaleRawBoxes, scaleRawPredictions } from '../../src/eval/raw-scale.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { gtSample } from './_reasoning-cases.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-raw-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rawLine = (id: string, raw: string) => JSON.stringify({ id, raw_response: raw });

describe('rescaleRawBoxes', () => {
  it('1000×760: the model sees 1008×756 (27.14 -> 27 rows, 35.71 -> 36 columns of 28) and boxes scale back by 1000/1008, 760/756', async () => {
    const file = path.join(dir, 'p1.jsonl');
    await writeFile(file, `${rawLine('a', '<think>x</think><answer>[{"bbox_2d": [252, 189, 756, 567]}]</answer>')}\n`);
    const p = (await readPredictions(file)).byKey.get('s:a')!;
    expect(p.rawOnly!.boxes).toEqual([[252, 189, 756, 567]]);
    // 252 / 1008 = 1/4 of 1000; 189 / 756 = 1/4 of 760; 756 / 1008 = 3/4; 567 / 756 = 3/4
    expect(rescaleRawBoxes(p, { width: 1000, height: 760 })).toEqual({ boxes: [[250, 190, 750, 570]], model: { width: 1008, height: 756 } });
  });

  it('2000×2000 is over max_pixels: 1988² > 1003520, beta = sqrt(4e6 / 1003520) = 1.9965, 2000 / 1.9965 / 28 = 35.78 -> 35 × 28 = 980', async () => {
    const file = path.join(dir, 'p2.jsonl');
    await writeFile(file, `${rawLine('a', '<answer>[490, 245, 980, 980]</answer>')}\n`);
    const p = (await readPredictions(file)).byKey.get('s:a')!;
    expect(rescaleRawBoxes(p, { width: 2000, height: 2000 })).toEqual({ boxes: [[1000, 500, 2000, 2000]], model: { width: 980, height: 980 } });
  });

  it('--min-pixels 3136 --max-pixels 78400 on 1000×760: beta = sqrt(760000 / 78400) = 3.1135, 8 × 28 = 224 rows, 11 × 28 = 308 columns', async () => {
    const file = path.join(dir, 'p3.jsonl');
    await writeFile(file, `${rawLine('a', '[154, 112, 308, 224]')}\n`);
    const p = (await readPredictions(file)).byKey.get('s:a')!;
    expect(rescaleRawBoxes(p, { width: 1000, height: 760 }, parseResizeLimits('3136', '78400'))).toEqual({ boxes: [[500, 380, 1000, 760]], model: { width: 308, height: 224 } });
  });
});

describe('scaleRawPredictions', () => {
  it('fills in raw-only lines, leaves extracted_predictions alone and reports a line whose image cannot be sized', async () => {
    const file = path.join(dir, 'p4.jsonl');
    await writeFile(file, [
      rawLine('a', '<answer>[252, 189, 756, 567]</answer>'),
      JSON.stringify({ id: 'b', extracted_predictions: [[1, 2, 3, 4]], raw_response: '[9, 9, 9, 9]' }),
      rawLine('c', '<answer>[1, 2, 3, 4]</answer>'),
      rawLine('d', '<answer>None</answer>'),
    ].join('\n'));
    const read = await readPredictions(file);
    const truth = ['a', 'b', 'c', 'd'].map((id, position) => gtSample({ id, key: `s:${id}`, position, imageName: `${id}.jpg` }));
    const sizeOf = async (g: { id: string | number }) => {
      if (g.id === 'c') throw new Error('cannot read the image c.jpg (ENOENT)');
      return { width: 1000, height: 760 };
    };
    const scaled = await scaleRawPredictions(read, truth, sizeOf);
    expect(scaled.byKey.get('s:a')!.boxes).toEqual([[250, 190, 750, 570]]);
    expect(scaled.byKey.get('s:b')!.boxes).toEqual([[1, 2, 3, 4]]);
    expect(scaled.byKey.has('s:c')).toBe(false);
    expect(scaled.byKey.get('s:d')!.boxes).toEqual([]); // no list: no box, no image needed
    expect(scaled.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/p4\.jsonl, line 3: raw_response gives 1 box in the model's pixels, which eval\.py scales by the image's size, but cannot read the image c\.jpg \(ENOENT\)/),
    ]);
  });
});

describe('parseResizeLimits', () => {
  it('takes whole numbers and refuses the rest or min over max', () => {
    expect(parseResizeLimits('3136', '12544')).toEqual({ minPixels: 3136, maxPixels: 12544 });
    expect(() => parseResizeLimits('1e5', undefined)).toThrow(UsageError);
    expect(() => parseResizeLimits(undefined, '100')).toThrow('--min-pixels is larger than --max-pixels');
  });
});
