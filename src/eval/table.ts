// The comparison tables as upstream's metric.py prints them: same rows, same order, same 3-decimal rounding.
import { oneLine } from '../errors.js';
import { compareCodePoints, type MetricAverages, type ModelMetrics } from './aggregate.js';
import { BOX_COUNT_RANGES } from './metric.js';

/**
 * Python's `f"{x:.3f}"`: correctly rounded, ties to even. JS `toFixed` rounds exact ties up, and with three
 * decimals a double is an exact tie only at odd multiples of 1/16 (0.0625 -> "0.062", not "0.063").
 */
export function formatFixed3(x: number): string {
  const sixteenths = x * 16; // exact: a power of two
  if (Number.isInteger(sixteenths) && Math.abs(sixteenths) % 2 === 1) {
    let thousandths = Math.floor(x * 1000); // x * 1000 = k + 0.5 exactly
    if (Math.abs(thousandths) % 2 === 1) thousandths += 1;
    const sign = thousandths < 0 ? '-' : '';
    const digits = String(Math.abs(thousandths)).padStart(4, '0');
    return `${sign}${digits.slice(0, -3)}.${digits.slice(-3)}`;
  }
  return x.toFixed(3);
}

export interface NamedMetrics {
  name: string;
  metrics: ModelMetrics;
}

/** Columns of both tables after the label columns (upstream's @Point columns are always empty for boxes). */
export const METRIC_HEADERS = [
  'Recall@0.5',
  'Recall@0.5:0.95',
  'Precision@0.5',
  'Precision@0.5:0.95',
  'DensityF1@0.5',
  'DensityF1@0.5:0.95',
  'Rejection Score',
  'Samples',
];

export interface ComparisonTables {
  domainHeaders: string[];
  domainRows: string[][];
  boxHeaders: string[];
  boxRows: string[][];
}

const SEPARATOR = '-'.repeat(10);

function metricCells(m: MetricAverages): string[] {
  const values = [m.recall_50, m.recall_mean, m.precision_50, m.precision_mean, m.density_f1_50, m.density_f1_mean];
  return [...values.map(formatFixed3), '', String(m.count)];
}

/** Models best first by DensityF1@0.5:0.95; equal scores keep the order given (Python's sort is stable). */
function ranked(entries: { name: string; m: MetricAverages }[]): { name: string; m: MetricAverages }[] {
  return [...entries].sort((a, b) => b.m.density_f1_mean - a.m.density_f1_mean);
}

function pick(models: readonly NamedMetrics[], get: (m: ModelMetrics) => MetricAverages | null | undefined) {
  return models.flatMap(({ name, metrics }) => {
    const m = get(metrics);
    return m ? [{ name, m }] : [];
  });
}

/** Both tables with upstream's rows: domains (sorted) each with its sub-domains, averages, rejection scores. */
export function comparisonTables(models: readonly NamedMetrics[]): ComparisonTables {
  const domainRows: string[][] = [];
  const domains = [...new Set(models.flatMap((x) => Object.keys(x.metrics.domains)))].sort(compareCodePoints);
  for (const domain of domains) {
    ranked(pick(models, (m) => m.domains[domain]?.overall)).forEach(({ name, m }, i) =>
      domainRows.push([i === 0 ? domain : '', i === 0 ? 'Overall' : '', name, ...metricCells(m)]),
    );
    const subs = [...new Set(models.flatMap((x) => Object.keys(x.metrics.domains[domain]?.subdomains ?? {})))];
    for (const sub of subs.sort(compareCodePoints)) {
      ranked(pick(models, (m) => m.domains[domain]?.subdomains[sub])).forEach(({ name, m }, i) =>
        domainRows.push(['', i === 0 ? sub : '', name, ...metricCells(m)]),
      );
    }
  }
  domainRows.push(new Array(3 + METRIC_HEADERS.length).fill(SEPARATOR));
  for (const { name, m } of ranked(pick(models, (m) => m.overall))) {
    domainRows.push(['Average', 'All Data', name, ...metricCells(m)]);
  }
  domainRows.push(new Array(3 + METRIC_HEADERS.length).fill(SEPARATOR));
  for (const { name, metrics } of models) {
    domainRows.push(['Rejection', 'Overall', name, '', '', '', '', '', '', String(metrics.rejection.correct), '']);
  }

  const boxRows: string[][] = [];
  for (const range of BOX_COUNT_RANGES) {
    ranked(pick(models, (m) => m.box_count[range])).forEach(({ name, m }, i) =>
      boxRows.push([i === 0 ? range : '', name, ...metricCells(m)]),
    );
  }
  boxRows.push(new Array(2 + METRIC_HEADERS.length).fill(SEPARATOR));
  for (const { name, m } of ranked(pick(models, (m) => m.box_count_overall))) {
    boxRows.push(['Average', name, ...metricCells(m)]);
  }
  return {
    domainHeaders: ['Domain', 'Subdomain', 'Model', ...METRIC_HEADERS],
    domainRows,
    boxHeaders: ['Box Count', 'Model', ...METRIC_HEADERS],
    boxRows,
  };
}

/** A Markdown pipe table, columns padded so it also reads in a terminal. Cells are escaped for Markdown and the terminal. */
export function pipeTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => oneLine(cell).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const all = [headers, ...rows].map((row) => row.map(escape));
  const widths = headers.map((_, c) => Math.max(3, ...all.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}

/** metrics.md and the stdout table: upstream's two tables under its headings. */
export function comparisonMarkdown(models: readonly NamedMetrics[]): string {
  const t = comparisonTables(models);
  return [
    '# Evaluation Results',
    '',
    '## Comparative Domain and Subdomain Metrics',
    '',
    pipeTable(t.domainHeaders, t.domainRows),
    '',
    '## Comparative Box Count Metrics',
    '',
    pipeTable(t.boxHeaders, t.boxRows),
    '',
  ].join('\n');
}
