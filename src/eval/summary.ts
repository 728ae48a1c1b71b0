// The end-of-run summary of an eval on stderr: counts, then what upstream would have passed over in silence.
import { oneLine } from '../errors.js';
import type { EvalTally } from './tally.js';
import type { GtReadResult } from './read-gt.js';
import type { PredReadResult } from './read-pred.js';

export interface EvalSummaryInput {
  ev: EvalTally;
  names: readonly string[];
  truth: GtReadResult;
  preds: readonly PredReadResult[];
  skipped: number;
  drawn: number;
  failed: number;
  outputDir: string;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const some = (items: readonly string[]) => `${items.slice(0, 5).map((x) => oneLine(x)).join(', ')}${items.length > 5 ? ', ...' : ''}`;

export function formatEvalSummary(s: EvalSummaryInput): string {
  const { ev, names } = s;
  const lines = [
    `${plural(ev.samples, 'sample')} (${ev.rejectionSamples} rejection), ${plural(names.length, 'model')}; ${plural(s.skipped, 'bad line')} skipped; ${plural(s.drawn, 'picture')} drawn${s.failed ? `, ${s.failed} failed` : ''} -> ${oneLine(s.outputDir)}`,
  ];
  names.forEach((name, i) => {
    const unknown = ev.unknownIds[i];
    if (unknown.length) lines.push(`  ${name}: ${plural(unknown.length, 'prediction id')} not in the ground truth (ignored): ${some(unknown)}`);
    const dups = s.preds[i].duplicates;
    if (dups.length) lines.push(`  ${name}: ${plural(dups.length, 'id')} on more than one line (the last line counts, as upstream): ${some(dups.map((d) => `${d.id} (lines ${d.lines.join(', ')})`))}`);
    const missing = ev.withoutPrediction[i];
    if (missing) lines.push(`  ${name}: ${plural(missing, 'sample')} without a prediction line (scored as no box, as upstream)`);
  });
  const repeated = s.truth.duplicateIds;
  if (repeated.length) lines.push(`  the ground truth repeats ${plural(repeated.length, 'id')} (each line is scored): ${some(repeated)}`);
  return `${lines.join('\n')}\n`;
}
