// Which samples a run renders: --indices, seeded sampling without replacement, --shard. Pure functions.
import { UsageError } from '../errors.js';

/** The seed used when --seed is not given: fixed, so the same command picks the same samples. */
export const DEFAULT_SEED = 0;

/** Parses `0,5,10-20` into ascending, de-duplicated indices. Bounds are checked by the caller, who knows the length. */
export function parseIndices(spec: string): number[] {
  const picked = new Set<number>();
  const parts = spec.split(',').map((p) => p.trim());
  if (parts.every((p) => p === '')) throw new UsageError(`--indices is empty; give indices like 0,5,10-20`);
  for (const part of parts) {
    if (part === '') continue;
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const from = toIndex(range[1], spec);
      const to = toIndex(range[2], spec);
      if (to < from) throw new UsageError(`--indices: range "${part}" ends before it starts; write it as ${to}-${from}`);
      if (to - from > 10_000_000) throw new UsageError(`--indices: range "${part}" is too large`);
      for (let i = from; i <= to; i++) picked.add(i);
    } else if (/^\d+$/.test(part)) {
      picked.add(toIndex(part, spec));
    } else {
      throw new UsageError(`--indices: "${part}" is not an index or a range (expected e.g. 0,5,10-20; indices are 0-based)`);
    }
  }
  return [...picked].sort((a, b) => a - b);
}

function toIndex(text: string, spec: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new UsageError(`--indices: "${text}" in "${spec}" is too large`);
  return value;
}

/** `--num_vis 50` or `--num_vis all`. */
export function parseNumVis(text: string): number | 'all' {
  if (text.trim().toLowerCase() === 'all') return 'all';
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--num-vis must be a positive integer or "all", got "${text}"`);
  const value = Number(text);
  if (value < 1 || !Number.isSafeInteger(value)) throw new UsageError(`--num-vis must be at least 1, got "${text}"`);
  return value;
}

export function parseSeed(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) > 0xffffffff) {
    throw new UsageError(`--seed must be an integer from 0 to 4294967295, got "${text}"`);
  }
  return Number(text);
}

export interface Shard {
  /** 1-based shard number. */
  k: number;
  n: number;
}

/** `--shard 2/4`: the second of four shards (1-based, like other tools' --shard). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--shard must look like k/n (e.g. 1/4), got "${text}"`);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || k < 1 || k > n) throw new UsageError(`--shard ${text}: k must be between 1 and n (e.g. 1/${Math.max(n, 1)} ... ${Math.max(n, 1)}/${Math.max(n, 1)})`);
  return { k, n };
}

/** Round-robin over the (sorted) selection: each position belongs to exactly one shard, and shards stay balanced. */
export function applyShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard || shard.n === 1) return [...items];
  return items.filter((_, position) => position % shard.n === shard.k - 1);
}

/** mulberry32: a tiny seeded PRNG, so selection never depends on Math.random. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks `count` distinct positions from [0, population) with a partial Fisher–Yates shuffle, returned ascending.
 * The swaps live in a Map, so the cost follows `count`, not `population`.
 */
export function samplePositions(population: number, count: number | 'all', seed: number): number[] {
  if (count === 'all' || count >= population) return Array.from({ length: population }, (_, i) => i);
  const random = mulberry32(seed);
  const swapped = new Map<number, number>();
  const at = (i: number) => swapped.get(i) ?? i;
  const picked: number[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (population - i));
    const chosen = at(j);
    swapped.set(j, at(i));
    picked.push(chosen);
  }
  return picked.sort((a, b) => a - b);
}
