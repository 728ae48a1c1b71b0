// The eval command as a library call: read, score, write metrics.json / metrics.md / samples.jsonl, draw the selected pictures.
import { DataError, OutputError, UsageError, exitCodeForSignal } from '../errors.js';
import type { OutputFormat } from '../formats.js';
import { toJson } from '../json.js';
import { prepareOutputDir, writeFileAtomic } from '../outputs/atomic-write.js';
import type { RunIo } from '../plumbing/run-io.js';
import type { SampleSource } from '../plumbing/seams.js';
import { readDatasetGroundTruth, resolveSplitKeys } from './dataset-gt.js';
import { evaluate } from './evaluate.js';
import type { LineProblem } from './jsonl.js';
import { metricsDocument } from './metrics-file.js';
import type { EvalPictureInput, EvalPictureOptions } from './picture.js';
import { readGroundTruth } from './read-gt.js';
import { readPredictions, type PredReadResult } from './read-pred.js';
import { sampleRecord } from './records.js';
import { selectForPictures, type EvalSelection } from './select.js';
import { comparisonMarkdown } from './table.js';
import type { ParseCot } from './view.js';
import type { EvalViewerEntry } from './viewer-entry.js';
import { drawPictures } from './draw.js';
import { formatEvalSummary } from './summary.js';

export type EvalGroundTruth = { kind: 'jsonl'; file: string; imagesDir: string | null } | { kind: 'dataset'; sources: readonly SampleSource[] };

export interface EvalOptions {
  outputDir: string;
  groundTruth: EvalGroundTruth;
  models: { name: string; file: string }[];
  selection: EvalSelection;
  /** False: metrics only (--no-pictures). */
  pictures: boolean;
  format: OutputFormat;
  fast: boolean;
  concurrency: number;
  json: boolean;
  quiet: boolean;
}

export interface EvalDeps {
  parseCot: ParseCot;
  /** Loaded only when there is a picture to draw (fonts and canvas are not free). */
  renderPicture: () => Promise<(input: EvalPictureInput, options: EvalPictureOptions) => Promise<{ data: Buffer; source: { width: number; height: number } }>>;
  /** Hands the pictures to the offline viewer (src/viewer's writeViewer), when there is one. */
  writeViewer?: (outputDir: string, entries: EvalViewerEntry[]) => Promise<unknown>;
}

/** Lists at most this many bad lines on stderr; the count is always given. */
const MAX_LISTED = 50;

function asUsageError(error: unknown): never {
  throw error instanceof OutputError ? new UsageError(error.message) : error;
}

async function readInputs(options: EvalOptions, io: RunIo) {
  const gt = options.groundTruth;
  const truth = gt.kind === 'jsonl' ? await readGroundTruth(gt.file) : await readDatasetGroundTruth(gt.sources, io.signal);
  const splits = gt.kind === 'dataset' ? gt.sources.map((s) => s.paths.name) : [];
  const preds: PredReadResult[] = [];
  for (const m of options.models) {
    const read = await readPredictions(m.file, gt.kind === 'jsonl' ? 'id' : 'index');
    preds.push(gt.kind === 'dataset' ? resolveSplitKeys(read, splits) : read);
  }
  return { truth, preds };
}

function reportProblems(io: RunIo, problems: readonly LineProblem[]): void {
  for (const p of problems.slice(0, MAX_LISTED)) io.stderr.write(`humanref-vis: ${p.message}\n`);
  if (problems.length > MAX_LISTED) io.stderr.write(`humanref-vis: ... and ${problems.length - MAX_LISTED} more bad lines\n`);
}

export async function runEval(options: EvalOptions, deps: EvalDeps, io: RunIo): Promise<number> {
  await prepareOutputDir(options.outputDir).catch(asUsageError);
  const { truth, preds } = await readInputs(options, io);
  const badLines = [...truth.problems, ...preds.flatMap((p) => p.problems)];
  reportProblems(io, badLines);
  if (truth.samples.length === 0) {
    throw new DataError('empty-file', { file: options.groundTruth.kind === 'jsonl' ? options.groundTruth.file : 'the ground truth' }, 'no usable ground-truth sample', 'Check the file (see the messages above)');
  }
  const last = truth.samples.length - 1;
  const outside = options.pictures ? (options.selection.indices ?? []).filter((i) => i > last) : [];
  if (outside.length) throw new UsageError(`--indices ${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', ...' : ''}: the ground truth has positions 0 to ${last}`);
  const names = options.models.map((m) => m.name);
  const ev = evaluate(truth.samples, preds.map((p, i) => ({ name: names[i], byKey: p.byKey })));

  const doc = metricsDocument(options, truth, preds, ev);
  const markdown = comparisonMarkdown(ev.metrics);
  await writeFileAtomic(options.outputDir, 'metrics.json', `${JSON.stringify(doc, null, 2)}\n`).catch(asUsageError);
  await writeFileAtomic(options.outputDir, 'metrics.md', markdown).catch(asUsageError);
  (options.json ? io.stderr : io.stdout).write(`${markdown}\n`);

  // Pictures for the selected samples, one per model.
  const selected = options.pictures ? selectForPictures(ev.samples, options.selection) : { positions: [], notes: [] };
  for (const note of selected.notes) io.stderr.write(`humanref-vis: ${note}\n`);
  const drawing = await drawPictures(options, deps, ev, selected.positions, io);
  const { pictures, viewerEntries, drawn, failed } = drawing;
  let writeError = drawing.writeError;

  // Every sample's record: samples.jsonl always, stdout with --json.
  const lines = ev.samples.map((s) => toJson(sampleRecord(s, names, pictures.get(s.gt.position))));
  await writeFileAtomic(options.outputDir, 'samples.jsonl', lines.length ? `${lines.join('\n')}\n` : '').catch((error: unknown) => {
    if (!(error instanceof OutputError)) throw error;
    writeError ??= error;
  });
  if (options.json && io.signal?.reason !== 'EPIPE') for (const line of lines) io.stdout.write(`${line}\n`);
  if (deps.writeViewer && viewerEntries.length > 0 && !writeError) {
    await deps.writeViewer(options.outputDir, viewerEntries).catch((error: unknown) => {
      if (!(error instanceof OutputError)) throw error;
      writeError ??= error;
    });
  }

  const skipped = badLines.length;
  const summary = formatEvalSummary({ ev, names, truth, preds, skipped, drawn, failed, outputDir: options.outputDir });
  const interrupted = io.signal?.aborted;
  if (!options.quiet || skipped > 0 || failed > 0 || writeError || interrupted) io.stderr.write(summary);
  if (writeError) io.stderr.write(`humanref-vis: ${writeError.message}\n`);
  if (interrupted) return exitCodeForSignal(io.signal?.reason);
  return writeError || skipped > 0 || failed > 0 ? 1 : 0;
}
