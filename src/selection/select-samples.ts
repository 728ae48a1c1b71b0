// Turns the selection options into the list of samples to render: indices, filters, seeded sample, shard.
import { UsageError } from '../errors.js';
import { outputStem } from '../outputs/output-names.js';
import { isFilterActive, matchesExpression, matchesFilter, type OnlyKind, type SampleFilter } from './filter.js';
import { imageFindings } from '../checks/findings.js';
import { imageHeaderOf, type ReadImageHeader } from '../checks/image-info.js';
import { runPool } from '../plumbing/pool.js';
import { applyShard, samplePositions, type Shard } from './sampling.js';
import type { ParseCot, SampleRef, SampleSource } from '../plumbing/seams.js';

/** What the selection flags ask for (options/selection-flags.ts parses them); `K` is the command's --only kinds. */
export interface SampleChoice<K extends string = OnlyKind> {
  /** 0-based indices (within each split, for visualize; positions in the ground truth, for eval). */
  indices?: number[];
  /** 0-based indices of one split each (`main:3`); with `indices`, the union is taken. */
  splitIndices?: readonly { split: string; index: number }[];
  numVis: number | 'all';
  seed: number;
  shard?: Shard;
  filter: SampleFilter<K>;
}

export interface SelectionOptions extends SampleChoice {
  concurrency: number;
  signal?: AbortSignal;
  /** For `--only warned`: boxes past the border need the image size from its header. */
  readImageHeader?: ReadImageHeader;
}

export interface SelectionResult {
  refs: SampleRef[];
  /** How many samples qualified before sampling and sharding. */
  population: number;
  /** The first few reasons samples could not be read while filtering (they cannot match), and how many there were. */
  unreadable: string[];
  unreadableCount: number;
  /** Samples considered before filtering (all, or those of --indices). */
  considered: number;
  /** Of those, how many the --filter expression matched (all when there is none). */
  expressionMatches: number;
}

/** Refuses indices at or past `length` before anything is read: `has` says what holds how many (`main has 40`). */
export function checkIndicesInRange(indices: readonly number[] | undefined, length: number, has: string): void {
  const outside = (indices ?? []).filter((i) => i >= length);
  if (outside.length > 0) throw new UsageError(`--indices ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ', ...' : ''} out of range (${has} samples; indices are 0-based)`);
}

/** The seeded sample of the qualifying items (`numVis` of them, or all), then the shard. */
export function pickFrom<T>(pool: readonly T[], choice: Pick<SampleChoice<string>, 'numVis' | 'seed' | 'shard'>): T[] {
  return applyShard(samplePositions(pool.length, choice.numVis, choice.seed).map((p) => pool[p]), choice.shard);
}

function candidateRefs(sources: readonly SampleSource[], indices: number[] | undefined, splitIndices: SelectionOptions['splitIndices']): SampleRef[] {
  if (!indices && !splitIndices) return sources.flatMap((source, s) => Array.from({ length: source.length }, (_, index) => ({ source: s, index })));
  checkIndicesInRange(indices, Math.max(0, ...sources.map((s) => s.length)), sources.map((s) => `${s.paths.name} has ${s.length}`).join(', '));
  const wanted = sources.map((source) => new Set((indices ?? []).filter((i) => i < source.length)));
  for (const { split, index } of splitIndices ?? []) {
    // By the split's name or by the stem of its file names (`main_000003`), in any letter case.
    const s = sources.findIndex((x) => x.paths.name === split || outputStem(x.paths.name).toLowerCase() === split.toLowerCase());
    if (s === -1) throw new UsageError(`--indices ${split}:${index}: no split "${split}" in this run (splits: ${sources.map((x) => x.paths.name).join(', ')})`);
    if (index >= sources[s].length) throw new UsageError(`--indices ${split}:${index} out of range (${sources[s].paths.name} has ${sources[s].length} samples; indices are 0-based)`);
    wanted[s].add(index);
  }
  return wanted.flatMap((set, s) => [...set].sort((a, b) => a - b).map((index) => ({ source: s, index })));
}

