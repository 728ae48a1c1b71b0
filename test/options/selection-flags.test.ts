import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseExpressionFilter, parseIndices, parseNumVis, parseOnly, parseSeed, parseShard, selectionFromFlags } from '../../src/options/selection-flags.js';

describe('parseIndices', () => {
  it('reads single indices and inclusive ranges, sorted and de-duplicated', () => {
    expect(parseIndices('0,5,10-12')).toEqual([0, 5, 10, 11, 12]);
    expect(parseIndices(' 7 , 3,3, 2-4 ')).toEqual([2, 3, 4, 7]);
  });

  it.each(['', 'a', '1,,x', '-3', '5-2', '1.5', '3-'])('rejects %j as a usage error', (spec) => {
    expect(() => parseIndices(spec)).toThrow(UsageError);
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
