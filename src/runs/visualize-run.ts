// The visualize command as a library call: select, render in a pool, write manifest, run.json and viewer, summarise.
import { EXIT, OutputError, exitCodeForSignal, oneLine } from '../errors.js';
import { toJson } from '../json.js';
import type { Renderer } from '../types.js';
import type { OutputFormat } from '../formats.js';
import type { ReadImageHeader } from '../checks/image-info.js';
import { ManifestWriter } from '../outputs/manifest.js';
import type { RunLogWriter } from '../outputs/run-info.js';
import { sampleJsonLine } from '../outputs/outcome.js';
import { Progress } from '../plumbing/progress.js';
import { announceSize, WrittenSize } from '../plumbing/size-estimate.js';
import type { RunIo } from '../plumbing/run-io.js';
import { outputFileName, renderSamples } from './render-run.js';
import { selectionShortfall, selectSamples, type SelectionOptions } from '../selection/select-samples.js';
import { asUsageError, inOutputFolder } from './output-folder.js';
import { clockOf, openRunRecord, viewerRunInfo, viewerTitle, type RunContext } from './run-record.js';
import { formatSummary, RunTally } from '../outputs/summary.js';
import type { ParseCot, SampleRef, SampleSource } from '../plumbing/seams.js';
import { viewerEntry } from '../outputs/viewer-entry.js';
import { ViewerWriter } from '../viewer/writer.js';
import type { ViewerRunInfo } from '../viewer/types.js';

export interface VisualizeOptions {
  outputDir: string;
  format: OutputFormat;
  fast: boolean;
  concurrency: number;
  json: boolean;
  strict: boolean;
  quiet: boolean;
  selection: Omit<SelectionOptions, 'concurrency' | 'signal' | 'readImageHeader'>;
  /** Provenance of this run (seed, command line ...), shown in the viewer's header. */
  runInfo?: ViewerRunInfo;
}

export interface VisualizeDeps {
  sources: readonly SampleSource[];
  parseCot: ParseCot;
  readImageHeader: ReadImageHeader;
  /** Loaded only when there is something to render (fonts and canvas are not free). */
  getRenderer: () => Promise<Renderer>;
  /** Warnings about the dataset files gathered while opening them. */
  datasetWarnings?: readonly string[];
  /** For run.json (see run-record.ts). */
  context?: RunContext;
}

export async function runVisualize(options: VisualizeOptions, deps: VisualizeDeps, io: RunIo): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  return inOutputFolder(options.outputDir, deps.sources, deps.datasetWarnings, io, () => visualizeLocked(options, deps, io, started, now));
}

async function visualizeLocked(options: VisualizeOptions, deps: VisualizeDeps, io: RunIo, started: number, now: () => number): Promise<number> {
  const refs = await selectRefs(options, deps, io);
  const size = { estimate: await announceSize(deps.sources, refs, options, io.stderr), written: new WrittenSize(options.outputDir) };
  const tally = new RunTally();
  const warn = (message: string) => io.stderr.write(`humanref-vis: warning: ${oneLine(message)}\n`);
  const record = await openRunRecord(options, deps.sources, deps.context, warn).catch(asUsageError);
  const writeError = await renderAndRecord(refs, tally, { options, deps, io, record, warn, written: size.written });
  const code = finish({ selected: refs.length, tally, writeError, seconds: (now() - started) / 1000 }, options, deps, io);
  if (!options.quiet && tally.rendered > 0) io.stderr.write(`${await size.written.line(size.estimate)}\n`);
  await record
    .finish(clockOf(deps.context)(), { selected: refs.length, rendered: tally.rendered, failed: tally.failed }, code)
    // When the folder already failed, that error has been said once; run.json keeps its start entry.
    .catch((error: unknown) => writeError || warn(`run.json was not updated at the end: ${(error as Error).message}`));
  return code;
}

