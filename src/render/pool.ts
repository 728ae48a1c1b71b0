// Draws in worker threads: a piscina pool of render/worker.ts, one thread per core by default, behind the same
// `render(sample, cot, options)` as the in-process renderer, and other modules' compositions (eval's pictures)
// through the same protocol.
// The main thread only reads, schedules and writes.
import { Piscina } from 'piscina';
import { DataError, InternalError, type DataLocation } from '../errors.js';
import type { ParsedCot, Sample } from '../types.js';
import type { RenderedImage, RenderOptions, Renderer } from './render.js';
import { checkTraceLength, deserializeError, sampleLocation, type ComposedPicture, type CompositionJob, type WorkerResult, type WorkerStats, type WorkerTask } from './worker-protocol.js';

export interface RenderPoolOptions {
  /** Drawing threads (at least 1; never more than `concurrency`, which would leave some idle). */
  workers: number;
  /** Samples in flight; a worker takes floor(concurrency / workers) of them at once (at least 1), the rest wait. */
  concurrency: number;
  /** The worker module; tests pass one that misbehaves. Default: render/worker.js beside this file. */
  workerFile?: URL;
  /** Bound on each worker's V8 heap (MB). Pictures live outside it, in buffers bounded by the image limits. */
  maxHeapMb?: number;
}

export interface RenderPool extends Renderer {
  readonly workers: number;
  /**
   * `job`'s function called in a thread as on the main thread (the same bytes). `where` and `what` name the sample
   * if its thread dies twice; the caller has bounded the input's texts (checkTraceLength) before.
   */
  drawComposition<I extends object, O extends ComposedPicture>(job: CompositionJob, input: I, options: unknown, where: DataLocation, what: string): Promise<O>;
  /** Each live worker's heap, external memory and CPU time (for the benchmark). */
  stats(): Promise<WorkerStats[]>;
  /** Ends the threads; call when no render is pending. */
  close(): Promise<void>;
}

/** A worker's JavaScript heap is ~10 MB while it draws; this leaves room for huge reasoning texts, and no more. */
export const DEFAULT_MAX_HEAP_MB = 256;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A moved buffer arrives as a plain Uint8Array: the same memory, seen as a Buffer again. */
function asBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function threadPool(options: RenderPoolOptions, threads: { min: number; max: number; perWorker: number; idleTimeout: number }): Piscina {
  const pool = new Piscina({
    filename: (options.workerFile ?? new URL('./worker.js', import.meta.url)).href,
    minThreads: threads.min,
    maxThreads: threads.max,
    concurrentTasksPerWorker: threads.perWorker,
    idleTimeout: threads.idleTimeout,
    // The run never has more than `concurrency` samples out, so piscina's queue needs no bound of its own.
    maxQueue: Number.POSITIVE_INFINITY,
    // Tasks run async work (sharp) of their own: a worker must never block in Atomics.wait between them.
    atomics: 'disabled',
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB },
  });
  // A crashed worker's task is failed by its run(); this only keeps a stray 'error' event from ending the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Starts the threads; resolves once the first has loaded fonts, canvas and sharp and passed the emoji self-check. */
export async function startRenderPool(options: RenderPoolOptions): Promise<RenderPool> {
  const workers = Math.max(1, Math.min(Math.floor(options.workers), Math.floor(options.concurrency)));
  const perWorker = Math.max(1, Math.floor(options.concurrency / workers));
  // One thread starts at once; piscina adds the others (up to `workers`) as samples queue, so the first picture is
  // not slowed by every thread loading at the same time. Started threads stay (no idle timeout).
  const pool = threadPool(options, { min: 1, max: workers, perWorker, idleTimeout: Number.POSITIVE_INFINITY });
  // When a thread dies (out of heap, an uncaught error), every sample it held fails with it, though only one may
  // have needed the memory. Each is drawn again, once, alone in a thread of its own: started on the first death,
  // ended after a second idle so its memory is given back.
  let alone: Piscina | undefined;

  const run = (task: WorkerTask) => pool.run(task) as Promise<WorkerResult>;
  try {
    const ready = await run({ kind: 'ready' });
    if (!ready.ok) throw deserializeError(ready.error);
  } catch (error) {
    await pool.destroy();
    if (error instanceof InternalError) throw error;
    throw new InternalError(`the drawing threads did not start: ${describe(error)}`);
  }
  // sharp's libraries must stay loaded while workers come and go (glibc unloads a library with the last thread that
  // loaded it, under sharp's own threads); canvas likewise. Loaded once the first picture is back, so that neither
  // the threads' start nor the first picture waits for it.
  let native: Promise<unknown> | undefined;
  const keepNativeLoaded = () => {
    native ??= Promise.all([import('sharp'), import('@napi-rs/canvas')]);
    native.catch(() => undefined);
  };

  /** Runs a drawing task; a task whose thread died runs again alone, and fails naming its sample if it dies again. */
  async function draw(task: WorkerTask, where: DataLocation, what = 'this sample'): Promise<WorkerResult & { ok: true }> {
    let result: WorkerResult;
    try {
      result = await run(task);
    } catch {
      alone ??= threadPool(options, { min: 0, max: 1, perWorker: 1, idleTimeout: 1000 });
      try {
        result = (await alone.run(task)) as WorkerResult;
      } catch (error) {
        throw new DataError(
          'drawing-thread',
          where,
          `the drawing thread stopped while drawing ${what}, twice, the second time with no other sample in it (${describe(error)})`,
          'The other samples are drawn by a new thread; skip this one, or draw it on the main thread with --workers 0',
        );
      }
    }
    keepNativeLoaded();
    if (!result.ok) throw deserializeError(result.error);
    return result;
  }

  let closed: Promise<void> | undefined;
  return {
    workers,
    async render(sample: Sample, cot: ParsedCot, renderOptions: RenderOptions = {}): Promise<RenderedImage> {
      const where = sampleLocation(sample);
      checkTraceLength(sample.annotation.think, 'the reasoning', where);
      // The drawing never reads the annotation's unknown keys, which may nest deeper than a structured clone can go.
      const sent: Sample = { ...sample, annotation: { ...sample.annotation, extra: {} } };
      const result = await draw({ kind: 'render', sample: sent, cot, options: renderOptions }, where);
      if (!('image' in result)) throw new InternalError('a drawing thread answered without a picture');
      return { ...result.image, data: asBuffer(result.image.data) };
    },
    async drawComposition<I extends object, O extends ComposedPicture>(job: CompositionJob, input: I, pictureOptions: unknown, where: DataLocation, what: string): Promise<O> {
      const result = await draw({ kind: 'composition', job, input: input as Record<string, unknown>, options: pictureOptions }, where, what);
      if (!('composed' in result)) throw new InternalError('a drawing thread answered without a picture');
      return { ...result.composed, data: asBuffer(result.composed.data) } as O;
    },
    async stats() {
      const all = await Promise.all(Array.from({ length: workers }, () => run({ kind: 'stats' })));
      const byThread = new Map(all.flatMap((r) => (r.ok && 'stats' in r ? [[r.stats.threadId, r.stats] as const] : [])));
      return [...byThread.values()];
    },
    close() {
      // Once: the run and the command that started the threads may both ask.
      keepNativeLoaded();
      closed ??= native!.catch(() => undefined).then(() => Promise.all([pool.destroy(), alone?.destroy()])).then(() => undefined);
      return closed;
    },
  };
}

