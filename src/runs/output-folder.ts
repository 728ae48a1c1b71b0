// How a run that writes into an output folder starts: distinct file names, the dataset's warnings, the folder made
// usable and locked; the lock is released whatever the run ends with.
import { OutputError, UsageError } from '../errors.js';
import { prepareOutputDir } from '../fs/atomic-write.js';
import { lockOutputDir } from '../fs/run-lock.js';
import { checkDistinctOutputNames } from '../outputs/output-names.js';
import type { RunIo } from '../plumbing/run-io.js';
import type { SampleSource } from '../plumbing/seams.js';

/** The output folder is unusable before anything was written: the user's --output-dir, so a usage error. */
export function asUsageError(error: unknown): never {
  throw error instanceof OutputError ? new UsageError(error.message) : error;
}

export async function inOutputFolder<T>(
  outputDir: string,
  sources: readonly SampleSource[],
  datasetWarnings: readonly string[] | undefined,
  io: RunIo,
  run: () => Promise<T>,
): Promise<T> {
  // Two splits that would write the same file names are refused before anything is written.
  checkDistinctOutputNames(sources.map((s) => s.paths));
  for (const warning of datasetWarnings ?? []) io.stderr.write(`humanref-vis: warning: ${warning}\n`);
  await prepareOutputDir(outputDir).catch(asUsageError);
  const release = await lockOutputDir(outputDir).catch(asUsageError);
  try {
    return await run();
  } finally {
    await release();
  }
}
