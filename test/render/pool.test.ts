// Drawing in worker threads: the same bytes as drawing on the main thread, the same errors, and a crashed thread
// fails its sample alone (its neighbours are drawn again) while a new thread takes over; too long a reasoning never
// reaches a thread. Uses the built worker (`npm test` compiles first).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { DataError } from '../../src/errors.js';
import { MAX_THINK_CHARS } from '../../src/formats.js';
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
    it(`fails its sample with a DataError naming file, sample and byte offset; a new thread draws the next one (${key})`, async () => {
      const s = samples[3];
      const error = await pool.render({ ...s, imageKey: key }, cotOf(s)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).code).toBe('drawing-thread');
      expect((error as DataError).message).toMatch(
        new RegExp(`^${s.files!.annotationsTsv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, sample ${s.index}, byte offset ${s.annOffset}: the drawing thread stopped while drawing this sample, twice, the second time with no other sample in it \\(.+\\)\\. The other samples are drawn by a new thread`),
      );
      expect(s.annOffset).toBeGreaterThan(0);
      const next = await pool.render(s, cotOf(s));
      const mine = await (await getRenderer()).render(s, cotOf(s));
      expect(next.data.equals(mine.data)).toBe(true);
    });
  }
});

describe('the samples beside one that kills its thread', () => {
  let pool: RenderPool;
  beforeAll(async () => {
    // One thread holding two samples at once: a death takes both down.
    pool = await startRenderPool({ workers: 1, concurrency: 2, workerFile: CRASHING, maxHeapMb: 64 });
  });
  afterAll(() => pool.close());

  for (const key of ['exit-here', 'oom-here']) {
    it(`are drawn again alone, byte for byte; only the sample that killed it fails (${key})`, async () => {
      const [bad, good, other] = [samples[0], samples[1], samples[2]];
      const results = await Promise.allSettled([
        pool.render(good, cotOf(good)),
        pool.render({ ...bad, imageKey: key }, cotOf(bad)),
        pool.render(other, cotOf(other)),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(((results[1] as PromiseRejectedResult).reason as DataError).message).toContain(`sample ${bad.index}, byte offset ${bad.annOffset}: the drawing thread stopped`);
      const local = await getRenderer();
      for (const [i, s] of [[0, good], [2, other]] as const) {
        expect((results[i] as PromiseFulfilledResult<{ data: Buffer }>).value.data.equals((await local.render(s, cotOf(s))).data)).toBe(true);
      }
    });
  }
});

describe('a reasoning too long for a thread', () => {
  let pool: RenderPool;
  beforeAll(async () => {
    pool = await startRenderPool({ workers: 1, concurrency: 1, workerFile: CRASHING });
  });
  afterAll(() => pool.close());

  it('is refused before it is sent: a DataError naming file, sample and byte offset, and no thread sees it', async () => {
    const s = samples[2];
    const think = s.annotation.think.repeat(Math.ceil((MAX_THINK_CHARS + 1) / s.annotation.think.length));
    // Marked so that the thread would die if it ever received it.
    const error = await pool.render({ ...s, imageKey: 'exit-here', annotation: { ...s.annotation, think } }, cotOf(s)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).where).toEqual({ file: s.files!.annotationsTsv, index: s.index, offset: s.annOffset });
    expect((error as DataError).problem).toBe(`the reasoning is ${think.length} characters long, over the ${MAX_THINK_CHARS} a picture is drawn from`);
  });
});
