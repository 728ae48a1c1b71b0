// `humanref-vis stats`: dataset statistics from the annotations alone, as a table or one JSON object.
import type { Command } from 'commander';
import { exitCodesHelp } from '../errors.js';
import { returningExitCode, type CommandResult } from './command-result.js';
import { parseAnnotationCot } from '../cot/parse.js';
import { locateSplits, openOne } from '../sources/open-splits.js';
import { warnOnStderr } from './stderr.js';
import { withProcessIo } from '../plumbing/interrupt.js';
import { parseConcurrency, READ_CONCURRENCY } from '../options/concurrency.js';
import { runStats } from '../runs/stats-run.js';
import { addDatasetOptions, selectionFromOptions, type DatasetOptionValues } from '../options/dataset-options.js';
import { addOptions, concurrencyOption, jsonOption, quietOption, type OptionValues } from '../options/declare.js';

const OPTIONS = [
  jsonOption('print one JSON object instead of the table'),
  quietOption('no progress line'),
  concurrencyOption(`annotations read at once (default ${READ_CONCURRENCY})`),
] as const;

type StatsOptionValues = DatasetOptionValues & OptionValues<typeof OPTIONS>;

const EXAMPLES = `
Examples:
  humanref-vis stats --data-dir data/HumanRef-CoT-45k
  humanref-vis stats --split rejection --json | jq .total.rejectionShare

${exitCodesHelp('stats')}
`;

export function registerStatsCommand(program: Command, result: CommandResult): void {
  const cmd = program.command('stats').description('samples, candidates and targets per sample, verdicts, rejections, inconsistencies, reasoning length');
  addOptions(addDatasetOptions(cmd, { allowAll: true }), OPTIONS)
    .addHelpText('after', EXAMPLES)
    .action(returningExitCode(result, async (opts: StatsOptionValues) => {
      const concurrency = parseConcurrency(opts.concurrency, READ_CONCURRENCY);
      const splits = locateSplits(selectionFromOptions(opts), process.stderr);
      const deps = { splits, openSource: openOne(warnOnStderr), parseCot: parseAnnotationCot };
      return withProcessIo((io) => runStats({ concurrency, quiet: Boolean(opts.quiet), json: Boolean(opts.json) }, deps, io));
    }));
}
