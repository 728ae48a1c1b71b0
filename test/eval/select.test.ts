// Which samples get pictures: --indices, --filter, --only, --worst and the seeded --num-vis, on hand-made results.
import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/eval/evaluate.js';
import { parseEvalOnly, parseWorst, sampleScore, selectForPictures } from '../../src/eval/select.js';

function sample(position: number, referring: string, scores: number[], wrong: boolean[], domain = 'attribute'): SampleResult {
  return {
    gt: { position, referring, domain } as SampleResult['gt'],
    models: scores.map((score, i) => ({ score, wrong: wrong[i] }) as SampleResult['models'][number]),
  };
}

const samples = [
  sample(0, 'the man in red', [1, 0.5], [false, true]),
  sample(1, 'the woman in blue', [0.2, 0.9], [true, true]),
  sample(2, 'nobody here', [1, 0], [false, true], 'rejection'),
  sample(3, 'the man in blue', [1, 1], [false, false]),
];

describe('selectForPictures', () => {
  it('scores a sample by its worst model', () => {
    expect(samples.map(sampleScore)).toEqual([0.5, 0.2, 0, 1]);
  });

  it('--worst N: lowest score first, ties by position', () => {
    expect(selectForPictures(samples, { numVis: 50, seed: 0, only: [], worst: 2 }).positions).toEqual([2, 1]);
  });

  it('--only wrong / rejection and --filter narrow the pool; an empty result is said', () => {
    expect(selectForPictures(samples, { numVis: 'all', seed: 0, only: ['wrong'] }).positions).toEqual([0, 1, 2]);
    expect(selectForPictures(samples, { numVis: 'all', seed: 0, only: ['rejection'] }).positions).toEqual([2]);
    expect(selectForPictures(samples, { numVis: 'all', seed: 0, only: [], filter: /blue/i }).positions).toEqual([1, 3]);
    const none = selectForPictures(samples, { numVis: 'all', seed: 0, only: [], filter: /green/i });
    expect(none.positions).toEqual([]);
    expect(none.notes).toEqual(['--filter green matches no referring expression']);
  });

  it('--indices with a seeded --num-vis draw among them; the same seed gives the same draw', () => {
    const a = selectForPictures(samples, { indices: [0, 1, 3], numVis: 2, seed: 7, only: [] });
    expect(a.positions).toHaveLength(2);
    expect(a.positions.every((p) => [0, 1, 3].includes(p))).toBe(true);
    expect(selectForPictures(samples, { indices: [0, 1, 3], numVis: 2, seed: 7, only: [] }).positions).toEqual(a.positions);
    expect(selectForPictures(samples, { numVis: 9, seed: 0, only: [] }).notes).toEqual(['9 samples requested for pictures, 4 available']);
  });

  it('parses --only and --worst strictly', () => {
    expect(parseEvalOnly('wrong, rejection')).toEqual(['wrong', 'rejection']);
    expect(() => parseEvalOnly('warned')).toThrow(/not one of wrong, rejection/);
    expect(parseWorst('3')).toBe(3);
    expect(() => parseWorst('-1')).toThrow(/--worst/);
  });
});
