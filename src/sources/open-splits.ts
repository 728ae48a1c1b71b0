// Resolves and opens the splits a command reads, saying on stderr when the bundled sample stands in.
import { openSource } from './open-source.js';
import { resolveSplits, type DatasetSelection } from '../dataset/locate.js';
import { DEFAULT_DIRS, pointAtNearby } from '../dataset/nearby.js';
import { oneLine } from '../errors.js';
import type { SplitPaths } from '../types.js';
import { checkDistinctOutputNames } from '../outputs/output-names.js';
import type { SampleSource } from '../plumbing/seams.js';

export function locateSplits(selection: DatasetSelection, stderr: { write(text: string): unknown }): SplitPaths[] {
  const { splits, bundled, nearby = [] } = resolveSplits(selection);
  if (bundled) {
    const where = splits[0] ? splits[0].annotationsTsv.replace(/[/\\][^/\\]*$/, '') : 'fixtures/sample';
    stderr.write(`humanref-vis: no dataset options and no dataset at the default places (${DEFAULT_DIRS.map((d) => `${d}/`).join(', ')}, any letter case, in ${oneLine(process.cwd())}); using the bundled sample dataset (${where})\n`);
    if (nearby.length) stderr.write(`humanref-vis: warning: the bundled sample is used, not your data: ${oneLine(pointAtNearby(nearby))}\n`);
  }
  // Every command names samples by split: two splits that read as one are refused before anything is read.
  checkDistinctOutputNames(splits);
  return splits;
}

/** Opens every split, closing those already open when one fails. */
export async function openAll(splits: readonly SplitPaths[], onWarning: (message: string) => void): Promise<SampleSource[]> {
  const opened: SampleSource[] = [];
  try {
    for (const paths of splits) opened.push(await openSource(paths, { onWarning }));
    return opened;
  } catch (error) {
    await closeAll(opened);
    throw error;
  }
}

export async function closeAll(sources: readonly SampleSource[]): Promise<void> {
  await Promise.allSettled(sources.map((s) => s.close()));
}

/** Opens one split at a time; its warnings go to `onWarning` (the command's stderr). */
export function openOne(onWarning: (message: string) => void): (paths: SplitPaths) => Promise<SampleSource> {
  return (paths) => openSource(paths, { onWarning });
}
