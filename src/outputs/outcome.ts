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
}

export type Outcome = RenderedOutcome | FailedOutcome;

export function byPosition(a: Outcome, b: Outcome): number {
  return a.position - b.position;
}
