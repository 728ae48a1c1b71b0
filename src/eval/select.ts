// Which samples of an eval get pictures: --indices, --filter, --only wrong|rejection, --worst N, then the seeded --num-vis.
import { UsageError } from '../errors.js';
import { samplePositions } from '../selection/sampling.js';
import type { SampleResult } from './evaluate.js';
import { isRejectionSample } from './evaluate.js';

export const EVAL_ONLY_KINDS = ['wrong', 'rejection'] as const;
export type EvalOnlyKind = (typeof EVAL_ONLY_KINDS)[number];

export function parseEvalOnly(text: string): EvalOnlyKind[] {
  const kinds = text.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
  if (kinds.length === 0) throw new UsageError(`--only needs one of ${EVAL_ONLY_KINDS.join(', ')}`);
  for (const k of kinds) {
    if (!(EVAL_ONLY_KINDS as readonly string[]).includes(k)) throw new UsageError(`--only: "${k}" is not one of ${EVAL_ONLY_KINDS.join(', ')} (for eval)`);
  }
  return [...new Set(kinds)] as EvalOnlyKind[];
}

export function parseWorst(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new UsageError(`--worst must be a whole number of at least 1, got "${text}"`);
  return Number(text);
}

export interface EvalSelection {
  indices?: number[];
  numVis: number | 'all';
  seed: number;
  filter?: RegExp;
  only: EvalOnlyKind[];
  worst?: number;
}

/** A sample's score for sorting: its worst model's (DensityF1@0.5:0.95; 1 or 0 for a rejection sample). */
export function sampleScore(s: SampleResult): number {
  return Math.min(...s.models.map((m) => m.score));
}

export interface Selected {
  positions: number[];
  /** What the user should hear about the selection (out-of-range indices, an empty filter ...). */
  notes: string[];
}

export function selectForPictures(samples: readonly SampleResult[], sel: EvalSelection): Selected {
  const notes: string[] = [];
  let pool = samples.map((_, i) => i);
  // Out-of-range indices are refused by the run before anything is written.
  if (sel.indices) pool = sel.indices.filter((i) => i < samples.length);
  if (sel.filter) {
    const re = sel.filter;
    pool = pool.filter((i) => re.test(samples[i].gt.referring));
    if (pool.length === 0) notes.push(`--filter ${re.source} matches no referring expression`);
  }
  if (sel.only.length) {
    pool = pool.filter((i) => sel.only.some((k) => (k === 'wrong' ? samples[i].models.some((m) => m.wrong) : isRejectionSample(samples[i].gt))));
    if (pool.length === 0) notes.push(`--only ${sel.only.join(',')} matches no sample`);
  }
  if (sel.worst !== undefined) {
    const ranked = [...pool].sort((a, b) => sampleScore(samples[a]) - sampleScore(samples[b]) || a - b);
    return { positions: ranked.slice(0, sel.worst), notes };
  }
  if (sel.numVis !== 'all' && sel.numVis > pool.length && pool.length > 0) notes.push(`${sel.numVis} samples requested for pictures, ${pool.length} available`);
  const picked = samplePositions(pool.length, sel.numVis, sel.seed);
  return { positions: picked.map((k) => pool[k]), notes };
}
