// Opens a split by its kind: upstream's custom GRPO JSONL (sources/toy.ts) or a HumanRef-CoT TSV pair (dataset/).
import { Dataset, type DatasetOptions } from '../dataset/dataset.js';
import type { SplitPaths } from '../types.js';
import type { SampleSource } from '../plumbing/seams.js';
import { isToyFile, ToySource } from './toy.js';

export function openSource(paths: SplitPaths, options: DatasetOptions = {}): Promise<SampleSource> {
  return isToyFile(paths.annotationsTsv) ? ToySource.open(paths) : Dataset.open(paths, options);
}
