// `stats`: counts over the annotations only (no image reads): histograms, verdicts, rejections, reasoning length.
import { DataError } from '../errors.js';
import type { SplitPaths } from '../types.js';
import { runPool } from '../plumbing/pool.js';
import { Progress } from '../plumbing/progress.js';
import type { ParseCot, SampleSource } from '../plumbing/seams.js';
import type { RunIo } from '../plumbing/run-io.js';

export interface SplitStats {
  samples: number;
  unreadable: number;
  /** Number of candidates (boxes) per sample -> how many samples. */
  candidatesPerSample: Record<string, number>;
  /** Number of region_map targets per sample -> how many samples. */
  targetsPerSample: Record<string, number>;
  /** Final verdicts over all candidates. */
  verdicts: { '✅': number; '❌': number; '⚠️': number; none: number };
  rejection: number;
  rejectionShare: number;
  inconsistent: number;
  /** Length of `think` in characters (UTF-16 code units). */
  reasoningLength: { min: number; median: number; mean: number; p90: number; max: number };
}

export interface StatsReport {
  splits: Record<string, SplitStats>;
  total: SplitStats;
  errors: string[];
}

class Accumulator {
  samples = 0;
  unreadable = 0;
  candidates = new Map<number, number>();
  targets = new Map<number, number>();
  verdicts = { '✅': 0, '❌': 0, '⚠️': 0, none: 0 };
  rejection = 0;
  inconsistent = 0;
  lengths: number[] = [];

  add(other: Accumulator): void {
    this.samples += other.samples;
    this.unreadable += other.unreadable;
    for (const [k, v] of other.candidates) bump(this.candidates, k, v);
    for (const [k, v] of other.targets) bump(this.targets, k, v);
    for (const key of ['✅', '❌', '⚠️', 'none'] as const) this.verdicts[key] += other.verdicts[key];
    this.rejection += other.rejection;
    this.inconsistent += other.inconsistent;
    for (const n of other.lengths) this.lengths.push(n);
  }

  result(): SplitStats {
    const sorted = Float64Array.from(this.lengths).sort();
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
    const sum = this.lengths.reduce((a, b) => a + b, 0);
    return {
      samples: this.samples,
      unreadable: this.unreadable,
      candidatesPerSample: histogram(this.candidates),
      targetsPerSample: histogram(this.targets),
      verdicts: { ...this.verdicts },
      rejection: this.rejection,
      rejectionShare: this.samples ? this.rejection / this.samples : 0,
      inconsistent: this.inconsistent,
      reasoningLength: { min: at(0), median: at(0.5), mean: sorted.length ? Math.round(sum / sorted.length) : 0, p90: at(0.9), max: sorted.length ? sorted[sorted.length - 1] : 0 },
    };
  }
}

function bump(map: Map<number, number>, key: number, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function histogram(map: Map<number, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...map.keys()].sort((a, b) => a - b)) out[String(key)] = map.get(key) ?? 0;
  return out;
}

export interface StatsDeps {
  splits: readonly SplitPaths[];
  openSource: (paths: SplitPaths) => Promise<SampleSource>;
  parseCot: ParseCot;
}

export async function collectStats(deps: StatsDeps, options: { concurrency: number; quiet: boolean }, io: RunIo): Promise<StatsReport> {
  const splits: Record<string, SplitStats> = {};
  const total = new Accumulator();
  const errors: string[] = [];
  for (const paths of deps.splits) {
    if (io.signal?.aborted) break;
    let source: SampleSource;
    try {
      source = await deps.openSource(paths);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      errors.push(error.message);
      continue;
    }
    const acc = new Accumulator();
    try {
      const progress = new Progress(io.stderr, source.length, `reading ${paths.name}`, { quiet: options.quiet });
      const indices = { *[Symbol.iterator]() { for (let i = 0; i < source.length; i++) yield i; } };
      await runPool(
        indices,
        async (index) => {
          try {
            const { annotation } = await source.readAnnotation(index);
            const cot = deps.parseCot(annotation.think, annotation.gtBoxes.length, annotation.regionMap);
            acc.samples++;
            bump(acc.candidates, annotation.gtBoxes.length);
            bump(acc.targets, cot.targets.length);
            annotation.gtBoxes.forEach((_, i) => acc.verdicts[cot.verdicts[i] ?? 'none']++);
            if (cot.targets.length === 0) acc.rejection++;
            if (!cot.consistency.consistent) acc.inconsistent++;
            acc.lengths.push(annotation.think.length);
            progress.tick(true);
          } catch (error) {
            if (!(error instanceof DataError)) throw error;
            acc.unreadable++;
            errors.push(error.message);
            progress.tick(false);
          }
        },
        { concurrency: options.concurrency, shouldStop: () => io.signal?.aborted ?? false },
      );
      progress.finish();
    } finally {
      await source.close();
    }
    splits[paths.name] = acc.result();
    total.add(acc);
  }
  return { splits, total: total.result(), errors };
}
