// Which samples a run renders: seeded sampling without replacement, --shard. Pure functions (the flags are parsed in options/).

export interface Shard {
  /** 1-based shard number. */
  k: number;
  n: number;
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
