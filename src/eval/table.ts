// The comparison tables as upstream's metric.py prints them: same rows, same order, same 3-decimal rounding.
import { compareCodePoints, type MetricAverages, type ModelMetrics } from './aggregate.js';
import type { ReasoningMetrics } from './reasoning-metrics.js';
import { reasoningMarkdown } from './reasoning-table.js';
import { formatFixed3, markdownSections } from './table-format.js';
import { BOX_COUNT_RANGES } from './metric.js';

export { formatFixed3, pipeTable } from './table-format.js';

export interface NamedMetrics {
  name: string;
  metrics: ModelMetrics;
  /** The reasoning checks: a section of their own after upstream's tables. */
  reasoning?: ReasoningMetrics;
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

/** metrics.md and the stdout table: upstream's two tables under its headings, then the reasoning tables. */
export function comparisonMarkdown(models: readonly NamedMetrics[]): string {
  const t = comparisonTables(models);
  const reasoning = models.flatMap(({ name, reasoning: r }) => (r ? [{ name, reasoning: r }] : []));
  return [
    '# Evaluation Results',
    '',
    ...markdownSections([
      { heading: 'Comparative Domain and Subdomain Metrics', headers: t.domainHeaders, rows: t.domainRows },
      { heading: 'Comparative Box Count Metrics', headers: t.boxHeaders, rows: t.boxRows },
    ]),
    ...(reasoning.length ? [reasoningMarkdown(reasoning)] : []),
  ].join('\n');
}
