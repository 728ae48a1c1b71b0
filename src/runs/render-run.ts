// Renders the selected samples with a bounded pool: read, parse, draw, write atomically, report in selection order.
import path from 'node:path';
import { DataError, OutputError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { imageFindings } from '../checks/findings.js';
import { sampleWarnings } from '../selection/filter.js';
import { imageHeaderOf, type ReadImageHeader } from '../checks/image-info.js';
import { InOrder } from '../plumbing/ordered.js';
import type { Outcome } from '../outputs/outcome.js';
import { outputFileName } from '../outputs/output-names.js';
import { runPool } from '../plumbing/pool.js';
import { buildSampleRecord, countVerdicts } from '../outputs/sample-json.js';
import { viewerExtras } from '../outputs/viewer-entry.js';
import type { ParseCot, SampleRef, SampleSource } from '../plumbing/seams.js';
import type { Renderer } from '../types.js';
import type { OutputFormat } from '../formats.js';

export interface RenderRunOptions {
  sources: readonly SampleSource[];
  refs: readonly SampleRef[];
  parseCot: ParseCot;
  readImageHeader: ReadImageHeader;
  renderer: Renderer;
  outputDir: string;
  format: OutputFormat;
  fast: boolean;
  concurrency: number;
  /** Aborting stops handing out samples; those already started finish and are reported. */
  signal?: AbortSignal;
  /** Called once per finished sample, in selection order, one call at a time (manifest, viewer, NDJSON). */
  onOutcome?: (outcome: Outcome) => void | Promise<void>;
  /** Called once per finished sample, in completion order (progress). */
  onDone?: (outcome: Outcome) => void;
}

export interface RenderRunResult {
  /** Set when the output folder stopped taking files: the run ended early. */
  outputError?: OutputError;
}

export { outputFileName } from '../outputs/output-names.js';

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return String(error);
}

/** One sample from bytes to file; any problem but an unusable output folder becomes a failed outcome. */
async function renderOne(options: RenderRunOptions, ref: SampleRef, position: number): Promise<Outcome> {
  const source = options.sources[ref.source];
  let annOffset: number | null = null;
  let imgOffset: number | null = null;
  try {
    annOffset = source.annOffset(ref.index);
    const sample = await source.readSample(ref.index);
    imgOffset = sample.imgOffset;
    const header = imageHeaderOf(sample, source.paths.imagesTsv, options.readImageHeader);
    const { annotation } = sample;
    const cot = options.parseCot(annotation);
    const warnings = [...sampleWarnings(sample, cot), ...imageFindings(annotation, header.width, header.height, cot.noun).map((f) => f.message)];
    const image = await options.renderer.render(sample, cot, { format: options.format, fast: options.fast, warnings });
    const file = outputFileName(source.paths.name, ref.index, options.format);
    const written = await writeFileAtomic(options.outputDir, file, image.data);
    const record = buildSampleRecord(sample, cot, header, warnings, path.resolve(written));
    const verdictCounts = countVerdicts(annotation.gtBoxes.map((_, i) => cot.verdicts[i] ?? null));
    return { status: 'rendered', position, record, file, verdictCounts, viewer: viewerExtras(sample, cot, record) };
  } catch (error) {
    // A full or unwritable folder ends the run with one error instead of one per sample.
    if (error instanceof OutputError) throw error;
    const where = `${source.paths.annotationsTsv}, sample ${ref.index}`;
    return {
      status: 'failed',
      position,
      split: source.paths.name,
      index: ref.index,
      annOffset,
      imgOffset,
      error: error instanceof DataError ? error.message : `${where}: ${describe(error)}`,
      errorCode: error instanceof DataError ? error.code : 'render',
    };
  }
}

export async function renderSamples(options: RenderRunOptions): Promise<RenderRunResult> {
  // Outcomes wait here until every earlier position has finished; their consumers run one at a time, in order.
  let delivered: Promise<void> = Promise.resolve();
  const inOrder = new InOrder<Outcome>((outcome) => {
    delivered = delivered.then(() => options.onOutcome?.(outcome));
  });

  const work = async (ref: SampleRef, position: number): Promise<void> => {
    const outcome = await renderOne(options, ref, position);
    options.onDone?.(outcome);
    inOrder.put(position, outcome);
    // Waiting for the writes keeps the workers from outrunning the disk, and surfaces a write error to the pool.
    await delivered;
  };

  let outputError: OutputError | undefined;
  try {
    await runPool(options.refs, work, { concurrency: options.concurrency, shouldStop: () => options.signal?.aborted ?? false });
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    outputError = error;
  }
  // Whatever finished after a gap (a stopped run) is still reported, in order.
  inOrder.flush();
  try {
    await delivered;
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    outputError ??= error;
  }
  return { outputError };
}
