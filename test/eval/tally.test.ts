// What an eval keeps per sample once scored: the worst model's score and the kinds, the same numbers the full results give.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/evaluate.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { tallyEvaluation } from '../../src/eval/tally.js';
import { EVAL_DIR } from '../runs/fixture-eval.js';
import { gtLine, jsonlFolder } from './jsonl-files.js';

const files = jsonlFolder();

describe('tallyEvaluation', () => {
  it('keeps, per sample, the lowest score of the models and whether any is wrong, as the full results say', async () => {
    const gt = (await readGroundTruth(path.join(EVAL_DIR, 'annotations.jsonl'))).samples;
    const models = await Promise.all(['A', 'B'].map(async (name) => ({ name, byKey: (await readPredictions(path.join(EVAL_DIR, `pred_model_${name.toLowerCase()}.jsonl`))).byKey })));
    const tally = tallyEvaluation(gt, models);
    const full = evaluate(gt, models);
    expect(tally.metrics).toEqual(full.metrics);
    expect([...tally.score]).toEqual(full.samples.map((s) => Math.min(...s.models.map((m) => m.score))));
    expect([...tally.wrong]).toEqual(full.samples.map((s) => (s.models.some((m) => m.wrong) ? 1 : 0)));
    expect([tally.samples, tally.rejectionSamples]).toEqual([gt.length, gt.filter((s) => s.domain === 'rejection').length]);
    expect(tally.wrong.some((w) => w === 1)).toBe(true);
  });

  it('counts, per model, the samples its file has no line for, and the ids the ground truth lacks', async () => {
    const gt = (await readGroundTruth(await files.file('gt.jsonl', [gtLine('a'), gtLine('b'), gtLine('c')]))).samples;
    const pred = await readPredictions(await files.file('pred.jsonl', [JSON.stringify({ id: 'a', extracted_predictions: [[0, 0, 10, 10]] }), JSON.stringify({ id: 'z', extracted_predictions: [] })]));
    const tally = tallyEvaluation(gt, [{ name: 'M', byKey: pred.byKey }]);
    expect([tally.withoutPrediction, tally.unknownIds]).toEqual([[2], [['z']]]);
    expect([...tally.score]).toEqual([1, 0, 0]);
    expect([...tally.wrong]).toEqual([0, 1, 1]);
  });
});
