// What happened to one selected sample: rendered (with its record) or failed (with the reason).
import type { VerdictCounts } from '../types.js';
import type { SampleRecord } from './sample-json.js';
import type { ViewerEntry } from '../viewer/types.js';

export interface RenderedOutcome {
  status: 'rendered';
  /** Position in the selection: outputs are listed in this order whatever order workers finish in. */
  position: number;
  record: SampleRecord;
  /** File name inside the output folder. */
  file: string;
  verdictCounts: VerdictCounts;
  /** The sample view's data and the photo, for the viewer (dropped once written). */
  viewer?: Required<Pick<ViewerEntry, 'detail' | 'image' | 'searchText'>>;
}

export interface FailedOutcome {
  status: 'failed';
  position: number;
  split: string;
  index: number;
  annOffset: number | null;
  imgOffset: number | null;
  error: string;
  /** The DataError code (`invalid-json`, `bad-base64`, ...), or `render` for a failure while drawing or encoding. */
  errorCode: string;
}

export type Outcome = RenderedOutcome | FailedOutcome;

export function byPosition(a: Outcome, b: Outcome): number {
  return a.position - b.position;
}

/** The --json line of one selected sample: every one is listed, rendered or failed, as in manifest.csv. */
export type SampleJsonLine =
  | ({ status: 'rendered' } & SampleRecord)
  | { status: 'failed'; index: number; split: string; annOffset: number | null; imgOffset: number | null; error: string; errorCode: string; output: null };

export function sampleJsonLine(outcome: Outcome): SampleJsonLine {
  if (outcome.status === 'rendered') return { status: 'rendered', ...outcome.record };
  const { index, split, annOffset, imgOffset, error, errorCode } = outcome;
  return { status: 'failed', index, split, annOffset, imgOffset, error, errorCode, output: null };
}
