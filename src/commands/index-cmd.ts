// `humanref-vis index <tsv>`: writes the .lineidx of a TSV so later runs need not scan it.
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { CommandResult } from '../cli.js';
import { UsageError } from '../errors.js';
import { checkDataFile } from '../dataset/lfs.js';
import { formatLineidx, scanLineStarts } from '../dataset/lineidx.js';

/** Scans `tsv` and writes its line offsets to `out` (default `<tsv>.lineidx`) atomically; returns the line count. */
export async function writeLineidx(tsv: string, out: string = tsv + '.lineidx'): Promise<number> {
  const handle = await open(tsv, 'r');
  let offsets: Float64Array;
  try {
    const { size } = await handle.stat();
    await checkDataFile(handle, tsv, size);
    offsets = await scanLineStarts(handle, size);
  } finally {
    await handle.close();
  }
  // Write beside the target, then rename: a reader never sees half a file.
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, formatLineidx(offsets));
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return offsets.length;
}

export function registerIndexCommand(program: Command, result: CommandResult): void {
  program
    .command('index')
    .description('write <tsv>.lineidx (one byte offset per line) so the TSV need not be scanned on every run')
    .argument('<tsv>', 'a TSV file (annotations or images)')
    .option('-o, --output <path>', 'where to write the index (default: <tsv>.lineidx)')
    .action(async (tsv: string, opts: { output?: string }) => {
      if (!existsSync(tsv)) throw new UsageError(`${tsv}: no such file`);
      const out = opts.output ?? tsv + '.lineidx';
      const lines = await writeLineidx(tsv, out);
      process.stdout.write(`${out}: ${lines} line${lines === 1 ? '' : 's'} indexed\n`);
      result.exitCode = 0;
    });
}
