// A prediction JSONL as Rex-Thinker's evaluation/eval.py writes it -> predictions by id; bad lines reported and skipped.
import { idKey, asBox } from './read-gt.js';
import { lineProblem, readJsonl, type LineProblem } from './jsonl.js';
import type { PredictedBoxes, XyxyBox } from './metric.js';
import { evalPyBoxes, type EvalPyExtraction } from './evalpy-boxes.js';
import { digestResponse, type ResponseDigest } from './reasoning.js';

export interface Prediction {
  key: string;
  id: unknown;
  line: number;
  boxes: PredictedBoxes;
  /** The model's full answer text; '' when the line has none. */
  rawResponse: string;
  /**
   * A line with raw_response but no extracted_predictions: the boxes eval.py reads from it, in the model's pixels.
   * `boxes` stays [] until raw-scale.ts has rescaled them to the image's pixels.
   */
  rawOnly?: EvalPyExtraction;
  /** What the response says (reasoning checks), read while its text is at hand; absent without a response. */
  digest?: ResponseDigest;
}

export interface PredReadResult {
  file: string;
  byKey: Map<string, Prediction>;
  problems: LineProblem[];
  /** Keys written on more than one line: the last line counts, as in upstream's dict. */
  duplicates: { id: string; lines: number[] }[];
}

/** `[]`, upstream's `[[]]`, or a list of `[x0, y0, x1, y1]`; anything else is a string saying what is wrong. */
export function toPredictedBoxes(value: unknown): PredictedBoxes | string {
  if (!Array.isArray(value)) return 'is not a list';
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 0) return [[]];
  const boxes: XyxyBox[] = [];
  for (let i = 0; i < value.length; i++) {
    const box = asBox(value[i]);
    if (!box) {
      const hint = Array.isArray(value[i]) && value[i].length === 0 ? ' (an empty box is only understood as the single entry [[]])' : '';
      return `entry ${i} is not a box [x0, y0, x1, y1] of 4 numbers${hint}`;
    }
    boxes.push(box);
  }
  return boxes;
}

/**
 * The key a prediction line is looked up by. With a benchmark ground truth: its `id`. With HumanRef-CoT TSVs
 * (`keyBy: 'index'`): `index` and, when given, `split`, matched by dataset-gt.ts.
 */
export type PredKeyMode = 'id' | 'index';

export function predictionKey(value: Record<string, unknown>, mode: PredKeyMode): string | null {
  if (mode === 'id') return idKey(value.id);
  if (typeof value.index !== 'number' || !Number.isSafeInteger(value.index) || value.index < 0) return null;
  if (value.split !== undefined && typeof value.split !== 'string') return null;
  return `i:${value.split ?? ''}:${value.index}`;
}

/** `responses: false` keeps every raw_response out of memory (`''`); the pictures read theirs again by line. */
export async function readPredictions(file: string, mode: PredKeyMode = 'id', { responses = true } = {}): Promise<PredReadResult> {
  const byKey = new Map<string, Prediction>();
  const problems: LineProblem[] = [];
  const lines = new Map<string, number[]>();
  const keyName = mode === 'id' ? '"id" is missing or not a string or integer' : '"index" is missing or not a whole number (or "split" is not a string)';
  for await (const entry of readJsonl(file, 'prediction file')) {
    if ('problem' in entry) {
      problems.push(entry.problem);
      continue;
    }
    const { value, line } = entry;
    const key = predictionKey(value, mode);
    const skip = (problem: string) =>
      problems.push(lineProblem(file, line, problem, 'Fix this line (the format of Rex-Thinker\'s eval.py: id, extracted_predictions, raw_response); it is skipped, so this sample counts as having no prediction'));
    if (key === null) {
      skip(keyName);
      continue;
    }
    const rawOnly = value.extracted_predictions === undefined && typeof value.raw_response === 'string';
    const boxes = rawOnly ? [] : toPredictedBoxes(value.extracted_predictions);
    if (typeof boxes === 'string') {
      skip(`"extracted_predictions" ${boxes}`);
      continue;
    }
    if (value.raw_response !== undefined && value.raw_response !== null && typeof value.raw_response !== 'string') {
      skip('"raw_response" is not a string');
      continue;
    }
    const seen = lines.get(key);
    if (seen) seen.push(line);
    else lines.set(key, [line]);
    const prediction: Prediction = { key, id: mode === 'id' ? value.id : value.index, line, boxes, rawResponse: responses ? ((value.raw_response as string | undefined) ?? '') : '' };
    // Read from the line itself: the digest and eval.py's boxes are kept even where the text is not.
    const raw = typeof value.raw_response === 'string' ? value.raw_response : '';
    if (rawOnly) prediction.rawOnly = evalPyBoxes(raw);
    if (raw.trim() !== '') prediction.digest = digestResponse(raw);
    byKey.set(key, prediction);
  }
  const duplicates = [...lines].filter(([, l]) => l.length > 1).map(([key, l]) => ({ id: key.slice(2), lines: l }));
  return { file, byKey, problems, duplicates };
}
