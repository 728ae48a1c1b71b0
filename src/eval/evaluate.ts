// Ground truth + each model's predictions -> per-sample results (for pictures and NDJSON) and upstream's averages.
import { aggregateModel, REJECTION_DOMAIN, scoreForModel, subdomainHomes, type ModelMetrics, type ScoredSample } from './aggregate.js';
import { greedyMatch, isNoPrediction, type BoxMatch, type PredictedBoxes } from './metric.js';
import type { EvalGtSample } from './read-gt.js';
import type { Prediction } from './read-pred.js';
import { judgeReasoning, type ReasoningJudgement } from './reasoning.js';
import { ReasoningTally, type ReasoningMetrics } from './reasoning-metrics.js';

export interface ModelInput {
  name: string;
  /** Predictions by key (see read-pred.ts). */
  byKey: ReadonlyMap<string, Prediction>;
}

/** One model on one sample. */
export interface ModelSampleResult {
  /** False when the file has no line for this sample: it counts as `[]`, as upstream does. */
  hasPrediction: boolean;
  boxes: PredictedBoxes;
  rawResponse: string;
  /** Rejection samples: whether no box was given. */
  rejected: boolean | null;
  recall_50: number | null;
  precision_50: number | null;
  density_f1_50: number | null;
  density_f1_mean: number | null;
  /** Matches at IoU 0.5 (0-based gt and predicted box numbers). */
  matches: BoxMatch[];
  /** For sorting and `--worst`: DensityF1@0.5:0.95, or 1/0 for a right/wrong rejection. */
  score: number;
  /** Not perfect at IoU 0.5 (a missed target or a false alarm), or a wrong rejection. */
  wrong: boolean;
  /** What the reasoning says about the answer; null without a response. */
  reasoning?: ReasoningJudgement | null;
  /** The line had no extracted_predictions: its boxes are eval.py's reading of raw_response. */
  scoredFromRaw?: boolean;
}

export interface SampleResult {
  gt: EvalGtSample;
  models: ModelSampleResult[];
}

export interface Evaluation {
  samples: SampleResult[];
  /** `reasoning`: the reasoning checks, beside upstream's numbers (never mixed into them). */
  metrics: { name: string; metrics: ModelMetrics; reasoning?: ReasoningMetrics }[];
  /** Per model: prediction keys that match no ground-truth sample (reported, not fatal). */
  unknownIds: string[][];
}

function resultFor(gt: EvalGtSample, prediction: Prediction | undefined, scored: ReturnType<typeof scoreForModel>): ModelSampleResult {
  const boxes: PredictedBoxes = prediction?.boxes ?? [];
  const base = {
    hasPrediction: prediction !== undefined,
    boxes,
    rawResponse: prediction?.rawResponse ?? '',
    scoredFromRaw: prediction?.rawOnly !== undefined,
    reasoning: prediction?.digest ? judgeReasoning(gt.candidates, boxes, prediction.digest) : null,
  };
  if (scored.kind === 'rejection') {
    return { ...base, rejected: scored.rejected, recall_50: null, precision_50: null, density_f1_50: null, density_f1_mean: null, matches: [], score: scored.rejected ? 1 : 0, wrong: !scored.rejected };
  }
  const s = scored.scores;
  return {
    ...base,
    rejected: null,
    recall_50: s.recall50,
    precision_50: s.precision50,
    density_f1_50: s.densityF1_50,
    density_f1_mean: s.densityF1Mean,
    matches: isNoPrediction(boxes) ? [] : greedyMatch(gt.answers, boxes, 0.5),
    score: s.densityF1Mean,
    wrong: !(s.recall50 === 1 && s.precision50 === 1),
  };
}

/** One sample: every model's result (pictures, records) and its scores (the averages). */
export function evaluateSample(g: EvalGtSample, models: readonly ModelInput[]): { result: SampleResult; scored: ScoredSample[] } {
  const scored: ScoredSample[] = [];
  const results = models.map((model) => {
    const prediction = model.byKey.get(g.key);
    const s = scoreForModel({ domain: g.domain, subDomain: g.subDomain, answerBoxes: g.answers, candidateCount: g.candidates.length }, prediction?.boxes ?? []);
    scored.push(s);
    return resultFor(g, prediction, s);
  });
  return { result: { gt: g, models: results }, scored };
}

/** The averages, with each sample's result handed to `each` instead of kept (a million samples do not fit in memory). */
export function evaluateEach(gt: readonly EvalGtSample[], models: readonly ModelInput[], each: (result: SampleResult) => void): Omit<Evaluation, 'samples'> {
  const homes = subdomainHomes(gt);
  const scored = models.map((): ScoredSample[] => []);
  const reasoning = models.map(() => new ReasoningTally());
  for (const g of gt) {
    const one = evaluateSample(g, models);
    one.scored.forEach((s, m) => scored[m].push(s));
    one.result.models.forEach((r, m) => reasoning[m].add(g, r));
    each(one.result);
  }
  const metrics = models.map((model, m) => ({ name: model.name, metrics: aggregateModel(scored[m], homes), reasoning: reasoning[m].metrics() }));
  const known = new Set(gt.map((g) => g.key));
  const unknownIds = models.map((m) => [...m.byKey.values()].filter((p) => !known.has(p.key)).map((p) => String(p.id)));
  return { metrics, unknownIds };
}

export function evaluate(gt: readonly EvalGtSample[], models: readonly ModelInput[]): Evaluation {
  const samples: SampleResult[] = [];
  return { samples, ...evaluateEach(gt, models, (result) => samples.push(result)) };
}

export function isRejectionSample(gt: EvalGtSample): boolean {
  return gt.domain === REJECTION_DOMAIN;
}
