/// <reference lib="dom" />
// The grid's data as viewer-index.js leaves it on window, decoded into entries.
import type { Entry } from './types.js';

export interface IndexData {
  title: string;
  runs: Record<string, unknown>[];
  entries: Entry[];
  byName: Map<string, number>;
}

type RawIndex = { title: string; columns: string[]; runs: Record<string, unknown>[]; entries: unknown[][] };

/** The index, or null when viewer-index.js did not load. */
export function readIndex(): IndexData | null {
  const raw = (window as unknown as { HRV_INDEX?: RawIndex }).HRV_INDEX;
  if (!raw) return null;
  // Rows are arrays in the file (half the size); objects by column name here.
  const entries = raw.entries.map((row) => {
    const e: Record<string, unknown> = {};
    raw.columns.forEach((c, j) => (e[c] = row[j]));
    return e as unknown as Entry;
  });
  const byName = new Map<string, number>();
  entries.forEach((e, i) => byName.set(e.name, i));
  return { title: raw.title, runs: raw.runs, entries, byName };
}
