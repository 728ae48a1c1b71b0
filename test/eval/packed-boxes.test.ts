// Packed box lists stand in for arrays of boxes everywhere the eval reads them, and read as plain arrays again
// where a structured clone needs them.
import { describe, expect, it } from 'vitest';
import { packBoxes, unpackBoxes } from '../../src/eval/packed-boxes.js';
import { greedyMatch, type XyxyBox } from '../../src/eval/metric.js';
import { nearestCandidate } from '../../src/eval/judge.js';

const BOXES: XyxyBox[] = [
  [10.5, 20, 110, 220.25],
  [200, 30, 260, 300],
  [0, 0, 1e-9, 4096],
];

describe('packBoxes', () => {
  it('reads as the array of boxes it was made from: length, indices, iteration, array methods, equality', () => {
    const packed = packBoxes(BOXES);
    expect(Array.isArray(packed)).toBe(true);
    expect(packed.length).toBe(3);
    expect(packed[1]).toEqual([200, 30, 260, 300]);
    expect(packed[3]).toBeUndefined();
    expect([...packed]).toEqual(BOXES);
    expect(packed.map((b) => b[2] - b[0])).toEqual([99.5, 60, 1e-9]);
    expect(packed.filter((b) => b[0] > 100)).toEqual([[200, 30, 260, 300]]);
    expect(packed).toEqual(BOXES);
    expect(JSON.stringify(packed)).toBe(JSON.stringify(BOXES));
    expect(Object.keys(packed)).toEqual(['0', '1', '2']);
    expect(packBoxes([])).toEqual([]);
  });

  it('gives the metric and the judgement the same answers as the plain arrays', () => {
    const pred: XyxyBox[] = [[12, 22, 108, 218], [199, 31, 259, 299]];
    expect(greedyMatch(packBoxes(BOXES), pred, 0.5)).toEqual(greedyMatch(BOXES, pred, 0.5));
    expect(nearestCandidate([201, 32, 258, 298], packBoxes(BOXES))).toBe(nearestCandidate([201, 32, 258, 298], BOXES));
  });

  it('is read-only: a write changes nothing', () => {
    const packed = packBoxes(BOXES);
    expect(() => {
      'use strict';
      packed[0] = [1, 2, 3, 4];
    }).toThrow(TypeError);
    expect(packed[0]).toEqual(BOXES[0]);
  });

  it('cannot cross to a thread as it is; unpacked it can, with the same numbers', () => {
    const packed = packBoxes(BOXES);
    expect(() => structuredClone({ candidates: packed })).toThrow();
    expect(structuredClone({ candidates: unpackBoxes(packed) })).toEqual({ candidates: BOXES });
  });
});
