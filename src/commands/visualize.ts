// `humanref-vis [visualize]`: the default action; renders a seeded selection of samples into the output folder.
import { Option, type Command } from 'commander';
import type { CommandResult } from '../cli.js';
import { parseChainOfThought } from '../cot/parse.js';
import { readImageHeader } from '../dataset/image-header.js';
import { closeAll, locateSplits, openAll } from '../plumbing/open-splits.js';
import { parseExpressionFilter, parseOnly } from '../selection/filter.js';
import { watchInterrupts } from '../plumbing/interrupt.js';
import { defaultConcurrency, defaultWorkers, parseConcurrency, parseWorkers } from '../options/concurrency.js';
import { DEFAULT_SEED, parseIndices, parseNumVis, parseSeed, parseShard } from '../selection/sampling.js';
import type { OutputFormat, SampleRenderer } from '../plumbing/seams.js';
import { runVisualize } from '../runs/visualize-run.js';
import { addDatasetOptions, selectionFromOptions, type DatasetOptionValues } from '../options/dataset-options.js';

interface VisualizeOptionValues extends DatasetOptionValues {
  numVis: string;
  outputDir: string;
  seed: string;
  indices?: string;
  filter?: string;
  only?: string;
  concurrency?: string;
  workers?: string;
  format: OutputFormat;
  json?: boolean;
  strict?: boolean;
  quiet?: boolean;
  shard?: string;
  fast?: boolean;
}

const EXAMPLES = `
Examples:
  humanref-vis --num_vis 50                          50 samples (seeded) of the dataset found, or of the bundled sample
  humanref-vis --data-dir data/HumanRef-CoT-45k --split rejection --num-vis 20
  humanref-vis --img_tsv x.images.tsv --ann_tsv x.annotations.tsv --indices 0,5,10-20
  humanref-vis --filter "holding hands" --only inconsistent --num-vis all
  humanref-vis --num-vis all --shard 2/4 --concurrency 8 --fast
  humanref-vis --num-vis 5 --json | jq .consistent

Outputs (in --output-dir): <split>_<index, 6 digits>.png per sample, manifest.csv, index.html (open it from disk).
Exit codes: 0 ok; 1 a sample failed (the others are rendered) or warnings with --strict; 2 usage error; 130 Ctrl-C; 143 SIGTERM.
`;

/**
 * Loaded on demand: canvas and fonts cost half a second, which validate, stats and inspect need not pay.
 * With workers, each drawing thread loads them and this thread only reads, schedules and writes.
 */
async function loadRenderer(workers: number, concurrency: number): Promise<SampleRenderer> {
  if (workers === 0) {
    const { getRenderer } = await import('../render/index.js');
    return getRenderer();
  }
  const { startRenderPool } = await import('../render/pool.js');
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

export function registerVisualizeCommand(program: Command, result: CommandResult): void {
  // The program's own --help shows the default command's examples too.
  program.addHelpText('after', PROGRAM_EXAMPLES);
  const cmd = program
    .command('visualize', { isDefault: true })
    .description('render samples as images with a manifest and an HTML gallery (the default command)');
  addDatasetOptions(cmd, { allowAll: true })
    .option('--num-vis <n>', 'how many samples to render, or "all" (also --num_vis)', '50')
    .option('--output-dir <dir>', 'output folder (also --output_dir)', 'vis/')
    .option('--seed <n>', 'seed of the sample drawn without replacement', String(DEFAULT_SEED))
    .option('--indices <list>', '0-based sample indices, e.g. 0,5,10-20 (within each split; all of them unless --num-vis is given)')
    .option('--filter <regex>', 'only samples whose referring expression matches (case-insensitive JavaScript regex)')
    .option('--only <kinds>', 'only inconsistent, rejection or warned samples (comma list: any of them; warned also reads image headers)')
    .option('--concurrency <n>', `samples rendered at once (default: cores, ${defaultConcurrency()}, or --workers if more)`)
    .option('--workers <n>', `threads that draw and encode; 0 draws on the main thread (default: cores, ${defaultWorkers()}; 0 on one core)`)
    .addOption(new Option('--format <format>', 'image format').choices(['png', 'jpeg', 'webp']).default('png'))
    .option('--json', 'print one JSON object per rendered sample on stdout (NDJSON)')
    .option('--strict', 'exit 1 when any sample has warnings')
    .option('--quiet', 'no progress line and no summary unless something failed')
    .option('--shard <k/n>', 'render only shard k of n of the selection (round-robin; 1-based k)')
    .option('--fast', 'cheaper PNG encoding (bigger files)')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: VisualizeOptionValues) => {
      const numVisGiven = cmd.getOptionValueSource('numVis') === 'cli';
      const indices = opts.indices === undefined ? undefined : parseIndices(opts.indices);
      const selection = {
        indices,
        // --indices alone means exactly those samples; with --num-vis, a seeded sample of them.
        numVis: indices && !numVisGiven ? ('all' as const) : parseNumVis(opts.numVis),
        seed: parseSeed(opts.seed),
        shard: opts.shard === undefined ? undefined : parseShard(opts.shard),
        filter: {
          expression: opts.filter === undefined ? undefined : parseExpressionFilter(opts.filter),
          only: opts.only === undefined ? [] : parseOnly(opts.only),
        },
      };
      const workers = parseWorkers(opts.workers, defaultWorkers());
      const concurrency = parseConcurrency(opts.concurrency, Math.max(defaultConcurrency(), workers));
      const splits = locateSplits(selectionFromOptions(opts), process.stderr);
      // Drawing threads start loading fonts, canvas and sharp now, while the splits open and the selection is drawn;
      // drawing on the main thread loads them only when there is something to render.
      const early = workers > 0 ? loadRenderer(workers, concurrency) : null;
      early?.catch(() => undefined);
      const getRenderer = () => early ?? loadRenderer(workers, concurrency);
      const datasetWarnings: string[] = [];
      let sources;
      try {
        sources = await openAll(splits, (m) => datasetWarnings.push(m));
      } catch (error) {
        await (await early?.catch(() => null))?.close?.();
        throw error;
      }
      const interrupts = watchInterrupts(process.stderr);
      try {
        result.exitCode = await runVisualize(
          {
            outputDir: opts.outputDir,
            format: opts.format,
            fast: Boolean(opts.fast),
            concurrency,
            json: Boolean(opts.json),
            strict: Boolean(opts.strict),
            quiet: Boolean(opts.quiet),
            selection,
          },
          { sources, parseCot: parseChainOfThought, readImageHeader, getRenderer, datasetWarnings },
          { stdout: process.stdout, stderr: process.stderr, signal: interrupts.signal },
        );
      } finally {
        interrupts.dispose();
        // Threads started for a run that drew nothing (no match, or interrupted first) end here too.
        await (await early?.catch(() => null))?.close?.();
        await closeAll(sources);
      }
    });
}
