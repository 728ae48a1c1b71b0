// What `stats` reports: per split and in total (the JSON of --json; stats-table prints it for a person).
import type { VerdictCounts } from '../types.js';

export interface SplitStats {
  samples: number;
  unreadable: number;
  /** Number of candidates (boxes) per sample -> how many samples. */
  candidatesPerSample: Record<string, number>;
  /** Number of region_map targets per sample -> how many samples. */
  targetsPerSample: Record<string, number>;
  /** Final verdicts over all candidates. */
  verdicts: VerdictCounts;
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
