// Hand-worked cases for HumanRef's box metric; every expected value is derived in the comment beside it.
import { describe, expect, it } from 'vitest';
import {
  IOU_THRESHOLDS,
  boxCountRange,
  densityF1,
  greedyMatch,
  iou,
  isCorrectRejection,
  numpyMean,
  recallPrecision,
  scoreSample,
  type XyxyBox,
} from '../../src/eval/metric.js';

const A: XyxyBox = [0, 0, 10, 10];

describe('IOU_THRESHOLDS', () => {
  it('holds the ten values numpy.arange(0.5, 1.0, 0.05) gives, with its rounding', () => {
    // Printed by python3 -c "import numpy as np; print([repr(float(t)) for t in np.arange(0.5, 1.0, 0.05)])"
    expect(IOU_THRESHOLDS).toEqual([
      0.5, 0.55, 0.6000000000000001, 0.6500000000000001, 0.7000000000000002, 0.7500000000000002, 0.8000000000000003,
      0.8500000000000003, 0.9000000000000004, 0.9500000000000004,
    ]);
  });
});

describe('iou', () => {
  it('is intersection over union of xyxy boxes', () => {
    expect(iou(A, A)).toBe(1);
    // overlap 5 x 10 = 50; union 100 + 100 - 50 = 150
    expect(iou(A, [5, 0, 15, 10])).toBe(50 / 150);
    // [0,0,6,10] lies inside A: 60 / (100 + 60 - 60) = 0.6 exactly
    expect(iou(A, [0, 0, 6, 10])).toBe(0.6);
  });

  it('is 0 for boxes that only touch or do not meet', () => {
    expect(iou(A, [10, 0, 20, 10])).toBe(0);
    expect(iou(A, [0, 10, 10, 20])).toBe(0);
    expect(iou(A, [50, 50, 60, 60])).toBe(0);
  });
});

describe('greedyMatch and recallPrecision', () => {
  it('no prediction, [] or [[]], gives recall 0 and precision 0', () => {
    expect(recallPrecision([A], [], 0.5)).toEqual({ recall: 0, precision: 0 });
    expect(recallPrecision([A], [[]], 0.5)).toEqual({ recall: 0, precision: 0 });
    expect(greedyMatch([A], [[]], 0.5)).toEqual([]);
  });

  it('extra predictions lower precision only: gt [A], pred [A, far, far] -> recall 1, precision 1/3', () => {
    const r = recallPrecision([A], [A, [50, 50, 60, 60], [80, 80, 90, 90]], 0.5);
    expect(r).toEqual({ recall: 1, precision: 1 / 3 });
  });

  it('duplicate predicted boxes: the first of equal boxes is matched, the copy counts as a false alarm', () => {
    // gt [A], pred [A, A]: gt 0 takes pred 0 (IoU 1; pred 1 is not strictly better); precision 1/2
    expect(greedyMatch([A], [A, A], 0.5)).toEqual([{ gt: 0, pred: 0, iou: 1 }]);
    expect(recallPrecision([A], [A, A], 0.5)).toEqual({ recall: 1, precision: 0.5 });
  });

  it('duplicate gt boxes: one prediction serves only one of them', () => {
    // gt [A, A], pred [A]: gt 0 takes pred 0, gt 1 finds no unused prediction -> recall 1/2, precision 1
    expect(recallPrecision([A, A], [A], 0.5)).toEqual({ recall: 0.5, precision: 1 });
    // gt [A, A], pred [A, A]: gt 0 -> pred 0, gt 1 -> pred 1
    expect(greedyMatch([A, A], [A, A], 0.5)).toEqual([
      { gt: 0, pred: 0, iou: 1 },
      { gt: 1, pred: 1, iou: 1 },
    ]);
  });

  it('an IoU tie goes to the earlier prediction', () => {
    // P0 = [1,0,11,10] and P1 = [-1,0,9,10] both overlap A by 9 x 10 = 90, union 110: IoU 9/11 each
    const p0: XyxyBox = [1, 0, 11, 10];
    const p1: XyxyBox = [-1, 0, 9, 10];
    expect(greedyMatch([A], [p0, p1], 0.5)).toEqual([{ gt: 0, pred: 0, iou: 90 / 110 }]);
    expect(greedyMatch([A], [p1, p0], 0.5)).toEqual([{ gt: 0, pred: 0, iou: 90 / 110 }]);
  });

  it('matches ground-truth boxes in order, greedily (not an optimal assignment)', () => {
    // gt0 = A, gt1 = [3,0,13,10]; P0 = [1,0,11,10], P1 = [-2,0,8,10]
    // IoU(gt0,P0) = 90/110 = 0.818, IoU(gt0,P1) = 80/120 = 0.667, IoU(gt1,P0) = 80/120 = 0.667, IoU(gt1,P1) = 50/150
    // gt0 takes its best, P0; gt1 is left with P1 (1/3 < 0.5): 1 match, although gt0-P1 + gt1-P0 would give 2.
    const gt: XyxyBox[] = [A, [3, 0, 13, 10]];
    const pred: XyxyBox[] = [[1, 0, 11, 10], [-2, 0, 8, 10]];
    expect(greedyMatch(gt, pred, 0.5)).toEqual([{ gt: 0, pred: 0, iou: 90 / 110 }]);
    expect(recallPrecision(gt, pred, 0.5)).toEqual({ recall: 0.5, precision: 0.5 });
  });

  it('uses numpy thresholds: an IoU of exactly 0.6 misses the "0.6" threshold 0.6000000000000001', () => {
    expect(recallPrecision([A], [[0, 0, 6, 10]], IOU_THRESHOLDS[1]).recall).toBe(1);
    expect(recallPrecision([A], [[0, 0, 6, 10]], IOU_THRESHOLDS[2]).recall).toBe(0);
  });
});

