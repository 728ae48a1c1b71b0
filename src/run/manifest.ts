// manifest.csv: one row per selected sample that finished, rendered or failed, in selection order.
import { writeToString } from 'fast-csv';
import { writeFileAtomic } from './atomic-write.js';
import { byPosition, type Outcome } from './outcome.js';

export const MANIFEST_HEADERS = [
  'index',
  'split',
  'ann_offset',
  'img_offset',
  'image_key',
  'expression',
  'candidates',
  'targets',
  'cot_targets',
  'consistent',
  'warnings',
  'file',
  'status',
  'error',
] as const;

type Row = Record<(typeof MANIFEST_HEADERS)[number], string>;

/** Person lists as space-separated 1-based numbers (`2 4`): no quoting needed, easy to split. */
function numbers(list: readonly number[]): string {
  return list.join(' ');
}

export function manifestRow(outcome: Outcome): Row {
  if (outcome.status === 'failed') {
    return {
      index: String(outcome.index),
      split: outcome.split,
      ann_offset: outcome.annOffset === null ? '' : String(outcome.annOffset),
      img_offset: outcome.imgOffset === null ? '' : String(outcome.imgOffset),
      image_key: '',
      expression: '',
      candidates: '',
      targets: '',
      cot_targets: '',
      consistent: '',
      warnings: '',
      file: '',
      status: 'failed',
      error: outcome.error,
    };
  }
  const r = outcome.record;
  return {
    index: String(r.index),
    split: r.split,
    ann_offset: String(r.annOffset),
    img_offset: String(r.imgOffset),
    image_key: r.imageKey,
    expression: r.expressions.join(' | '),
    candidates: String(r.candidates.length),
    targets: numbers(r.targets),
    cot_targets: numbers(r.cotTargets),
    consistent: String(r.consistent),
    warnings: r.warnings.join(' | '),
    file: outcome.file,
    status: 'rendered',
    error: '',
  };
}

export async function manifestCsv(outcomes: readonly Outcome[]): Promise<string> {
  const rows = [...outcomes].sort(byPosition).map(manifestRow);
  return writeToString(rows, { headers: [...MANIFEST_HEADERS], alwaysWriteHeaders: true, includeEndRowDelimiter: true });
}

export async function writeManifest(dir: string, outcomes: readonly Outcome[]): Promise<string> {
  return writeFileAtomic(dir, 'manifest.csv', await manifestCsv(outcomes));
}
