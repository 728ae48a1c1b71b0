// The per-sample record of an eval: one NDJSON line on stdout with --json, and one line of samples.jsonl.
import type { SampleResult } from './evaluate.js';
import { reasoningRecord, type ReasoningRecord } from './reasoning-metrics.js';
import { isNoPrediction } from './metric.js';

export interface ModelRecord {
  has_prediction: boolean;
  predicted_boxes: number;
  recall_50: number | null;
  precision_50: number | null;
  density_f1_50: number | null;
  density_f1_mean: number | null;
  /** Rejection samples: no box given (correct) or not; null for the others. */
  rejected: boolean | null;
  wrong: boolean;
  /** DensityF1@0.5:0.95, or 1/0 for a right/wrong rejection. */
  score: number;
  /** Matches at IoU 0.5: 0-based ground-truth and predicted box numbers. */
  matches: { gt: number; pred: number; iou: number }[];
  /** The picture (file name inside the output folder), when one was made. */
  file: string | null;
  error: string | null;
  /** The reasoning checks (docs/eval-reasoning.md); null without a response. */
  reasoning: ReasoningRecord | null;
}

export interface SampleRecord {
  /** 0-based position in the ground truth (what --indices counts). */
  position: number;
  id: string | number;
  domain: string;
  sub_domain: string;
  referring: string;
  image_name: string | null;
  /** HumanRef-CoT ground truth only. */
  split?: string;
  index?: number;
  candidates: number;
  gt_boxes: number;
  /** The worst model's score: DensityF1@0.5:0.95, or 1/0 for a right/wrong rejection (sort ascending for failures). */
  score: number;
  models: Record<string, ModelRecord>;
}

export function sampleRecord(s: SampleResult, names: readonly string[], pictures: ReadonlyMap<string, { file: string | null; error: string | null }> = new Map()): SampleRecord {
  // No prototype: a model named __proto__ is a key like any other.
  const models: Record<string, ModelRecord> = Object.create(null);
  s.models.forEach((m, i) => {
    const pic = pictures.get(names[i]);
    models[names[i]] = {
      has_prediction: m.hasPrediction,
      predicted_boxes: isNoPrediction(m.boxes) ? 0 : m.boxes.length,
      recall_50: m.recall_50,
      precision_50: m.precision_50,
      density_f1_50: m.density_f1_50,
      density_f1_mean: m.density_f1_mean,
      rejected: m.rejected,
      wrong: m.wrong,
      score: m.score,
      matches: m.matches.map(({ gt, pred, iou }) => ({ gt, pred, iou })),
      file: pic?.file ?? null,
      error: pic?.error ?? null,
      reasoning: m.reasoning ? reasoningRecord(m.reasoning) : null,
    };
  });
  const g = s.gt;
  const record: SampleRecord = {
    position: g.position,
    id: g.id,
    domain: g.domain,
    sub_domain: g.subDomain,
    referring: g.referring,
    image_name: g.imageName,
    candidates: g.candidates.length,
    gt_boxes: g.answers.length,
    score: sampleScore(s),
    models,
  };
  if (g.dataset) {
    record.split = g.dataset.split;
    record.index = g.dataset.index;
  }
  return record;
}

/** A sample's score for sorting: its worst model's (DensityF1@0.5:0.95; 1 or 0 for a rejection sample). */
export function sampleScore(s: Pick<SampleResult, 'models'>): number {
  return Math.min(...s.models.map((m) => m.score));
}
