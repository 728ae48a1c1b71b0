// Upstream's custom GRPO JSONL as eval ground truth, read by the source validate and visualize read it with
// (sources/toy.ts): the target is the row's `ans` box itself (not the hint nearest to it), the hints are its
// candidates, and a row is named by its position, as HumanRef-CoT samples are: predictions carry "index".
import path from 'node:path';
import { DataError } from '../errors.js';
import { splitName } from '../dataset/locate.js';
import { ToySource } from '../sources/toy.js';
import { lineProblem, type LineProblem } from './jsonl.js';
import type { XyxyBox } from './metric.js';
import type { EvalGtSample, GtReadResult } from './read-gt.js';

/**
 * The one domain of these rows. Their `category` (the object kind, "person") becomes the sub-domain: a domain
 * taken from it could read as "rejection" and change how the row is scored.
 */
export const GRPO_DOMAIN = 'custom-grpo';

const HINT = "Fix this row (upstream's custom GRPO format: image_name, ans, referring, category, candidate_boxes of {bbox, category}); it is skipped";

export interface ToyGroundTruth extends GtReadResult {
  /** The split name predictions may give as "split" (the file's stem, as the dataset options name it). */
  split: string;
}

/** Every row of `file`; `imagesDir` is where its image_name files are (pictures read them, this does not). */
export async function readToyGroundTruth(file: string, imagesDir: string | null, signal?: AbortSignal): Promise<ToyGroundTruth> {
  const split = splitName(file);
  const source = await ToySource.open({ name: split, annotationsTsv: file, imagesTsv: imagesDir ?? path.dirname(file), annotationsLineidx: null });
  const samples: EvalGtSample[] = [];
  const problems: LineProblem[] = [];
  for (let index = 0; index < source.length && !signal?.aborted; index++) {
    let row;
    try {
      row = source.row(index);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(lineProblem(file, source.lineOf(index), `sample ${index}, byte offset ${source.annOffset(index)}: ${error.problem}`, HINT));
      continue;
    }
    samples.push({
      position: samples.length,
      id: `${split}_${index}`,
      key: `i:${split}:${index}`,
      file,
      line: source.lineOf(index),
      imageName: row.imageName,
      referring: row.referring,
      candidates: row.candidates.map((c) => c.bbox as XyxyBox),
      answers: [row.ans as XyxyBox],
      domain: GRPO_DOMAIN,
      subDomain: row.category,
    });
  }
  await source.close();
  return { samples, problems, duplicateIds: [], split };
}
