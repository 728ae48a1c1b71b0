// eval's drawing stage in process with a stand-in picture renderer: one picture per sample and model written under
// its name, failures recorded and reported without stopping the others, viewer entries in selection order, and a
// response too long to draw refused before it reaches a renderer.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { DataError } from '../../src/errors.js';
import { checkEvalTraces, drawPictures } from '../../src/eval/draw.js';
import { evaluate, type Evaluation } from '../../src/eval/evaluate.js';
import type { EvalOptions } from '../../src/eval/options.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { MAX_THINK_CHARS } from '../../src/formats.js';
import { FIXTURES_DIR } from '../fixtures/cases.js';
import { capture } from '../runs/fake-splits.js';

const EVAL_DIR = path.join(FIXTURES_DIR, 'eval');
let ev: Evaluation;
let dir: string;
beforeAll(async () => {
  const gt = await readGroundTruth(path.join(EVAL_DIR, 'annotations.jsonl'));
  const models = await Promise.all(['a', 'b'].map((m) => readPredictions(path.join(EVAL_DIR, `pred_model_${m}.jsonl`))));
  ev = evaluate(gt.samples, models.map((p, i) => ({ name: ['A', 'my model'][i], byKey: p.byKey })));
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eval-draw-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const options = (): EvalOptions => ({
  outputDir: dir,
  groundTruth: { kind: 'jsonl', file: path.join(EVAL_DIR, 'annotations.jsonl'), imagesDir: path.join(EVAL_DIR, 'images') },
  models: [{ name: 'A', file: 'a.jsonl' }, { name: 'my model', file: 'b.jsonl' }],
  selection: { numVis: 'all', seed: 0, filter: { only: [] } } as never,
  pictures: true,
  format: 'png',
  fast: true,
  concurrency: 3,
  json: false,
  quiet: true,
});

/** Draws "<id> <model>" as the picture's bytes; the model named `fails` on sample `failing` throws a DataError. */
function renderer(failing: string) {
  return async () => async (input: { gt: { id: unknown; file: string }; modelName: string; image: Buffer }) => {
    if (input.gt.id === failing && input.modelName === 'my model') throw new DataError('image-too-large', { file: input.gt.file }, 'too big', 'Skip it');
    expect(input.image.length).toBeGreaterThan(0);
    return { data: Buffer.from(`${String(input.gt.id)} ${input.modelName}`), source: { width: 4, height: 3 } };
  };
}

describe('drawPictures', () => {
  it('writes one picture per sample and model, records a failure and goes on, entries in selection order', async () => {
    const picks = [2, 0].map((position) => ({ position, stem: `s${position}` }));
    const { err, io } = capture();
    const deps = { parseCot: parseChainOfThought, renderPicture: renderer(String(ev.samples[0].gt.id)) as never, writeViewer: async () => undefined };
    const drawing = await drawPictures(options(), deps, ev, picks, io);
    expect([drawing.drawn, drawing.failed]).toEqual([3, 1]);
    expect((await readdir(dir)).sort()).toEqual(['eval_s0_A.png', 'eval_s2_A.png', 'eval_s2_my_model.png']);
    expect(await readFile(path.join(dir, 'eval_s2_my_model.png'), 'utf8')).toBe(`${String(ev.samples[2].gt.id)} my model`);
    expect(drawing.pictures.get(0)!.get('my model')).toEqual({ file: null, error: expect.stringContaining('too big') });
    expect(drawing.pictures.get(2)!.get('A')).toEqual({ file: 'eval_s2_A.png', error: null });
    expect(drawing.viewerEntries.map((e) => [e.index, e.model])).toEqual([[2, 'A'], [2, 'my model'], [0, 'A'], [0, 'my model']]);
    expect(err.join('')).toContain(`humanref-vis: picture of sample 0 (${String(ev.samples[0].gt.id)}), model my model: `);
  });

  it('collects no viewer entries without a viewer, and draws nothing after an interrupt', async () => {
    const deps = { parseCot: parseChainOfThought, renderPicture: renderer('') as never };
    const drawing = await drawPictures(options(), deps, ev, [{ position: 1, stem: 'x' }], capture().io);
    expect([drawing.drawn, drawing.viewerEntries.length]).toEqual([2, 0]);
    const controller = new AbortController();
    controller.abort('SIGINT');
    const stopped = await drawPictures(options(), deps, ev, [{ position: 3, stem: 'y' }], { ...capture().io, signal: controller.signal });
    expect(stopped.drawn).toBe(0);
    expect((await readdir(dir)).filter((f) => f.includes('_y_'))).toEqual([]);
  });
});

describe('checkEvalTraces', () => {
  it('refuses a response over the drawing limit, naming the ground-truth line', () => {
    const gt = ev.samples[0].gt;
    const ok = { gt, result: { ...ev.samples[0].models[0], rawResponse: 'short' } };
    expect(checkEvalTraces(ok)).toEqual({ where: { file: gt.file }, what: `the sample of line ${gt.line}` });
    const long = { gt, result: { ...ok.result, rawResponse: 'x'.repeat(MAX_THINK_CHARS + 1) } };
    expect(() => checkEvalTraces(long)).toThrow(new RegExp(`the model's response to the sample of line ${gt.line} is ${MAX_THINK_CHARS + 1} characters long`));
  });
});
