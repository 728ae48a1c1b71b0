// --filter and --only decided from one annotation and its parsed reasoning.
import { describe, expect, it } from 'vitest';
import { isFilterActive, matchesFilter, sampleWarnings, type SampleFilter } from '../../src/selection/filter.js';
import type { AnnotationRecord, ParsedCot } from '../../src/types.js';
import { fakeCot } from '../fakes.js';

const BOXES: [number, number, number, number][] = [
  [0, 0, 10, 10],
  [20, 0, 10, 10],
];

/** A record and its reasoning: `think` is fakeCot's switch ("inconsistent", "warn" or anything else). */
function sample(regionMap: Record<string, number[]>, think = 'fine', boxes = BOXES): [AnnotationRecord, ParsedCot] {
  const record: AnnotationRecord = { split: 'main', index: 0, annOffset: 0, imgOffset: 0, annotation: { gtBoxes: boxes, regionMap, think, extra: {} } };
  return [record, fakeCot(think, boxes.length, regionMap)];
}

const only = (...kinds: SampleFilter['only']): SampleFilter => ({ only: kinds });

describe('matchesFilter', () => {
  it('with no expression and no kinds takes every sample, and says it is inactive', () => {
    expect(isFilterActive(only())).toBe(false);
    expect(matchesFilter(...sample({ 'the man': [0] }, 'inconsistent'), only())).toBe(true);
    expect([isFilterActive({ only: [], expression: /x/ }), isFilterActive(only('warned'))]).toEqual([true, true]);
  });

  it('matches --filter against any of the expressions', () => {
    const [record, cot] = sample({ 'the man in red': [0], 'a tree': [1] });
    expect(matchesFilter(record, cot, { only: [], expression: /tree/ })).toBe(true);
    expect(matchesFilter(record, cot, { only: [], expression: /shirt/ })).toBe(false);
  });

  it('takes inconsistent, rejection and warned samples for their kind and not for the others', () => {
    const inconsistent = sample({ 'the man': [0] }, 'inconsistent');
    const rejection = sample({ 'nobody here': [] });
    const warned = sample({ 'the man': [0] }, 'warn');
    const plain = sample({ 'the man': [0] });
    const kinds = (s: [AnnotationRecord, ParsedCot]) => (['inconsistent', 'rejection', 'warned'] as const).filter((k) => matchesFilter(...s, only(k)));
    expect([inconsistent, rejection, warned, plain].map(kinds)).toEqual([['inconsistent'], ['rejection'], ['warned'], []]);
    expect(matchesFilter(...plain, only('inconsistent', 'rejection'))).toBe(false);
    expect(matchesFilter(...rejection, only('inconsistent', 'rejection'))).toBe(true);
  });

  it('needs both the expression and a kind when both are given', () => {
    const rejection = sample({ 'nobody here': [] });
    expect(matchesFilter(...rejection, { only: ['rejection'], expression: /nobody/ })).toBe(true);
    expect(matchesFilter(...rejection, { only: ['rejection'], expression: /somebody/ })).toBe(false);
  });
});

describe('sampleWarnings', () => {
  it('lists the annotation findings but not the text/label disagreement, which has its own badge', () => {
    const [record, cot] = sample({ 'the man': [0] }, 'inconsistent', [[0, 0, 0, 10], BOXES[1]]);
    expect(sampleWarnings(record, cot)).toEqual(['Person 1: zero-size box (w=0, h=10)']);
  });
});
