// `humanref-vis eval`: a model's answers over the HumanRef benchmark (or HumanRef-CoT TSVs), upstream's metrics and a picture per sample.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { returningExitCode, type CommandResult } from './command-result.js';
import { parseChainOfThought } from '../cot/parse.js';
import { oneLine, UsageError } from '../errors.js';
import { OUTPUT_FORMAT_NAMES } from '../formats.js';
import { closeAll, locateSplits, openAll } from '../plumbing/open-splits.js';
import { withProcessIo } from '../plumbing/interrupt.js';
import type { SampleSource } from '../plumbing/seams.js';
import { defaultConcurrency, parseDrawing, workersOption } from '../options/concurrency.js';
import { addDatasetOptions, selectionFromOptions, type DatasetOptionValues } from '../options/dataset-options.js';
import { addOptions, concurrencyOption, jsonOption, option, quietOption, type OptionValues } from '../options/declare.js';
import { DEFAULT_SEED, parseExpressionFilter, parseIndices, parseNumVis, parseSeed } from '../options/selection-flags.js';
import { runEval, type EvalGroundTruth } from '../eval/run.js';
import { writeViewer } from '../viewer/writer.js';
import { commandLine } from '../runs/run-record.js';
import { toolInfo } from '../version.js';
import { loadPictureRenderer, safeName } from '../eval/draw.js';
import { parseEvalOnly, parseWorst } from '../eval/select.js';
import { parseResizeLimits } from '../eval/raw-scale.js';

