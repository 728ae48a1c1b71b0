// The data options every command shares (--img-tsv, --ann-tsv, --ann-lineidx, --data-dir, --split).
import { Option, type Command } from 'commander';
import type { DatasetSelection } from '../dataset/locate.js';

/** Options as commander hands them to an action (camelCase keys). */
export interface DatasetOptionValues {
  imgTsv?: string;
  annTsv?: string;
  annLineidx?: string;
  dataDir?: string;
  split?: string;
}

/** Adds the data options; `allowAll` lets --split take `all` (commands that read every split). */
export function addDatasetOptions(cmd: Command, opts: { allowAll?: boolean } = {}): Command {
  const splits = opts.allowAll ? ['main', 'rejection', 'all'] : ['main', 'rejection'];
  return cmd
    .option('--img-tsv <path>', 'images TSV of one split (also --img_tsv)')
    .option('--ann-tsv <path>', 'annotations TSV of the same split (also --ann_tsv)')
    .option('--ann-lineidx <path>', 'line index of the annotations TSV (also --ann_lineidx; default: <ann-tsv>.lineidx, else built in memory)')
    .option('--data-dir <dir>', 'folder holding humanref_cot[_rejection].{images,annotations}.tsv (also --data_dir)')
    .addOption(
      new Option('--split <name>', `split inside --data-dir${opts.allowAll ? ' (default: all that exist)' : ' (default: main, else the only split found)'}`).choices(splits),
    );
}

/** The DatasetSelection for resolveSplits, from parsed option values. */
export function selectionFromOptions(opts: DatasetOptionValues): DatasetSelection {
  const selection: DatasetSelection = {};
  if (opts.imgTsv !== undefined) selection.imgTsv = opts.imgTsv;
  if (opts.annTsv !== undefined) selection.annTsv = opts.annTsv;
  if (opts.annLineidx !== undefined) selection.annLineidx = opts.annLineidx;
  if (opts.dataDir !== undefined) selection.dataDir = opts.dataDir;
  if (opts.split === 'main' || opts.split === 'rejection' || opts.split === 'all') selection.split = opts.split;
  return selection;
}
