// Drawing in worker threads: the same bytes as drawing on the main thread, the same errors, and a crashed thread
// fails its sample alone while a new thread takes over. Uses the built worker (`npm test` compiles first).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { DataError } from '../../src/errors.js';
import { startRenderPool, type RenderPool } from '../../src/render/pool.js';
import { getRenderer } from '../../src/render/render.js';
import type { Sample } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '../..');
const WORKER = new URL('../../dist/render/worker.js', import.meta.url);
const CRASHING = new URL('./crash-worker.mjs', import.meta.url);

const split = (name: string, stem: string) => ({
  name,
  imagesTsv: join(ROOT, `fixtures/sample/${stem}.images.tsv`),
  annotationsTsv: join(ROOT, `fixtures/sample/${stem}.annotations.tsv`),
  annotationsLineidx: join(ROOT, `fixtures/sample/${stem}.annotations.tsv.lineidx`),
});

const cotOf = (s: Sample) => parseChainOfThought(s.annotation.think, s.annotation.gtBoxes.length, s.annotation.regionMap);

let samples: Sample[] = [];
beforeAll(async () => {
  for (const paths of [split('main', 'humanref_cot'), split('rejection', 'humanref_cot_rejection')]) {
    const ds = await Dataset.open(paths);
    try {
      for (let i = 0; i < ds.length; i++) samples.push(await ds.readSample(i));
    } finally {
      await ds.close();
    }
  }
});

describe('the worker pool draws what the main thread draws', () => {
  let pool: RenderPool;
  beforeAll(async () => {
    pool = await startRenderPool({ workers: 2, concurrency: 2, workerFile: WORKER });
  });
  afterAll(() => pool.close());

  for (const options of [{ format: 'png' as const }, { format: 'png' as const, fast: true }, { format: 'jpeg' as const }]) {
    it(`every sample of the bundled dataset, byte for byte (${JSON.stringify(options)})`, async () => {
      expect(samples.length).toBeGreaterThan(5);
      const local = await getRenderer();
      // Two at a time through the pool, as a run does.
      const pooled = await Promise.all(samples.map((s) => pool.render(s, cotOf(s), { ...options, warnings: ['a footer warning'] })));
      for (const [i, s] of samples.entries()) {
        const mine = await local.render(s, cotOf(s), { ...options, warnings: ['a footer warning'] });
        expect(Buffer.isBuffer(pooled[i].data)).toBe(true);
        expect({ width: pooled[i].width, height: pooled[i].height }).toEqual({ width: mine.width, height: mine.height });
        expect(pooled[i].data.equals(mine.data), `${s.split} sample ${s.index}`).toBe(true);
      }
    });
  }

  it('a sample with a damaged image fails with the same DataError as on the main thread', async () => {
    const s = samples[0];
    const broken: Sample = { ...s, image: Buffer.concat([s.image.subarray(0, 200), Buffer.alloc(300)]) };
    const local = await (await getRenderer()).render(broken, cotOf(s)).catch((e: unknown) => e);
    const pooled = await pool.render(broken, cotOf(s)).catch((e: unknown) => e);
    expect(local).toBeInstanceOf(DataError);
    expect(pooled).toBeInstanceOf(DataError);
    expect((pooled as DataError).code).toBe((local as DataError).code);
    expect((pooled as DataError).message).toBe((local as DataError).message);
  });

  it('reports each thread: its heap within the bound, and the pictures it drew', async () => {
    const stats = await pool.stats();
    expect(stats.length).toBeGreaterThanOrEqual(1);
    for (const s of stats) {
      expect(s.heapLimit).toBeLessThan(400 * 2 ** 20);
      expect(s.heapUsed).toBeGreaterThan(0);
      expect(s.heapUsed).toBeLessThan(s.heapLimit);
    }
    expect(stats.reduce((n, s) => n + s.rendered, 0)).toBeGreaterThan(0);
  });
});

describe('a drawing thread that dies', () => {
  let pool: RenderPool;
  beforeAll(async () => {
    pool = await startRenderPool({ workers: 1, concurrency: 1, workerFile: CRASHING, maxHeapMb: 64 });
  });
  afterAll(() => pool.close());

  // exit: process.exit in the thread; throw: an uncaught error; oom: its JS heap past the bound (64 MB here).
  for (const key of ['exit-here', 'throw-here', 'oom-here']) {
    it(`fails its sample with a clear error; a new thread draws the next one (${key})`, async () => {
      const s = samples[0];
      const error = await pool.render({ ...s, imageKey: key }, cotOf(s)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/the drawing thread stopped while drawing this sample \(.+\); a new thread takes over/);
      const next = await pool.render(s, cotOf(s));
      const mine = await (await getRenderer()).render(s, cotOf(s));
      expect(next.data.equals(mine.data)).toBe(true);
    });
  }
});
