import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { applyShard, mulberry32, parseIndices, parseNumVis, parseSeed, parseShard, samplePositions } from '../../src/selection/sampling.js';

describe('parseIndices', () => {
  it('reads single indices and inclusive ranges, sorted and de-duplicated', () => {
    expect(parseIndices('0,5,10-12')).toEqual([0, 5, 10, 11, 12]);
    expect(parseIndices(' 7 , 3,3, 2-4 ')).toEqual([2, 3, 4, 7]);
  });

  it.each(['', 'a', '1,,x', '-3', '5-2', '1.5', '3-'])('rejects %j as a usage error', (spec) => {
    expect(() => parseIndices(spec)).toThrow(UsageError);
  });
});

describe('samplePositions', () => {
  it('gives the same picks for the same seed, ascending and distinct', () => {
    const a = samplePositions(1000, 50, 7);
    expect(samplePositions(1000, 50, 7)).toEqual(a);
    expect(a).toHaveLength(50);
    expect(new Set(a).size).toBe(50);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(a.every((p) => p >= 0 && p < 1000)).toBe(true);
  });

  it('gives different picks for different seeds', () => {
    expect(samplePositions(1000, 50, 1)).not.toEqual(samplePositions(1000, 50, 2));
  });

  it('takes everything for "all" or a count past the population', () => {
    expect(samplePositions(5, 'all', 3)).toEqual([0, 1, 2, 3, 4]);
    expect(samplePositions(5, 50, 3)).toEqual([0, 1, 2, 3, 4]);
    expect(samplePositions(0, 10, 3)).toEqual([]);
  });

  it('samples without bias in a simple check: every position gets picked over many seeds', () => {
    const hits = new Array(20).fill(0);
    for (let seed = 0; seed < 400; seed++) for (const p of samplePositions(20, 5, seed)) hits[p]++;
    // Expected 100 per position.
    expect(Math.min(...hits)).toBeGreaterThan(60);
    expect(Math.max(...hits)).toBeLessThan(140);
  });

  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('shards', () => {
  it('parses k/n and rejects bad values', () => {
    expect(parseShard('2/4')).toEqual({ k: 2, n: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '1/2/3']) expect(() => parseShard(bad)).toThrow(UsageError);
  });

  it('covers every item exactly once across the shards', () => {
    const items = Array.from({ length: 103 }, (_, i) => i);
    for (const n of [1, 2, 3, 7, 200]) {
      const all = Array.from({ length: n }, (_, k) => applyShard(items, { k: k + 1, n })).flat();
      expect(all.sort((a, b) => a - b)).toEqual(items);
      const sizes = Array.from({ length: n }, (_, k) => applyShard(items, { k: k + 1, n }).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
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
