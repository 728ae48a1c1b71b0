// The shared selection over scored samples (eval's pictures): --indices, --filter, --only, --worst, --num-vis, --shard.
import { describe, expect, it } from 'vitest';
import { selectPositions, type PositionChoice, type ScoredPool } from '../../src/selection/select-positions.js';

type Kind = 'wrong' | 'rejection';
const samples = [
  { referring: 'the man in red', score: 0.5, wrong: true, rejection: false },
  { referring: 'the woman in blue', score: 0.2, wrong: true, rejection: false },
  { referring: 'nobody here', score: 0, wrong: true, rejection: true },
  { referring: 'the man in blue', score: 1, wrong: false, rejection: false },
];
const pool: ScoredPool<Kind> = {
  length: samples.length,
  expression: (p) => samples[p].referring,
  is: (p, kind) => samples[p][kind],
  score: (p) => samples[p].score,
};
const choice = (more: Partial<PositionChoice<Kind>> = {}): PositionChoice<Kind> => ({ numVis: 'all', seed: 0, filter: { only: [] }, ...more });

describe('selectPositions', () => {
  it('--worst N: lowest score first, ties by position', () => {
    expect(selectPositions(pool, choice({ worst: 2 })).positions).toEqual([2, 1]);
  });

  it('--only and --filter narrow the pool; an empty result is said in the words visualize uses', () => {
    expect(selectPositions(pool, choice({ filter: { only: ['wrong'] } })).positions).toEqual([0, 1, 2]);
    expect(selectPositions(pool, choice({ filter: { only: ['rejection'] } })).positions).toEqual([2]);
    expect(selectPositions(pool, choice({ filter: { expression: /blue/i, only: [] } })).positions).toEqual([1, 3]);
    const none = selectPositions(pool, choice({ filter: { expression: /green/i, only: [] } }));
    expect(none).toEqual({ positions: [], shortfall: '--filter "green" matched none of 4 samples' });
    expect(selectPositions(pool, choice({ filter: { expression: /blue/i, only: ['rejection'] } })).shortfall).toBe(
      '--filter "blue" matched 2 of 4 samples, but none of them is rejection (--only rejection)',
    );
  });

  it('--indices with a seeded --num-vis draw among them; out-of-range indices are refused', () => {
    const a = selectPositions(pool, choice({ indices: [0, 1, 3], numVis: 2, seed: 7 }));
    expect(a.positions).toHaveLength(2);
    expect(a.positions.every((p) => [0, 1, 3].includes(p))).toBe(true);
    expect(selectPositions(pool, choice({ indices: [0, 1, 3], numVis: 2, seed: 7 })).positions).toEqual(a.positions);
    expect(selectPositions(pool, choice({ numVis: 9 })).shortfall).toBe('--num-vis 9 requested, 4 available: rendering 4');
    expect(() => selectPositions(pool, choice({ indices: [1, 4] }))).toThrow('--indices 4 out of range (the ground truth has 4 samples; indices are 0-based)');
  });

  it('--shard k/n splits the selection round-robin, with --worst too', () => {
    expect(selectPositions(pool, choice({ shard: { k: 1, n: 2 } })).positions).toEqual([0, 2]);
    expect(selectPositions(pool, choice({ shard: { k: 2, n: 2 } })).positions).toEqual([1, 3]);
    expect(selectPositions(pool, choice({ worst: 3, shard: { k: 2, n: 2 } })).positions).toEqual([1]);
  });
});
