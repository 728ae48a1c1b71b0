/// <reference lib="dom" />
// Shapes the page's script works with (types only: nothing here exists at run time in the page).
import type { ViewerRow } from '../index-schema.js';
import type { ViewerCandidate, ViewerDetail } from '../types.js';

/** One grid entry, decoded from a row of viewer-index.js by its column names: the row schema (index-schema.ts). */
export type Entry = ViewerRow;

/** A candidate as the writer stores it: with its box colour and a shade of it readable as text on white. */
export type Candidate = ViewerCandidate & { color: string; textColor: string };

/** A viewer-data/<name>.js payload: the entry's detail as writer.ts completes it. */
export interface Detail extends Omit<ViewerDetail, 'image' | 'candidates'> {
  name: string;
  image: ViewerDetail['image'] & { file: string | null };
  candidates: Candidate[];
}

/** Inclusive [lo, hi]. */
export type Range = [number, number];

/** The grid's filters, as the URL hash holds them. */
export interface State {
  q: string;
  only: string[];
  split: string;
  sort: string;
  /** Candidates at least / at most. */
  min: number | null;
  max: number | null;
  /** The summary panel's bars: ✅, ❌, ⚠️ per sample and the reasoning's length in characters. */
  ok: Range | null;
  no: Range | null;
  warn: Range | null;
  len: Range | null;
}

/** The State fields a summary bar sets (besides min/max). */
export const RANGE_FIELDS = ['ok', 'no', 'warn', 'len'] as const;