const OPTIONS = [
  option({ flags: '--gt <file>', description: "HumanRef's annotations.jsonl (also --gt_path)" }),
  option({ flags: '--images <dir>', description: 'folder of the benchmark images (default: images/ beside --gt when it exists)' }),
  option({ flags: '--pred <files...>', description: 'prediction JSONL files, one per model (also --pred_path)' }),
  option({ flags: '--names <list>', description: 'model names, comma-separated, in the order of --pred (default: the file names)' }),
  option({ flags: '--output-dir <dir>', description: 'output folder (also --output_dir, --dump_path)', default: 'vis-eval/' }),
  option({ flags: '--num-vis <n>', description: 'how many samples get pictures, or "all" (also --num_vis)', default: '50' }),
  option({ flags: '--seed <n>', description: 'seed of the sample drawn without replacement', default: String(DEFAULT_SEED) }),
  option({ flags: '--indices <list>', description: '0-based positions in the ground truth, e.g. 0,5,10-20' }),
  option({ flags: '--filter <regex>', description: 'only samples whose referring expression matches (case-insensitive)' }),
  option({ flags: '--only <kinds>', description: 'only wrong samples (a miss, a false alarm or a wrong rejection, for any model) or rejection samples' }),
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
      --pred a.jsonl b.jsonl --names A,B --output_dir eval-vis
  humanref-vis eval --gt annotations.jsonl --images images --pred a.jsonl --only wrong --worst 30
  humanref-vis eval --gt annotations.jsonl --pred a.jsonl --no-pictures --json | jq 'select(.score < 0.5) | .id'
  humanref-vis eval --data-dir data/HumanRef-CoT-45k --split main --pred preds-by-index.jsonl

Ground truth: HumanRef's annotations.jsonl (--gt), or HumanRef-CoT TSVs (the dataset options), whose predictions
are keyed by "index" (and "split"). Predictions: JSONL as Rex-Thinker's evaluation/eval.py writes them.
Outputs (in --output-dir): metrics.json, metrics.md (the table printed on stdout), samples.jsonl (one record per
sample), run.json (each run's inputs and options) and eval_<position, 6 digits>_<model>.png per selected sample
and model. An earlier eval's metrics.json, metrics.md and samples.jsonl are moved to earlier/<its run id>/.
Exit codes: 0 ok; 1 bad lines were skipped or a picture failed (the rest is written); 2 usage error; 130 Ctrl-C.
`;

function modelsFrom(opts: EvalOptionValues): { name: string; file: string }[] {
  const files = [...(opts.pred ?? []), ...(opts.predPath ?? [])];
  if (files.length === 0) throw new UsageError('give the prediction files with --pred a.jsonl [b.jsonl ...]');
  const given = opts.names !== undefined ? opts.names.split(',').map((n) => n.trim()) : (opts.predNames ?? []);
  if (given.length > files.length) throw new UsageError(`${given.length} names for ${files.length} prediction files`);
  if (given.some((n) => n === '')) throw new UsageError('--names: a model name is empty');
  // Unnamed files are named after the file, as far as that keeps names apart.
  const names = files.map((f, i) => given[i] ?? path.basename(f).replace(/\.jsonl?$/i, ''));
  const seen = new Map<string, string>();
  for (const n of names) {
    // Compared without case: on macOS and Windows `_A.png` and `_a.png` are one file.
    const key = safeName(n).toLowerCase();
    if (seen.has(key)) throw new UsageError(`two models would share the name "${key}" in picture file names ("${seen.get(key)}" and "${n}"); give distinct --names`);
    seen.set(key, n);
  }
  for (const f of files) {
    if (!existsSync(f)) throw new UsageError(`prediction file not found: ${f}`);
    if (!statSync(f).isFile()) throw new UsageError(`prediction file is not a file: ${f}`);
  }
  return files.map((file, i) => ({ name: names[i], file }));
}

const usesDataset = (o: EvalOptionValues) => [o.imgTsv, o.annTsv, o.annLineidx, o.dataDir, o.split].some((v) => v !== undefined);

export function registerEvalCommand(program: Command, result: CommandResult): void {
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
      const models = modelsFrom(opts);
      const threads = parseDrawing(opts);
      const resize = parseResizeLimits(opts.minPixels, opts.maxPixels);
      const numVisGiven = cmd.getOptionValueSource('numVis') === 'cli';
      const indices = opts.indices === undefined ? undefined : parseIndices(opts.indices);
      const selection = {
        indices,
        numVis: indices && !numVisGiven ? ('all' as const) : parseNumVis(opts.numVis),
        seed: parseSeed(opts.seed),
        filter: opts.filter === undefined ? undefined : parseExpressionFilter(opts.filter),
        only: opts.only === undefined ? [] : parseEvalOnly(opts.only),
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
        sources = await openAll(locateSplits(selectionFromOptions(opts), process.stderr), (m) => process.stderr.write(`humanref-vis: warning: ${m}\n`));
        groundTruth = { kind: 'dataset', sources };
      }
      // The viewer's header says what made these pictures, as it does for visualize's.
      const truthFiles = groundTruth.kind === 'jsonl'
        ? `ground truth ${path.resolve(groundTruth.file)}${groundTruth.imagesDir ? `, images ${path.resolve(groundTruth.imagesDir)}` : ''}`
        : sources.map((s) => `${s.paths.name}: ${path.resolve(s.paths.annotationsTsv)}, images ${path.resolve(s.paths.imagesTsv)}`).join('; ');
      // `run` is filled in with the run's id in run.json when the viewer is written.
      const runInfo = {
        tool: `${toolInfo().name} ${toolInfo().version}`,
        command: commandLine(process.argv.slice(1)),
        cwd: process.cwd(),
        seed: String(selection.seed),
        data: `${truthFiles}; predictions ${models.map((m) => `${m.name}: ${path.resolve(m.file)}`).join(', ')}`,
        details: 'run.json, metrics.json',
      };
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
            writeViewer: (dir, entries, runId) => writeViewer(dir, entries, { title: 'humanref-vis eval', run: { run: runId, ...runInfo }, onWarning: (m) => process.stderr.write(`humanref-vis: warning: ${oneLine(m)}\n`) }),
          },
          io,
        ));
      } finally {
        await closeAll(sources);
      }
    }));
}
