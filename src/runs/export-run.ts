// The export command as a library call: select as visualize does, keep what the review and --drop-inconsistent leave,
// prepare samples in a pool, append them in selection order to one format's files, commit them all at once at the end.
import path from 'node:path';
import { DataError, EXIT, OutputError, exitCodeForSignal, oneLine } from '../errors.js';
import type { ReadImageHeader } from '../checks/image-info.js';
import { imageHeaderOf } from '../checks/image-info.js';
import type { ResizeLimits } from '../geometry/smart-resize.js';
import { createAtomicStream } from '../fs/atomic-write.js';
import { outputFileName } from '../outputs/output-names.js';
import { describeSplit, RunLogWriter } from '../outputs/run-info.js';
import { InOrder } from '../plumbing/ordered.js';
import { runPool } from '../plumbing/pool.js';
import { Progress } from '../plumbing/progress.js';
import type { RunIo } from '../plumbing/run-io.js';
import type { ParseCot, SampleRef, SampleSource } from '../plumbing/seams.js';
import { selectSamples, type SelectionOptions } from '../selection/select-samples.js';
import { keepDecision, marksOutside, type KeepPolicy } from '../export/keep.js';
import type { ExportFormat, FormatWriter, Placement } from '../export/format.js';
import { ExportTally, formatExportSummary } from '../export/summary.js';
import { TsvWriter } from '../export/tsv.js';
import { SftWriter } from '../export/sft.js';
import { asUsageError, inOutputFolder } from './output-folder.js';
import { clockOf, effectiveOptions, startOf, type RunContext } from './run-record.js';

export const PROVENANCE_FILE = 'provenance.jsonl';

export interface ExportOptions {
  outputDir: string;
  format: ExportFormat;
  concurrency: number;
  quiet: boolean;
  selection: Omit<SelectionOptions, 'concurrency' | 'signal' | 'readImageHeader'>;
  policy: KeepPolicy;
  /** The model's input size limits (smart_resize) for sft and grpo. */
  limits: Required<Pick<ResizeLimits, 'minPixels' | 'maxPixels'>>;
  /** sft: absolute image paths in the JSONL. */
  absolutePaths: boolean;
  /** For run.json: the --review file as given. */
  reviewFile?: string;
}

export interface ExportDeps {
  sources: readonly SampleSource[];
  parseCot: ParseCot;
  readImageHeader: ReadImageHeader;
  datasetWarnings?: readonly string[];
  context?: RunContext;
}

type Outcome = { status: 'kept'; prepared: unknown; provenance: Record<string, string | number> } | { status: 'dropped-by-review' } | { status: 'dropped-inconsistent' } | { status: 'failed'; error: string };

/** The sample's output name without extension (`main_000042`), as the viewer and review.json name it. */
export function sampleName(split: string, index: number): string {
  return path.parse(outputFileName(split, index, 'png')).name;
}

async function writerFor(options: ExportOptions): Promise<FormatWriter<unknown>> {
  if (options.format === 'tsv') return new TsvWriter(options.outputDir) as FormatWriter<unknown>;
  if (options.format === 'sft') return new SftWriter(options.outputDir, { limits: options.limits, absolutePaths: options.absolutePaths }) as FormatWriter<unknown>;
  // Loaded here, not at start-up: sharp and the parquet writer cost every other command ~0.2 s of CPU to load.
  const { GrpoWriter } = await import('../export/grpo.js');
  return new GrpoWriter(options.outputDir, options.limits) as FormatWriter<unknown>;
}

export async function runExport(options: ExportOptions, deps: ExportDeps, io: RunIo): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  return inOutputFolder(options.outputDir, deps.sources, deps.datasetWarnings, io, () => exportLocked(options, deps, io, () => (now() - started) / 1000));
}

async function exportLocked(options: ExportOptions, deps: ExportDeps, io: RunIo, elapsed: () => number): Promise<number> {
  const warn = (message: string) => io.stderr.write(`humanref-vis: warning: ${oneLine(message)}\n`);
  const { review } = options.policy;
  if (review) {
    const outside = marksOutside(review, deps.sources.map((s) => s.paths.name), deps.sources.map((s) => s.length));
    if (outside.length > 0) warn(`${outside.length} of the review's ${review.samples.size} marks name samples these splits do not have (${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', ...' : ''}); they decide nothing`);
  }
  const selection = await selectSamples(deps.sources, deps.parseCot, { ...options.selection, concurrency: options.concurrency * 4, signal: io.signal, readImageHeader: deps.readImageHeader });
  if (selection.unreadableCount > 0) warn(`${selection.unreadableCount} samples could not be read while filtering (first: ${selection.unreadable[0]})`);
  const record = await RunLogWriter.open(options.outputDir, { ...startOf(deps.context), seed: options.selection.seed, options: recordedOptions(options, deps.context), splits: deps.sources.map((s) => describeSplit(s.paths, s.length)), command: 'export' }, warn).catch(asUsageError);
  const tally = new ExportTally();
  const { files, stoppedBy, writeError } = await exportRefs(selection.refs, tally, options, deps, io);
  const summary = formatExportSummary({ format: options.format, selected: selection.refs.length, tally, seconds: elapsed(), outputDir: options.outputDir, files, stoppedBy });
  if (!options.quiet || tally.failed > 0 || stoppedBy) io.stderr.write(summary);
  if (writeError) io.stderr.write(`humanref-vis: ${writeError.message}\n`);
  const interrupted = io.signal?.aborted && !writeError;
  const code = interrupted ? exitCodeForSignal(io.signal?.reason) : writeError || tally.failed > 0 ? EXIT.failed : EXIT.ok;
  const counts = { selected: selection.refs.length, rendered: tally.exported, failed: tally.failed };
  await record.finish(clockOf(deps.context)(), counts, code).catch((error: unknown) => warn(`run.json was not updated at the end: ${(error as Error).message}`));
  return code;
}

