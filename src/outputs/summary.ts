// The end-of-run tally and its summary on stderr: counts, failures with their reasons, warnings, speed.
import { oneLine } from '../errors.js';
import type { Outcome } from './outcome.js';

/** Lists at most this many failures and warnings: the manifest has them all. */
const MAX_LISTED = 20;

export interface Failure {
  split: string;
  index: number;
  error: string;
}

/** Counts over the outcomes, keeping only the first few messages so memory does not grow with --num-vis. */
export class RunTally {
  rendered = 0;
  failed = 0;
  warned = 0;
  inconsistent = 0;
  warningCount = 0;
  readonly failures: Failure[] = [];
  readonly warnings: string[] = [];

  add(outcome: Outcome): void {
    if (outcome.status === 'failed') {
      this.failed++;
      if (this.failures.length < MAX_LISTED) this.failures.push({ split: outcome.split, index: outcome.index, error: oneLine(outcome.error) });
      return;
    }
    const r = outcome.record;
    this.rendered++;
    if (!r.consistent) this.inconsistent++;
    if (r.warnings.length > 0) this.warned++;
    for (const w of r.warnings) {
      this.warningCount++;
      // Parser warnings quote the data: escaped, so a line of the dataset cannot drive the terminal.
      if (this.warnings.length < MAX_LISTED) this.warnings.push(`${r.split} sample ${r.index}: ${oneLine(w)}`);
    }
  }
}

export interface RunSummary {
  selected: number;
  tally: RunTally;
  seconds: number;
  outputDir: string;
  /** Set when the run stopped early: by a signal, or by an unwritable output folder. */
  stoppedBy?: string;
  /** List the first warnings, not only their count. */
  verbose?: boolean;
}

export function formatSummary(s: RunSummary): string {
  const t = s.tally;
  const rate = s.seconds > 0 ? t.rendered / s.seconds : 0;
  const lines = [
    `${t.rendered} rendered, ${t.failed} failed, ${t.warned} with warnings, ${t.inconsistent} inconsistent, of ${s.selected} selected in ${s.seconds.toFixed(1)} s (${rate.toFixed(1)} images/s) -> ${oneLine(s.outputDir)}`,
  ];
  if (s.stoppedBy) lines.push(`stopped early: ${s.stoppedBy}; ${s.selected - t.rendered - t.failed} not done`);
  for (const f of t.failures) lines.push(`  failed: ${f.error}`);
  if (t.failed > t.failures.length) lines.push(`  ... and ${t.failed - t.failures.length} more failures (see manifest.csv)`);
  if (s.verbose) {
    for (const w of t.warnings) lines.push(`  warning: ${w}`);
    if (t.warningCount > t.warnings.length) lines.push(`  ... and ${t.warningCount - t.warnings.length} more warnings (see manifest.csv)`);
  }
  return lines.join('\n') + '\n';
}
