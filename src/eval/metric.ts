// HumanRef's box metric for one sample, with the arithmetic of Rex-Thinker's evaluation/metric.py (same operations, same order).

/** `[x0, y0, x1, y1]` in original image pixels. */
export type XyxyBox = [number, number, number, number];

/**
 * What a prediction file holds for one sample: boxes, `[]` (no box), or upstream's `[[]]` form of "no box".
 * Anything else is refused by the reader before it gets here.
 */
export type PredictedBoxes = XyxyBox[] | [[]];

/**
 * The IoU thresholds of numpy's `arange(0.5, 1.0, 0.05)`: numpy fills `start + i * delta` with
 * `delta = (start + step) - start`, so the values carry its rounding (0.6000000000000001 ...), and an IoU of
 * exactly 0.6 does not reach the third threshold. Comparisons must use these values, not 0.6.
 */
export const IOU_THRESHOLDS: readonly number[] = (() => {
  const start = 0.5;
  const step = 0.05;
  const length = Math.ceil((1.0 - start) / step);
  const delta = start + step - start;
  return Array.from({ length }, (_, i) => (i === 0 ? start : i === 1 ? start + step : start + i * delta));
})();

/** IoU of two `[x0, y0, x1, y1]` boxes; 0 when they do not overlap with a positive area. */
export function iou(a: readonly number[], b: readonly number[]): number {
  const x1 = Math.max(a[0], b[0]);
  const y1 = Math.max(a[1], b[1]);
  const x2 = Math.min(a[2], b[2]);
  const y2 = Math.min(a[3], b[3]);
  if (x2 <= x1 || y2 <= y1) return 0;
  const intersection = (x2 - x1) * (y2 - y1);
  const areaA = (a[2] - a[0]) * (a[3] - a[1]);
  const areaB = (b[2] - b[0]) * (b[3] - b[1]);
  return intersection / (areaA + areaB - intersection);
}

/** True for `[]` and for upstream's `[[]]`: the model gave no box. */
export function isNoPrediction(pred: readonly (readonly number[])[]): boolean {
  return pred.length === 0 || (pred.length === 1 && pred[0].length === 0);
}

/**
 * Upstream's rejection rule: correct when the list is empty or its FIRST entry is empty.
 * (So `[[], box]` would count as a correct rejection; the reader refuses that shape.)
 */
export function isCorrectRejection(pred: readonly (readonly number[])[]): boolean {
  return pred.length === 0 || pred[0].length === 0;
}

/** A ground-truth box (0-based) matched to a predicted box (0-based) with their IoU. */
export interface BoxMatch {
  gt: number;
  pred: number;
  iou: number;
}

/**
 * Greedy matching at one threshold: each ground-truth box in order takes the unused prediction with the highest
 * IoU that is >= threshold; on equal IoU the earlier prediction wins (upstream compares with a strict `>`).
 */
export function greedyMatch(gt: readonly XyxyBox[], pred: PredictedBoxes, threshold: number): BoxMatch[] {
  if (isNoPrediction(pred)) return [];
  const boxes = pred as XyxyBox[];
  const used = new Set<number>();
  const matches: BoxMatch[] = [];
  gt.forEach((gtBox, g) => {
    let best = 0;
    let bestIndex = -1;
    boxes.forEach((predBox, p) => {
      if (used.has(p)) return;
      const value = iou(gtBox, predBox);
      if (value > best && value >= threshold) {
        best = value;
        bestIndex = p;
      }
    });
    if (bestIndex !== -1) {
      used.add(bestIndex);
      matches.push({ gt: g, pred: bestIndex, iou: best });
    }
  });
  return matches;
}

/** recall = matches / gt, precision = matches / predictions; both 0 when there is no prediction. */
export function recallPrecision(
  gt: readonly XyxyBox[],
  pred: PredictedBoxes,
  threshold: number,
): { recall: number; precision: number } {
  if (gt.length === 0) throw new RangeError('recallPrecision needs at least one ground-truth box');
  if (isNoPrediction(pred)) return { recall: 0, precision: 0 };
  const matches = greedyMatch(gt, pred, threshold).length;
  return { recall: matches / gt.length, precision: matches / pred.length };
}

/**
 * F1 scaled down when the model predicts more boxes than there are targets:
 * F1 × min(1, (gt / candidates) / (pred / candidates)); 0 when precision + recall is 0 or nothing was predicted.
 * `predCount` is the length of the prediction list as upstream counts it (`[[]]` counts 1).
 */
export function densityF1(
  precision: number,
  recall: number,
  gtCount: number,
  predCount: number,
  candidateCount: number,
): number {
  if (precision + recall === 0) return 0;
  const f1 = (2 * (precision * recall)) / (precision + recall);
  const gtDensity = candidateCount > 0 ? gtCount / candidateCount : 0;
  const predDensity = candidateCount > 0 ? predCount / candidateCount : 0;
  const penalty = predDensity > 0 ? Math.min(1, gtDensity / predDensity) : 0;
  return f1 * penalty;
}

/** One sample's six numbers, as upstream keeps them per sample before averaging. */
export interface SampleScores {
  recall50: number;
  precision50: number;
  recallMean: number;
  precisionMean: number;
  densityF1_50: number;
  densityF1Mean: number;
}

/** Scores of a non-rejection sample: the values at 0.5 and the means over the ten thresholds. */
export function scoreSample(gt: readonly XyxyBox[], pred: PredictedBoxes, candidateCount: number): SampleScores {
  const recalls: number[] = [];
  const precisions: number[] = [];
  const f1s: number[] = [];
  for (const threshold of IOU_THRESHOLDS) {
    const { recall, precision } = recallPrecision(gt, pred, threshold);
    recalls.push(recall);
    precisions.push(precision);
    f1s.push(densityF1(precision, recall, gt.length, pred.length, candidateCount));
  }
  return {
    recall50: recalls[0],
    precision50: precisions[0],
    recallMean: numpyMean(recalls),
    precisionMean: numpyMean(precisions),
    densityF1_50: f1s[0],
    densityF1Mean: numpyMean(f1s),
  };
}

/**
 * numpy's mean of a float64 vector: pairwise summation (8 accumulators, blocks of 128) divided by n.
 * A plain left-to-right sum differs in the last bits, and upstream's numbers are compared to the last digit.
 */
export function numpyMean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  return pairwiseSum(values, 0, values.length) / values.length;
}

function pairwiseSum(a: readonly number[], from: number, n: number): number {
  if (n < 8) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += a[from + i];
    return sum;
  }
  if (n <= 128) {
    const r = a.slice(from, from + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[from + i + j];
    }
    // numpy's order of additions
    let sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) sum += a[from + i];
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(a, from, half) + pairwiseSum(a, from + half, n - half);
}

/** The box-count ranges of the ground truth, in upstream's order. */
export const BOX_COUNT_RANGES = ['1', '2-5', '6-10', '>10'] as const;
export type BoxCountRange = (typeof BOX_COUNT_RANGES)[number];

/** Upstream's ranges; any count that is not 1..10 (0 included) falls in `>10`, as upstream's `else` does. */
export function boxCountRange(count: number): BoxCountRange {
  if (count === 1) return '1';
  if (count >= 2 && count <= 5) return '2-5';
  if (count >= 6 && count <= 10) return '6-10';
  return '>10';
}
