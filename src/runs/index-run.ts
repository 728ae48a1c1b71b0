// index's work: scan a TSV for its line starts and write them as <tsv>.lineidx (or -o), atomically.
import { realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXIT, OutputError, UsageError } from '../errors.js';
import { openDataFile } from '../dataset/lfs.js';
import { formatLineidx, scanLineStarts } from '../dataset/lineidx.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { RunIo } from '../plumbing/run-io.js';

/** Scans `tsv` and writes its line offsets to `out` (default `<tsv>.lineidx`) atomically; returns the line count. */
export async function writeLineidx(tsv: string, out: string = tsv + '.lineidx'): Promise<number> {
  // A regular, non-empty, non-LFS file, else a DataError naming it (a folder or a pipe is refused, not read).
  const { handle, size } = await openDataFile(tsv);
  let offsets: Float64Array;
  try {
    offsets = await scanLineStarts(handle, size);
  } finally {
    await handle.close();
  }
  // The same exclusive-create, write, fsync, rename as every other output: a reader never sees half a file.
  try {
    await writeFileAtomic(dirname(out), basename(out), formatLineidx(offsets), { choose: 'place with -o <path>' });
  } catch (error) {
    throw error instanceof OutputError ? new UsageError(error.message) : error;
  }
  return offsets.length;
}

/** Whether writing to `out` (a rename onto that name) would replace the file `tsv` names, symlinks resolved. */
function isSameEntry(out: string, tsv: string): boolean {
  try {
    return join(realpathSync(dirname(out)), basename(out)) === realpathSync(tsv);
  } catch {
    return false;
  }
}

/** Writes the index and says how many lines it holds; `-o` naming the TSV itself is refused. */
export async function runIndex(options: { tsv: string; output?: string }, io: Pick<RunIo, 'stdout'>): Promise<number> {
  const { tsv } = options;
  const out = options.output ?? tsv + '.lineidx';
  if (isSameEntry(out, tsv)) throw new UsageError(`-o ${out} is the TSV being indexed: writing there would replace the data with its index. Choose another path`);
  const lines = await writeLineidx(tsv, out);
  io.stdout.write(`${out}: ${lines} line${lines === 1 ? '' : 's'} indexed\n`);
  return EXIT.ok;
}
