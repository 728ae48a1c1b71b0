// The samples a run takes: indices within splits, the filters (unreadable samples counted, not fatal), the seeded
// sample and the shard, and the words for a selection smaller than asked.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { selectionShortfall, selectSamples, type SelectionOptions } from '../../src/selection/select-samples.js';
import { fakeHeader, fakeParseCot, fakeSource } from '../fakes.js';

const base: SelectionOptions = { numVis: 'all', seed: 0, filter: { only: [] }, concurrency: 2 };
const names = (sources: ReturnType<typeof fakeSource>[], refs: { source: number; index: number }[]) => refs.map((r) => `${sources[r.source].paths.name}:${r.index}`);

describe('selectSamples', () => {
  it('takes every sample of every split in order when nothing narrows it', async () => {
    const sources = [fakeSource('main', [{}, {}, {}]), fakeSource('rejection', [{}])];
    const r = await selectSamples(sources, fakeParseCot, base);
    expect(names(sources, r.refs)).toEqual(['main:0', 'main:1', 'main:2', 'rejection:0']);
    expect([r.population, r.considered, r.expressionMatches]).toEqual([4, 4, 4]);
  });

  it('applies --indices within each split and refuses an index past the longest split, naming their sizes', async () => {
    const sources = [fakeSource('main', [{}, {}, {}]), fakeSource('rejection', [{}])];
    expect(names(sources, (await selectSamples(sources, fakeParseCot, { ...base, indices: [2, 0] })).refs)).toEqual(['main:0', 'main:2', 'rejection:0']);
    const refused = selectSamples(sources, fakeParseCot, { ...base, indices: [1, 3] });
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow('--indices 3 out of range (main has 3, rejection has 1 samples; indices are 0-based)');
  });

  it('keeps what the filter accepts, and counts a sample it cannot read instead of stopping', async () => {
    const sources = [fakeSource('main', [{ think: 'inconsistent' }, {}, { broken: true }, { think: 'inconsistent', regionMap: { 'a tree': [1] } }])];
    const r = await selectSamples(sources, fakeParseCot, { ...base, filter: { only: ['inconsistent'] } });
    expect(names(sources, r.refs)).toEqual(['main:0', 'main:3']);
    expect([r.unreadableCount, r.unreadable]).toEqual([1, ['/data/main.annotations.tsv, sample 2, byte offset 200: the JSON is malformed. Fix the line']]);
    const tree = await selectSamples(sources, fakeParseCot, { ...base, filter: { only: ['inconsistent'], expression: /tree/ } });
    expect([names(sources, tree.refs), tree.expressionMatches]).toEqual([['main:3'], 1]);
  });

  it('for --only warned reads the image header of the undecided samples only, to find boxes past the border', async () => {
    const past: [number, number, number, number] = [90, 10, 40, 30];
    const sources = [fakeSource('main', [{}, { boxes: [[10, 10, 20, 30], past] }, { think: 'warn' }])];
    const r = await selectSamples(sources, fakeParseCot, { ...base, filter: { only: ['warned'] }, readImageHeader: fakeHeader });
    expect(names(sources, r.refs)).toEqual(['main:1', 'main:2']);
    expect(sources[0].reads).toEqual([0, 1]);
  });

  it('draws the same seeded sample each time, and shards split it without overlap', async () => {
    const sources = [fakeSource('main', Array.from({ length: 20 }, () => ({})))];
    const pick = async (extra: Partial<SelectionOptions>) => names(sources, (await selectSamples(sources, fakeParseCot, { ...base, numVis: 6, ...extra })).refs);
    const a = await pick({ seed: 3 });
    expect(a).toHaveLength(6);
    expect(await pick({ seed: 3 })).toEqual(a);
    expect(await pick({ seed: 4 })).not.toEqual(a);
    const shards = [await pick({ seed: 3, shard: { k: 1, n: 2 } }), await pick({ seed: 3, shard: { k: 2, n: 2 } })];
    expect(shards.flat().sort()).toEqual([...a].sort());
  });
});

describe('selectionShortfall', () => {
  const result = { refs: [], population: 0, unreadable: [], unreadableCount: 0, considered: 20, expressionMatches: 0 };

  it('says which filter matched nothing, among all samples or those of --indices', () => {
    expect(selectionShortfall(result, { numVis: 5, filter: { only: [], expression: /shirt/ } })).toBe('--filter "shirt" matched none of 20 samples');
    expect(selectionShortfall({ ...result, expressionMatches: 4 }, { numVis: 5, filter: { only: ['rejection', 'warned'], expression: /shirt/ } })).toBe(
      '--filter "shirt" matched 4 of 20 samples, but none of them is rejection or warned (--only rejection,warned)',
    );
    expect(selectionShortfall(result, { numVis: 5, indices: [1], filter: { only: ['inconsistent'] } })).toBe('--only inconsistent matched none of the 20 samples of --indices');
  });

  it('says how many fewer than --num-vis there are, and nothing when the selection is what was asked', () => {
    expect(selectionShortfall({ ...result, population: 7 }, { numVis: 50, filter: { only: [] } })).toBe('--num-vis 50 requested, 7 available: rendering 7');
    expect(selectionShortfall({ ...result, population: 7 }, { numVis: 50, filter: { only: ['warned'] } })).toBe('--num-vis 50 requested, 7 available after filtering: rendering 7');
    expect(selectionShortfall({ ...result, population: 7 }, { numVis: 'all', filter: { only: [] } })).toBeUndefined();
    expect(selectionShortfall({ ...result, population: 7 }, { numVis: 7, filter: { only: [] } })).toBeUndefined();
  });
});
