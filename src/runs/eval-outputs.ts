// eval's written results: metrics.json and metrics.md (an earlier eval's kept under earlier/), and samples.jsonl,
// streamed sample by sample (also to stdout with --json) so a million records are never held at once.
import { OutputError, UsageError } from '../errors.js';
import { toJson } from '../json.js';
import { createAtomicStream, writeFileAtomic } from '../fs/atomic-write.js';
import type { RunIo } from '../plumbing/run-io.js';
import type { Drawing } from '../eval/draw.js';
import { evaluateSample, type ModelInput } from '../eval/evaluate.js';
import { metricsDocument } from '../eval/metrics-file.js';
import type { EvalOptions } from '../eval/options.js';
import { sampleRecord } from '../eval/records.js';
import { comparisonMarkdown } from '../eval/table.js';
import type { EvalTally } from '../eval/tally.js';
import type { EvalInputs } from './eval-inputs.js';
import { EVAL_OUTPUTS, keepEarlierOutputs } from './eval-record.js';

const [METRICS_JSON, METRICS_MD, SAMPLES_JSONL] = EVAL_OUTPUTS;
/** samples.jsonl is written in chunks of about this many characters (one write per line would be a million writes). */
const CHUNK = 1 << 20;

function asUsageError(error: unknown): never {
  throw error instanceof OutputError ? new UsageError(error.message) : error;
}

/** metrics.json and metrics.md, after an earlier eval's three files are moved aside; the table on stdout (stderr with --json). */
export async function writeMetrics(options: EvalOptions, inputs: EvalInputs, tally: EvalTally, runId: string, io: RunIo): Promise<void> {
  const doc = metricsDocument(options, inputs.truth, inputs.preds, tally, runId);
  const markdown = comparisonMarkdown(tally.metrics);
  const kept = await keepEarlierOutputs(options.outputDir).catch((error: unknown) => {
    throw new UsageError(`the earlier eval's ${EVAL_OUTPUTS.join(', ')} in ${options.outputDir} could not be moved aside (${(error as Error).message}); nothing was replaced. Choose another --output-dir`);
  });
  if (kept) io.stderr.write(`humanref-vis: the earlier eval's ${EVAL_OUTPUTS.join(', ')} were moved to ${kept}\n`);
  await writeFileAtomic(options.outputDir, METRICS_JSON, `${JSON.stringify(doc, null, 2)}\n`).catch(asUsageError);
  await writeFileAtomic(options.outputDir, METRICS_MD, markdown).catch(asUsageError);
  (options.json ? io.stderr : io.stdout).write(`${markdown}\n`);
}

/**
 * samples.jsonl: every sample's record in ground-truth order, its result computed again from the boxes, with its
 * pictures' files or errors. Returns the output error that stopped it (the file is then not written at all).
 */
export async function writeRecords(options: EvalOptions, inputs: EvalInputs, models: readonly ModelInput[], drawing: Drawing, io: RunIo): Promise<OutputError | undefined> {
  const names = models.map((m) => m.name);
  const toStdout = () => options.json && io.signal?.reason !== 'EPIPE';
  const stream = createAtomicStream(options.outputDir, SAMPLES_JSONL);
  let chunk = '';
  const flush = async () => {
    if (toStdout()) io.stdout.write(chunk);
    await stream.write(chunk);
    chunk = '';
  };
  try {
    for (const g of inputs.truth.samples) {
      chunk += `${toJson(sampleRecord(evaluateSample(g, models).result, names, drawing.pictures.get(g.position)))}\n`;
      if (chunk.length >= CHUNK) await flush();
    }
    await flush();
    await stream.commit();
    return drawing.writeError;
  } catch (error) {
    await stream.abort();
    if (!(error instanceof OutputError)) throw error;
    return drawing.writeError ?? error;
  }
}
