// `humanref-vis [visualize]`: the default action; renders a seeded selection of samples into the output folder.
import type { Command } from 'commander';
import { exitCodesHelp } from '../errors.js';
import { returningExitCode, type CommandResult, type Invocation } from './command-result.js';
import { parseAnnotationCot } from '../cot/parse.js';
import { readImageHeader } from '../dataset/image-header.js';
import { closeAll, locateSplits, openAll } from '../sources/open-splits.js';
import { withProcessIo } from '../plumbing/interrupt.js';
import { defaultConcurrency, parseDrawing, workersOption } from '../options/concurrency.js';
import { DEFAULT_SEED, selectionFromFlags } from '../options/selection-flags.js';
import { OUTPUT_FORMAT_NAMES } from '../formats.js';
import type { Renderer } from '../types.js';
import { runVisualize } from '../runs/visualize-run.js';
import { addDatasetOptions, selectionFromOptions, type DatasetOptionValues } from '../options/dataset-options.js';
import { addOptions, concurrencyOption, jsonOption, option, quietOption, strictOption, type OptionValues } from '../options/declare.js';

const OPTIONS = [
  option({ flags: '--num-vis <n>', description: 'how many samples to render, or "all" (also --num_vis)', default: '50' }),
  option({ flags: '--output-dir <dir>', description: 'output folder (also --output_dir)', default: 'vis/' }),
  option({ flags: '--seed <n>', description: 'seed of the sample drawn without replacement', default: String(DEFAULT_SEED) }),
  option({ flags: '--indices <list>', description: '0-based sample indices: 0,5,10-20 takes them in every split; main:3, rejection:10-20 or main_000003 (a file name) in that split only (all of them unless --num-vis is given)' }),
  option({ flags: '--filter <regex>', description: 'only samples whose referring expression matches (case-insensitive JavaScript regex)' }),
  option({ flags: '--only <kinds>', description: 'only inconsistent, rejection or warned samples (comma list: any of them; warned also reads image headers)' }),
  concurrencyOption(`samples rendered at once (default: cores, ${defaultConcurrency()}, or --workers if more)`),
  workersOption(),
  option({ flags: '--format <format>', description: 'image format', choices: OUTPUT_FORMAT_NAMES, default: 'png' }),
  jsonOption('print one JSON object per selected sample on stdout (NDJSON; status rendered or failed)'),
  strictOption('exit 1 when any sample has warnings'),
  quietOption('no progress line and no summary unless something failed'),
  option({ flags: '--shard <k/n>', description: 'render only shard k of n of the selection (round-robin; 1-based k)' }),
  option({ flags: '--fast', description: 'cheaper PNG encoding (bigger files)' }),
] as const;

type VisualizeOptionValues = DatasetOptionValues & OptionValues<typeof OPTIONS>;

const EXAMPLES = `
Examples:
  humanref-vis --num_vis 50                          50 samples (seeded) of the dataset found, or of the bundled sample
  humanref-vis --data-dir data/HumanRef-CoT-45k --split rejection --num-vis 20
  humanref-vis --img_tsv x.images.tsv --ann_tsv x.annotations.tsv --indices 0,5,10-20
  humanref-vis --filter "holding hands" --only inconsistent --num-vis all
  humanref-vis --num-vis all --shard 2/4 --concurrency 8 --fast
  humanref-vis --num-vis 5 --json | jq .consistent

Outputs (in --output-dir): <split>_<index, 6 digits>.png per sample, manifest.csv, run.json, index.html (open it from
  disk). A second run into the same folder merges its rows with those of the pictures still there.
${exitCodesHelp('visualize')}
`;

/**
 * Loaded on demand: canvas and fonts cost half a second, which validate, stats and inspect need not pay.
 * With workers, each drawing thread loads them and this thread only reads, schedules and writes.
 */
async function loadRenderer(workers: number, concurrency: number): Promise<Renderer> {
  if (workers === 0) {
    const { getRenderer } = await import('../render/index.js');
    return getRenderer();
  }
  const { startRenderPool } = await import('../render/index.js');
  return startRenderPool({ workers, concurrency });
}

const PROGRAM_EXAMPLES = `
Examples:
  humanref-vis --num_vis 50                      render 50 samples into vis/ (visualize is the default command)
  humanref-vis --data-dir data/HumanRef-CoT-45k --only inconsistent --num-vis all
  humanref-vis validate --data-dir data/HumanRef-CoT-45k
  humanref-vis stats --json
  humanref-vis visualize --help                  every rendering option
`;

export function registerVisualizeCommand(program: Command, result: CommandResult, invocation: Invocation): void {
  // The program's own --help shows the default command's examples too.
  program.addHelpText('after', PROGRAM_EXAMPLES);
  const cmd = program
    .command('visualize', { isDefault: true })
    .description('render samples as images with a manifest and an offline viewer, index.html (the default command)');
  addOptions(addDatasetOptions(cmd, { allowAll: true }), OPTIONS)
    .addHelpText('after', EXAMPLES)
    .action(returningExitCode(result, async (opts: VisualizeOptionValues) => {
      const selection = selectionFromFlags(opts, cmd.getOptionValueSource('numVis') === 'cli');
      const { workers, concurrency } = parseDrawing(opts);
      const splits = locateSplits(selectionFromOptions(opts), process.stderr);
      // Drawing threads start loading fonts, canvas and the encoders now, while the splits open and the selection is
      // drawn; drawing on the main thread loads them only when there is something to render.
      const early = workers > 0 ? loadRenderer(workers, concurrency) : null;
      early?.catch(() => undefined);
      // Threads started for a run that drew nothing (no match, interrupted first, a bad path) end here too.
      const closeEarly = async () => (await early?.catch(() => null))?.close?.();
      const datasetWarnings: string[] = [];
      const sources = await openAll(splits, (m) => datasetWarnings.push(m)).catch(async (error: unknown) => {
        await closeEarly();
        throw error;
      });
      const options = { outputDir: opts.outputDir, format: opts.format, fast: Boolean(opts.fast), concurrency, json: Boolean(opts.json), strict: Boolean(opts.strict), quiet: Boolean(opts.quiet), selection };
      // run.json records the command line, the folder and the options as given.
      const context = { ...invocation, commandOptions: { ...opts } };
      const deps = { sources, parseCot: parseAnnotationCot, readImageHeader, getRenderer: () => early ?? loadRenderer(workers, concurrency), datasetWarnings, context };
      try {
        return await withProcessIo((io) => runVisualize(options, deps, io));
      } finally {
        await closeEarly();
        await closeAll(sources);
      }
    }));
}
