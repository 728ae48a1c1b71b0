// metrics.json: every model's averages (the shape of the issue), and what was read to get them.
import type { ModelMetrics } from './aggregate.js';
import { IOU_THRESHOLDS } from './metric.js';
import type { GtReadResult } from './read-gt.js';
import type { PredReadResult } from './read-pred.js';
import type { EvalOptions } from './options.js';
import type { ReasoningMetrics } from './reasoning-metrics.js';
import type { EvalTally } from './tally.js';

export interface MetricsDocument {
  /** Per model, in the order given: overall, domains.<d>.overall, domains.<d>.subdomains.<s>, box_count.<range>, rejection; reasoning (docs/eval-reasoning.md). */
  models: Record<string, ModelMetrics & { reasoning?: ReasoningMetrics }>;
  model_order: string[];
  ground_truth: { source: string; samples: number; bad_lines: number };
  predictions: Record<string, { file: string; lines_used: number; bad_lines: number; ids_not_in_ground_truth: number; samples_without_prediction: number }>;
  iou_thresholds: number[];
  notes: string[];
  /** The id of the run that wrote this file (its entry in run.json). */
  run?: string;
}

export function metricsDocument(options: EvalOptions, truth: GtReadResult, preds: readonly PredReadResult[], ev: EvalTally, runId?: string): MetricsDocument {
  // No prototype: a model named __proto__ is a key like any other.
  const models: MetricsDocument['models'] = Object.create(null);
  const predictions: MetricsDocument['predictions'] = Object.create(null);
  ev.metrics.forEach(({ name, metrics, reasoning }, i) => {
    models[name] = reasoning ? { ...metrics, reasoning } : metrics;
    predictions[name] = {
      file: options.models[i].file,
      lines_used: preds[i].byKey.size,
      bad_lines: preds[i].problems.length,
      ids_not_in_ground_truth: ev.unknownIds[i].length,
      samples_without_prediction: ev.withoutPrediction[i],
    };
  });
  const gt = options.groundTruth;
  const doc: MetricsDocument = {
    models,
    model_order: ev.metrics.map((m) => m.name),
    ground_truth: {
      source: gt.kind === 'jsonl' ? gt.file : gt.sources.map((s) => s.paths.annotationsTsv).join(', '),
      samples: truth.samples.length,
      bad_lines: truth.problems.length,
    },
    predictions,
    iou_thresholds: [...IOU_THRESHOLDS],
    notes: [
      "Averages follow Rex-Thinker's evaluation/metric.py: numpy means per domain, sub-domain (listed under the domain of its first sample) and box-count range; overall = every non-rejection sample; box_count_overall = the same samples summed range by range, as its box-count table does.",
      'rejection.correct counts rejection samples with no predicted box (a sample without a prediction line counts as no box).',
    ],
  };
  if (runId !== undefined) doc.run = runId;
  return doc;
}
