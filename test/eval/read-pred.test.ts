// The prediction reader: bad lines skipped with a message, the last of duplicate ids kept, and what evaluate makes
// of ids the ground truth lacks or that have no prediction.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/evaluate.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions, toPredictedBoxes } from '../../src/eval/read-pred.js';
import { gtLine, jsonlFolder } from './jsonl-files.js';

const files = jsonlFolder();

describe('toPredictedBoxes', () => {
  it('accepts [], [[]] and boxes; refuses other shapes', () => {
    expect(toPredictedBoxes([])).toEqual([]);
    expect(toPredictedBoxes([[]])).toEqual([[]]);
    expect(toPredictedBoxes([[1, 2, 3, 4]])).toEqual([[1, 2, 3, 4]]);
    expect(toPredictedBoxes(null)).toBe('is not a list');
    expect(toPredictedBoxes([[], [1, 2, 3, 4]])).toMatch(/entry 0 .*only understood as the single entry \[\[\]\]/);
    expect(toPredictedBoxes([[1, 2]])).toMatch(/entry 0 is not a box/);
    expect(toPredictedBoxes([[1, 2, '3', 4]])).toMatch(/entry 0 is not a box/);
  });
});

describe('readPredictions and evaluate', () => {
  it('skips bad lines, keeps the last of duplicate ids, reports ids the ground truth lacks, and scores missing ones as []', async () => {
    const gt = await readGroundTruth(await files.file('gt2.jsonl', [gtLine('a'), gtLine('b'), gtLine('c')]));
    const p = await files.file('pred.jsonl', [
      JSON.stringify({ id: 'a', extracted_predictions: [[50, 50, 60, 60]], raw_response: 'first' }),
      JSON.stringify({ id: 'b', extracted_predictions: 'nope' }),
      'not json',
      JSON.stringify({ id: 'zzz', extracted_predictions: [] }),
      JSON.stringify({ id: 'a', extracted_predictions: [[0, 0, 10, 10]], raw_response: 'second' }),
      JSON.stringify({ id: 'c', extracted_predictions: [[0, 0, 10, 10]], raw_response: 42 }),
    ]);
    const pred = await readPredictions(p);
    expect(pred.problems.map((x) => x.line)).toEqual([2, 3, 6]);
    expect(pred.problems[0].message).toMatch(/line 2: "extracted_predictions" is not a list\. .*counts as having no prediction/);
    expect(pred.duplicates).toEqual([{ id: 'a', lines: [1, 5] }]);
    expect(pred.byKey.get('s:a')!.rawResponse).toBe('second');

    const ev = evaluate(gt.samples, [{ name: 'A', byKey: pred.byKey }]);
    expect(ev.unknownIds).toEqual([['zzz']]);
    const [a, b] = ev.samples.map((s) => s.models[0]);
    expect(a).toMatchObject({ hasPrediction: true, recall_50: 1, precision_50: 1, wrong: false, matches: [{ gt: 0, pred: 0, iou: 1 }] });
    // b's only line was bad: no prediction, every number 0, as upstream scores a missing id
    expect(b).toMatchObject({ hasPrediction: false, recall_50: 0, precision_50: 0, density_f1_mean: 0, wrong: true, score: 0 });
    expect(ev.metrics[0].metrics.overall).toMatchObject({ recall_50: 1 / 3, count: 3 });
  });

  it('keys by index (and split) for HumanRef-CoT ground truth', async () => {
    const p = await files.file('pred-index.jsonl', [
      JSON.stringify({ index: 3, split: 'main', extracted_predictions: [] }),
      JSON.stringify({ index: 4, extracted_predictions: [] }),
      JSON.stringify({ id: 'x', extracted_predictions: [] }),
    ]);
    const r = await readPredictions(p, 'index');
    expect([...r.byKey.keys()]).toEqual(['i:main:3', 'i::4']);
    expect(r.problems[0].message).toMatch(/line 3: "index" is missing/);
  });
});
