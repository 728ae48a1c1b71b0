// The data options every command shares (--img-tsv, --ann-tsv, --ann-lineidx, --data-dir, --split).
import type { Command } from 'commander';
import type { DatasetSelection } from '../dataset/locate.js';
import { DEFAULT_DIRS } from '../dataset/nearby.js';
import { addOptions, option, type OptionValues } from './declare.js';

const FILE_OPTIONS = [
  option({ flags: '--img-tsv <path>', description: 'images TSV of one split (also --img_tsv)' }),
  option({ flags: '--ann-tsv <path>', description: 'annotations TSV of the same split (also --ann_tsv)' }),
  option({ flags: '--ann-lineidx <path>', description: 'line index of the annotations TSV (also --ann_lineidx; default: <ann-tsv>.lineidx, else built in memory)' }),
  option({ flags: '--data-dir <dir>', description: `folder holding humanref_cot[_rejection].{images,annotations}.tsv (also --data_dir; default: the first of ${DEFAULT_DIRS.map((d) => `${d}/`).join(', ')} that exists, else the bundled sample)` }),
] as const;

const SPLIT_OPTION = option({ flags: '--split <name>', description: 'split inside --data-dir', choices: ['main', 'rejection', 'all'] });

/** Options as commander hands them to an action (camelCase keys). */
export type DatasetOptionValues = OptionValues<[...typeof FILE_OPTIONS, typeof SPLIT_OPTION]>;

/** Adds the data options; `allowAll` lets --split take `all` (commands that read every split). */
export function addDatasetOptions(cmd: Command, opts: { allowAll?: boolean } = {}): Command {
  const split = opts.allowAll
    ? { ...SPLIT_OPTION, description: `${SPLIT_OPTION.description} (default: all that exist)` }
    : { ...SPLIT_OPTION, description: `${SPLIT_OPTION.description} (default: main, else the only split found)`, choices: ['main', 'rejection'] };
  return addOptions(cmd, [...FILE_OPTIONS, split]);
}

/** The DatasetSelection for resolveSplits, from parsed option values. */
export function selectionFromOptions(opts: DatasetOptionValues): DatasetSelection {
  const selection: DatasetSelection = {};
  if (opts.imgTsv !== undefined) selection.imgTsv = opts.imgTsv;
  if (opts.annTsv !== undefined) selection.annTsv = opts.annTsv;
  if (opts.annLineidx !== undefined) selection.annLineidx = opts.annLineidx;
  if (opts.dataDir !== undefined) selection.dataDir = opts.dataDir;
  if (opts.split !== undefined) selection.split = opts.split;
  return selection;
}
