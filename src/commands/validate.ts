// `humanref-vis validate`: checks every sample without rendering; exit 1 when any is broken (or has findings with --strict).
import type { Command } from 'commander';
import { exitCodesHelp } from '../errors.js';
import { returningExitCode, type CommandResult } from './command-result.js';
import { parseAnnotationCot } from '../cot/parse.js';
import { readImageHeader } from '../dataset/image-header.js';
import { locateSplits, openOne } from '../sources/open-splits.js';
import { warnOnStderr } from './stderr.js';
import { withProcessIo } from '../plumbing/interrupt.js';
import { parseConcurrency, READ_CONCURRENCY } from '../options/concurrency.js';
import { runValidate } from '../runs/validate-run.js';
import { addDatasetOptions, selectionFromOptions, type DatasetOptionValues } from '../options/dataset-options.js';
import { addOptions, concurrencyOption, jsonOption, quietOption, strictOption, type OptionValues } from '../options/declare.js';

const OPTIONS = [
  jsonOption('one JSON object per problem on stdout (NDJSON)'),
  strictOption('exit 1 on findings too, not only on broken samples'),
  quietOption('no progress line and no summary unless something is broken'),
  concurrencyOption(`samples read at once (default ${READ_CONCURRENCY})`),
] as const;

type ValidateOptionValues = DatasetOptionValues & OptionValues<typeof OPTIONS>;

const EXAMPLES = `
Examples:
  humanref-vis validate --data-dir data/HumanRef-CoT-45k            both splits
  humanref-vis validate --ann_tsv x.annotations.tsv --img_tsv x.images.tsv --strict
  humanref-vis validate --json | jq 'select(.level == "error")'

Broken samples (unreadable line, malformed JSON or types, undecodable image header) are errors: exit 1.
Findings (boxes past the border, zero-size boxes, no boxes, persons without a box, text/label disagreement)
are warnings: exit 0, or 1 with --strict. One line per problem: file, sample index, byte offset.
${exitCodesHelp('validate')}
`;

export function registerValidateCommand(program: Command, result: CommandResult): void {
  const cmd = program.command('validate').description('check every sample of the split(s) without rendering');
  addOptions(addDatasetOptions(cmd, { allowAll: true }), OPTIONS)
    .addHelpText('after', EXAMPLES)
    .action(returningExitCode(result, async (opts: ValidateOptionValues) => {
      const concurrency = parseConcurrency(opts.concurrency, READ_CONCURRENCY);
      const splits = locateSplits(selectionFromOptions(opts), process.stderr);
      const options = { json: Boolean(opts.json), strict: Boolean(opts.strict), quiet: Boolean(opts.quiet), concurrency };
      const deps = { splits, openSource: openOne(warnOnStderr), parseCot: parseAnnotationCot, readImageHeader };
      return withProcessIo((io) => runValidate(options, deps, io));
    }));
}
