// The summary panel's numbers (no DOM): for each histogram its bins, fixed over the whole folder so the bars
// stay put while the filters change, and the counts of the samples shown.
import type { Entry, Range } from './types.js';

/** What a bar filters on: a field of State (a range), and for the kind charts a kind too. */
export interface Chart {
  id: string;
  title: string;
  /** The State field a bar click sets. */
  field: 'candidates' | 'ok' | 'no' | 'warn' | 'len';
  /** A kind the chart counts (and a click adds to `only`). */
  kind?: 'inconsistent' | 'warned';
  unit: string;
}

export const CHARTS: Chart[] = [
  { id: 'candidates', title: 'candidates per sample', field: 'candidates', unit: 'candidates' },
  { id: 'ok', title: '✅ per sample', field: 'ok', unit: '✅' },
  { id: 'no', title: '❌ per sample', field: 'no', unit: '❌' },
  { id: 'warn', title: '⚠️ per sample', field: 'warn', unit: '⚠️' },
  { id: 'inconsistent', title: 'inconsistent, by candidates', field: 'candidates', kind: 'inconsistent', unit: 'candidates' },
  { id: 'warned', title: 'warned, by candidates', field: 'candidates', kind: 'warned', unit: 'candidates' },
  { id: 'len', title: 'reasoning length (chars)', field: 'len', unit: 'characters' },
];

const MAX_BARS = 40;

/** The first of 1, 2, 5, 10, 20, 50 ... that covers 0..max in at most MAX_BARS bars. */
function binWidth(max: number): number {
  for (let scale = 1; ; scale *= 10) {
    for (const w of [1, 2, 5]) if (Math.ceil((max + 1) / (w * scale)) <= MAX_BARS) return w * scale;
  }
}

/** Bins [lo, hi] (inclusive integers) of one round width covering 0..max. */
export function binsUpTo(max: number): Range[] {
  const width = binWidth(max);
  const bins: Range[] = [];
  for (let lo = 0; lo <= max; lo += width) bins.push([lo, lo + width - 1]);
  return bins;
}

const KIND_BIT = { inconsistent: 1, warned: 2 } as const;

/**
 * Each chart's value per entry, -1 where a sample has none (a failed one; the reasoning before its text is in),
 * and the kinds the charts count as bits: the counting loop then reads typed arrays only (45k samples, every filter change).
 */
export interface Columns {
  candidates: Int32Array;
  ok: Int32Array;
  no: Int32Array;
  warn: Int32Array;
  len: Int32Array;
  kinds: Uint8Array;
}

export function columnsOf(entries: Entry[], kindsOf: string[][]): Columns {
  const n = entries.length;
  const cols: Columns = { candidates: new Int32Array(n), ok: new Int32Array(n), no: new Int32Array(n), warn: new Int32Array(n), len: new Int32Array(n).fill(-1), kinds: new Uint8Array(n) };
  entries.forEach((e, i) => {
    const failed = e.status === 'failed';
    cols.candidates[i] = failed ? -1 : e.candidates;
    cols.ok[i] = failed ? -1 : e.ok;
    cols.no[i] = failed ? -1 : e.no;
    cols.warn[i] = failed ? -1 : e.warn;
    for (const k of kindsOf[i]) if (k === 'inconsistent' || k === 'warned') cols.kinds[i] |= KIND_BIT[k];
  });
  return cols;
}

/** Fills the reasoning lengths in, from the search text's (one per rendered sample that has a reasoning). */
export function setLengths(cols: Columns, entries: Entry[], lengths: Map<string, number>): void {
  entries.forEach((e, i) => (cols.len[i] = e.status === 'failed' ? -1 : lengths.get(e.name) ?? -1));
}

/** Bins of each chart over every entry. */
export function chartBins(cols: Columns): Map<string, Range[]> {
  const out = new Map<string, Range[]>();
  for (const c of CHARTS) {
    let max = -1;
    for (const v of cols[c.field]) if (v > max) max = v;
    out.set(c.id, max < 0 ? [] : binsUpTo(max));
  }
  return out;
}

export interface ChartCounts {
  chart: Chart;
  bins: Range[];
  counts: number[];
}

/** Counts of the samples at `view` in each chart's bins. */
export function chartCounts(cols: Columns, view: number[], bins: Map<string, Range[]>): ChartCounts[] {
  return CHARTS.map((chart) => {
    const b = bins.get(chart.id)!;
    const counts = new Array<number>(b.length).fill(0);
    // Bins are of one width from 0: a value's bin is a division away.
    const width = b.length ? b[0][1] + 1 : 1;
    const values = cols[chart.field];
    const bit = chart.kind ? KIND_BIT[chart.kind] : 0;
    for (const i of view) {
      const v = values[i];
      if (v < 0 || (bit && !(cols.kinds[i] & bit))) continue;
      counts[Math.floor(v / width)]++;
    }
    return { chart, bins: b, counts };
  });
}

export interface Totals {
  shown: number;
  ok: number;
  no: number;
  warn: number;
  inconsistent: number;
  warned: number;
  failed: number;
}

/** The ✅ ❌ ⚠️ over the samples shown, and how many of them are inconsistent, warned, failed. */
export function totalsOf(cols: Columns, view: number[]): Totals {
  const t: Totals = { shown: view.length, ok: 0, no: 0, warn: 0, inconsistent: 0, warned: 0, failed: 0 };
  for (const i of view) {
    if (cols.candidates[i] < 0) t.failed++;
    else {
      t.ok += cols.ok[i];
      t.no += cols.no[i];
      t.warn += cols.warn[i];
    }
    const k = cols.kinds[i];
    if (k & KIND_BIT.inconsistent) t.inconsistent++;
    if (k & KIND_BIT.warned) t.warned++;
  }
  return t;
}
