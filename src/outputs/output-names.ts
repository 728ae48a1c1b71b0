// The file names a run writes per sample, and the check that no two splits of one run share them.
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
