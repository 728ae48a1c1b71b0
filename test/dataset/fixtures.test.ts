// Reads the committed fixtures (fixtures/generate.mjs) and checks them against their ground truth, fixtures/cases.json.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { readImageHeader } from '../../src/dataset/image-header.js';
import { BUNDLED_SAMPLE_DIR, resolveSplits } from '../../src/dataset/locate.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const CASES = join(FIXTURES, 'cases.json');

interface SampleCase {
  index: number;
  imageKey: string;
  format: string;
  width: number;
  height: number;
  imageBytes: number;
  gtBoxes: number[][];
  regionMap: Record<string, number[]>;
  extra: Record<string, unknown>;
  think: string;
  annOffset: number;
  imgOffset: number;
}

interface BrokenCase {
  dir: string;
  split: string;
  length: number;
  badIndex: number | null;
  code: string | null;
  file: string | null;
  errorOffset: number | null;
  goodIndices: number[];
}

interface Cases {
  splits: Record<string, { samples: SampleCase[] }>;
  broken: Record<string, BrokenCase>;
}

const cases: Cases | null = existsSync(CASES) ? (JSON.parse(readFileSync(CASES, 'utf8')) as Cases) : null;

describe.skipIf(cases === null)('bundled fixtures match cases.json', () => {
  it('every sample of both bundled splits reads as recorded (escaped/raw JSON, b\'\' wrapper, CRLF, PNG/JPEG)', async () => {
    const { splits } = resolveSplits({ dataDir: BUNDLED_SAMPLE_DIR });
    expect(splits.map((s) => s.name)).toEqual(['main', 'rejection']);
    for (const paths of splits) {
      const expected = cases!.splits[paths.name].samples;
      const dataset = await Dataset.open(paths);
      try {
        expect(dataset.length).toBe(expected.length);
        for (const e of expected) {
          const s = await dataset.readSample(e.index);
          const header = readImageHeader(s.image);
          expect({ ...header, key: s.imageKey, bytes: s.image.length, annOffset: s.annOffset, imgOffset: s.imgOffset }).toEqual({
            format: e.format,
            width: e.width,
            height: e.height,
            key: e.imageKey,
            bytes: e.imageBytes,
            annOffset: e.annOffset,
            imgOffset: e.imgOffset,
          });
          expect(s.annotation).toEqual({ gtBoxes: e.gtBoxes, regionMap: e.regionMap, think: e.think, extra: e.extra });
        }
      } finally {
        await dataset.close();
      }
    }
  });

  it.each(Object.entries(cases?.broken ?? {}))('broken/%s fails with the recorded code, file and offset', async (_name, c) => {
    const { splits } = resolveSplits({ dataDir: join(FIXTURES, c.dir), split: c.split === 'rejection' ? 'rejection' : 'main' });
    let caught: unknown = null;
    try {
      const dataset = await Dataset.open(splits[0], { onWarning: () => {} });
      try {
        expect(dataset.length).toBe(c.length);
        for (const i of c.goodIndices) await dataset.readSample(i);
        if (c.badIndex !== null) await dataset.readSample(c.badIndex);
      } finally {
        await dataset.close();
      }
    } catch (error) {
      caught = error;
    }
    if (c.code === null) {
      expect(caught).toBeNull();
      return;
    }
    expect(caught).toBeInstanceOf(DataError);
    const error = caught as DataError;
    expect(error.code).toBe(c.code);
    expect(error.where.file).toBe(join(FIXTURES, c.dir, c.file!));
    if (c.badIndex !== null) expect(error.where.index).toBe(c.badIndex);
    if (c.errorOffset !== null) expect(error.where.offset).toBe(c.errorOffset);
  });
});
