// The per-sample record of --json and the manifest: its keys, 1-based persons, xyxy boxes, verdict counts.
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/outputs/outcome.js';
import { countVerdicts } from '../../src/outputs/sample-json.js';
import { rendered } from './outcomes.js';

describe('sample record (NDJSON)', () => {
  it('has the documented keys, 1-based persons and xyxy boxes', () => {
    const { record } = rendered(4, 0) as Extract<Outcome, { status: 'rendered' }>;
    expect(Object.keys(record)).toEqual(['index', 'split', 'annOffset', 'imgOffset', 'imageKey', 'image', 'expressions', 'candidates', 'targets', 'cotTargets', 'consistent', 'rejection', 'warnings', 'output']);
    expect(record.candidates[0]).toEqual({ person: 1, box: [0.907, 200.998, 260.486, 1024.309], target: false, verdict: '✅' });
    expect(record.candidates[1]).toMatchObject({ person: 2, target: true, verdict: '❌' });
    expect(record.targets).toEqual([2, 3]);
    expect(record.cotTargets).toEqual([1]);
    expect(record.consistent).toBe(false);
    expect(record.rejection).toBe(false);
    expect(record.imgOffset).toBe(5_000_000_000);
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});


describe('countVerdicts', () => {
  it('counts each mark and the candidates without one, adding to counts given', () => {
    expect(countVerdicts(['✅', '❌', null, '✅', '⚠️'])).toEqual({ '✅': 2, '❌': 1, '⚠️': 1, none: 1 });
    expect(countVerdicts([null, '❌'], { '✅': 1, '❌': 1, '⚠️': 0, none: 0 })).toEqual({ '✅': 1, '❌': 2, '⚠️': 0, none: 1 });
  });
});
