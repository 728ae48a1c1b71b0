// The comparison tables of metrics.md and the terminal: models best first, upstream's headings and rows.
import { describe, expect, it } from 'vitest';
import { comparisonMarkdown, comparisonTables } from '../../src/eval/table.js';
import { metricsOf, modelA, perfect } from './six-samples.js';

describe('comparisonTables', () => {
  it('lists models best first by DensityF1@0.5:0.95, the group name on the first row only', () => {
    const t = comparisonTables([
      { name: 'A', metrics: metricsOf(modelA) },
      { name: 'B', metrics: metricsOf(perfect) },
    ]);
    const labels = t.domainRows.map((r) => r.slice(0, 3).join('/'));
    expect(labels).toEqual([
      'attribute/Overall/B',
      '//A',
      '/clothing/B',
      '//A',
      '/color/B',
      '//A',
      'position/Overall/B',
      '//A',
      '/left/B',
      '//A',
      '----------/----------/----------',
      'Average/All Data/B',
      'Average/All Data/A',
      '----------/----------/----------',
      'Rejection/Overall/A',
      'Rejection/Overall/B',
    ]);
    // attribute, model A: 0.75, 0.75, 1, 1, 5/6, 5/6, no rejection score, 2 samples
    expect(t.domainRows[1].slice(3)).toEqual(['0.750', '0.750', '1.000', '1.000', '0.833', '0.833', '', '2']);
    // rejection rows keep the models' order and show the number correct
    expect(t.domainRows[14][9]).toBe('1');
    expect(t.domainRows[15][9]).toBe('2');
    expect(t.boxRows.map((r) => r.slice(0, 2).join('/'))).toEqual([
      '1/B',
      '/A',
      '2-5/B',
      '/A',
      '----------/----------',
      'Average/B',
      'Average/A',
    ]);
  });

  it('keeps the given order for equal scores (a stable sort)', () => {
    const a = metricsOf(modelA);
    const names = (order: string[]) =>
      comparisonTables(order.map((name) => ({ name, metrics: a }))).domainRows.slice(0, 2).map((r) => r[2]);
    expect(names(['A', 'C'])).toEqual(['A', 'C']);
    expect(names(['C', 'A'])).toEqual(['C', 'A']);
  });

  it('renders Markdown with upstream headings', () => {
    const md = comparisonMarkdown([{ name: 'A', metrics: metricsOf(modelA) }]);
    expect(md).toContain('## Comparative Domain and Subdomain Metrics');
    expect(md).toContain('## Comparative Box Count Metrics');
    expect(md).toMatch(/\| Average +\| All Data +\| A +\| 0\.625 +\|/);
  });
});
