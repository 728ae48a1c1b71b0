import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputFileName, renderSamples } from '../../src/runs/render-run.js';
import type { Outcome } from '../../src/outputs/outcome.js';
import { fakeHeader, fakeParseCot, fakeRenderer, fakeSource, type FakeSampleSpec } from '../fakes.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-run-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const specs = (n: number, broken: number[] = []): FakeSampleSpec[] => Array.from({ length: n }, (_, i) => ({ broken: broken.includes(i) }));

describe('renderSamples', () => {
  it('renders every good sample, records the broken one, and reports records in selection order', async () => {
    const source = fakeSource('main', specs(12, [5]), { readDelay: (i) => (12 - i) % 4 });
    const renderer = fakeRenderer();
    const outcomes: Outcome[] = [];
    const refs = Array.from({ length: 12 }, (_, index) => ({ source: 0, index }));
    const { outputError } = await renderSamples({
      sources: [source],
      refs,
      parseCot: fakeParseCot,
      readImageHeader: fakeHeader,
      renderer,
      outputDir: dir,
      format: 'png',
      fast: false,
      concurrency: 3,
      onOutcome: async (o) => {
        // A slow consumer must not reorder anything.
        await new Promise((r) => setTimeout(r, o.position % 3));
        outcomes.push(o);
      },
    });
    const records = outcomes.flatMap((o) => (o.status === 'rendered' ? [o.record] : []));
    expect(outcomes.map((o) => o.position)).toEqual(refs.map((_, i) => i));
    expect(outputError).toBeUndefined();
    expect(renderer.maxActive).toBeLessThanOrEqual(3);
    expect(records.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
    const failed = outcomes.filter((o) => o.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ index: 5, annOffset: 500, error: expect.stringContaining('sample 5, byte offset 500') });
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(refs.filter((r) => r.index !== 5).map((r) => outputFileName('main', r.index, 'png')));
    expect(await readFile(path.join(dir, 'main_000003.png'), 'utf8')).toBe('image main 3');
    expect(records[0].output).toBe(path.join(dir, 'main_000000.png'));
  });

  it('stops at the first unwritable-folder error instead of failing every sample', async () => {
    const out = path.join(dir, 'out');
    const renderer = fakeRenderer({
      onRender: async (sample) => {
        // Moving the folder away is atomic: every later write finds it gone.
        if (sample.index === 3) await rename(out, `${out}-gone`);
      },
    });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(out);
    const outcomes: Outcome[] = [];
    const result = await renderSamples({
      onOutcome: (o) => {
        outcomes.push(o);
      },
      sources: [fakeSource('main', specs(50))],
      refs: Array.from({ length: 50 }, (_, index) => ({ source: 0, index })),
      parseCot: fakeParseCot,
      readImageHeader: fakeHeader,
      renderer,
      outputDir: out,
      format: 'png',
      fast: false,
      concurrency: 2,
    });
    expect(result.outputError?.message).toMatch(/cannot write .*out/);
    expect(outcomes.length).toBeLessThan(10);
    expect(outcomes.every((o) => o.status === 'rendered')).toBe(true);
  });

  it('names files <split>_<6 digits>.<ext>, never from data', () => {
    expect(outputFileName('main', 7, 'png')).toBe('main_000007.png');
    expect(outputFileName('rejection', 1234567, 'jpeg')).toBe('rejection_1234567.jpg');
    expect(outputFileName('../x y', 1, 'webp')).toBe('.._x_y_000001.webp');
  });
});