describe('densityF1', () => {
  it('is F1 when the model predicts no more boxes than there are targets', () => {
    // p = 1, r = 1/2: F1 = 2 * (1/2) / (3/2) = 2/3; pred 1 <= gt 2 -> penalty min(1, 2) = 1
    expect(densityF1(1, 0.5, 2, 1, 5)).toBe((2 * 0.5) / 1.5);
  });

  it('is scaled by gt/pred when the model predicts too many', () => {
    // p = 1/3, r = 1: F1 = (2/3) / (4/3) = 0.5; penalty (1/6) / (3/6) = 1/3 -> 1/6
    expect(densityF1(1 / 3, 1, 1, 3, 6)).toBeCloseTo(1 / 6, 15);
  });

  it('is 0 when precision + recall is 0, or when the image has no candidates', () => {
    expect(densityF1(0, 0, 1, 1, 4)).toBe(0);
    // candidates 0: both densities are 0, so the penalty is 0 even for a perfect answer
    expect(densityF1(1, 1, 1, 1, 0)).toBe(0);
  });
});

describe('scoreSample', () => {
  it('a perfect single box: every number 1', () => {
    expect(scoreSample([A], [A], 4)).toEqual({
      recall50: 1,
      precision50: 1,
      recallMean: 1,
      precisionMean: 1,
      densityF1_50: 1,
      densityF1Mean: 1,
    });
  });

  it('no prediction and [[]]: every number 0', () => {
    const zero = { recall50: 0, precision50: 0, recallMean: 0, precisionMean: 0, densityF1_50: 0, densityF1Mean: 0 };
    expect(scoreSample([A, [20, 0, 30, 10]], [], 6)).toEqual(zero);
    expect(scoreSample([A], [[]], 6)).toEqual(zero);
  });

  it('IoU 0.6 exactly matches at 2 of the 10 thresholds', () => {
    // matches at 0.5 and 0.55 only: recall = precision = F1 = [1,1,0,0,0,0,0,0,0,0] -> mean 0.2
    const s = scoreSample([A], [[0, 0, 6, 10]], 4);
    expect(s).toEqual({ recall50: 1, precision50: 1, recallMean: 0.2, precisionMean: 0.2, densityF1_50: 1, densityF1Mean: 0.2 });
  });

  it('IoU 0.75 exactly matches at 5 of the 10 thresholds (0.7500000000000002 is above it)', () => {
    expect(scoreSample([A], [[0, 0, 7.5, 10]], 4).recallMean).toBe(0.5);
  });

  it('a tie and the greedy order across thresholds', () => {
    // gt0 = A, gt1 = [1,0,11,10]; P0 = [1,0,11,10], P1 = [-1,0,9,10]
    // IoU: gt0-P0 = gt0-P1 = 9/11 = 0.818 (tie), gt1-P0 = 1, gt1-P1 = 80/120 = 0.667
    // t 0.50..0.65: gt0 -> P0 (tie, first), gt1 -> P1 (0.667)        -> 2 matches
    // t 0.70..0.80: gt0 -> P0, gt1 has only P1 (0.667 < t)           -> 1 match
    // t 0.85..0.95: gt0 has none (0.818 < t), gt1 -> P0 (1)           -> 1 match
    // recall = precision = [1,1,1,1,.5,.5,.5,.5,.5,.5] -> mean 7/10; F1 = same (p = r), penalty 1 (2 pred, 2 gt)
    const s = scoreSample([A, [1, 0, 11, 10]], [[1, 0, 11, 10], [-1, 0, 9, 10]], 5);
    expect(s.recall50).toBe(1);
    expect(s.recallMean).toBe(0.7);
    expect(s.precisionMean).toBe(0.7);
    expect(s.densityF1Mean).toBe(0.7);
  });

  it('duplicate predicted boxes are penalised twice: precision and density', () => {
    // gt [A], pred [A, A], 3 candidates: r 1, p 1/2, F1 = 1 / 1.5 = 2/3; penalty (1/3)/(2/3) = 1/2 -> 1/3
    const s = scoreSample([A], [A, A], 3);
    expect(s.precision50).toBe(0.5);
    expect(s.densityF1_50).toBeCloseTo(1 / 3, 15);
    expect(s.densityF1Mean).toBeCloseTo(1 / 3, 15);
  });
});

describe('rejection', () => {
  it('is correct for [] and [[]], wrong when a box is given', () => {
    expect(isCorrectRejection([])).toBe(true);
    expect(isCorrectRejection([[]])).toBe(true);
    expect(isCorrectRejection([A])).toBe(false);
  });
});

describe('numpyMean', () => {
  it('sums pairwise as numpy does, not left to right', () => {
    const v = [0.75, 1, 1 / 3, 1, 0.2, 0.75, 0, 0.1, 1, 1 / 3, 0.1, 0, 0.1, 0.1, 0.75, 0, 1 / 3];
    // python3: float(numpy.mean(v)) = 0.4029411764705882; sum(v)/len(v) = 0.40294117647058814
    expect(numpyMean(v)).toBe(0.4029411764705882);
    expect(v.reduce((a, b) => a + b, 0) / v.length).toBe(0.40294117647058814);
  });

  it('is a plain average for short vectors', () => {
    expect(numpyMean([1, 0, 0.5])).toBe(0.5);
    expect(numpyMean([])).toBeNaN();
  });
});

describe('boxCountRange', () => {
  it('puts 1, 2-5, 6-10 and everything else (0 included) in >10, as upstream', () => {
    expect([1, 2, 5, 6, 10, 11, 40, 0].map(boxCountRange)).toEqual(['1', '2-5', '2-5', '6-10', '6-10', '>10', '>10', '>10']);
  });
});
