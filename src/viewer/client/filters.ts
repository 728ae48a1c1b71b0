/// <reference lib="dom" />
// The grid's filters: the URL hash <-> state, each entry's kinds, matching and sorting (no DOM).
import type { Entry, State } from './types.js';

export function viewerFilters(entries: Entry[]) {
  const BUILT_IN_KINDS = ['inconsistent', 'warned', 'failed', 'rejection'];
  const exprLower = entries.map((e) => e.expressions.join('\n').toLowerCase());
  const kindsOf = entries.map((e) => {
    const kinds: string[] = [];
    if (e.status === 'failed') kinds.push('failed');
    else {
      if (!e.consistent) kinds.push('inconsistent');
      if (e.rejection) kinds.push('rejection');
    }
    if (e.warnings.length) kinds.push('warned');
    for (const k of e.kinds) if (!kinds.includes(k)) kinds.push(k);
    return kinds;
  });
  const allKinds = [...BUILT_IN_KINDS, ...[...new Set(entries.flatMap((e) => e.kinds))].filter((k) => !BUILT_IN_KINDS.includes(k)).sort()];
  const kindCounts = new Map<string, number>();
  for (const ks of kindsOf) for (const k of ks) kindCounts.set(k, (kindCounts.get(k) ?? 0) + 1);

  const num = (v: string | null) => (v === null || v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));
  const byIndex = (a: number, b: number) => {
    const ea = entries[a], eb = entries[b];
    return ea.split < eb.split ? -1 : ea.split > eb.split ? 1 : ea.index - eb.index;
  };
  const sorts: Record<string, (a: number, b: number) => number> = {
    index: byIndex,
    candidates: (a, b) => entries[b].candidates - entries[a].candidates || byIndex(a, b),
    warnings: (a, b) => entries[b].warnings.length - entries[a].warnings.length || byIndex(a, b),
    score: (a, b) => (entries[b].score ?? -Infinity) - (entries[a].score ?? -Infinity) || byIndex(a, b),
  };

  let last: { key: string; q: string; hits: number[] } | null = null;

  return {
    allKinds,
    kindCounts,
    sorts,
    byIndex,
    num,
    defaults: (): State => ({ q: '', only: [], split: '', sort: 'index', min: null, max: null }),
    /** `#q=red&only=inconsistent,warned&split=main&sort=candidates&min=2&max=9` -> State. */
    stateFromHash: (hash: string): State => {
      const p = new URLSearchParams(hash.replace(/^#/, ''));
      return {
        q: p.get('q') ?? '',
        only: (p.get('only') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean),
        split: p.get('split') ?? '',
        sort: p.get('sort') ?? 'index',
        min: num(p.get('min')),
        max: num(p.get('max')),
      };
    },
    hashOf: (s: State): string => {
      const p = new URLSearchParams();
      if (s.q) p.set('q', s.q);
      if (s.only.length) p.set('only', s.only.join(','));
      if (s.split) p.set('split', s.split);
      if (s.sort !== 'index') p.set('sort', s.sort);
      if (s.min !== null) p.set('min', String(s.min));
      if (s.max !== null) p.set('max', String(s.max));
      // Keep commas readable in shared links (`only=inconsistent,warned`).
      return p.toString().replace(/%2C/g, ',');
    },
    /** A sample's hash is its name (`#main_000042`); filter hashes always hold `=`. */
    isSampleHash: (hash: string) => hash.length > 1 && !hash.includes('='),
    /** Positions of the matching entries, sorted; several kinds match an entry of any of them. */
    computeView: (state: State, searchText: Record<string, string> | null): number[] => {
      const q = state.q.trim().toLowerCase();
      // Typing on narrows the last result: only its hits can still match a longer query.
      const key = JSON.stringify([state.split, state.min, state.max, state.only, searchText !== null]);
      const from = last && last.key === key && q.startsWith(last.q) ? last.hits : null;
      const out: number[] = [];
      const n = from ? from.length : entries.length;
      for (let j = 0; j < n; j++) {
        const i = from ? from[j] : j;
        const e = entries[i];
        if (state.split && e.split !== state.split) continue;
        if (state.min !== null && e.candidates < state.min) continue;
        if (state.max !== null && e.candidates > state.max) continue;
        if (state.only.length && !state.only.some((k) => kindsOf[i].includes(k))) continue;
        if (q && !exprLower[i].includes(q) && !(searchText?.[e.name]?.includes(q) ?? false)) continue;
        out.push(i);
      }
      last = { key, q, hits: out };
      return [...out].sort(sorts[state.sort] ?? byIndex);
    },
  };
}
