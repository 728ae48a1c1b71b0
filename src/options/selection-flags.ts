// The selection flags of visualize and eval (--indices, --num-vis, --seed, --shard, --filter, --only): text -> value, or a UsageError.
import { UsageError } from '../errors.js';
import type { Shard } from '../selection/sampling.js';
import { ONLY_KINDS, type OnlyKind } from '../selection/filter.js';
import type { SampleChoice } from '../selection/select-samples.js';

/** The flags as commander hands them to the action (text; --num-vis and --seed have defaults). */
export interface SelectionFlags {
  indices?: string;
  numVis: string;
  seed: string;
  shard?: string;
  filter?: string;
  only?: string;
}

/** Parses every selection flag; `numVisGiven`: --num-vis was typed (not its default); `kinds`: the command's --only kinds. */
export function selectionFromFlags<K extends string = OnlyKind>(flags: SelectionFlags, numVisGiven: boolean, kinds: readonly K[] = ONLY_KINDS as unknown as readonly K[]): SampleChoice<K> {
  const list = flags.indices === undefined ? undefined : parseIndexList(flags.indices);
  return {
    ...list,
    // --indices alone means exactly those samples; with --num-vis, a seeded sample of them.
    numVis: list && !numVisGiven ? 'all' : parseNumVis(flags.numVis),
    seed: parseSeed(flags.seed),
    shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
    filter: {
      expression: flags.filter === undefined ? undefined : parseExpressionFilter(flags.filter),
      only: flags.only === undefined ? [] : parseOnly(flags.only, kinds),
    },
  };
}

/** The seed used when --seed is not given: fixed, so the same command picks the same samples. */
export const DEFAULT_SEED = 0;

/** One sample of one split, named in --indices as `main:3` or by its file stem `main_000003`. */
export interface SplitIndex {
  split: string;
  index: number;
}

/** --indices read: plain indices (of every split) and split-qualified ones, each ascending and de-duplicated. */
export interface IndexList {
  indices?: number[];
  splitIndices?: SplitIndex[];
}

const range = (part: string, spec: string, from: string, to: string | undefined): number[] => {
  const a = toIndex(from, spec);
  const b = to === undefined ? a : toIndex(to, spec);
  if (b < a) throw new UsageError(`--indices: range "${part}" ends before it starts; write it as ${b}-${a}`);
  if (b - a > 10_000_000) throw new UsageError(`--indices: range "${part}" is too large`);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
};

/**
 * Parses `0,5,10-20` (those indices of every split) and `main:3`, `rejection:10-20` or `main_000003` (a file
 * stem as visualize writes it: that split only). Bounds are checked by the caller, who knows the lengths.
 */
export function parseIndexList(spec: string): IndexList {
  const plain = new Set<number>();
  const bySplit = new Map<string, SplitIndex>();
  const parts = spec.split(',').map((p) => p.trim());
  if (parts.every((p) => p === '')) throw new UsageError(`--indices is empty; give indices like 0,5,10-20 or main:3`);
  for (const part of parts) {
    if (part === '') continue;
    const bare = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    const qualified = /^([^:\s]+?)\s*:\s*(\d+)(?:\s*-\s*(\d+))?$/.exec(part) ?? /^(\S+)_(\d+)$/.exec(part);
    if (bare) for (const i of range(part, spec, bare[1], bare[2])) plain.add(i);
    else if (qualified) for (const index of range(part, spec, qualified[2], qualified[3])) bySplit.set(`${qualified[1]}:${index}`, { split: qualified[1], index });
    else throw new UsageError(`--indices: "${part}" is not an index or a range (expected e.g. 0,5,10-20 for every split, or main:3, rejection:10-20, main_000003 for one split; indices are 0-based)`);
  }
  const list: IndexList = {};
  if (plain.size) list.indices = [...plain].sort((a, b) => a - b);
  if (bySplit.size) list.splitIndices = [...bySplit.values()].sort((a, b) => (a.split < b.split ? -1 : a.split > b.split ? 1 : a.index - b.index));
  return list;
}

/** Parses `0,5,10-20` into ascending, de-duplicated indices (positions without a split, as eval's). */
export function parseIndices(spec: string): number[] {
  const { indices, splitIndices } = parseIndexList(spec);
  if (splitIndices) throw new UsageError(`--indices: "${splitIndices[0].split}:${splitIndices[0].index}" names a split; here --indices are plain positions, e.g. 0,5,10-20`);
  return indices ?? [];
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

/** `--shard 2/4`: the second of four shards (1-based, like other tools' --shard). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--shard must look like k/n (e.g. 1/4), got "${text}"`);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || k < 1 || k > n) throw new UsageError(`--shard ${text}: k must be between 1 and n (e.g. 1/${Math.max(n, 1)} ... ${Math.max(n, 1)}/${Math.max(n, 1)})`);
  return { k, n };
}

/** `--only inconsistent,warned`: a comma list of the command's `known` kinds; a sample qualifies when it is any of them. */
export function parseOnly<K extends string = OnlyKind>(text: string, known: readonly K[] = ONLY_KINDS as unknown as readonly K[]): K[] {
  const kinds = text.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
  if (kinds.length === 0) throw new UsageError(`--only needs one of ${known.join(', ')}`);
  for (const kind of kinds) {
    if (!(known as readonly string[]).includes(kind)) {
      throw new UsageError(`--only: unknown kind "${kind}"; use ${known.join(', ')} (comma-separated for any of several)`);
    }
  }
  return [...new Set(kinds)] as K[];
}

/** The --filter regular expression, matched case-insensitively against each referring expression. */
export function parseExpressionFilter(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch (error) {
    throw new UsageError(`--filter: "${text}" is not a valid regular expression (${(error as Error).message})`);
  }
}
