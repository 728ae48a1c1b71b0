// The summary panel's numbers: bins fixed over the folder, counts and totals of the samples shown.
import { describe, expect, it } from 'vitest';
import { binsUpTo, chartBins, chartCounts, columnsOf, setLengths, totalsOf } from '../../../src/viewer/client/summary.js';
import type { ViewerRow } from '../../../src/viewer/index-schema.js';

function row(name: string, fields: Partial<ViewerRow>): ViewerRow {
  return {
    name, file: `${name}.png`, split: 'main', index: 0, status: 'rendered', expressions: [], candidates: 0, ok: 0, no: 0, warn: 0, none: 0,
    consistent: 1, rejection: 0, warnings: [], kinds: [], score: null, error: null, run: 0, hasDetail: 1, imageKey: name, model: null, ...fields,
  };
}

const ENTRIES = [
  row('a', { candidates: 3, ok: 1, no: 2 }),
  row('b', { candidates: 5, ok: 2, no: 2, warn: 1 }),
  row('c', { status: 'failed', file: null, candidates: 4, ok: 4 }),
  row('d', { candidates: 5, ok: 1, no: 4 }),
];
const KINDS = [[], ['inconsistent', 'warned'], [], ['inconsistent', 'wrong']];

describe('binsUpTo', () => {
  it('covers 0..max in at most 40 bars of a round width (1, 2, 5, 10, 20, 50 ...)', () => {
    expect(binsUpTo(3)).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);
    expect(binsUpTo(39).length).toBe(40);
    expect(binsUpTo(40).slice(0, 2)).toEqual([[0, 1], [2, 3]]);
    const wide = binsUpTo(45_000);
    expect([wide.length <= 40, wide[0], wide.at(-1)![1] >= 45_000]).toEqual([true, [0, 1999], true]);
  });
});

describe('chart counts and totals', () => {
  const cols = columnsOf(ENTRIES, KINDS);

  it('counts each shown sample in its bin, leaves failed ones out, and counts the kind charts by kind', () => {
    const bins = chartBins(cols);
    const counts = Object.fromEntries(chartCounts(cols, [0, 1, 2, 3], bins).map((c) => [c.chart.id, c.counts]));
    expect(counts.candidates).toEqual([0, 0, 0, 1, 0, 2]);
    expect(counts.ok).toEqual([0, 2, 1]);
    expect(counts.inconsistent).toEqual([0, 0, 0, 0, 0, 2]);
    expect(counts.warned).toEqual([0, 0, 0, 0, 0, 1]);
    // Bins stay those of the whole folder when fewer samples are shown.
    const some = chartCounts(cols, [0], bins).find((c) => c.chart.id === 'candidates')!;
    expect([some.bins.length, some.counts]).toEqual([6, [0, 0, 0, 1, 0, 0]]);
  });

  it('has no bins for the reasoning length until lengths are set, then bins them', () => {
    expect(chartBins(cols).get('len')).toEqual([]);
    setLengths(cols, ENTRIES, new Map([['a', 2], ['b', 0], ['c', 9]]));
    expect([...cols.len]).toEqual([2, 0, -1, -1]);
    expect(chartBins(cols).get('len')).toEqual([[0, 0], [1, 1], [2, 2]]);
  });

  it('adds up the marks of the rendered samples shown and counts the failed, inconsistent and warned ones', () => {
    expect(totalsOf(cols, [0, 1, 2, 3])).toEqual({ shown: 4, ok: 4, no: 8, warn: 1, inconsistent: 2, warned: 1, failed: 1 });
    expect(totalsOf(cols, [])).toEqual({ shown: 0, ok: 0, no: 0, warn: 0, inconsistent: 0, warned: 0, failed: 0 });
  });
});
