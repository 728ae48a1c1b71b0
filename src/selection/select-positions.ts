// The same selection over samples already scored (eval's pictures): --indices, --filter, --only, then --worst N or the
// seeded --num-vis, then --shard. What a sample is, is asked of the pool; this file knows no eval type.
import { checkIndicesInRange, pickFrom, selectionShortfall, type SampleChoice } from './select-samples.js';

/** What the selection asks of each position: its referring expression, its --only kinds and its score. */
export interface ScoredPool<K extends string> {
  length: number;
  expression(position: number): string;
  is(position: number, kind: K): boolean;
  /** Lower is worse: --worst takes the lowest first. */
  score(position: number): number;
}

export interface PositionChoice<K extends string> extends SampleChoice<K> {
  /** The n lowest scores (ties by position), instead of the seeded sample. */
  worst?: number;
}

export interface PositionSelection {
  /** Ascending, or lowest score first with --worst. */
  positions: number[];
  /** Why fewer were taken than asked (the same words as visualize's). */
  shortfall?: string;
}

export function selectPositions<K extends string>(pool: ScoredPool<K>, choice: PositionChoice<K>): PositionSelection {
  checkIndicesInRange(choice.indices, pool.length, `the ground truth has ${pool.length}`);
  let candidates = choice.indices ?? Array.from({ length: pool.length }, (_, i) => i);
  const considered = candidates.length;
  const re = choice.filter.expression;
  if (re) candidates = candidates.filter((p) => re.test(pool.expression(p)));
  const expressionMatches = candidates.length;
  const only = choice.filter.only;
  if (only.length > 0) candidates = candidates.filter((p) => only.some((kind) => pool.is(p, kind)));
  const counts = { population: candidates.length, considered, expressionMatches };
  if (choice.worst !== undefined) {
    const ranked = candidates.sort((a, b) => pool.score(a) - pool.score(b) || a - b).slice(0, choice.worst);
    return { positions: pickFrom(ranked, { numVis: 'all', seed: 0, shard: choice.shard }), shortfall: selectionShortfall(counts, { ...choice, numVis: 'all' }) };
  }
  return { positions: pickFrom(candidates, choice), shortfall: selectionShortfall(counts, choice) };
}
