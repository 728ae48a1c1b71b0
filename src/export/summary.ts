// The end of an export on stderr: what was kept, dropped and failed, and where it went.
import { oneLine } from '../errors.js';

const MAX_LISTED = 20;

export class ExportTally {
  exported = 0;
  failed = 0;
  droppedByReview = 0;
  droppedInconsistent = 0;
  readonly failures: string[] = [];

  fail(message: string): void {
    this.failed++;
    if (this.failures.length < MAX_LISTED) this.failures.push(oneLine(message));
  }
}

export interface ExportSummary {
  format: string;
  selected: number;
  tally: ExportTally;
  seconds: number;
  outputDir: string;
  files: readonly string[];
  stoppedBy?: string;
}

export function formatExportSummary(s: ExportSummary): string {
  const t = s.tally;
  const dropped = [t.droppedByReview ? `${t.droppedByReview} dropped by the review` : '', t.droppedInconsistent ? `${t.droppedInconsistent} dropped as inconsistent` : ''].filter(Boolean);
  const lines = [
    `${t.exported} exported (${s.format}), ${t.failed} failed${dropped.length ? `, ${dropped.join(', ')}` : ''}, of ${s.selected} selected in ${s.seconds.toFixed(1)} s -> ${oneLine(s.outputDir)}`,
  ];
  if (s.stoppedBy) lines.push(`stopped early: ${s.stoppedBy}; nothing was written in place of the export files (images already copied stay)`);
  else if (s.files.length > 0) lines.push(`  wrote ${s.files.map(oneLine).join(', ')}`);
  for (const f of t.failures) lines.push(`  failed (skipped): ${f}`);
  if (t.failed > t.failures.length) lines.push(`  ... and ${t.failed - t.failures.length} more failures`);
  return lines.join('\n') + '\n';
}
