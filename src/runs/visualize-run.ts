// The visualize command as a library call: select, render in a pool, write manifest and gallery, summarise.
import path from 'node:path';
import { toJson } from '../json.js';
import { oneLine, UsageError } from '../errors.js';
import type { ImageFormat } from '../types.js';
import { OutputError, prepareOutputDir } from '../outputs/atomic-write.js';
import { GalleryWriter } from '../outputs/gallery.js';
import { ManifestWriter } from '../outputs/manifest.js';
import { describeSplit, RunLogWriter } from '../outputs/run-info.js';
import { checkDistinctOutputNames } from '../outputs/output-names.js';
import { Progress } from '../plumbing/progress.js';
import { exitCodeForSignal, type RunIo } from '../plumbing/run-io.js';
import { renderSamples } from './render-run.js';
import { selectionShortfall, selectSamples, type SelectionOptions } from '../selection/select-samples.js';
import { sampleJsonLine } from '../outputs/sample-json.js';
import { formatSummary, RunTally } from '../outputs/summary.js';
import type { OutputFormat, ParseCot, SampleRenderer, SampleSource } from '../plumbing/seams.js';

export interface VisualizeOptions {
  outputDir: string;
  format: OutputFormat;
  fast: boolean;
  concurrency: number;
  json: boolean;
  strict: boolean;
  quiet: boolean;
  selection: Omit<SelectionOptions, 'concurrency' | 'signal' | 'readImageHeader'>;
}

export interface VisualizeDeps {
  sources: readonly SampleSource[];
  parseCot: ParseCot;
  readImageHeader: (bytes: Buffer) => { format: ImageFormat; width: number; height: number };
  /** Loaded only when there is something to render (fonts and canvas are not free). */
  getRenderer: () => Promise<SampleRenderer>;
  /** Warnings about the dataset files gathered while opening them. */
  datasetWarnings?: readonly string[];
  /** For run.json: the command line, folder, the options as the user gave them, and the clock (tests fix it). */
  context?: { argv?: readonly string[]; cwd?: string; commandOptions?: Record<string, unknown>; clock?: () => Date };
}

/** Every option as the run uses it, for run.json: the command's own values, then the resolved ones. */
function effectiveOptions(options: VisualizeOptions, commandOptions: Record<string, unknown> = {}): Record<string, unknown> {
  const { selection } = options;
  return {
    ...commandOptions,
    outputDir: path.resolve(options.outputDir),
    format: options.format,
    fast: options.fast,
    concurrency: options.concurrency,
    json: options.json,
    strict: options.strict,
    quiet: options.quiet,
    numVis: selection.numVis,
    seed: selection.seed,
    indices: selection.indices === undefined ? null : formatIndices(selection.indices),
    shard: selection.shard ? `${selection.shard.k}/${selection.shard.n}` : null,
    filter: selection.filter.expression?.source ?? null,
    only: selection.filter.only,
  };
}

/** Ascending indices as `0,5,10-20`. */
function formatIndices(indices: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indices.length; i++) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    parts.push(j > i ? `${indices[i]}-${indices[j]}` : String(indices[i]));
    i = j;
  }
  return parts.join(',');
}

/** The output folder is unusable before anything was rendered: the user's --output-dir, so a usage error. */
function asUsageError(error: unknown): never {
  throw error instanceof OutputError ? new UsageError(error.message) : error;
}

