// A bounded worker pool: an item is started only when a slot frees, so memory follows concurrency, not item count.
import pLimit from 'p-limit';

export interface PoolOptions {
  concurrency: number;
  /** Checked before each item is started; true stops handing out new items (running ones finish). */
  shouldStop?: () => boolean;
}

/** Runs `work` over `items` with at most `concurrency` in flight; resolves when every started item has settled. */
export async function runPool<T>(items: Iterable<T>, work: (item: T, position: number) => Promise<void>, options: PoolOptions): Promise<void> {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const limit = pLimit(concurrency);
  const inFlight = new Set<Promise<void>>();
  let firstError: unknown;
  let failed = false;
  let position = 0;
  for (const item of items) {
    if (failed || options.shouldStop?.()) break;
    // Wait for a free slot before creating the next task: the producer never runs ahead of the workers.
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failed || options.shouldStop?.()) break;
    const at = position++;
    const task: Promise<void> = limit(() => work(item, at)).then(
      () => {
        inFlight.delete(task);
      },
      (error: unknown) => {
        inFlight.delete(task);
        if (!failed) {
          failed = true;
          firstError = error;
        }
      },
    );
    inFlight.add(task);
  }
  await Promise.all(inFlight);
  if (failed) throw firstError;
}
