import { describe, expect, it } from 'vitest';
import { applyShard, mulberry32, samplePositions } from '../../src/selection/sampling.js';

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
