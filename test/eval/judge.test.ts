// What a picture of one model on one sample says: each person's target, verdict and agreement; each box hit, missed
// or a false alarm, and the candidate it lies on.
import { describe, expect, it } from 'vitest';
import { agreementOf, judgeBoxes, judgePersons, nearestCandidate, targetPersons } from '../../src/eval/judge.js';
import type { XyxyBox } from '../../src/eval/metric.js';

const CANDIDATES: XyxyBox[] = [
  [0, 0, 10, 10],
  [20, 0, 30, 10],
  [40, 0, 50, 10],
];

describe('persons', () => {
  it('finds the candidate a box lies on at IoU 0.5 or more, the best one, or none', () => {
    expect(nearestCandidate([21, 0, 31, 10], CANDIDATES)).toBe(2);
    expect(nearestCandidate([5, 0, 25, 10], CANDIDATES)).toBeNull();
    expect(targetPersons([[40, 0, 50, 10], [0, 0, 10, 10], [0, 0, 10, 11]], CANDIDATES)).toEqual([1, 3]);
  });

  it('agrees on ✅ for a target and on ❌ or ⚠️ for anyone else; no mark is unknown', () => {
    expect([agreementOf('✅', true), agreementOf('❌', false), agreementOf('⚠️', false), agreementOf('✅', false), agreementOf('❌', true), agreementOf(null, true)]).toEqual([
      'agree', 'agree', 'agree', 'disagree', 'disagree', 'unknown',
    ]);
    expect(judgePersons(3, [2], ['❌', '❌'], ['❌', '✅', '❌'])).toEqual([
      { person: 1, target: false, verdict: '❌', agreement: 'agree', datasetVerdict: '❌' },
      { person: 2, target: true, verdict: '❌', agreement: 'disagree', datasetVerdict: '✅' },
      { person: 3, target: false, verdict: null, agreement: 'unknown', datasetVerdict: '❌' },
    ]);
  });
});

describe('judgeBoxes', () => {
  it("calls a matched box a hit, an unmatched one a false alarm with its best IoU, and an unmatched answer missed", () => {
    const answers: XyxyBox[] = [CANDIDATES[0], CANDIDATES[2]];
    const pred: XyxyBox[] = [[0, 0, 10, 10], [20, 0, 30, 10]];
    const { predicted, gt } = judgeBoxes(answers, pred, [{ gt: 0, pred: 0, iou: 1 }], CANDIDATES);
    expect(predicted).toEqual([
      { index: 0, box: pred[0], outcome: 'hit', iou: 1, gt: 0, person: 1 },
      { index: 1, box: pred[1], outcome: 'false-alarm', iou: 0, gt: null, person: 2 },
    ]);
    expect(gt.map((g) => [g.outcome, g.person])).toEqual([['hit', 1], ['missed', 3]]);
  });

  it('has no predicted boxes for the no-box answer [[]], and every answer missed', () => {
    const { predicted, gt } = judgeBoxes([CANDIDATES[1]], [[]], [], CANDIDATES);
    expect([predicted, gt.map((g) => g.outcome)]).toEqual([[], ['missed']]);
  });
});
