// What the main thread and a drawing worker (render/worker.ts) say to each other: tasks, results, errors as data.
// No side effects: the main thread imports this without loading canvas, sharp or fonts.
import { DataError, InternalError, UsageError, type DataLocation } from '../errors.js';
import { MAX_THINK_CHARS } from '../formats.js';
import type { ParsedCot, Sample } from '../types.js';
import type { RenderedImage, RenderOptions } from './render.js';

/**
 * A picture made by another module's composition of render's layers (eval's picture): the module's URL and its
 * exported function, called in the thread as `fn(input, options)`; it resolves to the encoded picture and whatever
 * else the composition reports. render/ knows no composition but its own.
 */
export interface CompositionJob {
  module: string;
  name: string;
}

export interface ComposedPicture {
  data: Buffer;
}

export type WorkerTask =
  | { kind: 'render'; sample: Sample; cot: ParsedCot; options: RenderOptions }
  /** A composition of another module (eval's picture of one sample and model), drawn in the thread. */
  | { kind: 'composition'; job: CompositionJob; input: Record<string, unknown>; options: unknown }
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
  | { ok: true; composed: ComposedPicture }
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
