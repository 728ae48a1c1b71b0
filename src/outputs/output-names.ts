// Every file name a run writes per sample (visualize's per split, eval's per sample id and model), and the checks that
// no two samples, splits or models of one run share one. Names are built here and nowhere else.
import { UsageError } from '../errors.js';
import type { SplitPaths } from '../types.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../formats.js';

/** The split part of a file name: a file name the user chose, made safe for any file system. */
export function outputStem(split: string): string {
  return split.replace(/[^A-Za-z0-9._-]/g, '_') || 'split';
}

/** `<split>_<index, 6 digits>.<ext>`: built from the split name and a number, never from data. */
export function outputFileName(split: string, index: number, format: OutputFormat): string {
  return `${outputStem(split)}_${String(index).padStart(6, '0')}.${OUTPUT_FORMATS[format].extension}`;
}

/**
 * Two splits whose names give the same file stem (`a b` and `a_b`, `main.annotations.tsv` beside
 * `humanref_cot.annotations.tsv`, or `A` and `a` on a case-insensitive disk) would write their samples to the
 * same files: refused up front, naming both annotation files, before anything is read or written.
 */
export function checkDistinctOutputNames(splits: readonly SplitPaths[]): void {
  const seen = new Map<string, SplitPaths>();
  for (const split of splits) {
    const key = outputStem(split.name).toLowerCase();
    const other = seen.get(key);
    if (other) {
      throw new UsageError(
        `${other.annotationsTsv} and ${split.annotationsTsv} would both be written as ${outputStem(split.name)}_<index>.png ` +
          `(split names "${other.name}" and "${split.name}"); rename one of them, or pick one with --split or --ann-tsv`,
      );
    }
    seen.set(key, split);
  }
}

/** Longest sample-id part of an eval picture's name: the whole name stays far below the 255 bytes file systems allow. */
const MAX_ID_PART = 80;

/** The model part of an eval picture's name. */
export function modelStem(model: string): string {
  return model.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * The sample-id part of eval pictures' names, in ground-truth order: the id made safe, and unique without regard
 * to case (macOS and Windows disks take `A` and `a` for one file). A repeated or clashing id gets `-2`, `-3` ...
 */
export class SampleStems {
  private readonly taken = new Set<string>();

  next(id: string | number): string {
    const base = String(id).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, MAX_ID_PART) || '_';
    let stem = base;
    for (let n = 2; this.taken.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    this.taken.add(stem.toLowerCase());
    return stem;
  }
}

/** `eval_<sample id part>_<model part>`: the picture's file name without extension, and its viewer entry's name. */
export function evalPictureStem(sampleStem: string, model: string): string {
  return `eval_${sampleStem}_${modelStem(model)}`;
}

export function evalPictureName(sampleStem: string, model: string, format: OutputFormat): string {
  return `${evalPictureStem(sampleStem, model)}.${OUTPUT_FORMATS[format].extension}`;
}

/**
 * Models whose names give the same picture names (`my model` and `my_model`, `A` and `a`) would overwrite each
 * other's pictures: refused up front with both names. So are `c` beside `b_c`: `eval_a_b_c` would be sample `a` of
 * one and sample `a_b` of the other. Without such pairs a picture name ends in exactly one model's part, and
 * distinct id parts give distinct names.
 */
export function checkDistinctModelNames(models: readonly string[]): void {
  const keys = models.map((name) => modelStem(name).toLowerCase());
  keys.forEach((key, i) => {
    const same = keys.findIndex((other, j) => j > i && other === key);
    if (same !== -1) throw new UsageError(`the models "${models[i]}" and "${models[same]}" would share the picture names eval_<id>_${modelStem(models[i])}.png; give distinct --names`);
    const tail = keys.findIndex((other, j) => j !== i && key.endsWith(`_${other}`));
    if (tail !== -1) {
      const id = `x_${modelStem(models[i]).slice(0, -keys[tail].length - 1)}`;
      throw new UsageError(`the models "${models[i]}" and "${models[tail]}" would give two pictures one name (eval_${id}_${modelStem(models[tail])}.png would be sample x of the first and sample ${id} of the second); give distinct --names`);
    }
  });
}
