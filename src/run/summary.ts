// The end-of-run summary on stderr: counts, failures with their reasons, warnings, speed.
import type { Outcome } from './outcome.js';
import { byPosition } from './outcome.js';

export interface RunSummary {
  selected: number;
  outcomes: readonly Outcome[];
  seconds: number;
  outputDir: string;
  /** Set when the run stopped early: by a signal, or by an unwritable output folder. */
  stoppedBy?: string;
  /** Show every warning line, not only the count. */
  verbose?: boolean;
}

/** Lists at most this many failures and warnings: the manifest has them all. */
const MAX_LISTED = 20;

export function formatSummary(s: RunSummary): string {
  const sorted = [...s.outcomes].sort(byPosition);
  const rendered = sorted.filter((o) => o.status === 'rendered');
  const failed = sorted.filter((o) => o.status === 'failed');
  const warned = rendered.filter((o) => o.status === 'rendered' && o.record.warnings.length > 0);
  const rate = s.seconds > 0 ? rendered.length / s.seconds : 0;
  const lines: string[] = [];
  lines.push(
    `${rendered.length} rendered, ${failed.length} failed, ${warned.length} with warnings, of ${s.selected} selected in ${s.seconds.toFixed(1)} s (${rate.toFixed(1)} images/s) -> ${s.outputDir}`,
  );
  if (s.stoppedBy) lines.push(`stopped early: ${s.stoppedBy}; ${s.selected - sorted.length} not done`);
  for (const o of failed.slice(0, MAX_LISTED)) if (o.status === 'failed') lines.push(`  failed: ${o.error}`);
  if (failed.length > MAX_LISTED) lines.push(`  ... and ${failed.length - MAX_LISTED} more failures (see manifest.csv)`);
  if (s.verbose) {
    let listed = 0;
    for (const o of warned) {
      if (o.status !== 'rendered') continue;
      for (const w of o.record.warnings) {
        if (listed++ < MAX_LISTED) lines.push(`  warning: ${o.record.split} sample ${o.record.index}: ${w}`);
      }
    }
    if (listed > MAX_LISTED) lines.push(`  ... and ${listed - MAX_LISTED} more warnings (see manifest.csv)`);
  }
  return lines.join('\n') + '\n';
}
