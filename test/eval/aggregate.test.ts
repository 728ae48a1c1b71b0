// Averages per domain, sub-domain, box-count range and overall, and the comparison tables, on six hand-made samples.
import { describe, expect, it } from 'vitest';
import { aggregateModel, scoreForModel, subdomainHomes, type GtForMetric } from '../../src/eval/aggregate.js';
import type { PredictedBoxes, XyxyBox } from '../../src/eval/metric.js';
import { comparisonMarkdown, comparisonTables } from '../../src/eval/table.js';

const A: XyxyBox = [0, 0, 10, 10];
const B: XyxyBox = [20, 0, 30, 10];

// s1 attribute/color    gt [A]     model A: [A]     -> r 1,  p 1,  dF1 1
// s2 rejection          gt []      model A: []      -> correctly rejected
// s3 position/left      gt [A, B]  model A: []      -> 0, 0, 0
// s4 attribute/clothing gt [A, B]  model A: [A]     -> r 1/2, p 1, F1 = 1/1.5 = 2/3, penalty 1 -> 2/3
// s5 rejection          gt []      model A: [A]     -> wrongly answered
// s6 position/color     gt [A]     model A: [A, A]  -> r 1, p 1/2, F1 2/3, penalty (1/3)/(2/3) -> 1/3
// Every IoU is 1 or 0, so the 0.5 values equal the 0.5:0.95 means.
const gt: (GtForMetric & { id: string })[] = [
  { id: 's1', domain: 'attribute', subDomain: 'color', answerBoxes: [A], candidateCount: 3 },
  { id: 's2', domain: 'rejection', subDomain: 'none', answerBoxes: [], candidateCount: 3 },
  { id: 's3', domain: 'position', subDomain: 'left', answerBoxes: [A, B], candidateCount: 3 },
  { id: 's4', domain: 'attribute', subDomain: 'clothing', answerBoxes: [A, B], candidateCount: 3 },
  { id: 's5', domain: 'rejection', subDomain: 'none', answerBoxes: [], candidateCount: 3 },
  { id: 's6', domain: 'position', subDomain: 'color', answerBoxes: [A], candidateCount: 3 },
];
const modelA: PredictedBoxes[] = [[A], [], [], [A], [A], [A, A]];
const perfect: PredictedBoxes[] = [[A], [], [A, B], [A, B], [[]], [A]];

function metricsOf(preds: PredictedBoxes[]) {
  return aggregateModel(
    gt.map((g, i) => scoreForModel(g, preds[i])),
    subdomainHomes(gt),
  );
}

describe('aggregateModel', () => {
  const m = metricsOf(modelA);

  it('averages each domain over its own samples', () => {
    // attribute = s1, s4: recall (1 + 1/2)/2 = 0.75, precision (1 + 1)/2 = 1, dF1 (1 + 2/3)/2 = 5/6
    expect(m.domains.attribute.overall.recall_50).toBe(0.75);
    expect(m.domains.attribute.overall.precision_mean).toBe(1);
    expect(m.domains.attribute.overall.density_f1_50).toBeCloseTo(5 / 6, 15);
    expect(m.domains.attribute.overall.count).toBe(2);
    // position = s3, s6: recall (0 + 1)/2, precision (0 + 1/2)/2, dF1 (0 + 1/3)/2
    expect(m.domains.position.overall).toMatchObject({ recall_50: 0.5, precision_50: 0.25, count: 2 });
    expect(m.domains.position.overall.density_f1_mean).toBeCloseTo(1 / 6, 15);
  });

  it('pools a sub-domain by name and lists it under the domain of its first sample, as upstream does', () => {
    // color = s1 (attribute) + s6 (position): recall 1, precision (1 + 1/2)/2, dF1 (1 + 1/3)/2 = 2/3
    expect(Object.keys(m.domains.attribute.subdomains)).toEqual(['clothing', 'color']);
    expect(Object.keys(m.domains.position.subdomains)).toEqual(['left']);
    expect(m.domains.attribute.subdomains.color).toMatchObject({ recall_50: 1, precision_50: 0.75, count: 2 });
    expect(m.domains.attribute.subdomains.color.density_f1_50).toBeCloseTo(2 / 3, 15);
  });

  it('leaves rejection samples out of the means and counts them as rejected or not', () => {
    expect(m.domains.rejection).toBeUndefined();
    expect(m.rejection).toEqual({ correct: 1, total: 2 });
    expect(metricsOf(perfect).rejection).toEqual({ correct: 2, total: 2 });
  });

  it('groups by the number of ground-truth boxes', () => {
    // '1' = s1, s6; '2-5' = s3, s4: recall (0 + 1/2)/2, precision (0 + 1)/2, dF1 (0 + 2/3)/2
    expect(Object.keys(m.box_count)).toEqual(['1', '2-5']);
    expect(m.box_count['2-5']).toMatchObject({ recall_50: 0.25, precision_50: 0.5, count: 2 });
    expect(m.box_count['2-5'].density_f1_mean).toBeCloseTo(1 / 3, 15);
  });

  it('averages all non-rejection samples for the overall row', () => {
    // s1, s3, s4, s6: recall (1 + 0 + 1/2 + 1)/4, precision (1 + 0 + 1 + 1/2)/4, dF1 (1 + 0 + 2/3 + 1/3)/4
    expect(m.overall).toMatchObject({ recall_50: 0.625, precision_50: 0.625, count: 4 });
    expect(m.overall!.density_f1_50).toBeCloseTo(0.5, 15);
    expect(m.box_count_overall!.count).toBe(4);
  });

  it('has no overall when every sample is a rejection', () => {
    const only = aggregateModel([scoreForModel(gt[1], [])], subdomainHomes(gt));
    expect(only.overall).toBeNull();
    expect(only.rejection).toEqual({ correct: 1, total: 1 });
  });
});

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
