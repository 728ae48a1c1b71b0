// --filter and --only: which samples qualify, decided from the annotation and its parsed reasoning alone.
import type { AnnotationRecord, ParsedCot } from '../types.js';
import { annotationFindings } from '../checks/findings.js';

/** visualize's --only kinds (decided from the annotation, see matchesFilter). */
export const ONLY_KINDS = ['inconsistent', 'rejection', 'warned'] as const;
export type OnlyKind = (typeof ONLY_KINDS)[number];

/** eval's --only kinds (decided from the scores: a miss, a false alarm or a wrong rejection for any model). */
export const EVAL_ONLY_KINDS = ['wrong', 'rejection', 'unfaithful', 'hallucinated'] as const;
export type EvalOnlyKind = (typeof EVAL_ONLY_KINDS)[number];

/** --filter and --only; `K` is the command's --only kinds. */
export interface SampleFilter<K extends string = OnlyKind> {
  expression?: RegExp;
  /** A sample qualifies when it is any of these (empty: no restriction). */
  only: K[];
}

export function isFilterActive(filter: SampleFilter<string>): boolean {
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
