// The eval command as a library call: read, score, write metrics.json / metrics.md / samples.jsonl, draw the selected pictures.
import { DataError, EXIT, OutputError, UsageError, exitCodeForSignal, oneLine } from '../errors.js';
import { toJson } from '../json.js';
import { prepareOutputDir, writeFileAtomic } from '../fs/atomic-write.js';
import { lockOutputDir } from '../fs/run-lock.js';
import type { RunIo } from '../plumbing/run-io.js';
import { readDatasetGroundTruth, resolveSplitKeys } from './dataset-gt.js';
import { evaluate } from './evaluate.js';
import type { LineProblem } from './jsonl.js';
import { metricsDocument } from './metrics-file.js';
import { readGroundTruth } from './read-gt.js';
import { readPredictions, type PredReadResult } from './read-pred.js';
import { imageSizeReader, scaleRawPredictions } from './raw-scale.js';
import { sampleRecord } from './records.js';
import { selectForPictures } from './select.js';
import { comparisonMarkdown } from './table.js';
import { drawPictures } from './draw.js';
import { formatEvalSummary } from './summary.js';
import type { EvalDeps, EvalOptions } from './options.js';
import { keepEarlierOutputs, openEvalRunRecord } from './run-record.js';
import type { RunInfo } from '../outputs/run-info.js';

export type { EvalDeps, EvalGroundTruth, EvalOptions } from './options.js';

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
    preds.push(await scaleRawPredictions(gt.kind === 'dataset' ? resolveSplitKeys(read, splits) : read, truth.samples, imageSizeReader(gt), options.resize));
  }
  return { truth, preds };
}

function reportProblems(io: RunIo, problems: readonly LineProblem[]): void {
  for (const p of problems.slice(0, MAX_LISTED)) io.stderr.write(`humanref-vis: ${p.message}\n`);
  if (problems.length > MAX_LISTED) io.stderr.write(`humanref-vis: ... and ${problems.length - MAX_LISTED} more bad lines\n`);
}

export async function runEval(options: EvalOptions, deps: EvalDeps, io: RunIo): Promise<number> {
  await prepareOutputDir(options.outputDir).catch(asUsageError);
  const release = await lockOutputDir(options.outputDir).catch(asUsageError);
  try {
    return await evalLocked(options, deps, io);
  } finally {
    await release();
  }
}

async function evalLocked(options: EvalOptions, deps: EvalDeps, io: RunIo): Promise<number> {
  const warn = (message: string) => io.stderr.write(`humanref-vis: warning: ${oneLine(message)}\n`);
  // run.json gains this run before anything is read: a run killed later still leaves its record.
  const record = await openEvalRunRecord(options, deps.context ?? {}, warn).catch(asUsageError);
  const counts: NonNullable<RunInfo['counts']> = { selected: 0, rendered: 0, failed: 0 };
  const finish = (code: number) =>
    record
      .finish((deps.context?.clock ?? (() => new Date()))(), counts, code)
      .catch((error: unknown) => warn(`run.json was not updated at the end: ${(error as Error).message}`));
  let code: number;
  try {
    code = await evaluateAndWrite(options, deps, io, record.current.id, counts);
  } catch (error) {
    await finish((error as { exitCode?: number }).exitCode ?? EXIT.internal);
    throw error;
  }
  await finish(code);
  return code;
}

async function evaluateAndWrite(options: EvalOptions, deps: EvalDeps, io: RunIo, runId: string, counts: NonNullable<RunInfo['counts']>): Promise<number> {
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

  const doc = metricsDocument(options, truth, preds, ev, runId);
  const markdown = comparisonMarkdown(ev.metrics);
  // An earlier eval's metrics and records are moved aside, never replaced.
  const kept = await keepEarlierOutputs(options.outputDir).catch((error: unknown) => {
    throw new UsageError(`the earlier eval's metrics.json, metrics.md and samples.jsonl in ${options.outputDir} could not be moved aside (${(error as Error).message}); nothing was replaced. Choose another --output-dir`);
  });
  if (kept) io.stderr.write(`humanref-vis: the earlier eval's metrics.json, metrics.md and samples.jsonl were moved to ${kept}\n`);
  await writeFileAtomic(options.outputDir, 'metrics.json', `${JSON.stringify(doc, null, 2)}\n`).catch(asUsageError);
  await writeFileAtomic(options.outputDir, 'metrics.md', markdown).catch(asUsageError);
  (options.json ? io.stderr : io.stdout).write(`${markdown}\n`);

  // Pictures for the selected samples, one per model.
  const selected = options.pictures ? selectForPictures(ev.samples, options.selection) : { positions: [], notes: [] };
  for (const note of selected.notes) io.stderr.write(`humanref-vis: ${note}\n`);
  const drawing = await drawPictures(options, deps, ev, selected.positions, io);
  const { pictures, viewerEntries, drawn, failed } = drawing;
  Object.assign(counts, { selected: selected.positions.length * names.length, rendered: drawn, failed });
  let writeError = drawing.writeError;

  // Every sample's record: samples.jsonl always, stdout with --json.
  const lines = ev.samples.map((s) => toJson(sampleRecord(s, names, pictures.get(s.gt.position))));
  await writeFileAtomic(options.outputDir, 'samples.jsonl', lines.length ? `${lines.join('\n')}\n` : '').catch((error: unknown) => {
    if (!(error instanceof OutputError)) throw error;
    writeError ??= error;
  });
  if (options.json && io.signal?.reason !== 'EPIPE') for (const line of lines) io.stdout.write(`${line}\n`);
  if (deps.writeViewer && viewerEntries.length > 0 && !writeError) {
    await deps.writeViewer(options.outputDir, viewerEntries, runId).catch((error: unknown) => {
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
