// Six hand-made samples and two models' answers, whose averages are worked out by hand below.
import { aggregateModel, scoreForModel, subdomainHomes, type GtForMetric } from '../../src/eval/aggregate.js';
import type { PredictedBoxes, XyxyBox } from '../../src/eval/metric.js';

const A: XyxyBox = [0, 0, 10, 10];
const B: XyxyBox = [20, 0, 30, 10];

// s1 attribute/color    gt [A]     model A: [A]     -> r 1,  p 1,  dF1 1
// s2 rejection          gt []      model A: []      -> correctly rejected
// s3 position/left      gt [A, B]  model A: []      -> 0, 0, 0
// s4 attribute/clothing gt [A, B]  model A: [A]     -> r 1/2, p 1, F1 = 1/1.5 = 2/3, penalty 1 -> 2/3
// s5 rejection          gt []      model A: [A]     -> wrongly answered
// s6 position/color     gt [A]     model A: [A, A]  -> r 1, p 1/2, F1 2/3, penalty (1/3)/(2/3) -> 1/3
// Every IoU is 1 or 0, so the 0.5 values equal the 0.5:0.95 means.
export const gt: (GtForMetric & { id: string })[] = [
  { id: 's1', domain: 'attribute', subDomain: 'color', answerBoxes: [A], candidateCount: 3 },
  { id: 's2', domain: 'rejection', subDomain: 'none', answerBoxes: [], candidateCount: 3 },
  { id: 's3', domain: 'position', subDomain: 'left', answerBoxes: [A, B], candidateCount: 3 },
  { id: 's4', domain: 'attribute', subDomain: 'clothing', answerBoxes: [A, B], candidateCount: 3 },
  { id: 's5', domain: 'rejection', subDomain: 'none', answerBoxes: [], candidateCount: 3 },
  { id: 's6', domain: 'position', subDomain: 'color', answerBoxes: [A], candidateCount: 3 },
];
export const modelA: PredictedBoxes[] = [[A], [], [], [A], [A], [A, A]];
export const perfect: PredictedBoxes[] = [[A], [], [A, B], [A, B], [[]], [A]];

export function metricsOf(preds: PredictedBoxes[]) {
  return aggregateModel(
    gt.map((g, i) => scoreForModel(g, preds[i])),
    subdomainHomes(gt),
  );
}