export async function runVisualize(options: VisualizeOptions, deps: VisualizeDeps, io: RunIo): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  const say = (text: string) => {
    if (!options.quiet) io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  };
  // Two splits that would write the same file names are refused before anything is written.
  checkDistinctOutputNames(deps.sources.map((s) => s.paths));
  for (const warning of deps.datasetWarnings ?? []) io.stderr.write(`humanref-vis: warning: ${warning}\n`);

  await prepareOutputDir(options.outputDir).catch(asUsageError);

  const selection = await selectSamples(deps.sources, deps.parseCot, {
    ...options.selection,
    concurrency: options.concurrency * 4,
    signal: io.signal,
    readImageHeader: deps.readImageHeader,
  });
  for (const message of selection.unreadable) io.stderr.write(`humanref-vis: warning: skipped while filtering: ${message}\n`);
  const moreUnreadable = selection.unreadableCount - selection.unreadable.length;
  if (moreUnreadable > 0) io.stderr.write(`humanref-vis: warning: ... ${moreUnreadable} more samples could not be read while filtering\n`);
  const shortfall = selectionShortfall(selection, options.selection);
  if (selection.refs.length === 0 && !io.signal?.aborted) say(`no samples match the selection${shortfall ? `: ${oneLine(shortfall)}` : ''}; nothing to render`);
  else if (shortfall) say(`humanref-vis: note: ${oneLine(shortfall)}`);

  const progress = new Progress(io.stderr, selection.refs.length, 'rendering', { quiet: options.quiet });
  const tally = new RunTally();
  const warn = (message: string) => io.stderr.write(`humanref-vis: warning: ${oneLine(message)}\n`);
  const clock = deps.context?.clock ?? (() => new Date());
  // run.json first: a run killed later still leaves its command line, seed and dataset behind.
  const runLog = await RunLogWriter.open(
    options.outputDir,
    {
      argv: deps.context?.argv ?? process.argv.slice(1),
      cwd: deps.context?.cwd ?? process.cwd(),
      started: clock(),
      seed: options.selection.seed,
      options: effectiveOptions(options, deps.context?.commandOptions),
      splits: deps.sources.map((s) => describeSplit(s.paths, s.length)),
    },
    warn,
  ).catch(asUsageError);
  // The manifest and gallery are streamed as samples finish, so memory does not grow with --num-vis; the manifest
  // keeps the rows of earlier runs whose pictures are still in the folder.
  const manifest = await ManifestWriter.open(options.outputDir, runLog.current.id, warn).catch(asUsageError);
  const gallery = await GalleryWriter.open(options.outputDir, runLog.current).catch(async (error: unknown) => {
    await manifest.abort();
    return asUsageError(error);
  });
  let writeError: OutputError | undefined;
  try {
    const renderer = selection.refs.length > 0 && !io.signal?.aborted ? await deps.getRenderer() : null;
    if (renderer) {
      const result = await renderSamples({
        sources: deps.sources,
        refs: selection.refs,
        parseCot: deps.parseCot,
        readImageHeader: deps.readImageHeader,
        renderer,
        outputDir: options.outputDir,
        format: options.format,
        fast: options.fast,
        concurrency: options.concurrency,
        signal: io.signal,
        onOutcome: async (outcome) => {
          tally.add(outcome);
          if (options.json && io.signal?.reason !== 'EPIPE') io.stdout.write(`${toJson(sampleJsonLine(outcome))}\n`);
          await manifest.add(outcome);
          await gallery.add(outcome);
        },
        onDone: (outcome) => progress.tick(outcome.status === 'rendered'),
      });
      writeError = result.outputError;
    }
  } finally {
    progress.finish();
    // The manifest and gallery describe what was done, also after an interrupt or a failed write.
    try {
      const { earlier } = await manifest.commit();
      await gallery.commit({ rendered: tally.rendered, inconsistent: tally.inconsistent, failed: tally.failed }, tally.failures, earlier);
    } catch (error) {
      await gallery.abort();
      if (!(error instanceof OutputError)) throw error;
      writeError ??= error;
    }
  }

  const interrupted = io.signal?.aborted ? String(io.signal.reason ?? 'SIGINT') : undefined;
  const strictFailure = options.strict && (tally.warned > 0 || (deps.datasetWarnings?.length ?? 0) > 0);
  const summary = formatSummary({
    selected: selection.refs.length,
    tally,
    seconds: (now() - started) / 1000,
    outputDir: options.outputDir,
    stoppedBy: interrupted === 'EPIPE' ? 'stdout was closed by its reader' : interrupted ? `interrupted (${interrupted})` : writeError ? 'the output folder stopped taking files' : undefined,
    // Under --strict the warnings are the reason for exit 1: list them even with --quiet.
    verbose: !options.quiet || strictFailure,
  });
  // --quiet keeps the summary only when something went wrong.
  if (!options.quiet || tally.failed > 0 || writeError || interrupted || strictFailure) io.stderr.write(summary);
  if (writeError) io.stderr.write(`humanref-vis: ${writeError.message}\n`);

  const code = interrupted ? exitCodeForSignal(io.signal?.reason) : writeError || tally.failed > 0 || strictFailure ? 1 : 0;
  await runLog
    .finish(clock(), { selected: selection.refs.length, rendered: tally.rendered, failed: tally.failed }, code)
    // When the folder already failed, that error has been said once; run.json keeps its start entry.
    .catch((error: unknown) => writeError || warn(`run.json was not updated at the end: ${(error as Error).message}`));
  return code;
}