/** Reads annotations with bounded concurrency and keeps the samples the filter accepts (images only for `warned`). */
async function filterRefs(
  sources: readonly SampleSource[],
  refs: SampleRef[],
  filter: SampleFilter,
  parseCot: ParseCot,
  options: SelectionOptions,
): Promise<{ kept: SampleRef[]; unreadable: string[]; unreadableCount: number; expressionMatches: number }> {
  const keep = new Array<boolean>(refs.length).fill(false);
  const unreadable: string[] = [];
  let unreadableCount = 0;
  let expressionMatches = 0;
  await runPool(
    refs,
    async (ref, position) => {
      try {
        const source = sources[ref.source];
        const record = await source.readAnnotation(ref.index);
        const { annotation } = record;
        const cot = parseCot(annotation);
        if (matchesExpression(cot, filter)) expressionMatches++;
        let kept = matchesFilter(record, cot, filter);
        if (!kept && filter.only.includes('warned') && options.readImageHeader && matchesExpression(cot, filter)) {
          // Only the image header knows whether a box lies past the border: read it for the samples still undecided.
          const sample = await source.readSample(ref.index);
          const header = imageHeaderOf(sample, source.paths.imagesTsv, options.readImageHeader);
          kept = imageFindings(annotation, header.width, header.height).length > 0;
        }
        keep[position] = kept;
      } catch (error) {
        if (unreadableCount++ < 10) unreadable.push(error instanceof Error ? error.message : String(error));
      }
    },
    { concurrency: options.concurrency, shouldStop: () => options.signal?.aborted ?? false },
  );
  return { kept: refs.filter((_, i) => keep[i]), unreadable, unreadableCount, expressionMatches };
}

export async function selectSamples(sources: readonly SampleSource[], parseCot: ParseCot, options: SelectionOptions): Promise<SelectionResult> {
  let refs = candidateRefs(sources, options.indices, options.splitIndices);
  const considered = refs.length;
  let expressionMatches = considered;
  let unreadable: string[] = [];
  let unreadableCount = 0;
  if (isFilterActive(options.filter)) {
    ({ kept: refs, unreadable, unreadableCount, expressionMatches } = await filterRefs(sources, refs, options.filter, parseCot, options));
  }
  return { refs: pickFrom(refs, options), population: refs.length, unreadable, unreadableCount, considered, expressionMatches };
}

/**
 * Why the selection is smaller than asked, in words: `--num-vis 50 requested, 20 available`, or which filter
 * matched nothing. Undefined when the selection is what was asked for.
 */
export function selectionShortfall(
  result: Pick<SelectionResult, 'population' | 'considered' | 'expressionMatches'>,
  options: Pick<SampleChoice<string>, 'numVis' | 'filter' | 'indices'>,
): string | undefined {
  const pool = options.indices ? `the ${result.considered} samples of --indices` : `${result.considered} samples`;
  const { filter } = options;
  if (result.population === 0 && result.considered > 0 && isFilterActive(filter)) {
    const expression = filter.expression ? `--filter ${JSON.stringify(filter.expression.source)}` : undefined;
    const only = filter.only.length ? `--only ${filter.only.join(',')}` : undefined;
    if (expression && result.expressionMatches === 0) return `${expression} matched none of ${pool}`;
    if (expression && only) return `${expression} matched ${result.expressionMatches} of ${pool}, but none of them is ${filter.only.join(' or ')} (${only})`;
    return `${only} matched none of ${pool}`;
  }
  if (typeof options.numVis === 'number' && options.numVis > result.population) {
    const after = isFilterActive(filter) ? ' after filtering' : '';
    return `--num-vis ${options.numVis} requested, ${result.population} available${after}: rendering ${result.population}`;
  }
  return undefined;
}
