// What an eval keeps of every sample once scored: a few numbers in typed arrays, so a million samples fit in memory.
// Pictures and records compute a sample's full result again when they need it (evaluateSample is cheap).
import { evaluateEach, isRejectionSample, type Evaluation, type ModelInput } from './evaluate.js';
import type { EvalGtSample } from './read-gt.js';
import { sampleScore } from './records.js';

export interface EvalTally {
  metrics: Evaluation['metrics'];
  /** Per model: prediction ids that match no ground-truth sample. */
  unknownIds: string[][];
  samples: number;
  rejectionSamples: number;
  /** Per model: samples its file has no line for (scored as no box). */
  withoutPrediction: number[];
  /** Per position: the worst model's score (DensityF1@0.5:0.95; 1 or 0 for a rejection sample). */
  score: Float64Array;
  /** Per position: 1 when some model is wrong (a miss, a false alarm or a wrong rejection). */
  wrong: Uint8Array;
  /** Per position: 1 when some model's answer is not what its reasoning marked ✅ (the reasoning checks). */
  unfaithful: Uint8Array;
  /** Per position: 1 when some model's reasoning names a candidate past the hint's count. */
  hallucinated: Uint8Array;
}

export function tallyEvaluation(gt: readonly EvalGtSample[], models: readonly ModelInput[]): EvalTally {
  const score = new Float64Array(gt.length);
  const wrong = new Uint8Array(gt.length);
  const unfaithful = new Uint8Array(gt.length);
  const hallucinated = new Uint8Array(gt.length);
  const withoutPrediction = models.map(() => 0);
  let position = 0;
  const { metrics, unknownIds } = evaluateEach(gt, models, (result) => {
    score[position] = sampleScore(result);
    wrong[position] = result.models.some((m) => m.wrong) ? 1 : 0;
    unfaithful[position] = result.models.some((m) => m.reasoning?.faithful === false) ? 1 : 0;
    hallucinated[position] = result.models.some((m) => (m.reasoning?.hallucinated.length ?? 0) > 0) ? 1 : 0;
    result.models.forEach((m, i) => {
      if (!m.hasPrediction) withoutPrediction[i]++;
    });
    position++;
  });
  return { metrics, unknownIds, samples: gt.length, rejectionSamples: gt.filter(isRejectionSample).length, withoutPrediction, score, wrong, unfaithful, hallucinated };
}
