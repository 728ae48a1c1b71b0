// The loop validate and stats share: open each split in turn, read all its samples in a bounded pool with a progress
// line, close it; a split that cannot be opened is reported and the next one is read; an interrupt stops handing out samples.
import { DataError } from '../errors.js';
import type { SplitPaths } from '../types.js';
import { runPool } from './pool.js';
import { Progress } from './progress.js';
import type { RunIo } from './run-io.js';
import type { SampleSource } from './seams.js';

/** What a run does with one opened split. */
export interface SplitVisitor {
  /** Reads sample `index` (at `position` in the split's order); true when it was read fine (the progress line counts failures). */
  sample(index: number, position: number): Promise<boolean>;
  /** After the last sample of the split, before its progress line ends. */
  end?(): void;
}

export interface EachSampleOptions {
  splits: readonly SplitPaths[];
  openSource: (paths: SplitPaths) => Promise<SampleSource>;
  concurrency: number;
  quiet: boolean;
  /** The progress line reads `<verb> <split>`. */
  verb: string;
  /** A split whose files cannot be opened (missing, empty, bad index). */
  onUnopenable(paths: SplitPaths, error: DataError): void;
  visit(source: SampleSource): SplitVisitor;
}

export async function forEachSample(options: EachSampleOptions, io: RunIo): Promise<void> {
  for (const paths of options.splits) {
    if (io.signal?.aborted) break;
    let source: SampleSource;
    try {
      source = await options.openSource(paths);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      options.onUnopenable(paths, error);
      continue;
    }
    try {
      const progress = new Progress(io.stderr, source.length, `${options.verb} ${paths.name}`, { quiet: options.quiet });
      const visitor = options.visit(source);
      const indices = { *[Symbol.iterator]() { for (let i = 0; i < source.length; i++) yield i; } };
      await runPool(indices, async (index, position) => progress.tick(await visitor.sample(index, position)), {
        concurrency: options.concurrency,
        shouldStop: () => io.signal?.aborted ?? false,
      });
      visitor.end?.();
      progress.finish();
    } finally {
      await source.close();
    }
  }
}
