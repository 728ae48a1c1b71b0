// `humanref-vis export`: the kept samples of a selection (and of a review) as training files: tsv, sft or grpo.
import type { Command } from 'commander';
import { returningExitCode, type CommandResult, type Invocation } from './command-result.js';
import { exitCodesHelp, UsageError } from '../errors.js';
import { parseAnnotationCot } from '../cot/parse.js';
import { readImageHeader } from '../dataset/image-header.js';
import { closeAll, locateSplits, openAll } from '../sources/open-splits.js';
import { withProcessIo } from '../plumbing/interrupt.js';
import { defaultConcurrency, parseConcurrency } from '../options/concurrency.js';
import { DEFAULT_SEED, selectionFromFlags } from '../options/selection-flags.js';
import { addDatasetOptions, selectionFromOptions, type DatasetOptionValues } from '../options/dataset-options.js';
import { addOptions, concurrencyOption, option, quietOption, type OptionValues } from '../options/declare.js';
import { DEFAULT_MAX_PIXELS, DEFAULT_MIN_PIXELS } from '../geometry/smart-resize.js';
import { CONVERTER_MIN_PIXELS } from '../export/compose.js';
import { EXPORT_FORMATS } from '../export/format.js';
import { parseDropFlags } from '../export/keep.js';
import { readReview } from '../sources/review.js';
import { isToyFile } from '../sources/toy.js';
import { runExport } from '../runs/export-run.js';

const OPTIONS = [
  option({ flags: '--to <format>', description: 'tsv (a HumanRef-CoT split again), sft (messages + images JSONL) or grpo (upstream\'s GRPO parquet)', choices: EXPORT_FORMATS }),
  option({ flags: '--output-dir <dir>', description: 'output folder (also --output_dir)', default: 'export/' }),
  option({ flags: '--review <file>', description: 'review.json saved from the viewer: its marks decide with --drop / --keep (alone: --drop rejected)' }),
  option({ flags: '--drop <states>', description: 'leave out samples the review marks rejected, or leaves unreviewed (comma list)' }),
  option({ flags: '--keep <state>', description: 'keep only the samples the review marks accepted (--keep accepted)' }),
  option({ flags: '--drop-inconsistent', description: 'leave out samples whose reasoning\'s ✅ set differs from region_map' }),
  option({ flags: '--num-vis <n>', description: 'how many samples to export (seeded), or "all" (also --num_vis)', default: 'all' }),
  option({ flags: '--seed <n>', description: 'seed of the sample drawn without replacement', default: String(DEFAULT_SEED) }),
  option({ flags: '--indices <list>', description: '0-based sample indices, e.g. 0,5,10-20 (within each split)' }),
  option({ flags: '--filter <regex>', description: 'only samples whose referring expression matches (case-insensitive JavaScript regex)' }),
  option({ flags: '--only <kinds>', description: 'only inconsistent, rejection or warned samples (comma list: any of them)' }),
  option({ flags: '--shard <k/n>', description: 'export only shard k of n of the selection (round-robin; 1-based k)' }),
  option({ flags: '--min-pixels <n>', description: `sft, grpo: smart_resize's least model input area (default: sft eval.py's ${DEFAULT_MIN_PIXELS}, grpo convert_dataset.py's ${CONVERTER_MIN_PIXELS})` }),
  option({ flags: '--max-pixels <n>', description: `sft, grpo: smart_resize's largest model input area (default ${DEFAULT_MAX_PIXELS}, as eval.py and convert_dataset.py)` }),
  option({ flags: '--absolute-paths', description: 'sft: absolute image paths in the JSONL (default: relative to the output folder)' }),
  concurrencyOption(`samples read and prepared at once (default: cores, ${defaultConcurrency()})`),
  quietOption('no progress line and no summary unless something failed'),
] as const;

type ExportOptionValues = DatasetOptionValues & OptionValues<typeof OPTIONS>;

const EXAMPLES = `
Examples:
  humanref-vis export --to tsv --review review.json --drop rejected --output_dir clean/
  humanref-vis export --to sft --data-dir data/HumanRef-CoT-45k --drop-inconsistent --output_dir sft/
  humanref-vis export --to grpo --keep accepted --review review.json --output_dir grpo/

Outputs (in --output-dir): tsv: humanref_cot[_rejection].{annotations,images}.tsv + .lineidx, one split per source split;
  sft: sft.jsonl, images/, dataset_info.json (LLaMA-Factory); grpo: grpo.parquet. Always provenance.jsonl and run.json.
${exitCodesHelp('export')}
`;

function parsePixels(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new UsageError(`${flag} must be a positive whole number of pixels (e.g. ${fallback}), got "${text}"`);
  return Number(text);
}

export function registerExportCommand(program: Command, result: CommandResult, invocation: Invocation): void {
  const cmd = program.command('export').description('write the kept samples as training files: a TSV split, an SFT JSONL or a GRPO parquet');
  addOptions(addDatasetOptions(cmd, { allowAll: true }), OPTIONS)
    .addHelpText('after', EXAMPLES)
    .action(returningExitCode(result, async (opts: ExportOptionValues) => {
      if (opts.to === undefined) throw new UsageError(`export needs --to ${EXPORT_FORMATS.join('|')}`);
      const selection = selectionFromFlags(opts, cmd.getOptionValueSource('numVis') === 'cli');
      const concurrency = parseConcurrency(opts.concurrency, defaultConcurrency());
      const drop = parseDropFlags({ drop: opts.drop, keep: opts.keep, reviewGiven: opts.review !== undefined });
      const minPixels = parsePixels(opts.minPixels, '--min-pixels', opts.to === 'grpo' ? CONVERTER_MIN_PIXELS : DEFAULT_MIN_PIXELS);
      const maxPixels = parsePixels(opts.maxPixels, '--max-pixels', DEFAULT_MAX_PIXELS);
      if (minPixels > maxPixels) throw new UsageError(`--min-pixels ${minPixels} is larger than --max-pixels ${maxPixels}`);
      const review = opts.review === undefined ? undefined : await readReview(opts.review);
      const splits = locateSplits(selectionFromOptions(opts), process.stderr);
      const custom = splits.find((s) => isToyFile(s.annotationsTsv));
      if (opts.to === 'tsv' && custom) throw new UsageError(`--to tsv copies HumanRef-CoT TSV lines, and ${custom.annotationsTsv} is a custom GRPO JSONL: export it --to grpo (--to sft needs reasoning, which these rows have none of)`);
      const datasetWarnings: string[] = [];
      const sources = await openAll(splits, (m) => datasetWarnings.push(m));
      const options = {
        outputDir: opts.outputDir,
        format: opts.to,
        concurrency,
        quiet: Boolean(opts.quiet),
        selection,
        policy: { review, drop, dropInconsistent: Boolean(opts.dropInconsistent) },
        limits: { minPixels, maxPixels },
        absolutePaths: Boolean(opts.absolutePaths),
        reviewFile: opts.review,
      };
      const context = { ...invocation, commandOptions: { ...opts } };
      try {
        return await withProcessIo((io) => runExport(options, { sources, parseCot: parseAnnotationCot, readImageHeader, datasetWarnings, context }, io));
      } finally {
        await closeAll(sources);
      }
    }));
}
