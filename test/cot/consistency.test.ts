import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cot/context.js';
import { compareTargets, regionMapEntries, targetsFromRegionMap } from '../../src/cot/consistency.js';

describe('targetsFromRegionMap', () => {
  it('unions 0-based indices into 1-based, ascending, deduplicated targets', () => {
    const ctx = createContext(5);
    expect(targetsFromRegionMap(regionMapEntries({ a: [3, 0], b: [0, 4] }, ctx), ctx)).toEqual([1, 4, 5]);
    expect(ctx.warnings()).toEqual([]);
  });

  it('drops out-of-range and non-integer indices, and non-list values, with warnings', () => {
    const ctx = createContext(2);
    const entries = regionMapEntries({ a: [1, 2, -1, 0.5, '0'], b: 'x' }, ctx);
    expect(targetsFromRegionMap(entries, ctx)).toEqual([2]);
    expect(ctx.warnings()).toEqual([
      'region_map "a": index 2 is out of range (2 candidates)',
      'region_map "a": index -1 is out of range (2 candidates)',
      'region_map "a": index 0.5 is out of range (2 candidates)',
      'region_map "a": index 0 is out of range (2 candidates)',
      'region_map "b": value is not a list of indices',
    ]);
  });
});

describe('compareTargets', () => {
  it.each([
    [[2, 4], [2, 4], { consistent: true, onlyInRegionMap: [], onlyInCot: [] }],
    [[], [], { consistent: true, onlyInRegionMap: [], onlyInCot: [] }],
    [[2, 4], [2], { consistent: false, onlyInRegionMap: [4], onlyInCot: [] }],
    [[], [1], { consistent: false, onlyInRegionMap: [], onlyInCot: [1] }],
    [[1, 3], [1, 2], { consistent: false, onlyInRegionMap: [3], onlyInCot: [2] }],
  ])('%j vs %j', (targets, cot, expected) => {
    expect(compareTargets(targets, cot)).toEqual(expected);
  });
});
