// Renders the selected samples with a bounded pool: read, parse, draw, write atomically, report in selection order.
import path from 'node:path';
import { DataError } from '../errors.js';
import { OutputError, writeFileAtomic } from './atomic-write.js';
import { imageFindings } from './findings.js';
import { imageHeaderOf, type ReadImageHeader } from './image-info.js';
import { sampleWarnings } from './filter.js';
import type { Outcome } from './outcome.js';
import { InOrder } from './ordered.js';
import { runPool } from './pool.js';
import { buildSampleRecord, countVerdicts, type SampleRecord } from './sample-json.js';
import type { OutputFormat, ParseCot, SampleRef, SampleRenderer, SampleSource } from './types.js';

export interface RenderRunOptions {
  sources: readonly SampleSource[];
  refs: readonly SampleRef[];
  parseCot: ParseCot;
  readImageHeader: ReadImageHeader;
  renderer: SampleRenderer;
  outputDir: string;
  format: OutputFormat;
  fast: boolean;
  concurrency: number;
  /** Aborting stops handing out samples; those already started finish and are recorded. */
  signal?: AbortSignal;
  /** Called once per rendered sample, in selection order (for NDJSON). */
  onRecord?: (record: SampleRecord) => void;
  /** Called once per finished sample, in completion order (for progress). */
  onDone?: (outcome: Outcome) => void;
}

export interface RenderRunResult {
  outcomes: Outcome[];
  /** Set when the output folder stopped taking files: the run ended early. */
  outputError?: OutputError;
}

const EXTENSIONS: Record<OutputFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

/** `<split>_<index, 6 digits>.<ext>`: built from the split name (a file name the user chose) and a number, never from data. */
export function outputFileName(split: string, index: number, format: OutputFormat): string {
  const safeSplit = split.replace(/[^A-Za-z0-9._-]/g, '_') || 'split';
  return `${safeSplit}_${String(index).padStart(6, '0')}.${EXTENSIONS[format]}`;
}

function describe(error: unknown): string {
  if (error instanceof DataError) return error.message;
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return String(error);
}

export async function renderSamples(options: RenderRunOptions): Promise<RenderRunResult> {
  const { sources, refs } = options;
  const outcomes: Outcome[] = [];
  // Records wait here until every earlier position has finished, so NDJSON order does not depend on timing.
  const inOrder = new InOrder<SampleRecord>((record) => options.onRecord?.(record));

  const renderOne = async (ref: SampleRef, position: number): Promise<void> => {
    const source = sources[ref.source];
    let outcome: Outcome;
    let annOffset: number | null = null;
    let imgOffset: number | null = null;
    try {
      annOffset = source.annOffset(ref.index);
      const sample = await source.readSample(ref.index);
      imgOffset = sample.imgOffset;
      const header = imageHeaderOf(sample, source.paths.imagesTsv, options.readImageHeader);
      const { annotation } = sample;
      const cot = options.parseCot(annotation.think, annotation.gtBoxes.length, annotation.regionMap);
      const warnings = [...sampleWarnings(sample, cot), ...imageFindings(annotation, header.width, header.height).map((f) => f.message)];
      const image = await options.renderer.render(sample, cot, { format: options.format, fast: options.fast });
      const file = outputFileName(source.paths.name, ref.index, options.format);
      const written = await writeFileAtomic(options.outputDir, file, image.data);
      const record = buildSampleRecord(sample, cot, header, warnings, path.resolve(written));
      outcome = { status: 'rendered', position, record, file, verdictCounts: countVerdicts(annotation.gtBoxes.map((_, i) => cot.verdicts[i] ?? null)) };
    } catch (error) {
      // A full or unwritable folder ends the run with one error instead of one per sample.
      if (error instanceof OutputError) throw error;
      outcome = {
        status: 'failed',
        position,
        split: source.paths.name,
        index: ref.index,
        annOffset,
        imgOffset,
        error: error instanceof DataError ? describe(error) : `${source.paths.annotationsTsv}, sample ${ref.index}: ${describe(error)}`,
      };
    }
    outcomes.push(outcome);
    inOrder.put(position, outcome.status === 'rendered' ? outcome.record : null);
    options.onDone?.(outcome);
  };

  let outputError: OutputError | undefined;
  try {
    await runPool(refs, renderOne, { concurrency: options.concurrency, shouldStop: () => options.signal?.aborted ?? false });
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    outputError = error;
  }
  // Whatever finished after a gap (an interrupted or stopped run) is still reported, in order.
  inOrder.flush();
  return { outcomes, outputError };
}
