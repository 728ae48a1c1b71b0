import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess, tempDirForEachTest } from '../cli.js';
import { UsageError } from '../../src/errors.js';
import { BUNDLED_SAMPLE_DIR, resolveSplits, splitName, type DatasetSelection } from '../../src/dataset/locate.js';

const tmp = tempDirForEachTest('dataset');

async function touch(...files: string[]): Promise<void> {
  for (const file of files) {
    await mkdir(resolve(file, '..'), { recursive: true });
    await writeFile(file, 'x');
  }
}

function usage(sel: DatasetSelection, cwd = tmp.dir): string {
  try {
    resolveSplits(sel, cwd);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

const std = (d: string, prefix: string, lineidx: boolean) => ({
  imagesTsv: join(d, `${prefix}.images.tsv`),
  annotationsTsv: join(d, `${prefix}.annotations.tsv`),
  annotationsLineidx: lineidx ? join(d, `${prefix}.annotations.tsv.lineidx`) : null,
});

describe('splitName', () => {
  it.each([
    ['/x/humanref_cot.annotations.tsv', 'main'],
    ['humanref_cot_rejection.annotations.tsv', 'rejection'],
    ['/x/my_subset.annotations.tsv', 'my_subset'],
    ['/x/ann.tsv', 'ann'],
    // Upstream's custom GRPO JSONL: the pictures are anno_with_candidates_000000.png, not anno_with_candidates.json_000000.png.
    ['/x/anno_with_candidates.json', 'anno_with_candidates'],
    ['/x/rows.JSONL', 'rows'],
  ])('%s -> %s', (file, name) => expect(splitName(file)).toBe(name));
});

describe('resolveSplits', () => {
  it('explicit paths, relative to cwd; lineidx defaults to <ann>.lineidx when it exists', async () => {
    await touch(join(tmp.dir, 'a/imgs.tsv'), join(tmp.dir, 'a/anns.tsv'));
    expect(resolveSplits({ imgTsv: 'a/imgs.tsv', annTsv: 'a/anns.tsv' }, tmp.dir)).toEqual({
      splits: [{ name: 'anns', imagesTsv: join(tmp.dir, 'a/imgs.tsv'), annotationsTsv: join(tmp.dir, 'a/anns.tsv'), annotationsLineidx: null }],
      bundled: false,
    });
    await touch(join(tmp.dir, 'a/anns.tsv.lineidx'), join(tmp.dir, 'other.idx'));
    expect(resolveSplits({ imgTsv: 'a/imgs.tsv', annTsv: 'a/anns.tsv' }, tmp.dir).splits[0].annotationsLineidx).toBe(join(tmp.dir, 'a/anns.tsv.lineidx'));
    expect(resolveSplits({ imgTsv: 'a/imgs.tsv', annTsv: 'a/anns.tsv', annLineidx: 'other.idx' }, tmp.dir).splits[0].annotationsLineidx).toBe(join(tmp.dir, 'other.idx'));
  });

  it('pairs x.annotations.tsv with x.images.tsv when --img-tsv is left out', async () => {
    await touch(join(tmp.dir, 'humanref_cot_rejection.annotations.tsv'), join(tmp.dir, 'humanref_cot_rejection.images.tsv'));
    expect(resolveSplits({ annTsv: 'humanref_cot_rejection.annotations.tsv' }, tmp.dir).splits).toEqual([{ name: 'rejection', ...std(tmp.dir, 'humanref_cot_rejection', false) }]);
  });

  it('a data dir gives every split whose files exist, main first; --split picks one', async () => {
    const d = join(tmp.dir, 'ds');
    await touch(...['humanref_cot', 'humanref_cot_rejection', 'extra'].flatMap((p) => [join(d, `${p}.images.tsv`), join(d, `${p}.annotations.tsv`)]));
    await touch(join(d, 'humanref_cot.annotations.tsv.lineidx'));
    expect(resolveSplits({ dataDir: 'ds' }, tmp.dir).splits).toEqual([
      { name: 'main', ...std(d, 'humanref_cot', true) },
      { name: 'rejection', ...std(d, 'humanref_cot_rejection', false) },
      { name: 'extra', ...std(d, 'extra', false) },
    ]);
    expect(resolveSplits({ dataDir: d, split: 'rejection' }, tmp.dir).splits.map((s) => s.name)).toEqual(['rejection']);
    expect(resolveSplits({ dataDir: d, split: 'all' }, tmp.dir).splits).toHaveLength(3);
  });

  it('with no data options, looks in IDEA-Research/HumanRef-CoT-45k, then data/IDEA-Research/HumanRef-CoT-45k, else the bundled sample', async () => {
    const second = join(tmp.dir, 'data/IDEA-Research/HumanRef-CoT-45k');
    await touch(join(second, 'humanref_cot.images.tsv'), join(second, 'humanref_cot.annotations.tsv'));
    expect(resolveSplits({}, tmp.dir)).toEqual({ splits: [{ name: 'main', ...std(second, 'humanref_cot', false) }], bundled: false });
    const first = join(tmp.dir, 'IDEA-Research/HumanRef-CoT-45k');
    await touch(join(first, 'humanref_cot_rejection.images.tsv'), join(first, 'humanref_cot_rejection.annotations.tsv'));
    expect(resolveSplits({}, tmp.dir).splits.map((s) => s.imagesTsv)).toEqual([join(first, 'humanref_cot_rejection.images.tsv')]);
  });

  it("finds the dataset at the default places in any letter case (the download page spells it 45K) and where a git clone puts it", async () => {
    const upper = join(tmp.dir, 'data/IDEA-Research/HumanRef-CoT-45K');
    await touch(join(upper, 'humanref_cot.images.tsv'), join(upper, 'humanref_cot.annotations.tsv'));
    expect(resolveSplits({}, tmp.dir)).toEqual({ splits: [{ name: 'main', ...std(upper, 'humanref_cot', false) }], bundled: false });
    const other = await mkdtemp(join(tmpdir(), 'humanref-vis-clone-'));
    try {
      const clone = join(other, 'HumanRef-CoT-45k');
      await touch(join(clone, 'humanref_cot.images.tsv'), join(clone, 'humanref_cot.annotations.tsv'));
      expect(resolveSplits({}, other).splits.map((s) => s.annotationsTsv)).toEqual([join(clone, 'humanref_cot.annotations.tsv')]);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('with the bundled sample standing in, lists annotations TSVs lying near the default places under other names', async () => {
    await touch(join(tmp.dir, 'data/my_split.annotations.tsv'), join(tmp.dir, 'downloads/hr/annotations.tsv'), join(tmp.dir, 'notes.tsv'));
    const r = resolveSplits({}, tmp.dir);
    expect(r.bundled).toBe(true);
    expect(r.nearby?.sort()).toEqual(['data/my_split.annotations.tsv']);
    await touch(join(tmp.dir, 'downloads/annotations_main.tsv'));
    expect(resolveSplits({}, tmp.dir).nearby?.sort()).toEqual(['data/my_split.annotations.tsv', 'downloads/annotations_main.tsv']);
  });

  it('the CLI says on stderr that the bundled sample stands in for the files found, and how to point at them', async () => {
    await touch(join(tmp.dir, 'data/my_split.annotations.tsv'));
    const r = await cliInProcess(['stats'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no dataset at the default places (IDEA-Research/HumanRef-CoT-45k/, data/IDEA-Research/HumanRef-CoT-45k/, HumanRef-CoT-45k/, data/HumanRef-CoT-45k/, any letter case');
    expect(r.stderr).toContain('warning: the bundled sample is used, not your data: found data/my_split.annotations.tsv; point at one with --ann-tsv data/my_split.annotations.tsv');
  });

  it('a default place without annotations files is a usage error naming what lies nearby and how to point at it', async () => {
    await touch(join(tmp.dir, 'data/IDEA-Research/HumanRef-CoT-45k/v1/humanref_cot.annotations.tsv'));
    expect(usage({})).toBe(
      `${join(tmp.dir, 'data/IDEA-Research/HumanRef-CoT-45k')} (a default place of the dataset) holds no *.annotations.tsv; found data/IDEA-Research/HumanRef-CoT-45k/v1/humanref_cot.annotations.tsv; point at one with --ann-tsv data/IDEA-Research/HumanRef-CoT-45k/v1/humanref_cot.annotations.tsv (and --img-tsv <its images TSV> unless it is named <stem>.images.tsv beside it), or at its folder with --data-dir data/IDEA-Research/HumanRef-CoT-45k/v1`,
    );
  });

  it('with nothing found, falls back to the bundled sample (or says it is missing from the install)', async () => {
    if (existsSync(BUNDLED_SAMPLE_DIR)) {
      const { bundled, splits } = resolveSplits({ split: 'main' }, tmp.dir);
      expect(bundled).toBe(true);
      expect(splits).toEqual([{ name: 'main', ...std(BUNDLED_SAMPLE_DIR, 'humanref_cot', existsSync(join(BUNDLED_SAMPLE_DIR, 'humanref_cot.annotations.tsv.lineidx'))) }]);
    } else {
      expect(usage({}, tmp.dir)).toContain(`the bundled sample ${BUNDLED_SAMPLE_DIR} is missing`);
    }
  });

  it('BUNDLED_SAMPLE_DIR is <package>/fixtures/sample', () => {
    expect(BUNDLED_SAMPLE_DIR).toBe(resolve(import.meta.dirname, '../../fixtures/sample'));
  });

  it.each([
    [{ imgTsv: 'nope.tsv', annTsv: 'a.tsv' }, '--ann-tsv a.tsv: no such file'],
    [{ imgTsv: 'nope.tsv', annTsv: 'have.annotations.tsv' }, '--img-tsv nope.tsv: no such file'],
    [{ imgTsv: 'have.images.tsv', annTsv: 'have.annotations.tsv', annLineidx: 'gone.lineidx' }, '--ann-lineidx gone.lineidx: no such file'],
    [{ imgTsv: 'have.images.tsv' }, '--img-tsv and --ann-lineidx need --ann-tsv too'],
    [{ dataDir: 'missing-dir' }, '--data-dir missing-dir: no such directory'],
    [{ dataDir: 'have.images.tsv' }, '--data-dir have.images.tsv: not a directory'],
    [{ dataDir: '.', imgTsv: 'have.images.tsv', annTsv: 'have.annotations.tsv' }, 'give either --data-dir or --img-tsv/--ann-tsv, not both'],
  ] as [DatasetSelection, string][])('usage error for %j', async (sel, message) => {
    await touch(join(tmp.dir, 'have.images.tsv'), join(tmp.dir, 'have.annotations.tsv'));
    expect(usage(sel)).toBe(message);
  });

  it('usage errors name missing split files in a data dir', async () => {
    await touch(join(tmp.dir, 'humanref_cot.annotations.tsv'));
    expect(usage({ dataDir: tmp.dir, split: 'rejection' })).toBe(`--split rejection: ${join(tmp.dir, 'humanref_cot_rejection.annotations.tsv')} does not exist`);
    expect(usage({ dataDir: tmp.dir })).toBe(`${join(tmp.dir, 'humanref_cot.annotations.tsv')} has no images file next to it: ${join(tmp.dir, 'humanref_cot.images.tsv')} does not exist`);
    const empty = join(tmp.dir, 'e');
    await mkdir(empty);
    expect(usage({ dataDir: empty })).toBe(`${empty}: no dataset files (expected humanref_cot.annotations.tsv and humanref_cot.images.tsv)`);
  });
});
