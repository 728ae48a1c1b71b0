// The per-sample record of an eval (samples.jsonl, --json): the sample, each model's numbers and picture, the worst score.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/evaluate.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { sampleRecord, sampleScore } from '../../src/eval/records.js';
import { gtLine, jsonlFolder } from './jsonl-files.js';

const files = jsonlFolder();

async function results() {
  const gt = await readGroundTruth(await files.file('gt.jsonl', [gtLine('a'), gtLine('r', { domain: 'rejection', answer_boxes: [] })]));
  const hit = await readPredictions(await files.file('hit.jsonl', [JSON.stringify({ id: 'a', extracted_predictions: [[0, 0, 10, 10]] }), JSON.stringify({ id: 'r', extracted_predictions: [[]] })]));
  const miss = await readPredictions(await files.file('miss.jsonl', [JSON.stringify({ id: 'a', extracted_predictions: [[20, 0, 30, 10], [40, 40, 50, 50]] })]));
  return evaluate(gt.samples, [{ name: 'hit', byKey: hit.byKey }, { name: '__proto__', byKey: miss.byKey }]).samples;
}

describe('sampleRecord', () => {
  it("holds the sample's fields and each model's numbers, its picture, and the worst model's score", async () => {
    const [a] = await results();
    const record = sampleRecord(a, ['hit', '__proto__'], new Map([['hit', { file: 'eval_a_hit.png', error: null }]]));
    expect(record).toMatchObject({ position: 0, id: 'a', domain: 'attribute', sub_domain: 'color', referring: 'the man', image_name: 'a.jpg', candidates: 2, gt_boxes: 1, score: 0 });
    expect(record.models.hit).toMatchObject({ has_prediction: true, predicted_boxes: 1, recall_50: 1, wrong: false, score: 1, matches: [{ gt: 0, pred: 0, iou: 1 }], file: 'eval_a_hit.png', error: null });
    // A model named __proto__ is a key like any other, not the record's prototype.
    expect(Object.keys(record.models)).toEqual(['hit', '__proto__']);
    expect(record.models['__proto__']).toMatchObject({ predicted_boxes: 2, recall_50: 0, wrong: true, file: null });
    expect(JSON.parse(JSON.stringify(record)).models.__proto__.predicted_boxes).toBe(2);
  });

  it('scores a rejection sample 1 when no box was given and 0 when a box was, and counts [[]] as no box', async () => {
    const [, r] = await results();
    const record = sampleRecord(r, ['hit', '__proto__']);
    expect([record.models.hit.rejected, record.models.hit.predicted_boxes, record.models.hit.score]).toEqual([true, 0, 1]);
    expect(record.models['__proto__'].has_prediction).toBe(false);
    expect(sampleScore(r)).toBe(record.score);
  });
});
