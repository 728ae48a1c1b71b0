// A drawing worker thread: loads fonts, canvas and sharp once, then turns (sample, parsed reasoning, options) into an
// encoded picture with the same renderer the in-process path uses, or runs another module's composition (eval's
// picture) with that module's own function. Started by render/pool.ts through piscina.
import { readFileSync } from 'node:fs';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { threadId } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { Sample } from '../types.js';
import { getRenderer } from './render.js';
import { serializeError, type ComposedPicture, type WorkerResult, type WorkerTask } from './worker-protocol.js';

/** What piscina moves (rather than copies) to the main thread: the value and the memory it hands over. */
type Moved = ReturnType<typeof move>;

// Start loading at once: the first sample then finds fonts, canvas and sharp ready.
const renderer = getRenderer();
renderer.catch(() => undefined);
let rendered = 0;
// Composition modules, loaded with their first picture: visualize's threads never load eval's.
const compositions = new Map<string, Promise<Record<string, unknown>>>();

// One full garbage collection after each picture, once its result is on its way. A picture leaves ~30 MB of native
// memory behind JS objects V8 cannot see the size of (the Skia canvas, sharp's and the PNG encoder's images): V8's
// own heuristics collect them late (peak RSS grew to ~600 MB with 2 workers) while the external buffers it does see
// start incremental marking over and over. Collecting a ~10 MB heap at a known quiet point costs ~1-2 ms and
// measured less CPU in total than leaving it to V8 (test/bench/README.md).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (options?: { type: 'major' | 'minor'; execution: 'sync' | 'async' }) => void;

/** The worker's own CPU time from /proc/thread-self (utime + stime in 1/100 s ticks). */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export default async function runTask(task: WorkerTask): Promise<WorkerResult | Moved> {
  try {
    if (task.kind === 'ready') {
      await getRenderer();
      return { ok: true };
    }
    if (task.kind === 'stats') {
      const heap = getHeapStatistics();
      return { ok: true, stats: { threadId, heapUsed: heap.used_heap_size, heapLimit: heap.heap_size_limit, external: heap.external_memory, cpuMs: threadCpuMs(), rendered } };
    }
    // Buffers cross threads as plain Uint8Arrays: the same bytes, seen as a Buffer again.
    const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let result: WorkerResult;
    let data: Buffer;
    if (task.kind === 'composition') {
      const loading = compositions.get(task.job.module) ?? (import(task.job.module) as Promise<Record<string, unknown>>);
      compositions.set(task.job.module, loading);
      const compose = (await loading)[task.job.name];
      if (typeof compose !== 'function') throw new Error(`${task.job.module} exports no function ${task.job.name}`);
      // The input's byte arrays (the photo) arrive as plain Uint8Arrays: Buffers again, as on the main thread.
      const input = Object.fromEntries(Object.entries(task.input).map(([k, v]) => [k, v instanceof Uint8Array ? asBuffer(v) : v]));
      const picture = (await compose(input, task.options)) as ComposedPicture;
      result = { ok: true, composed: picture };
      data = picture.data;
    } else {
      const sample: Sample = { ...task.sample, image: asBuffer(task.sample.image) };
      const image = await (await renderer.catch(() => getRenderer())).render(sample, task.cot, task.options);
      result = { ok: true, image };
      data = image.data;
    }
    rendered++;
    setImmediate(() => collectGarbage({ type: 'major', execution: 'sync' }));
    // The encoded picture (a few MB) is handed over, not copied, when it owns its memory.
    const { buffer, byteOffset, byteLength } = data;
    if (byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer) {
      return move({ [transferableSymbol]: [buffer], [valueSymbol]: result } as never);
    }
    return result;
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}
