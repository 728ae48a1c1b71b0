// The grid's filters as the URL hash holds them: `#q=red&only=inconsistent,warned&split=main&sort=candidates&min=2&max=9`.
import { RANGE_FIELDS, type Range, type State } from './types.js';

/** A number from a control or the hash, or null for nothing (or not a number). */
export const num = (v: string | null) => (v === null || v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));

export const defaultState = (): State => ({ q: '', only: [], split: '', sort: 'index', min: null, max: null, ok: null, no: null, warn: null, len: null });

/** `2` or `1000-1999` -> [lo, hi]; null for anything else. */
export function rangeOf(v: string | null): Range | null {
  const m = v?.trim().match(/^(\d+)(?:-(\d+))?$/);
  if (!m) return null;
  const lo = Number(m[1]), hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= hi ? [lo, hi] : null;
}

export const rangeText = (r: Range) => (r[0] === r[1] ? String(r[0]) : `${r[0]}-${r[1]}`);

export function stateFromHash(hash: string): State {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    q: p.get('q') ?? '',
    only: (p.get('only') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean),
    split: p.get('split') ?? '',
    sort: p.get('sort') ?? 'index',
    min: num(p.get('min')),
    max: num(p.get('max')),
    ok: rangeOf(p.get('ok')),
    no: rangeOf(p.get('no')),
    warn: rangeOf(p.get('warn')),
    len: rangeOf(p.get('len')),
  };
}

export function hashOf(s: State): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.only.length) p.set('only', s.only.join(','));
  if (s.split) p.set('split', s.split);
  if (s.sort !== 'index') p.set('sort', s.sort);
  if (s.min !== null) p.set('min', String(s.min));
  if (s.max !== null) p.set('max', String(s.max));
  for (const f of RANGE_FIELDS) if (s[f]) p.set(f, rangeText(s[f]));
  // Keep commas readable in shared links (`only=inconsistent,warned`).
  return p.toString().replace(/%2C/g, ',');
}

/** A sample's hash is its name (`#main_000042`); filter hashes always hold `=`. */
export const isSampleHash = (hash: string) => hash.length > 1 && !hash.includes('=');
