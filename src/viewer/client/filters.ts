// The grid's filters: each entry's kinds, matching and sorting (no DOM).
import { REVIEW_STATUSES, type ReviewStatus } from './review-file.js';
import { RANGE_FIELDS, type Entry, type Range, type State } from './types.js';

const BUILT_IN_KINDS = ['inconsistent', 'warned', 'failed', 'rejection'];
/** The review's kinds: a sample's mark, which changes while the page is open (so not in kindsOf). */
const REVIEW_KINDS: readonly string[] = REVIEW_STATUSES;

/** What the filters ask of the review: a sample's status, and a number that changes whenever a mark does. */
export interface ReviewLookup {
  status(name: string): ReviewStatus;
  readonly version: number;
}

function kindsOfEntry(e: Entry): string[] {
  const kinds: string[] = [];
  if (e.status === 'failed') kinds.push('failed');
  else {
    if (!e.consistent) kinds.push('inconsistent');
    if (e.rejection) kinds.push('rejection');
  }
  if (e.warnings.length) kinds.push('warned');
  for (const k of e.kinds) if (!kinds.includes(k)) kinds.push(k);
  return kinds;
}

export type Order = (a: number, b: number) => number;

export function sortsOf(entries: Entry[]): { byIndex: Order; sorts: Record<string, Order> } {
  const byIndex: Order = (a, b) => {
    const ea = entries[a], eb = entries[b];
    return ea.split < eb.split ? -1 : ea.split > eb.split ? 1 : ea.index - eb.index;
  };
  const sorts: Record<string, Order> = {
    index: byIndex,
    candidates: (a, b) => entries[b].candidates - entries[a].candidates || byIndex(a, b),
    warnings: (a, b) => entries[b].warnings.length - entries[a].warnings.length || byIndex(a, b),
    // Entries without a score go last in both directions (Infinity - Infinity is NaN, and falls to byIndex).
    score: (a, b) => (entries[b].score ?? -Infinity) - (entries[a].score ?? -Infinity) || byIndex(a, b),
    'score-asc': (a, b) => (entries[a].score ?? Infinity) - (entries[b].score ?? Infinity) || byIndex(a, b),
  };
  return { byIndex, sorts };
}

export class Filters {
  readonly kindsOf: string[][];
  readonly allKinds: string[];
  readonly kindCounts = new Map<string, number>();
  readonly byIndex: Order;
  readonly sorts: Record<string, Order>;
  private readonly exprLower: string[];
  private last: { key: string; q: string; hits: number[] } | null = null;

  constructor(private readonly entries: Entry[], private readonly review: ReviewLookup) {
    this.exprLower = entries.map((e) => e.expressions.join('\n').toLowerCase());
    this.kindsOf = entries.map(kindsOfEntry);
    const extra = [...new Set(entries.flatMap((e) => e.kinds))].filter((k) => !BUILT_IN_KINDS.includes(k) && !REVIEW_KINDS.includes(k)).sort();
    this.allKinds = [...BUILT_IN_KINDS, ...extra, ...REVIEW_KINDS];
    for (const ks of this.kindsOf) for (const k of ks) this.kindCounts.set(k, (this.kindCounts.get(k) ?? 0) + 1);
    ({ byIndex: this.byIndex, sorts: this.sorts } = sortsOf(entries));
  }

  /** Positions of the matching entries, sorted; several kinds match an entry of any of them. */
  computeView(state: State, searchText: Record<string, string> | null, lengths: Map<string, number> | null): number[] {
    const { entries, exprLower } = this;
    const q = state.q.trim().toLowerCase();
    // Typing on narrows the last result: only its hits can still match a longer query.
    const ranges = RANGE_FIELDS.map((f) => state[f]);
    const key = JSON.stringify([state.split, state.min, state.max, state.only, ranges, searchText !== null, state.only.some((k) => REVIEW_KINDS.includes(k)) && this.review.version]);
    const inRange = (r: Range | null, v: number | undefined) => r === null || (v !== undefined && v >= r[0] && v <= r[1]);
    const ranged = ranges.some((r) => r !== null);
    const from = this.last && this.last.key === key && q.startsWith(this.last.q) ? this.last.hits : null;
    const out: number[] = [];
    const n = from ? from.length : entries.length;
    for (let j = 0; j < n; j++) {
      const i = from ? from[j] : j;
      const e = entries[i];
      if (state.split && e.split !== state.split) continue;
      if (state.min !== null && e.candidates < state.min) continue;
      if (state.max !== null && e.candidates > state.max) continue;
      if (state.only.length && !this.hasKind(i, state.only)) continue;
      if (ranged && (e.status === 'failed' || !inRange(state.ok, e.ok) || !inRange(state.no, e.no) || !inRange(state.warn, e.warn) || !inRange(state.len, lengths?.get(e.name)))) continue;
      if (q && !exprLower[i].includes(q) && !(searchText?.[e.name]?.includes(q) ?? false)) continue;
      out.push(i);
    }
    this.last = { key, q, hits: out };
    return [...out].sort(this.sorts[state.sort] ?? this.byIndex);
  }

  private hasKind(i: number, only: string[]): boolean {
    const kinds = this.kindsOf[i];
    let status: string | undefined;
    for (const k of only) {
      if (kinds.includes(k)) return true;
      if (REVIEW_KINDS.includes(k) && (status ??= this.review.status(this.entries[i].name)) === k) return true;
    }
    return false;
  }
}
