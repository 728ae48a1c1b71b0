// What the main thread and a drawing worker (render/worker.ts) say to each other: tasks, results, errors as data.
// No side effects: the main thread imports this without loading canvas, sharp or fonts.
import { DataError, InternalError, UsageError, type DataLocation } from '../errors.js';
import { MAX_THINK_CHARS } from '../formats.js';
import type { ParsedCot, Sample } from '../types.js';
import type { EvalPictureInput, EvalPictureOptions } from '../eval/picture.js';
import type { RenderedImage, RenderOptions } from './render.js';

/** What eval's picture function returns: the encoded picture and the size of the photo it shows. */
export interface EvalPicture {
  data: Buffer;
  width: number;
  height: number;
  source: { width: number; height: number };
}

export type WorkerTask =
  | { kind: 'render'; sample: Sample; cot: ParsedCot; options: RenderOptions }
  /** One eval picture (one sample, one model): eval/picture.ts's renderEvalPicture in the thread. */
  | { kind: 'eval-picture'; input: EvalPictureInput; options: EvalPictureOptions }
  /** Resolves once this worker's renderer is loaded (fonts registered, emoji self-check passed). */
  | { kind: 'ready' }
  /** This worker's memory and CPU so far, for the benchmark. */
  | { kind: 'stats' };

/** An error as data: errors cross the thread boundary without their class, so the pool rebuilds it. */
export type SerializedError =
  | { name: 'DataError'; code: DataError['code']; where: DataError['where']; problem: string; hint: string }
  | { name: string; message: string };

export interface WorkerStats {
  threadId: number;
  /** V8 heap of this worker (used, and the most it may take), external memory (buffers) it holds now. */
  heapUsed: number;
  heapLimit: number;
  external: number;
  /** CPU time of this thread alone (Linux; null elsewhere). */
  cpuMs: number | null;
  rendered: number;
}

export type WorkerResult =
  | { ok: true; image: RenderedImage }
  | { ok: true; evalPicture: EvalPicture }
  | { ok: true; stats: WorkerStats }
  | { ok: true }
  | { ok: false; error: SerializedError };

/** Where a sample of a split sits, as its messages name it. */
export function sampleLocation(sample: Pick<Sample, 'files' | 'split' | 'index' | 'annOffset'>): DataLocation {
  return { file: sample.files?.annotationsTsv ?? `${sample.split} annotations TSV`, index: sample.index, offset: sample.annOffset };
}

/**
 * Refuses a reasoning text too long to send to a drawing thread, before it is cloned into the thread's bounded heap.
 * `what` names the text in the message ("the reasoning", "the model's response").
 */
export function checkTraceLength(text: string, what: string, where: DataLocation): void {
  if (text.length <= MAX_THINK_CHARS) return;
  throw new DataError(
    'image-too-large',
    where,
    `${what} is ${text.length} characters long, over the ${MAX_THINK_CHARS} a picture is drawn from`,
    'Real traces are under 10 KB: the line is probably corrupt; skip this sample',
  );
}

/**
 * The same for an eval picture: the model's response and, with HumanRef-CoT ground truth, the dataset's reasoning.
 * Returns where the sample is and how messages name it (a JSONL line has no sample index).
 */
export function checkEvalTraces(input: Pick<EvalPictureInput, 'gt' | 'result'>): { where: DataLocation; what: string } {
  const { gt } = input;
  const where: DataLocation = gt.dataset ? { file: gt.file, index: gt.dataset.index } : { file: gt.file };
  const what = gt.dataset ? 'this sample' : `the sample of line ${gt.line}`;
  checkTraceLength(input.result.rawResponse, `the model's response to ${what}`, where);
  if (gt.dataset) checkTraceLength(gt.dataset.think, 'the reasoning', where);
  return { where, what };
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof DataError) return { name: 'DataError', code: error.code, where: error.where, problem: error.problem, hint: error.hint };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The pool's side: the error as the class the in-process path would have thrown. */
export function deserializeError(e: SerializedError): Error {
  if (e.name === 'DataError' && 'code' in e) return new DataError(e.code, e.where, e.problem, e.hint);
  const message = 'message' in e ? e.message : '';
  if (e.name === 'UsageError') return new UsageError(message);
  if (e.name === 'InternalError') return new InternalError(message);
  const error = new Error(message);
  if (e.name !== 'Error') error.name = e.name;
  return error;
}
