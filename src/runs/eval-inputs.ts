// eval's first stage: the ground truth and every model's predictions (boxes only; the raw responses of the samples
// that get pictures are read again afterwards, so a million responses never sit in memory).
import type { RunIo } from '../plumbing/run-io.js';
import { readDatasetGroundTruth, resolveSplitKeys } from '../eval/dataset-gt.js';
import type { ModelInput } from '../eval/evaluate.js';
import { readJsonl, type LineProblem } from '../eval/jsonl.js';
import type { EvalGroundTruth, EvalOptions } from '../eval/options.js';
import { detectGtFormat } from '../eval/gt-format.js';
import { readGroundTruth, type EvalGtSample, type GtReadResult } from '../eval/read-gt.js';
import { readPredictions, type Prediction, type PredReadResult } from '../eval/read-pred.js';
import { imageSizeReader, scaleRawPredictions } from '../eval/raw-scale.js';
import { readToyGroundTruth } from '../eval/toy-gt.js';

/** Lists at most this many bad lines on stderr; the count is always given. */
const MAX_LISTED = 50;

export interface EvalInputs {
  truth: GtReadResult;
  preds: PredReadResult[];
  badLines: LineProblem[];
}

/**
 * The ground truth, and how predictions name its samples: HumanRef's lines by `id`; HumanRef-CoT samples and the
 * rows of a custom GRPO JSONL by position (`index`, and `split` among these split names).
 */
async function readTruth(gt: EvalGroundTruth, signal: AbortSignal | undefined): Promise<{ truth: GtReadResult; splits: string[] | null }> {
  if (gt.kind === 'dataset') return { truth: await readDatasetGroundTruth(gt.sources, signal), splits: gt.sources.map((s) => s.paths.name) };
  if ((await detectGtFormat(gt.file)) === 'grpo') {
    const truth = await readToyGroundTruth(gt.file, gt.imagesDir, signal);
    return { truth, splits: [truth.split] };
  }
  return { truth: await readGroundTruth(gt.file), splits: null };
}

export async function readEvalInputs(options: EvalOptions, io: RunIo): Promise<EvalInputs> {
  const { truth, splits } = await readTruth(options.groundTruth, io.signal);
  const preds: PredReadResult[] = [];
  for (const m of options.models) {
    const read = await readPredictions(m.file, splits ? 'index' : 'id', { responses: false });
    // Lines with raw_response only: eval.py's boxes, rescaled from the model's input size to the image's.
    preds.push(await scaleRawPredictions(splits ? resolveSplitKeys(read, splits) : read, truth.samples, imageSizeReader(options.groundTruth), options.resize));
  }
  const badLines = [...truth.problems, ...preds.flatMap((p) => p.problems)];
  for (const p of badLines.slice(0, MAX_LISTED)) io.stderr.write(`humanref-vis: ${p.message}\n`);
  if (badLines.length > MAX_LISTED) io.stderr.write(`humanref-vis: ... and ${badLines.length - MAX_LISTED} more bad lines\n`);
  return { truth, preds, badLines };
}

/**
 * The models' predictions for `samples` only, with their raw responses read again from the lines the boxes came
 * from (the last line of a repeated id, as in the first read).
 */
export async function withResponses(options: EvalOptions, inputs: EvalInputs, samples: readonly EvalGtSample[]): Promise<ModelInput[]> {
  return Promise.all(
    options.models.map(async (model, m) => {
      const byLine = new Map<number, Prediction>();
      const byKey = new Map<string, Prediction>();
      for (const g of samples) {
        const p = inputs.preds[m].byKey.get(g.key);
        if (p) byLine.set(p.line, p);
        // A file changed since the first read keeps its boxes, and only loses the response text.
        if (p) byKey.set(p.key, p);
      }
      if (byLine.size > 0) {
        let found = 0;
        for await (const entry of readJsonl(model.file, 'prediction file')) {
          const p = byLine.get(entry.line);
          if (!p || 'problem' in entry) continue;
          const raw = entry.value.raw_response;
          byKey.set(p.key, { ...p, rawResponse: typeof raw === 'string' ? raw : '' });
          if (++found === byLine.size) break;
        }
      }
      return { name: model.name, byKey };
    }),
  );
}
