// The person-readable form of `stats`: a summary table per split, then histograms and distributions.
import type { SplitStats, StatsReport } from './stats-report.js';

const BUCKETS: [number, number][] = [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 10], [11, 20], [21, 50], [51, Infinity]];

function bucketed(histogram: Record<string, number>): [string, number][] {
  return BUCKETS.map(([lo, hi]) => {
    let count = 0;
    for (const [key, n] of Object.entries(histogram)) if (Number(key) >= lo && Number(key) <= hi) count += n;
    const label = lo === hi ? String(lo) : hi === Infinity ? `${lo}+` : `${lo}-${hi}`;
    return [label, count] as [string, number];
  }).filter(([, count], i, all) => count > 0 || all.slice(i).some(([, c]) => c > 0));
}

function percent(part: number, whole: number): string {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : '-';
}

function table(rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
}

function histogramLines(title: string, histogram: Record<string, number>, samples: number): string[] {
  const rows = bucketed(histogram);
  const most = Math.max(1, ...rows.map(([, n]) => n));
  const lines = [title];
  const body = table(rows.map(([label, n]) => [`  ${label}`, String(n), percent(n, samples)]));
  body.forEach((line, i) => lines.push(`${line}  ${'█'.repeat(Math.round((rows[i][1] / most) * 30))}`));
  return lines;
}

export function formatStatsTable(report: StatsReport): string {
  const names = Object.keys(report.splits);
  const columns = names.length > 1 ? [...names.map((n) => [n, report.splits[n]] as [string, SplitStats]), ['all', report.total] as [string, SplitStats]] : names.map((n) => [n, report.splits[n]] as [string, SplitStats]);
  const t = report.total;
  const lines: string[] = [];
  lines.push(
    ...table([
      ['split', 'samples', 'unreadable', 'rejection', 'inconsistent', 'candidates/sample', 'targets/sample'],
      ...columns.map(([name, s]) => [
        name,
        String(s.samples),
        String(s.unreadable),
        `${s.rejection} (${percent(s.rejection, s.samples)})`,
        `${s.inconsistent} (${percent(s.inconsistent, s.samples)})`,
        mean(s.candidatesPerSample).toFixed(1),
        mean(s.targetsPerSample).toFixed(1),
      ]),
    ]),
  );
  lines.push('');
  lines.push(...histogramLines('candidates per sample', t.candidatesPerSample, t.samples), '');
  lines.push(...histogramLines('targets per sample', t.targetsPerSample, t.samples), '');
  const v = t.verdicts;
  const all = v['✅'] + v['❌'] + v['⚠️'] + v.none;
  lines.push(`final verdicts over ${all} candidates: ✅ ${v['✅']} (${percent(v['✅'], all)})  ❌ ${v['❌']} (${percent(v['❌'], all)})  ⚠️ ${v['⚠️']} (${percent(v['⚠️'], all)})  no mark ${v.none} (${percent(v.none, all)})`);
  const r = t.reasoningLength;
  lines.push(`reasoning length (characters): min ${r.min}  median ${r.median}  mean ${r.mean}  p90 ${r.p90}  max ${r.max}`);
  return lines.join('\n') + '\n';
}

function mean(histogram: Record<string, number>): number {
  let n = 0;
  let sum = 0;
  for (const [key, count] of Object.entries(histogram)) {
    n += count;
    sum += Number(key) * count;
  }
  return n ? sum / n : 0;
}
