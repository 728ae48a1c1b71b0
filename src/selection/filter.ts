// --filter and --only: which samples qualify, decided from the annotation and its parsed reasoning alone.
import type { AnnotationRecord, ParsedCot } from '../types.js';
import { annotationFindings } from '../checks/findings.js';

export const ONLY_KINDS = ['inconsistent', 'rejection', 'warned'] as const;
export type OnlyKind = (typeof ONLY_KINDS)[number];

export interface SampleFilter {
  expression?: RegExp;
  /** A sample qualifies when it is any of these (empty: no restriction). */
  only: OnlyKind[];
}

export function isFilterActive(filter: SampleFilter): boolean {
  return filter.expression !== undefined || filter.only.length > 0;
}

/** Render-time warnings leave out the text/label disagreement: it has its own `consistent` field and badge. */
export function sampleWarnings(record: AnnotationRecord, cot: ParsedCot): string[] {
  return annotationFindings(record.annotation, cot, { includeConsistency: false }).map((f) => f.message);
}

export function matchesExpression(cot: ParsedCot, filter: SampleFilter): boolean {
  const re = filter.expression;
  return re === undefined || cot.expressions.some((e) => re.test(e));
}

/** Decided from the annotation alone; a sample `warned` only for its image size (box past the border) needs imageFindings too. */
export function matchesFilter(record: AnnotationRecord, cot: ParsedCot, filter: SampleFilter): boolean {
  if (!matchesExpression(cot, filter)) return false;
  if (filter.only.length === 0) return true;
  return filter.only.some((kind) => {
    if (kind === 'inconsistent') return !cot.consistency.consistent;
    if (kind === 'rejection') return cot.targets.length === 0;
    return sampleWarnings(record, cot).length > 0;
  });
}
