// Averages per domain, sub-domain, box-count range and overall, on six hand-made samples (six-samples.ts).
import { describe, expect, it } from 'vitest';
import { aggregateModel, scoreForModel, subdomainHomes } from '../../src/eval/aggregate.js';
import { gt, metricsOf, modelA, perfect } from './six-samples.js';

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
