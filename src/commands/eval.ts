// `humanref-vis eval`: a model's answers over the HumanRef benchmark (or HumanRef-CoT TSVs), upstream's metrics and a picture per sample.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { returningExitCode, type CommandResult } from './command-result.js';
import { parseChainOfThought } from '../cot/parse.js';
import { exitCodesHelp, oneLine, UsageError } from '../errors.js';
import { checkInputFile } from '../dataset/input-file.js';
import { OUTPUT_FORMAT_NAMES } from '../formats.js';
import { closeAll, locateSplits, openAll } from '../sources/open-splits.js';
import { isToyFile } from '../sources/toy.js';
import { warnOnStderr } from './stderr.js';
import { withProcessIo } from '../plumbing/interrupt.js';
import type { SampleSource } from '../plumbing/seams.js';
import { defaultConcurrency, parseDrawing, workersOption } from '../options/concurrency.js';
import { addDatasetOptions, selectionFromOptions, type DatasetOptionValues } from '../options/dataset-options.js';
import { addOptions, concurrencyOption, jsonOption, option, quietOption, type OptionValues } from '../options/declare.js';
import { DEFAULT_SEED, selectionFromFlags } from '../options/selection-flags.js';
import { checkDistinctModelNames } from '../outputs/output-names.js';
import { EVAL_ONLY_KINDS } from '../selection/filter.js';
import { runEval, type EvalGroundTruth } from '../runs/eval-run.js';
import { writeViewer } from '../viewer/writer.js';
import { loadPictureRenderer } from '../eval/draw.js';
import { parseResizeLimits } from '../eval/raw-scale.js';
import type { Invocation } from './command-result.js';

const OPTIONS = [
  option({ flags: '--gt <file>', description: "HumanRef's annotations.jsonl, or upstream's custom GRPO JSONL (anno_with_candidates.json) (also --gt_path)" }),
  option({ flags: '--images <dir>', description: 'folder of the benchmark images (default: images/ beside --gt when it exists)' }),
  option({ flags: '--pred <files...>', description: 'prediction JSONL files, one per model (also --pred_path)' }),
  option({ flags: '--names <list>', description: 'model names, comma-separated, in the order of --pred (default: the file names)' }),
  option({ flags: '--output-dir <dir>', description: 'output folder (also --output_dir, --dump_path)', default: 'vis-eval/' }),
  option({ flags: '--num-vis <n>', description: 'how many samples get pictures, or "all" (also --num_vis)', default: '50' }),
  option({ flags: '--seed <n>', description: 'seed of the sample drawn without replacement', default: String(DEFAULT_SEED) }),
  option({ flags: '--indices <list>', description: '0-based positions in the ground truth, e.g. 0,5,10-20' }),
  option({ flags: '--filter <regex>', description: 'only samples whose referring expression matches (case-insensitive)' }),
  option({ flags: '--only <kinds>', description: 'only samples of these kinds (comma-separated, for any model): wrong (a miss, a false alarm or a wrong rejection), rejection, unfaithful (the answer is not what the reasoning marked ✅), hallucinated (a candidate past the hint count)' }),
  option({ flags: '--shard <k/n>', description: 'pictures of shard k of n of the selection only (round-robin; 1-based k)' }),
  option({ flags: '--worst <n>', description: 'pictures of the n samples with the lowest DensityF1@0.5:0.95 (worst model; rejection: 1 right, 0 wrong)' }),
  option({ flags: '--no-pictures', description: 'metrics and records only' }),
  option({ flags: '--min-pixels <n>', description: "lines with raw_response only: smart_resize's min_pixels of the model's input (eval.py's default 200704)" }),
  option({ flags: '--max-pixels <n>', description: "lines with raw_response only: smart_resize's max_pixels of the model's input (eval.py's default 1003520)" }),
  concurrencyOption(`pictures drawn at once (default: cores, ${defaultConcurrency()}, or --workers if more)`),
  workersOption(),
  option({ flags: '--format <format>', description: 'picture format', choices: OUTPUT_FORMAT_NAMES, default: 'png' }),
  option({ flags: '--fast', description: 'cheaper PNG encoding (bigger files)' }),
  jsonOption('one JSON record per sample on stdout (NDJSON); the table goes to stderr'),
  quietOption('no progress line and no summary unless something went wrong'),
  // Upstream's metric.py spellings.
  option({ flags: '--gt-path <file>', description: '', hidden: true }),
  option({ flags: '--pred-path <files...>', description: '', hidden: true }),
  option({ flags: '--pred-names <names...>', description: '', hidden: true }),
  option({ flags: '--dump-path <dir>', description: '', hidden: true }),
] as const;

type EvalOptionValues = DatasetOptionValues & OptionValues<typeof OPTIONS>;

const EXAMPLES = `
Examples:
  humanref-vis eval --gt HumanRef/annotations.jsonl --images HumanRef/images \\
      --pred a.jsonl b.jsonl --names A,B --output_dir vis-eval
  humanref-vis eval --gt annotations.jsonl --images images --pred a.jsonl --only wrong --worst 30
  humanref-vis eval --gt annotations.jsonl --pred a.jsonl --no-pictures --json | jq 'select(.score < 0.5) | .id'
  humanref-vis eval --data-dir data/HumanRef-CoT-45k --split main --pred preds-by-index.jsonl
  humanref-vis eval --gt toy_dataset/anno_with_candidates.json --pred preds-by-index.jsonl

Ground truth: HumanRef's annotations.jsonl (--gt), upstream's custom GRPO JSONL (--gt, told apart by its rows:
the ans box is the target), or HumanRef-CoT TSVs (the dataset options). Predictions of the last two are keyed by
"index" (the row's 0-based position; "split" optional). Predictions: JSONL as Rex-Thinker's evaluation/eval.py writes them.
Outputs (in --output-dir): metrics.json, metrics.md (the table printed on stdout), samples.jsonl (one record per
sample), run.json (each run's inputs and options) and eval_<sample id>_<model>.png per selected sample and model
(other characters than letters, digits, . _ - become _; a repeated id gets -2, -3 ...). An earlier eval's
metrics.json, metrics.md and samples.jsonl are moved to earlier/<its run id>/.
${exitCodesHelp('eval')}
`;

