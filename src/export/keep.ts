// Which selected samples an export keeps: the review's marks (--drop rejected|unreviewed, --keep accepted) and
// --drop-inconsistent, decided per sample by its output name (`main_000042`, as the viewer keys its marks).
import { UsageError } from '../errors.js';
import type { Review } from '../sources/review.js';

export const DROP_KINDS = ['rejected', 'unreviewed'] as const;
export type DropKind = (typeof DROP_KINDS)[number];

export interface KeepPolicy {
  review?: Review;
  /** Review states whose samples are left out. */
  drop: ReadonlySet<DropKind>;
  dropInconsistent: boolean;
}

export type KeepDecision = 'keep' | 'dropped-by-review' | 'dropped-inconsistent';

/** --drop and --keep as given (text) -> the states to leave out; both need --review, and --review alone drops rejected. */
export function parseDropFlags(flags: { drop?: string; keep?: string; reviewGiven: boolean }): Set<DropKind> {
  const drop = new Set<DropKind>();
  if (flags.drop !== undefined) {
    const kinds = flags.drop.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
    if (kinds.length === 0) throw new UsageError(`--drop needs ${DROP_KINDS.join(' or ')}`);
    for (const kind of kinds) {
      if (!(DROP_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--drop: unknown state "${kind}"; use rejected, unreviewed or both (rejected,unreviewed)`);
      drop.add(kind as DropKind);
    }
  }
  if (flags.keep !== undefined) {
    if (flags.keep.trim().toLowerCase() !== 'accepted') throw new UsageError(`--keep takes only "accepted" (the same as --drop rejected,unreviewed), got "${flags.keep}"`);
    drop.add('rejected').add('unreviewed');
  }
  if (!flags.reviewGiven) {
    if (drop.size > 0) throw new UsageError(`${flags.keep !== undefined ? '--keep' : '--drop'} decides by the marks of a review: give --review review.json (saved from the viewer)`);
    return drop;
  }
  // A review given without saying what to do with it: leave out what was rejected, the one reading that loses nothing kept.
  if (drop.size === 0) drop.add('rejected');
  return drop;
}

export function keepDecision(policy: KeepPolicy, sampleName: string, consistent: boolean): KeepDecision {
  if (policy.review) {
    const status = policy.review.samples.get(sampleName)?.status ?? 'unreviewed';
    if (status !== 'accepted' && policy.drop.has(status)) return 'dropped-by-review';
  }
  if (policy.dropInconsistent && !consistent) return 'dropped-inconsistent';
  return 'keep';
}

/** Marks naming samples none of the exported splits has (another dataset, or a split not selected): counted, never an error. */
export function marksOutside(review: Review, splitStems: readonly string[], lengths: readonly number[]): string[] {
  const outside: string[] = [];
  for (const name of review.samples.keys()) {
    const cut = name.lastIndexOf('_');
    const stem = name.slice(0, cut);
    const index = Number(name.slice(cut + 1));
    const s = splitStems.indexOf(stem);
    if (s === -1 || index >= lengths[s]) outside.push(name);
  }
  return outside;
}
