// The eval command as a library call, in stages: read the inputs -> score every sample -> write metrics.json and
// metrics.md -> draw the selected pictures -> stream samples.jsonl -> the viewer. Only a few numbers per sample are
// held between stages (eval/tally.ts); a sample's full result is computed again where it is needed.
import { DataError, EXIT, OutputError, UsageError, exitCodeForSignal, oneLine } from '../errors.js';
import { prepareOutputDir } from '../fs/atomic-write.js';
import { SampleStems } from '../outputs/output-names.js';
import { lockOutputDir } from '../fs/run-lock.js';
import type { RunInfo } from '../outputs/run-info.js';
import type { RunIo } from '../plumbing/run-io.js';
import { selectPositions } from '../selection/select-positions.js';
import { drawPictures, type PictureSample } from '../eval/draw.js';
import { evaluateSample, isRejectionSample, type ModelInput, type SampleResult } from '../eval/evaluate.js';
import type { EvalDeps, EvalOptions } from '../eval/options.js';
import { formatEvalSummary } from '../eval/summary.js';
import { tallyEvaluation, type EvalTally } from '../eval/tally.js';
import { readEvalInputs, withResponses, type EvalInputs } from './eval-inputs.js';
import { openEvalRunRecord } from './eval-record.js';
import { writeMetrics, writeRecords } from './eval-outputs.js';
import { clockOf, viewerRunInfo, type RunContext } from './run-record.js';

export type { EvalDeps, EvalGroundTruth, EvalOptions } from '../eval/options.js';

function asUsageError(error: unknown): never {
  throw error instanceof OutputError ? new UsageError(error.message) : error;
}

/** `context`: what run.json records of the command line (cli.ts's arguments and folder, the options as given). */
export async function runEval(options: EvalOptions, deps: EvalDeps, io: RunIo, context?: RunContext): Promise<number> {
  await prepareOutputDir(options.outputDir).catch(asUsageError);
  const release = await lockOutputDir(options.outputDir).catch(asUsageError);
  try {
    return await evalLocked(options, deps, io, context);
  } finally {
    await release();
  }
}

async function evalLocked(options: EvalOptions, deps: EvalDeps, io: RunIo, context: RunContext | undefined): Promise<number> {
  const warn = (message: string) => io.stderr.write(`humanref-vis: warning: ${oneLine(message)}\n`);
  // run.json gains this run before anything is read: a run killed later still leaves its record.
  const record = await openEvalRunRecord(options, context, warn).catch(asUsageError);
  const counts: NonNullable<RunInfo['counts']> = { selected: 0, rendered: 0, failed: 0 };
  const finish = (code: number) =>
    record.finish(clockOf(context)(), counts, code).catch((error: unknown) => warn(`run.json was not updated at the end: ${(error as Error).message}`));
  let code: number;
  try {
    code = await evaluateAndWrite(options, deps, io, record.current, counts);
  } catch (error) {
    await finish((error as { exitCode?: number }).exitCode ?? EXIT.internal);
    throw error;
  }
  await finish(code);
  return code;
}

async function evaluateAndWrite(options: EvalOptions, deps: EvalDeps, io: RunIo, run: RunInfo, counts: NonNullable<RunInfo['counts']>): Promise<number> {
  const inputs = await readEvalInputs(options, io);
  const gt = inputs.truth.samples;
  if (gt.length === 0) {
    throw new DataError('empty-file', { file: options.groundTruth.kind === 'jsonl' ? options.groundTruth.file : 'the ground truth' }, 'no usable ground-truth sample', 'Check the file (see the messages above)');
  }
  const names = options.models.map((m) => m.name);
  const models: ModelInput[] = inputs.preds.map((p, i) => ({ name: names[i], byKey: p.byKey }));
  const tally = tallyEvaluation(gt, models);
  // Chosen before anything is written: --indices past the end is refused with the folder untouched.
  const picks = options.pictures ? pickPictures(options, inputs, tally, io) : [];

  await writeMetrics(options, inputs, tally, run.id, io);
  const drawing = await drawPictures(options, deps, { samples: await pictureResults(options, inputs, picks) }, picks, io);
  Object.assign(counts, { selected: picks.length * names.length, rendered: drawing.drawn, failed: drawing.failed });
  let writeError = await writeRecords(options, inputs, models, drawing, io);
  if (deps.writeViewer && drawing.viewerEntries.length > 0 && !writeError) {
    await deps.writeViewer(options.outputDir, drawing.viewerEntries, viewerRunInfo(run)).catch((error: unknown) => {
      if (!(error instanceof OutputError)) throw error;
      writeError = error;
    });
  }

  const skipped = inputs.badLines.length;
  const { drawn, failed } = drawing;
  const summary = formatEvalSummary({ ev: tally, names, truth: inputs.truth, preds: inputs.preds, skipped, drawn, failed, outputDir: options.outputDir });
  const interrupted = io.signal?.aborted;
  if (!options.quiet || skipped > 0 || failed > 0 || writeError || interrupted) io.stderr.write(summary);
  if (writeError) io.stderr.write(`humanref-vis: ${writeError.message}\n`);
  if (interrupted) return exitCodeForSignal(io.signal?.reason);
  return writeError || skipped > 0 || failed > 0 ? EXIT.failed : EXIT.ok;
}

/** The samples that get pictures, each with the id part of its pictures' names (unique over the whole ground truth). */
function pickPictures(options: EvalOptions, inputs: EvalInputs, tally: EvalTally, io: RunIo): PictureSample[] {
  const gt = inputs.truth.samples;
  const { positions, shortfall } = selectPositions(
    {
      length: gt.length,
      expression: (p) => gt[p].referring,
      is: (p, kind) => (kind === 'rejection' ? isRejectionSample(gt[p]) : tally[kind][p] === 1),
      score: (p) => tally.score[p],
    },
    options.selection,
  );
  if (shortfall) io.stderr.write(`humanref-vis: ${shortfall}\n`);
  const wanted = new Set(positions);
  const stems = new Map<number, string>();
  const names = new SampleStems();
  for (const g of gt) {
    const stem = names.next(g.id);
    if (wanted.has(g.position)) stems.set(g.position, stem);
  }
  return positions.map((position) => ({ position, stem: stems.get(position)! }));
}

/** The full results of the samples to draw, with their raw responses (read again), at their positions. */
async function pictureResults(options: EvalOptions, inputs: EvalInputs, picks: readonly PictureSample[]): Promise<SampleResult[]> {
  const samples: SampleResult[] = [];
  if (picks.length === 0) return samples;
  const gt = picks.map((p) => inputs.truth.samples[p.position]);
  const models = await withResponses(options, inputs, gt);
  for (const g of gt) samples[g.position] = evaluateSample(g, models).result;
  return samples;
}