function modelsFrom(opts: EvalOptionValues): { name: string; file: string }[] {
  const files = [...(opts.pred ?? []), ...(opts.predPath ?? [])];
  if (files.length === 0) throw new UsageError('give the prediction files with --pred a.jsonl [b.jsonl ...]');
  const given = opts.names !== undefined ? opts.names.split(',').map((n) => n.trim()) : (opts.predNames ?? []);
  if (given.length > files.length) throw new UsageError(`${given.length} names for ${files.length} prediction files`);
  if (given.some((n) => n === '')) throw new UsageError('--names: a model name is empty');
  // Unnamed files are named after the file; names that would give one picture name are refused.
  const names = files.map((f, i) => given[i] ?? path.basename(f).replace(/\.jsonl?$/i, ''));
  checkDistinctModelNames(names);
  for (const f of files) {
    if (!existsSync(f)) throw new UsageError(`prediction file not found: ${f}`);
    if (!statSync(f).isFile()) throw new UsageError(`prediction file is not a file: ${f}`);
  }
  return files.map((file, i) => ({ name: names[i], file }));
}

function parseWorst(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new UsageError(`--worst must be a whole number of at least 1, got "${text}"`);
  return Number(text);
}

const usesDataset = (o: EvalOptionValues) => [o.imgTsv, o.annTsv, o.annLineidx, o.dataDir, o.split].some((v) => v !== undefined);

export function registerEvalCommand(program: Command, result: CommandResult, invocation: Invocation): void {
  const cmd = program
    .command('eval')
    .description("score a model's predictions with HumanRef's metrics (as Rex-Thinker's metric.py) and draw its boxes and reasoning per sample");
  addOptions(addDatasetOptions(cmd, { allowAll: true }), OPTIONS)
    .addHelpText('after', EXAMPLES)
    .action(returningExitCode(result, async (opts: EvalOptionValues) => {
      const gtFile = opts.gt ?? opts.gtPath;
      if (gtFile !== undefined && usesDataset(opts)) throw new UsageError('give either --gt (HumanRef annotations.jsonl) or the dataset options (HumanRef-CoT TSVs), not both');
      if (gtFile === undefined && !usesDataset(opts)) throw new UsageError('give the ground truth: --gt annotations.jsonl (HumanRef), or --data-dir / --ann-tsv (HumanRef-CoT TSVs)');
      if (gtFile !== undefined && !existsSync(gtFile)) throw new UsageError(`ground-truth file not found: ${gtFile}`);
      if (gtFile !== undefined) checkInputFile(gtFile, '--gt');
      const models = modelsFrom(opts);
      const resize = parseResizeLimits(opts.minPixels, opts.maxPixels);
      const threads = parseDrawing(opts);
      const selection = {
        ...selectionFromFlags(opts, cmd.getOptionValueSource('numVis') === 'cli', EVAL_ONLY_KINDS),
        worst: opts.worst === undefined ? undefined : parseWorst(opts.worst),
      };
      let pictures = opts.pictures;
      let sources: SampleSource[] = [];
      let groundTruth: EvalGroundTruth;
      if (gtFile !== undefined) {
        const beside = path.join(path.dirname(gtFile), 'images');
        const imagesDir = opts.images ?? (existsSync(beside) ? beside : null);
        if (opts.images !== undefined && !(existsSync(opts.images) && statSync(opts.images).isDirectory())) throw new UsageError(`--images is not a folder: ${opts.images}`);
        if (imagesDir === null && pictures) {
          process.stderr.write('humanref-vis: no --images folder (and no images/ beside --gt): metrics only, no pictures\n');
          pictures = false;
        }
        groundTruth = { kind: 'jsonl', file: gtFile, imagesDir };
      } else {
        const splits = locateSplits(selectionFromOptions(opts), process.stderr);
        // A custom GRPO JSONL given as visualize takes it (--ann-tsv, --img-tsv) is read as --gt reads it.
        if (splits.length === 1 && isToyFile(splits[0].annotationsTsv)) {
          groundTruth = { kind: 'jsonl', file: splits[0].annotationsTsv, imagesDir: splits[0].imagesTsv };
        } else {
          sources = await openAll(splits, warnOnStderr);
          groundTruth = { kind: 'dataset', sources };
        }
      }
      try {
        return await withProcessIo((io) => runEval(
          {
            outputDir: opts.dumpPath ?? opts.outputDir,
            groundTruth,
            models,
            selection,
            pictures,
            format: opts.format,
            fast: Boolean(opts.fast),
            concurrency: threads.concurrency,
            json: Boolean(opts.json),
            quiet: Boolean(opts.quiet),
            resize,
          },
          {
            parseCot: parseChainOfThought,
            renderPicture: () => loadPictureRenderer(threads),
            // The pictures also open in the offline viewer (sortable by score, filterable by kind and model).
            writeViewer: (dir, entries, run) => writeViewer(dir, entries, { title: 'humanref-vis eval', run, onWarning: (m) => process.stderr.write(`humanref-vis: warning: ${oneLine(m)}\n`) }),
          },
          io,
          // run.json records the command line, the folder and the options as given.
          { ...invocation, commandOptions: { ...opts } },
        ));
      } finally {
        await closeAll(sources);
      }
    }));
}
