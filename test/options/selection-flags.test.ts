import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseExpressionFilter, parseIndexList, parseIndices, parseNumVis, parseOnly, parseSeed, parseShard, selectionFromFlags } from '../../src/options/selection-flags.js';
import { selectSamples } from '../../src/selection/select-samples.js';
import { fakeParseCot, fakeSource } from '../fakes.js';
import { cliInProcess, listFiles, tempDirForFile } from '../cli.js';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';

describe('parseIndices', () => {
  it('reads single indices and inclusive ranges, sorted and de-duplicated', () => {
    expect(parseIndices('0,5,10-12')).toEqual([0, 5, 10, 11, 12]);
    expect(parseIndices(' 7 , 3,3, 2-4 ')).toEqual([2, 3, 4, 7]);
  });

  it.each(['', 'a', '1,,x', '-3', '5-2', '1.5', '3-'])('rejects %j as a usage error', (spec) => {
    expect(() => parseIndices(spec)).toThrow(UsageError);
  });
});

describe('split-qualified --indices', () => {
  it('reads main:3, rejection:10-12 and the file stem main_000003 as indices of that split only; plain ones stay for every split', () => {
    expect(parseIndexList('main_000003, rejection:10-12,7,main:3, my_subset_000002')).toEqual({
      indices: [7],
      splitIndices: [
        { split: 'main', index: 3 },
        { split: 'my_subset', index: 2 },
        { split: 'rejection', index: 10 },
        { split: 'rejection', index: 11 },
        { split: 'rejection', index: 12 },
      ],
    });
    for (const bad of ['main:', ':3', 'main:3-1', 'main_x', 'main:-3']) expect(() => parseIndexList(bad)).toThrow(UsageError);
    // eval's --indices are positions in its ground truth: a split there is refused, not ignored.
    expect(() => parseIndices('main:3')).toThrow(/"main:3" names a split/);
  });

  it('selectSamples takes exactly the named samples of the named splits, with the plain ones of every split', async () => {
    const sources = [fakeSource('main', [{}, {}, {}, {}, {}]), fakeSource('rejection', [{}, {}])];
    const select = async (spec: string) => {
      const r = await selectSamples(sources, fakeParseCot, { ...selectionFromFlags({ indices: spec, numVis: '50', seed: '0' }, false), concurrency: 2 });
      return r.refs.map((x) => `${sources[x.source].paths.name}:${x.index}`);
    };
    expect(await select('main_000003')).toEqual(['main:3']);
    expect(await select('1,rejection:0')).toEqual(['main:1', 'rejection:0', 'rejection:1']);
    await expect(select('other:1')).rejects.toThrow('--indices other:1: no split "other" in this run (splits: main, rejection)');
    await expect(select('rejection:2')).rejects.toThrow('--indices rejection:2 out of range (rejection has 2 samples; indices are 0-based)');
  });

  const tmp = tempDirForFile('split-indices');
  it('the CLI draws main_000003 alone, and run.json records the indices as given', async () => {
    const out = join(tmp.dir, 'out');
    const r = await cliInProcess(['--indices', 'main_000003', '--output_dir', out, '--quiet'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect((await listFiles(out)).filter((f) => f.endsWith('.png'))).toEqual(['main_000003.png']);
    expect(JSON.parse(await readFile(join(out, 'run.json'), 'utf8')).runs[0].options.indices).toBe('main:3');
  });
});

describe('--shard', () => {
  it('parses k/n and rejects bad values', () => {
    expect(parseShard('2/4')).toEqual({ k: 2, n: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '1/2/3']) expect(() => parseShard(bad)).toThrow(UsageError);
  });

});

describe('numeric options', () => {
  it('parses --num-vis and --seed', () => {
    expect(parseNumVis('50')).toBe(50);
    expect(parseNumVis('ALL')).toBe('all');
    expect(parseSeed('123')).toBe(123);
    for (const bad of ['0', '-1', 'x', '1.5']) expect(() => parseNumVis(bad)).toThrow(UsageError);
    for (const bad of ['-1', 'x', '4294967296']) expect(() => parseSeed(bad)).toThrow(UsageError);
  });
});

describe('--only and --filter', () => {
  it('reads a comma list of kinds, de-duplicated and case-insensitive; an unknown or empty one is a usage error', () => {
    expect(parseOnly('Inconsistent, warned,inconsistent')).toEqual(['inconsistent', 'warned']);
    for (const bad of ['', ' , ', 'broken', 'rejection,nope']) expect(() => parseOnly(bad)).toThrow(UsageError);
  });

  it('compiles --filter case-insensitively; a bad regex is a usage error naming it', () => {
    expect(parseExpressionFilter('Holding').test('two people holding hands')).toBe(true);
    expect(() => parseExpressionFilter('(')).toThrow(/--filter: "\(" is not a valid regular expression/);
  });
});

describe('selectionFromFlags', () => {
  it('--indices alone takes exactly those samples; with a typed --num-vis, a seeded sample of them', () => {
    expect(selectionFromFlags({ indices: '3,1', numVis: '50', seed: '0' }, false)).toMatchObject({ indices: [1, 3], numVis: 'all', seed: 0 });
    expect(selectionFromFlags({ indices: '3,1', numVis: '1', seed: '9' }, true)).toMatchObject({ indices: [1, 3], numVis: 1, seed: 9 });
    expect(selectionFromFlags({ numVis: '5', seed: '0', shard: '1/2', only: 'rejection' }, true)).toMatchObject({ numVis: 5, shard: { k: 1, n: 2 }, filter: { only: ['rejection'] } });
  });
});
