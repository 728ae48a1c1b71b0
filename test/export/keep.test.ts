import { describe, expect, it } from 'vitest';
import { keepDecision, marksOutside, parseDropFlags } from '../../src/export/keep.js';
import type { Review } from '../../src/sources/review.js';

const review: Review = {
  version: 1,
  tool: 'humanref-vis 0.1.0',
  runs: [],
  samples: new Map([
    ['main_000001', { status: 'rejected', at: '2026-12-03T09:00:00Z' }],
    ['main_000002', { status: 'accepted', at: '2026-12-03T09:00:00Z' }],
    ['other_000001', { status: 'accepted', at: '2026-12-03T09:00:00Z' }],
    ['main_000099', { status: 'accepted', at: '2026-12-03T09:00:00Z' }],
    ['main_000004', { status: 'unreviewed', note: 'cleared', at: '2026-12-03T09:00:00Z' }],
  ]),
};

describe('--drop, --keep and --drop-inconsistent', () => {
  it('parses the states, with --review alone meaning --drop rejected', () => {
    expect([...parseDropFlags({ drop: 'rejected,unreviewed', reviewGiven: true })].sort()).toEqual(['rejected', 'unreviewed']);
    expect([...parseDropFlags({ keep: 'accepted', reviewGiven: true })].sort()).toEqual(['rejected', 'unreviewed']);
    expect([...parseDropFlags({ reviewGiven: true })]).toEqual(['rejected']);
    expect([...parseDropFlags({ reviewGiven: false })]).toEqual([]);
    expect(() => parseDropFlags({ drop: 'rejected', reviewGiven: false })).toThrow(/--drop decides by the marks of a review: give --review/);
    expect(() => parseDropFlags({ drop: 'accepted', reviewGiven: true })).toThrow(/--drop: unknown state "accepted"/);
    expect(() => parseDropFlags({ keep: 'rejected', reviewGiven: true })).toThrow(/--keep takes only "accepted"/);
  });

  it('decides by the sample\'s name, then by consistency', () => {
    const dropRejected = { review, drop: new Set(['rejected'] as const), dropInconsistent: false };
    expect(keepDecision(dropRejected, 'main_000001', true)).toBe('dropped-by-review');
    expect(keepDecision(dropRejected, 'main_000002', true)).toBe('keep');
    expect(keepDecision(dropRejected, 'main_000003', true)).toBe('keep');
    expect(keepDecision(dropRejected, 'main_000004', true)).toBe('keep');
    const keepAccepted = { review, drop: new Set(['rejected', 'unreviewed'] as const), dropInconsistent: true };
    expect(keepDecision(keepAccepted, 'main_000003', true)).toBe('dropped-by-review');
    // A cleared mark is no mark.
    expect(keepDecision(keepAccepted, 'main_000004', true)).toBe('dropped-by-review');
    expect(keepDecision(keepAccepted, 'main_000002', false)).toBe('dropped-inconsistent');
    expect(keepDecision({ drop: new Set(), dropInconsistent: true }, 'main_000005', false)).toBe('dropped-inconsistent');
  });

  it('lists the marks no exported split has', () => {
    expect(marksOutside(review, ['main', 'rejection'], [10, 3])).toEqual(['other_000001', 'main_000099']);
  });
});
