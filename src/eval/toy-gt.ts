// Upstream's custom GRPO JSONL as eval ground truth, read by the source validate and visualize read it with
// (sources/toy.ts): the target is the row's `ans` box itself (not the hint nearest to it), the hints are its
// candidates, and a row is named by its position, as HumanRef-CoT samples are: predictions carry "index".
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError, readFailure } from '../errors.js';
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

/** 1-based line of each row (the source counts rows, skipping blank lines), from the rows' ascending byte offsets. */
async function lineNumbers(file: string, offsets: readonly number[]): Promise<number[]> {
  const bytes = await readFile(file).catch((error: unknown) => {
    const { code, reason } = readFailure(error);
    throw new DataError(code, { file }, `cannot read the ground truth again (${reason})`, 'Check the path');
  });
  let line = 1;
  let at = bytes.indexOf(10);
  return offsets.map((offset) => {
    for (; at !== -1 && at < offset; at = bytes.indexOf(10, at + 1)) line++;
    return line;
  });
}

export interface ToyGroundTruth extends GtReadResult {
  /** The split name predictions may give as "split" (the file's stem, as the dataset options name it). */
  split: string;
}

/** Every row of `file`; `imagesDir` is where its image_name files are (pictures read them, this does not). */
export async function readToyGroundTruth(file: string, imagesDir: string | null, signal?: AbortSignal): Promise<ToyGroundTruth> {
  const split = splitName(file);
  const source = await ToySource.open({ name: split, annotationsTsv: file, imagesTsv: imagesDir ?? path.dirname(file), annotationsLineidx: null });
  const lines = await lineNumbers(file, Array.from({ length: source.length }, (_, i) => source.annOffset(i)));
  const samples: EvalGtSample[] = [];
  const problems: LineProblem[] = [];
  for (let index = 0; index < source.length && !signal?.aborted; index++) {
    let row;
    try {
      row = source.row(index);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(lineProblem(file, lines[index], `sample ${index}, byte offset ${source.annOffset(index)}: ${error.problem}`, HINT));
      continue;
    }
    samples.push({
      position: samples.length,
      id: `${split}_${index}`,
      key: `i:${split}:${index}`,
      file,
      line: lines[index],
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
