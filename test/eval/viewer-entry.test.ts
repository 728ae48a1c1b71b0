// Eval pictures as viewer entries: score, kinds, the model's boxes, the model in its own field; handed over by runEval when wired.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { sampleView } from '../../src/eval/view.js';
import { evalViewerEntry, type EvalViewerEntry } from '../../src/eval/viewer-entry.js';
import { EVAL_DIR, fixtureEval } from '../runs/fixture-eval.js';
let out: string;
beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'humanref-vis-eval-viewer-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('evalViewerEntry', () => {
  it('carries the score, the kinds and the model boxes with their labels', async () => {
    const gt = await readGroundTruth(path.join(EVAL_DIR, 'annotations.jsonl'));
    const a = await readPredictions(path.join(EVAL_DIR, 'pred_model_a.jsonl'));
    const ev = evaluate(gt.samples, [{ name: 'A', byKey: a.byKey }]);
    const s = ev.samples.find((x) => x.gt.id === 'pos-002')!;
    const entry = evalViewerEntry(sampleView(s.gt, 'A', s.models[0], parseChainOfThought), { name: 'eval_pos-002_A', file: 'eval_pos-002_A.png', error: null }, { width: 560, height: 320 });
    expect(entry).toMatchObject({ name: 'eval_pos-002_A', split: 'position', model: 'A', index: 4, status: 'rendered', score: s.models[0].score, rejection: false, consistent: true });
    expect(entry.kinds).toEqual(['position', 'wrong', 'false-alarm']);
    expect(entry.detail!.predicted!.map((p) => p.label)).toEqual(['#1 IoU 0.747', '#2 false alarm', '#3 IoU 0.996', '#4 IoU 0.995']);
    expect(entry.detail!.regionMap).toEqual([{ expression: 'the three people in the middle', targets: [1, 3, 6] }]);
    expect(entry.detail!.mentions.length).toBeGreaterThan(8);
  });
});

describe('runEval with a viewer', () => {
  it('hands every drawn picture to writeViewer, in selection order, model by model', async () => {
    const handed: EvalViewerEntry[][] = [];
    const code = await fixtureEval(out, { A: 'pred_model_a.jsonl', B: 'pred_model_b.jsonl' }, { indices: [3, 13], numVis: 'all', seed: 0, filter: { only: [] } }, async (_dir, entries) => {
      handed.push(entries);
    });
    expect(code).toBe(0);
    expect(handed).toHaveLength(1);
    expect(handed[0].map((e) => e.name)).toEqual(['eval_pos-001_A', 'eval_pos-001_B', 'eval_rej-001_A', 'eval_rej-001_B']);
    // rej-001: A answered [[]] (right), B gave a box (wrong)
    expect(handed[0].slice(2).map((e) => [e.rejection, e.score, e.kinds.includes('wrong')])).toEqual([[true, 1, false], [true, 0, true]]);
    expect(handed[0][0].detail!.image).toEqual({ width: 560, height: 320 });
    // The photo goes to the viewer by path (copied there), not held in memory.
    const photo = handed[0][0].image!;
    if (!('path' in photo)) throw new Error('the photo was handed over as bytes, not by path');
    expect(path.dirname(photo.path)).toBe(path.join(EVAL_DIR, 'images'));
    expect(['jpeg', 'png']).toContain(photo.format);
  });
});
