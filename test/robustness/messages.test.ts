// Every error message is one line a person can act on: what is wrong, where (file, sample, byte offset), what to do.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnnotationLine } from '../../src/dataset/annotation.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { resolveSplits } from '../../src/dataset/locate.js';
import { DataError, formatDataMessage, oneLine } from '../../src/errors.js';
import { cliInProcess } from './cli.js';
import { errorViolations } from './contract.js';
import { ROOT } from './corpus.js';

const BROKEN = join(ROOT, 'fixtures/broken');

describe('oneLine and formatDataMessage', () => {
  it('escape line breaks and control characters visibly, and leave everything else alone', () => {
    expect(oneLine('a\nb\r\nc\td\u0000e\u001bf\u2028g\u0085h → ✅ “x”')).toBe('a\\nb\\r\\nc\\td\\u0000e\\u001bf\\u2028g\\u0085h → ✅ “x”');
    expect(formatDataMessage({ file: '/data/odd\nname.tsv', index: 4, offset: 99 }, 'region_map key "two\nlines" is odd', 'Fix\rit')).toBe(
      '/data/odd\\nname.tsv, sample 4, byte offset 99: region_map key "two\\nlines" is odd. Fix\\rit',
    );
  });

  it('a JSON parse error quoting a carriage return from the line stays one line', () => {
    const where = { file: 'x.annotations.tsv', index: 2, offset: 40 };
    let error: unknown;
    try {
      parseAnnotationLine(Buffer.from('0\t{"gt_boxes": [],\r"think" x}'), where);
    } catch (e) {
      error = e;
    }
    expect(errorViolations(error, 2, ['x.annotations.tsv'])).toEqual([]);
    expect((error as DataError).message).toContain('\\r');
  });
});

describe('messages for every broken fixture', () => {
  const cases = readdirSync(BROKEN).sort();

  it.each(cases)('%s: each sample error names file, sample and byte offset and says what to do, in one line', async (name) => {
    const { splits } = resolveSplits({ dataDir: join(BROKEN, name) });
    for (const paths of splits) {
      let dataset: Dataset;
      try {
        dataset = await Dataset.open(paths);
      } catch (error) {
        // A whole file is unusable: the message names it and says what to do.
        expect(error).toBeInstanceOf(DataError);
        const e = error as DataError;
        expect(e.message).toMatch(new RegExp(`^${e.where.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
        expect(e.hint).not.toBe('');
        expect(e.message).not.toMatch(/[\n\r]/);
        continue;
      }
      try {
        for (let i = 0; i < dataset.length; i++) {
          const error = await dataset.readSample(i).then(
            () => null,
            (e: unknown) => e,
          );
          if (error !== null) expect(errorViolations(error, i, [paths.annotationsTsv, paths.imagesTsv]), `${name} sample ${i}`).toEqual([]);
        }
      } finally {
        await dataset.close();
      }
    }
  });

  it('validate prints exactly one line per broken sample or file, each with its location', async () => {
    const r = await cliInProcess(['validate', '--data-dir', join(BROKEN, 'invalid-json'), '--quiet'], { cwd: ROOT });
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual([expect.stringMatching(/^error: .*humanref_cot\.annotations\.tsv, sample 1, byte offset 696: the JSON column does not parse \(.*\)\. The line is probably truncated or corrupt; skip this sample$/)]);
    const lfs = await cliInProcess(['validate', '--data-dir', join(BROKEN, 'lfs-pointer'), '--quiet'], { cwd: ROOT });
    expect(lfs.code).toBe(1);
    expect(lfs.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^error: .*humanref_cot\.images\.tsv: this is a Git LFS pointer \(\d+ bytes\), not the data\. Run `git lfs pull` in the dataset folder \(.*\) to download it$/)]);
  });

  it('a usage error about a path with a line break in it stays one line', async () => {
    const r = await cliInProcess(['--data-dir', 'no\nsuch', '--output-dir', 'never'], { cwd: ROOT });
    expect([r.code, r.stderr]).toEqual([2, 'humanref-vis: --data-dir no\\nsuch: no such directory\n']);
  });
});
