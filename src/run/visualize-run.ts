// The visualize command as a library call: select, render in a pool, write manifest and gallery, summarise.
import { UsageError } from '../errors.js';
import type { ImageFormat } from '../types.js';
import { OutputError, prepareOutputDir } from './atomic-write.js';
import { writeGallery } from './gallery.js';
import { writeManifest } from './manifest.js';
import { Progress, type ProgressStream } from './progress.js';
import { renderSamples } from './render-run.js';
import { selectSamples, type SelectionOptions } from './selection.js';
import { formatSummary } from './summary.js';
import type { OutputFormat, ParseCot, SampleRenderer, SampleSource } from './types.js';

export interface VisualizeOptions {
  outputDir: string;
  format: OutputFormat;
  fast: boolean;
  concurrency: number;
  json: boolean;
  strict: boolean;
  quiet: boolean;
  selection: Omit<SelectionOptions, 'concurrency' | 'signal'>;
}

export interface VisualizeDeps {
  sources: readonly SampleSource[];
  parseCot: ParseCot;
  readImageHeader: (bytes: Buffer) => { format: ImageFormat; width: number; height: number };
  /** Loaded only when there is something to render (fonts and canvas are not free). */
  getRenderer: () => Promise<SampleRenderer>;
  /** Warnings about the dataset files gathered while opening them. */
  datasetWarnings?: readonly string[];
}

export interface RunIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Aborted with reason 'SIGINT' or 'SIGTERM' when the user interrupts. */
  signal?: AbortSignal;
  now?: () => number;
}

/** 128 + signal number, as shells report it. */
export function exitCodeForSignal(reason: unknown): number {
  return reason === 'SIGTERM' ? 143 : 130;
}

export async function runVisualize(options: VisualizeOptions, deps: VisualizeDeps, io: RunIo): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  const say = (text: string) => {
    if (!options.quiet) io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  };
  for (const warning of deps.datasetWarnings ?? []) io.stderr.write(`warning: ${warning}\n`);

  try {
    await prepareOutputDir(options.outputDir);
  } catch (error) {
    if (error instanceof OutputError) throw new UsageError(error.message);
    throw error;
  }

  const selection = await selectSamples(deps.sources, deps.parseCot, { ...options.selection, concurrency: options.concurrency * 4, signal: io.signal });
  for (const message of selection.unreadable.slice(0, 10)) io.stderr.write(`warning: skipped while filtering: ${message}\n`);
  if (selection.unreadable.length > 10) io.stderr.write(`warning: ... ${selection.unreadable.length - 10} more samples could not be read while filtering\n`);
  if (selection.refs.length === 0 && !io.signal?.aborted) say('no samples match the selection; nothing to render');

  const progress = new Progress(io.stderr, selection.refs.length, 'rendering', { quiet: options.quiet });
  const renderer = selection.refs.length > 0 && !io.signal?.aborted ? await deps.getRenderer() : null;
  const result = renderer
    ? await renderSamples({
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
        onRecord: options.json ? (record) => io.stdout.write(`${JSON.stringify(record)}\n`) : undefined,
        onDone: (outcome) => progress.tick(outcome.status === 'rendered'),
      })
    : { outcomes: [], outputError: undefined };
  progress.finish();

  // The manifest and gallery describe what was done, also after an interrupt or a failed write.
  let writeError = result.outputError;
  try {
    await writeManifest(options.outputDir, result.outcomes);
    await writeGallery(options.outputDir, result.outcomes);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    writeError ??= error;
  }

  const interrupted = io.signal?.aborted ? String(io.signal.reason ?? 'SIGINT') : undefined;
  const summary = formatSummary({
    selected: selection.refs.length,
    outcomes: result.outcomes,
    seconds: (now() - started) / 1000,
    outputDir: options.outputDir,
    stoppedBy: interrupted ? `interrupted (${interrupted})` : writeError ? 'the output folder stopped taking files' : undefined,
    verbose: !options.quiet,
  });
  const failed = result.outcomes.some((o) => o.status === 'failed');
  // --quiet keeps the summary only when something went wrong.
  if (!options.quiet || failed || writeError || interrupted) io.stderr.write(summary);
  if (writeError) io.stderr.write(`humanref-vis: ${writeError.message}\n`);

  if (interrupted) return exitCodeForSignal(io.signal?.reason);
  if (writeError || failed) return 1;
  const warned = result.outcomes.some((o) => o.status === 'rendered' && o.record.warnings.length > 0);
  if (options.strict && (warned || (deps.datasetWarnings?.length ?? 0) > 0)) return 1;
  return 0;
}
