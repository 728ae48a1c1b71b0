// What the main thread and a drawing worker (render/worker.ts) say to each other: tasks, results, errors as data.
// No side effects: the main thread imports this without loading canvas, sharp or fonts.
import { DataError, InternalError, UsageError } from '../errors.js';
import type { ParsedCot, Sample } from '../types.js';
import type { RenderedImage, RenderOptions } from './render.js';

export type WorkerTask =
  | { kind: 'render'; sample: Sample; cot: ParsedCot; options: RenderOptions }
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

export type WorkerResult = { ok: true; image: RenderedImage } | { ok: true; stats: WorkerStats } | { ok: true } | { ok: false; error: SerializedError };

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
