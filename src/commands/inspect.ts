// `humanref-vis inspect <index>`: one sample, printed for a person (or as one JSON object with --json).
import type { Command } from 'commander';
import { returningExitCode, type CommandResult } from './command-result.js';
import { UsageError } from '../errors.js';
import type { SplitPaths } from '../types.js';
import { locateSplits, openOne } from '../sources/open-splits.js';
import { warnOnStderr } from './stderr.js';
import { addDatasetOptions, selectionFromOptions, type DatasetOptionValues } from '../options/dataset-options.js';
import { addOptions, jsonOption, type OptionValues } from '../options/declare.js';
import { parseAnnotationCot } from '../cot/parse.js';
import { readImageHeader } from '../dataset/image-header.js';
import { runInspect } from '../runs/inspect-run.js';

const OPTIONS = [jsonOption('print one JSON object instead of text')] as const;

type InspectOptionValues = DatasetOptionValues & OptionValues<typeof OPTIONS>;

export function registerInspectCommand(program: Command, result: CommandResult): void {
  const cmd = program
    .command('inspect')
    .description('print one sample: offsets, expression, image size, candidates as Person N with xyxy boxes, and the reasoning')
    .argument('<index>', '0-based sample index in the split');
  addDatasetOptions(addOptions(cmd, OPTIONS)).action(returningExitCode(result, async (indexText: string, opts: InspectOptionValues) => {
    const options = { index: parseIndex(indexText), paths: pickSplit(opts), json: Boolean(opts.json) };
    return runInspect(options, { openSource: openOne(warnOnStderr), parseCot: parseAnnotationCot, readImageHeader }, { stdout: process.stdout });
  }));
}

function parseIndex(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`<index> must be a whole number >= 0, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** One split: --split, else `main` when several exist, else the only one. */
function pickSplit(opts: InspectOptionValues): SplitPaths {
  const splits = locateSplits(selectionFromOptions(opts), process.stderr);
  return splits.find((s) => s.name === 'main') ?? splits[0];
}
