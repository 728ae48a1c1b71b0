// `stats`: counts over the annotations only (no image reads): histograms, verdicts, rejections, reasoning length.
import { toJson } from '../json.js';
import { DataError, EXIT, exitCodeForSignal } from '../errors.js';
import type { AnnotationRecord, SplitPaths, VerdictCounts } from '../types.js';
import { countVerdicts, isRejection } from '../outputs/sample-json.js';
import { forEachSample } from '../plumbing/each-sample.js';
import type { ParseCot, SampleSource } from '../plumbing/seams.js';
import type { RunIo } from '../plumbing/run-io.js';
import { formatStatsTable } from './stats-table.js';
import type { SplitStats, StatsReport } from './stats-report.js';

export type { SplitStats, StatsReport };

class Accumulator {
  samples = 0;
  unreadable = 0;
  candidates = new Map<number, number>();
  targets = new Map<number, number>();
  verdicts = countVerdicts([]);
  rejection = 0;
  inconsistent = 0;
  lengths: number[] = [];

  addSample({ annotation }: AnnotationRecord, parseCot: ParseCot): void {
    const cot = parseCot(annotation);
    this.samples++;
    bump(this.candidates, annotation.gtBoxes.length);
    bump(this.targets, cot.targets.length);
    countVerdicts(annotation.gtBoxes.map((_, i) => cot.verdicts[i] ?? null), this.verdicts);
    if (isRejection(cot)) this.rejection++;
    if (!cot.consistency.consistent) this.inconsistent++;
    this.lengths.push(annotation.think.length);
  }

  add(other: Accumulator): void {
    this.samples += other.samples;
    this.unreadable += other.unreadable;
    for (const [k, v] of other.candidates) bump(this.candidates, k, v);
    for (const [k, v] of other.targets) bump(this.targets, k, v);
    for (const [key, n] of Object.entries(other.verdicts) as [keyof VerdictCounts, number][]) this.verdicts[key] += n;
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
  await forEachSample(
    {
      ...deps,
      ...options,
      verb: 'reading',
      onUnopenable: (_paths, error) => errors.push(error.message),
      visit: (source) => {
        const acc = new Accumulator();
        return {
          sample: async (index) => {
            try {
              acc.addSample(await source.readAnnotation(index), deps.parseCot);
              return true;
            } catch (error) {
              if (!(error instanceof DataError)) throw error;
              acc.unreadable++;
              errors.push(error.message);
              return false;
            }
          },
          end: () => {
            splits[source.paths.name] = acc.result();
            total.add(acc);
          },
        };
      },
    },
    io,
  );
  return { splits, total: total.result(), errors };
}

/** The stats command as a library call: collect, print the table (or JSON) and the first unreadable samples; returns the exit code. */
export async function runStats(options: { concurrency: number; quiet: boolean; json: boolean }, deps: StatsDeps, io: RunIo): Promise<number> {
  const report = await collectStats(deps, options, io);
  io.stdout.write(options.json ? `${toJson(report, 2)}\n` : formatStatsTable(report));
  for (const message of report.errors.slice(0, 20)) io.stderr.write(`humanref-vis: ${message}\n`);
  if (report.errors.length > 20) io.stderr.write(`humanref-vis: ... and ${report.errors.length - 20} more unreadable samples\n`);
  if (io.signal?.aborted) return exitCodeForSignal(io.signal.reason);
  return report.errors.length > 0 ? EXIT.failed : EXIT.ok;
}
