// stats for a person: a row per split (and all, for several), bucketed histograms with bars, verdicts, reasoning length.
import { describe, expect, it } from 'vitest';
import type { SplitStats } from '../../src/runs/stats-report.js';
import { formatStatsTable } from '../../src/runs/stats-table.js';

const split = (samples: number, candidates: Record<string, number>, extra: Partial<SplitStats> = {}): SplitStats => ({
  samples, unreadable: 0, candidatesPerSample: candidates, targetsPerSample: { '1': samples }, verdicts: { '✅': 2, '❌': 6, '⚠️': 1, none: 1 },
  rejection: 0, rejectionShare: 0, inconsistent: 1, reasoningLength: { min: 10, median: 20, mean: 21, p90: 30, max: 40 }, ...extra,
});

describe('formatStatsTable', () => {
  it('has a row per split and one for all of them, with shares and means', () => {
    const main = split(4, { '2': 2, '4': 2 });
    const rejection = split(1, { '3': 1 }, { rejection: 1, inconsistent: 0, unreadable: 2 });
    const text = formatStatsTable({ splits: { main, rejection }, total: split(5, { '2': 2, '3': 1, '4': 2 }, { rejection: 1 }), errors: [] });
    const rows = text.split('\n').slice(0, 4);
    expect(rows[0]).toMatch(/^split\s+samples\s+unreadable\s+rejection\s+inconsistent\s+candidates\/sample\s+targets\/sample$/);
    expect(rows[1].split(/\s{2,}/)).toEqual(['main', '4', '0', '0 (0.0%)', '1 (25.0%)', '3.0', '1.0']);
    expect(rows[2].split(/\s{2,}/)).toEqual(['rejection', '1', '2', '1 (100.0%)', '0 (0.0%)', '3.0', '1.0']);
    expect(rows[3].split(/\s{2,}/)[0]).toBe('all');
  });

  it('buckets the histogram (6-10, 11-20 ... 51+), drops empty buckets past the last full one, and scales the bars', () => {
    const total = split(10, { '0': 1, '2': 4, '7': 3, '60': 2 });
    const text = formatStatsTable({ splits: { main: total }, total, errors: [] });
    const histogram = text.split('candidates per sample\n')[1].split('\n\n')[0].split('\n');
    expect(histogram.map((l) => l.trim().split(/\s+/).slice(0, 3))).toEqual([
      ['0', '1', '10.0%'], ['1', '0', '0.0%'], ['2', '4', '40.0%'], ['3', '0', '0.0%'], ['4', '0', '0.0%'], ['5', '0', '0.0%'],
      ['6-10', '3', '30.0%'], ['11-20', '0', '0.0%'], ['21-50', '0', '0.0%'], ['51+', '2', '20.0%'],
    ]);
    expect(histogram[2].endsWith('█'.repeat(30))).toBe(true);
    expect(histogram[1]).not.toContain('█');
    expect(text).not.toMatch(/^all/m);
  });

  it('ends with the verdict shares over all candidates and the reasoning lengths', () => {
    const total = split(2, { '5': 2 });
    const text = formatStatsTable({ splits: { main: total }, total, errors: [] });
    expect(text).toContain('final verdicts over 10 candidates: ✅ 2 (20.0%)  ❌ 6 (60.0%)  ⚠️ 1 (10.0%)  no mark 1 (10.0%)\n');
    expect(text.endsWith('reasoning length (characters): min 10  median 20  mean 21  p90 30  max 40\n')).toBe(true);
  });
});