/** Step 1: the samples to render, saying on stderr which could not be read while filtering. */
async function selectRefs(options: VisualizeOptions, deps: VisualizeDeps, io: RunIo): Promise<SampleRef[]> {
  const selection = await selectSamples(deps.sources, deps.parseCot, {
    ...options.selection,
    concurrency: options.concurrency * 4,
    signal: io.signal,
    readImageHeader: deps.readImageHeader,
  });
  for (const message of selection.unreadable) io.stderr.write(`humanref-vis: warning: skipped while filtering: ${message}\n`);
  const moreUnreadable = selection.unreadableCount - selection.unreadable.length;
  if (moreUnreadable > 0) io.stderr.write(`humanref-vis: warning: ... ${moreUnreadable} more samples could not be read while filtering\n`);
  // Fewer than asked (--num-vis past the end, a filter that matched nothing): said, with the filter to blame.
  const shortfall = selectionShortfall(selection, options.selection);
  if (!options.quiet && !io.signal?.aborted) {
    if (selection.refs.length === 0) io.stderr.write(`no samples match the selection${shortfall ? `: ${oneLine(shortfall)}` : ''}; nothing to render\n`);
    else if (shortfall) io.stderr.write(`humanref-vis: note: ${oneLine(shortfall)}\n`);
  }
  return selection.refs;
}

/** Step 2: render in the pool, streaming each outcome to NDJSON, the manifest and the viewer; returns the write error that stopped it, if any. */
async function renderAndRecord(
  refs: SampleRef[],
  tally: RunTally,
  { options, deps, io, record, warn, written }: { options: VisualizeOptions; deps: VisualizeDeps; io: RunIo; record: RunLogWriter; warn: (message: string) => void; written: WrittenSize },
): Promise<OutputError | undefined> {
  const progress = new Progress(io.stderr, refs.length, 'rendering', { quiet: options.quiet });
  // The manifest and viewer are streamed as samples finish, so memory does not grow with --num-vis; both keep what
  // earlier runs recorded of the pictures still in the folder.
  const manifest = await ManifestWriter.open(options.outputDir, record.current.id, warn).catch(asUsageError);
  const viewer = await ViewerWriter.open(options.outputDir, { title: viewerTitle(deps.sources), run: options.runInfo ?? viewerRunInfo(record.current), onWarning: warn }).catch(async (error: unknown) => {
    await manifest.abort();
    return asUsageError(error);
  });
  let writeError: OutputError | undefined;
  let renderer: Renderer | null = null;
  try {
    renderer = refs.length > 0 && !io.signal?.aborted ? await deps.getRenderer() : null;
    if (renderer) {
      const result = await renderSamples({
        sources: deps.sources,
        refs,
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
          if (outcome.status === 'rendered') written.add(outcome.file);
          if (options.json && io.signal?.reason !== 'EPIPE') io.stdout.write(`${toJson(sampleJsonLine(outcome))}\n`);
          await manifest.add(outcome);
          await viewer.add(viewerEntry(outcome, (split, index) => outputFileName(split, index, options.format)));
          // The photo and parse are on disk now: do not keep them alive until the run ends.
          if (outcome.status === 'rendered') delete outcome.viewer;
        },
        onDone: (outcome) => progress.tick(outcome.status === 'rendered'),
      });
      writeError = result.outputError;
    }
  } finally {
    progress.finish();
    await renderer?.close?.();
    // The manifest and viewer describe what was done, also after an interrupt or a failed write.
    try {
      await manifest.commit();
      await viewer.commit();
    } catch (error) {
      await viewer.abort();
      if (!(error instanceof OutputError)) throw error;
      writeError ??= error;
    }
  }
  return writeError;
}

/** Step 3: the summary on stderr (with --quiet only when something went wrong) and the exit code. */
function finish(run: { selected: number; tally: RunTally; writeError?: OutputError; seconds: number }, options: VisualizeOptions, deps: VisualizeDeps, io: RunIo): number {
  const { tally, writeError } = run;
  const interrupted = io.signal?.aborted ? String(io.signal.reason ?? 'SIGINT') : undefined;
  const strictFailure = options.strict && (tally.warned > 0 || (deps.datasetWarnings?.length ?? 0) > 0);
  const summary = formatSummary({
    selected: run.selected,
    tally,
    seconds: run.seconds,
    outputDir: options.outputDir,
    stoppedBy: interrupted === 'EPIPE' ? 'stdout was closed by its reader' : interrupted ? `interrupted (${interrupted})` : writeError ? 'the output folder stopped taking files' : undefined,
    // Under --strict the warnings are the reason for exit 1: list them even with --quiet.
    verbose: !options.quiet || strictFailure,
  });
  if (!options.quiet || tally.failed > 0 || writeError || interrupted || strictFailure) io.stderr.write(summary);
  if (writeError) io.stderr.write(`humanref-vis: ${writeError.message}\n`);

  if (interrupted) return exitCodeForSignal(io.signal?.reason);
  if (writeError || tally.failed > 0) return EXIT.failed;
  if (strictFailure) return EXIT.failed;
  return EXIT.ok;
}