function recordedOptions(options: ExportOptions, context: RunContext | undefined): Record<string, unknown> {
  const base = effectiveOptions({ ...options, format: options.format, fast: false, json: false, strict: false }, context?.commandOptions);
  delete base.fast;
  delete base.json;
  delete base.strict;
  return {
    ...base,
    to: options.format,
    review: options.reviewFile === undefined ? null : path.resolve(options.reviewFile),
    drop: options.policy.review ? [...options.policy.drop] : [],
    dropInconsistent: options.policy.dropInconsistent,
    minPixels: options.limits.minPixels,
    maxPixels: options.limits.maxPixels,
  };
}

/** Reads, decides and prepares one sample; anything but an unusable output folder fails this sample only. */
async function exportOne(ref: SampleRef, writer: FormatWriter<unknown>, options: ExportOptions, deps: ExportDeps): Promise<Outcome> {
  const source = deps.sources[ref.source];
  const name = sampleName(source.paths.name, ref.index);
  try {
    // The review decides by name alone: a rejected sample is not even read.
    if (keepDecision({ ...options.policy, dropInconsistent: false }, name, true) !== 'keep') return { status: 'dropped-by-review' };
    const sample = await source.readSample(ref.index);
    const header = imageHeaderOf(sample, source.paths.imagesTsv, deps.readImageHeader);
    const cot = deps.parseCot(sample.annotation);
    if (keepDecision(options.policy, name, cot.consistency.consistent) !== 'keep') return { status: 'dropped-inconsistent' };
    const prepared = await writer.prepare({ source, sourcePosition: ref.source, sample, cot, header, name });
    return { status: 'kept', prepared, provenance: { sample: name, split: source.paths.name, index: ref.index, ann_offset: sample.annOffset, img_offset: sample.imgOffset } };
  } catch (error) {
    if (error instanceof OutputError) throw error;
    const reason = error instanceof DataError ? error.message : `${source.paths.annotationsTsv}, sample ${ref.index}: ${error instanceof Error ? error.message : String(error)}`;
    return { status: 'failed', error: reason };
  }
}

/** The pool over the selection, appending in order; commits every file when the run went through, removes them otherwise. */
async function exportRefs(refs: readonly SampleRef[], tally: ExportTally, options: ExportOptions, deps: ExportDeps, io: RunIo): Promise<{ files: string[]; stoppedBy?: string; writeError?: OutputError }> {
  const writer = await writerFor(options);
  const provenance = createAtomicStream(options.outputDir, PROVENANCE_FILE);
  const progress = new Progress(io.stderr, refs.length, 'exporting', { quiet: options.quiet });
  let delivered: Promise<void> = Promise.resolve();
  const deliver = async (outcome: Outcome) => {
    if (outcome.status === 'failed') return tally.fail(outcome.error);
    if (outcome.status === 'dropped-by-review') {
      tally.droppedByReview++;
      return;
    }
    if (outcome.status === 'dropped-inconsistent') {
      tally.droppedInconsistent++;
      return;
    }
    const placement: Placement = await writer.append(outcome.prepared);
    await provenance.write(`${JSON.stringify({ line: tally.exported, ...outcome.provenance, ...placement })}\n`);
    tally.exported++;
  };
  const inOrder = new InOrder<Outcome>((outcome) => {
    delivered = delivered.then(() => deliver(outcome));
  });
  let writeError: OutputError | undefined;
  try {
    await runPool(
      refs,
      async (ref, position) => {
        const outcome = await exportOne(ref, writer, options, deps);
        progress.tick(outcome.status !== 'failed');
        inOrder.put(position, outcome);
        // Waiting for the appends keeps the readers from outrunning the disk (and memory flat).
        await delivered;
      },
      { concurrency: options.concurrency, shouldStop: () => io.signal?.aborted ?? false },
    );
    await delivered;
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    writeError = error;
  } finally {
    progress.finish();
  }
  const stoppedBy = io.signal?.aborted ? `interrupted (${String(io.signal.reason ?? 'SIGINT')})` : writeError ? 'the output folder stopped taking files' : undefined;
  if (stoppedBy) {
    await writer.abort();
    await provenance.abort();
    return { files: [], stoppedBy, writeError };
  }
  try {
    const files = await writer.commit();
    await provenance.commit();
    return { files: [...files, PROVENANCE_FILE] };
  } catch (error) {
    await writer.abort();
    await provenance.abort();
    if (!(error instanceof OutputError)) throw error;
    return { files: [], stoppedBy: 'the output folder stopped taking files', writeError: error };
  }
}
