// --filter and --only: which samples qualify, decided from the annotation and its parsed reasoning alone.
import { UsageError } from '../errors.js';
import type { AnnotationRecord, ParsedCot } from '../types.js';
import { annotationFindings } from '../checks/findings.js';

export const ONLY_KINDS = ['inconsistent', 'rejection', 'warned'] as const;
export type OnlyKind = (typeof ONLY_KINDS)[number];

export interface SampleFilter {
  expression?: RegExp;
  /** A sample qualifies when it is any of these (empty: no restriction). */
  only: OnlyKind[];
}

/** `--only inconsistent,warned`: a comma list; a sample qualifies when it is any of them. */
export function parseOnly(text: string): OnlyKind[] {
  const kinds = text.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
  if (kinds.length === 0) throw new UsageError(`--only needs one of ${ONLY_KINDS.join(', ')}`);
  for (const kind of kinds) {
    if (!(ONLY_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--only: unknown kind "${kind}"; use ${ONLY_KINDS.join(', ')} (comma-separated for any of several)`);
    }
  }
  return [...new Set(kinds)] as OnlyKind[];
}

/** The --filter regular expression, matched case-insensitively against each referring expression. */
export function parseExpressionFilter(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch (error) {
    throw new UsageError(`--filter: "${text}" is not a valid regular expression (${(error as Error).message})`);
  }
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
