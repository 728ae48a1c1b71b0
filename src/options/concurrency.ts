// Option values shared by the commands (concurrency, drawing threads), checked once (bad values are usage errors, exit 2).
import { availableParallelism } from 'node:os';
import { UsageError } from '../errors.js';
import { option } from './declare.js';

/** Default of commands that read (validate, stats): I/O-bound, so more at once than there are cores. */
export const READ_CONCURRENCY = 16;

/** Default of visualize: rendering is CPU-bound, one sample per core. */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

export function parseConcurrency(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 1024) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 1024, got "${text}"`);
  }
  return Number(text);
}

/**
 * Drawing threads by default: one per core; one on a two-core machine, taking both samples in flight (a drawing
 * thread's own CPU is ~40% of a picture's, the rest runs in the decode and encode threads, so it keeps two cores busy
 * at the same images/s, and a second thread's malloc arenas cost ~60 MB of peak RSS); none (draw on the main thread)
 * on a one-core machine.
 */
export function defaultWorkers(cores = availableParallelism()): number {
  return cores > 2 ? cores : cores - 1;
}

export function parseWorkers(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) > 256) {
    throw new UsageError(`--workers must be a whole number from 0 (draw on the main thread) to 256, got "${text}"`);
  }
  return Number(text);
}

/** --workers, for every command that draws pictures (visualize, eval). */
export const workersOption = () =>
  option({ flags: '--workers <n>', description: `threads that draw and encode; 0 draws on the main thread (default: cores, ${defaultWorkers()}; 0 on one core)` });

/** Drawing threads and samples in flight of a drawing command: never fewer in flight than there are threads. */
export function parseDrawing(opts: { workers?: string; concurrency?: string }): { workers: number; concurrency: number } {
  const workers = parseWorkers(opts.workers, defaultWorkers());
  return { workers, concurrency: parseConcurrency(opts.concurrency, Math.max(defaultConcurrency(), workers)) };
}
